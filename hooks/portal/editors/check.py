"""Validate the whole site's content without building it: what `portal check` reports."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from portal.content import shortcodes
from portal.content.legal import load_legal, to_fill
from portal.content.problems import Problem, sorted_problems
from portal.content.sanitise import markdown_problems
from portal.content.site import Site, SiteSettings, load_site
from portal.content.yamlsource import SourceError, read_text, split_front_matter
from portal.plan.claims import address_problems
from portal.text.languages import LANGUAGES

from .placeholders import placeholder_problems


@dataclass(frozen=True)
class Report:
    """Problems, plus what is valid but not published yet."""

    problems: tuple[Problem, ...]
    scheduled: tuple[str, ...] = ()  #: 'path: date' of articles with a future date
    unannounced: tuple[str, ...] = ()  #: 'path: date' of conferences announced later
    drafts: tuple[str, ...] = ()
    files: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    #: 'path:line: field' of legal-notice values nobody has confirmed yet, then 'path: field' of the links out
    #: readers would need and the content does not give (registration of upcoming conferences, structures' websites)
    to_fill: tuple[str, ...] = ()


def find_repository(start: Path) -> Path:
    """The folder holding mkdocs.yml, from ``start`` upwards."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise FileNotFoundError("no mkdocs.yml here or above: run portal inside the site's repository")


def content_dir(repo: Path) -> Path:
    match = re.search(r"^docs_dir:\s*['\"]?([^'\"\s#]+)", (repo / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return repo / (match.group(1) if match else "docs")


def check(repo: Path, settings: SiteSettings | None = None, paths: list[str] | None = None) -> Report:
    """Load and validate every content file; keep the problems of ``paths`` (files or folders) if given."""
    settings = settings or SiteSettings(repo, content_dir(repo), "https://example.invalid/")
    site = load_site(settings)
    problems = list(site.problems) + _shortcode_problems(site) + _html_problems(site) + address_problems(site)
    problems += placeholder_problems(repo) + load_legal(settings.content_dir, settings.repo_root)[1]
    if paths:
        wanted = [p.rstrip("/") for p in paths]
        problems = [p for p in problems if any(p.path == w or p.path.startswith(w + "/") for w in wanted)]
    scheduled = tuple(f"{a.source}: {a.date.isoformat(' ', 'minutes')}" for a in site.articles.scheduled)
    unannounced = tuple(f"{c.source}: {c.announced.date().isoformat()}" for c in site.unannounced)
    # A draft that still lacks a required text is listed too: it is not an error (never published).
    drafts = tuple(sorted({a.source for a in site.magazine.articles if a.draft} |
                          {note.path for note in site.magazine.notes}))
    files = sum(1 for folder in ("content", "structures", "magazine", "upconf")
                for path in (repo / folder).rglob("*") if path.suffix in (".md", ".yml", ".yaml"))
    counts = {"pages": len(site.pages), "structures": len(site.structures), "articles": len(site.magazine.articles),
              "conferences": len(site.conferences) + len(site.unannounced)}
    return Report(tuple(sorted_problems(problems)), scheduled, unannounced, drafts, files, counts,
                  to_fill(settings.content_dir, settings.repo_root) + links_to_fill(site))


def links_to_fill(site: Site) -> tuple[str, ...]:
    """'path: field' of the links out the content does not give yet: the registration of each upcoming
    conference that takes registrations (not cancelled), and each structure's website. Not errors: nothing
    is invented, the page simply goes without the link until an editor finds the real address."""
    now = site.settings.now
    conferences = sorted((c for c in (*site.conferences, *site.unannounced)
                          if c.is_upcoming(now) and c.status != "cancelled" and not c.registration),
                         key=lambda c: c.source)
    structures = sorted((s for s in site.structures if not s.website), key=lambda s: s.source)
    return (tuple(f"{c.source}: registration" for c in conferences)
            + tuple(f"{s.source}: website" for s in structures))


def _html_problems(site: Site) -> list[Problem]:
    """What the build's sanitising would remove from each body and Markdown field (see portal.content.sanitise)."""
    problems: list[Problem] = []
    root = site.settings.repo_root
    for article in site.magazine.articles:
        problems += markdown_problems(article.body, article.source, "body", article.body, article.body_line)
    for page in site.pages:
        try:
            front = split_front_matter(read_text((root / page.source).read_bytes()))
        except (OSError, SourceError):
            continue  # already reported by the loader
        problems += markdown_problems(front.body, page.source, "body", front.body, front.body_line)
    fields = [(s.source, "description", s.description) for s in site.structures]
    fields += [(c.source, "description", c.description) for c in (*site.conferences, *site.unannounced)]
    fields += [("magazine/issues.yml", "editorial", i.editorial) for i in site.magazine.issues.values()]
    for source, name, texts in fields:
        for lang in LANGUAGES:
            if texts[lang]:
                problems += markdown_problems(texts[lang], source, f"{name}.{lang}", _file_text(root / source), 1)
    return problems


def _file_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return ""


def _shortcode_problems(site: Site) -> list[Problem]:
    """The shortcodes of hand-written pages, checked as the build would expand them."""
    problems: list[Problem] = []
    for page in site.pages:
        path = site.settings.repo_root / page.source
        try:
            front = split_front_matter(read_text(path.read_bytes()))
        except SourceError:
            continue  # already reported by the loader
        _, found = shortcodes.expand(front.body, page.source, page.lang, site.figures, lambda name, ctx: "",
                                     front.body_line - 1)
        problems += found
    return problems
