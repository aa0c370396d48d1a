"""The benchmark's anchor: the French half of a synthetic magazine as a plain Material for MkDocs blog.

    python bench/anchor.py --corpus DIR --out DIR2

``write_material_blog(corpus, out)`` reads a corpus written by ``bench/generate.py``
(``magazine/<year>/*.fr.md``, ``magazine/authors.yml``, ``magazine/tags.yml``) and
writes into ``out`` a standalone MkDocs project that Material's own blog plugin
builds: no hooks, no overrides, French only. It is what a team would get with
Material alone for the French magazine, so ``bench/run.py`` times it on the same
corpus as our bilingual build.

- ``mkdocs.yml``: ``site_name``, ``site_url: https://bench.example/``, theme
  ``material`` in French, ``plugins: [search, blog]`` (blog defaults, with
  ``post_date_format: long`` and ``authors_file: "{blog}/.authors.yml"`` spelled
  out), and the corpus's own ``markdown_extensions`` and ``validation``, so both
  builds render the same Markdown with the same link checks (all at ``warn``,
  hence errors under ``--strict``);
- ``docs/index.md``, ``docs/blog/index.md``;
- ``docs/blog/.authors.yml``: every author with ``name``, ``description`` (their
  French bio) and ``avatar``. Material 9.8.1 types the three as ``str`` without a
  default, so a missing one is ``None`` and its templates then write
  ``<img src="…/None">``: every author points at one tiny local SVG,
  ``assets/avatar.svg`` (our site shows no avatars either);
- ``docs/blog/posts/<year>/<stem>.md`` per French article: front matter
  ``date`` (the article's date), ``authors`` (keys), ``categories`` (the French
  names of its tags, so Material builds one category page per tag as we build
  one listing per tag), ``slug: <stem>`` and ``description``; then ``# Title``,
  the description as the excerpt (followed by ``<!-- more -->``: Material's
  listings then show title + description, as our cards do, instead of the whole
  article) and the article's body.

The one link of each body, ``../<year>/<stem>.fr.md``, is rewritten to the post
file ``../<year>/<stem>.md`` (posts keep the corpus's year folders), which
Material resolves to the post's URL: the strict build has no warning.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import yaml

MARKER = ".bench-anchor"  #: marks a folder written by this script (safe to overwrite)
SITE_NAME = "respect — le magazine (Material blog)"
SITE_URL = "https://bench.example/"
EXCERPT = "<!-- more -->"
AVATAR = "assets/avatar.svg"
AVATAR_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2">'
              '<circle cx="1" cy="1" r="1" fill="#888"/></svg>\n')
#: The link generate.py writes into each body: ../<year>/<stem>.<lang>.md
LINK = re.compile(r"\]\(\.\./(\d{4})/([a-z0-9-]+)\.fr\.md\)")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def prepare(out: Path) -> None:
    """Make ``out`` an empty folder; refuse to wipe a non-empty folder this script did not write."""
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SystemExit(f"{out} is not empty and was not written by bench/anchor.py: choose another folder")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("written by bench/anchor.py; may be overwritten\n", encoding="utf-8")


def split_article(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        raise ValueError(f"{path}: no front matter")
    return yaml.safe_load(match.group(1)), text[match.end():].lstrip("\n")


def site_config(corpus: dict) -> dict:
    config = {
        "site_name": SITE_NAME,
        "site_url": SITE_URL,
        "theme": {"name": "material", "language": "fr"},
        "plugins": ["search", {"blog": {"post_date_format": "long", "authors_file": "{blog}/.authors.yml"}}],
    }
    for key in ("markdown_extensions", "validation"):
        if key in corpus:
            config[key] = corpus[key]
    return config


def write_material_blog(corpus_dir: Path, out: Path) -> Path:
    """Write the Material blog project for the French articles of ``corpus_dir`` into ``out``; return its mkdocs.yml."""
    corpus_dir, out = Path(corpus_dir).resolve(), Path(out).resolve()
    magazine = corpus_dir / "magazine"
    authors = yaml.safe_load((magazine / "authors.yml").read_text(encoding="utf-8"))
    tags = yaml.safe_load((magazine / "tags.yml").read_text(encoding="utf-8"))
    corpus_config = yaml.safe_load((corpus_dir / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    articles = sorted(magazine.glob("[0-9][0-9][0-9][0-9]/*.fr.md"))
    if not articles:
        raise ValueError(f"{magazine}: no French article (magazine/<year>/*.fr.md)")

    prepare(out)
    docs = out / "docs"
    blog = docs / "blog"
    posts = blog / "posts"
    posts.mkdir(parents=True)
    config = out / "mkdocs.yml"
    config.write_text(dump(site_config(corpus_config)), encoding="utf-8")
    (docs / "index.md").write_text(
        "# Culture · Groupe SOS\n\nLe magazine *respect* : voir le [blog](blog/index.md).\n", encoding="utf-8")
    (blog / "index.md").write_text("# Le magazine\n", encoding="utf-8")
    (docs / AVATAR).parent.mkdir(parents=True, exist_ok=True)
    (docs / AVATAR).write_text(AVATAR_SVG, encoding="utf-8")
    (blog / ".authors.yml").write_text(dump({"authors": {
        key: {"name": author["name"], "description": author["bio"]["fr"], "avatar": AVATAR}
        for key, author in authors.items()}}), encoding="utf-8")

    for path in articles:
        meta, body = split_article(path)
        year, stem = path.parent.name, path.name[:-len(".fr.md")]
        post_meta = {
            "date": meta["date"],
            "authors": list(meta["authors"]),
            "categories": [tags[key]["fr"] for key in meta["tags"]],
            "slug": stem,
            "description": meta["description"],
        }
        body = LINK.sub(r"](../\1/\2.md)", body)
        text = (f"---\n{dump(post_meta)}---\n\n# {meta['title']}\n\n{meta['description']}\n\n{EXCERPT}\n\n{body}")
        target = posts / year / f"{stem}.md"
        target.parent.mkdir(exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="a folder written by bench/generate.py")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the Material project into")
    args = parser.parse_args(argv)
    config = write_material_blog(args.corpus, args.out)
    print(f"wrote the Material blog; build with: mkdocs build --strict -f {config}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
