"""New content files with every field in place: what `portal new` and `portal translate` write.

Required fields an editor must fill are left empty with a '# TO FILL' comment,
so `portal check` points at each of them until they are filled.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from portal.content.clock import PARIS
from portal.content.conferences import FORMATS
from portal.content.fields import SLUG
from portal.content.magazine import RUBRICS
from portal.content.structures import CATEGORIES
from portal.content.yamlsource import read_text, split_front_matter
from portal.text.languages import LANGUAGES
from portal.text.slugs import slugify

TODO = "# TO FILL"
_START = re.compile(r"^\d{4}-\d\d-\d\d[ T]\d\d:\d\d$")


class ScaffoldError(Exception):
    """A file cannot be created (it exists, or the request is incomplete)."""


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _slug(given: str | None, text: str, what: str) -> str:
    """The slug of a new file: ``given`` (checked: it becomes a file name) or made from ``text``."""
    if given is not None:
        if not SLUG.match(given):
            raise ScaffoldError(f"--slug '{given}' is not a slug; use lowercase ASCII letters, digits and hyphens")
        return given
    slug = slugify(text)
    if not slug:
        raise ScaffoldError(f"the {what} gives an empty slug; pass --slug")
    return slug


def _write(repo: Path, path: Path, text: str) -> Path:
    # The file goes inside the repository, whatever a path or a link on the way says.
    if not Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(repo))):
        raise ScaffoldError(f"{path} is outside the repository; nothing was written")
    if os.path.lexists(path):
        raise ScaffoldError(f"{path} already exists; choose another title or slug")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def new_article(repo: Path, lang: str, title: str, today: dt.date | None = None, slug: str | None = None) -> Path:
    """magazine/<year>/<slug>.<lang>.md with today's date and every field."""
    today = today or dt.datetime.now(PARIS).date()
    slug = _slug(slug, title, "title")
    text = f"""---
title: {_quote(title)}
date: {today.isoformat()}
authors: []  {TODO}: keys of magazine/authors.yml, e.g. [redaction-respect]
tags: []  # keys of magazine/tags.yml
rubric:  {TODO}: one of {", ".join(RUBRICS)}
description:  {TODO}: one sentence, shown in listings and search results
# cover: image.jpg  # an image next to this file
# cover_alt: ""     # what the cover shows, for people who cannot see it
# issue: 1          # number of the print issue (magazine/issues.yml)
# structures: []    # file names of structures/ this article is about
# updated: {today.isoformat()}
# draft: true       # shown by the preview only, never published
---

Premier paragraphe : il sert d’extrait dans les listes.

## Un intertitre
"""
    if lang == "en":
        text = text.replace("Premier paragraphe : il sert d’extrait dans les listes.",
                            "First paragraph: it is the excerpt shown in listings.").replace("Un intertitre", "A heading")
    return _write(repo, repo / "magazine" / str(today.year) / f"{slug}.{lang}.md", text)


def translate_article(repo: Path, source: Path, to: str, slug: str | None = None) -> Path:
    """The ``to`` language version of an article: same facts, texts to translate, paired with the original."""
    if to not in LANGUAGES:
        raise ScaffoldError(f"unknown language '{to}'; use one of {', '.join(LANGUAGES)}")
    name = source.name
    parts = name.rsplit(".", 2)
    if len(parts) != 3 or parts[1] not in LANGUAGES or parts[2] != "md":
        raise ScaffoldError(f"{source} is not an article file named like 'my-article.fr.md'")
    stem, lang = parts[0], parts[1]
    if not source.is_file() or not Path(os.path.realpath(source)).is_relative_to(Path(os.path.realpath(repo))):
        raise ScaffoldError(f"{source} is not an article file of this repository")
    if lang == to:
        raise ScaffoldError(f"{source} is already in {to}")
    front = split_front_matter(read_text(source.read_bytes()))
    meta = front.meta.data if isinstance(front.meta.data, dict) else {}
    key = meta.get("translation_key") or stem
    target_stem = _slug(slug, stem, "file name") if slug is not None else stem
    lines = ["---", f"title:  {TODO}: the title in {to}", f"date: {meta.get('date', '')}"]
    for field in ("updated", "authors", "tags", "rubric", "issue", "structures", "cover", "draft"):
        if field in meta:
            value = meta[field]
            lines.append(f"{field}: {_inline(value)}")
    if "cover" in meta:
        lines.append(f"cover_alt:  {TODO}: what the cover shows, in {to}")
    lines.append(f"description:  {TODO}: one sentence in {to}")
    if target_stem != stem or "translation_key" in meta:
        lines.append(f"translation_key: {key}")
    lines += ["---", "", f"<!-- Translate the article {source.name} here. -->", ""]
    return _write(repo, source.parent / f"{target_stem}.{to}.md", "\n".join(lines))


def _inline(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(" ") if isinstance(value, dt.datetime) else value.isoformat()
    return str(value)


def new_conference(repo: Path, title: str, start: str, slug: str | None = None, today: dt.date | None = None) -> Path:
    """upconf/<date>-<slug>.yml with both languages' texts to fill."""
    if not _START.match(start.strip()):
        example = f"{start.strip()[:10]} 18:30" if re.match(r"^\d{4}-\d\d-\d\d$", start.strip()) else "2027-01-14 18:30"
        raise ScaffoldError(f"--start '{start}' needs a date and a time: write it as 'YYYY-MM-DD HH:MM' "
                            f"(Paris time), e.g. --start '{example}'")
    try:
        when = dt.datetime.fromisoformat(start.strip())
    except ValueError:
        raise ScaffoldError(f"--start '{start}' is not a date and time: write it as 'YYYY-MM-DD HH:MM'") from None
    today = today or dt.datetime.now(PARIS).date()
    slug = _slug(slug, title, "title")
    end = when + dt.timedelta(hours=1, minutes=30)
    text = f"""title:
  fr: {_quote(title)}
  en:  {TODO}: the title in English
summary:
  fr:  {TODO}: one sentence
  en:  {TODO}: one sentence
description:
  fr: |
    {TODO}: a few paragraphs (Markdown)
  en: |
    {TODO}: a few paragraphs (Markdown)
start: {when.strftime('%Y-%m-%d %H:%M')}
end: {end.strftime('%Y-%m-%d %H:%M')}  # Paris time; check it
format:  {TODO}: one of {", ".join(FORMATS)}
venue:
  name:  {TODO}: the place (or remove venue and write online: true)
  city:
# online: true                  # or the URL of the online session
speakers: []                    # - name: …  role: {{fr: …, en: …}}
# registration: https://…
status: scheduled               # scheduled, cancelled or postponed
announced: {today.isoformat()}  # the day it appears in the feeds
revision: 0                     # add 1 after every change once announced
structures: []
tags: []                        # keys of magazine/tags.yml, e.g. [upconf]
"""
    return _write(repo, repo / "upconf" / f"{when.date().isoformat()}-{slug}.yml", text)


def new_structure(repo: Path, name: str, category: str | None = None, slug: str | None = None) -> Path:
    """structures/<slug>.yml with both languages' texts to fill."""
    slug = _slug(slug, name, "name")
    if category and category not in CATEGORIES:
        raise ScaffoldError(f"unknown category '{category}'; use one of {', '.join(CATEGORIES)}")
    text = f"""name: {_quote(name)}
category: {category or f" {TODO}: one of " + ", ".join(CATEGORIES)}
# city: …                     # only if known
# website: https://…
# founded: 2002
summary:
  fr:  {TODO}: one sentence
  en:  {TODO}: one sentence
description:
  fr: |
    {TODO}: a few paragraphs (Markdown)
  en: |
    {TODO}: a few paragraphs (Markdown)
# logo:
#   src: {slug}-logo.png
#   alt: {{fr: Logo de …, en: … logo}}
"""
    return _write(repo, repo / "structures" / f"{slug}.yml", text)
