"""Every file the site writes has one claimant: a hand-written page, a generated page or a generated file.

The loaders refuse what they can see (a hand page on a generated section, two pages
with one address, an article's slug or alias on another's address). This is the
last check, over the whole plan: when two claimants still meet (a structure whose
slug is 'index' and the directory, say), the first in the plan's order keeps the
address and the other is reported, so that no build ever writes one file twice
(MkDocs would keep either, from one build to the next).
"""

from __future__ import annotations

from collections.abc import Iterable
from posixpath import splitext

from portal.content.magazine_urls import alias_file
from portal.content.pages import HandPage
from portal.content.problems import Problem
from portal.content.site import Site
from portal.content.urls import language_relative_path
from portal.text.languages import LANGUAGES

from .plans import PlannedFile, PlannedPage, plan_pages


def output_file(src_uri: str) -> str:
    """The file a language build writes for ``src_uri``: 'a/b.md' -> 'a/b/index.html'; other files as they are."""
    if splitext(src_uri)[1] != ".md":
        return src_uri
    return language_relative_path(src_uri) + "index.html"


def _owner(site: Site, lang: str, page: PlannedPage) -> str:
    """The source file behind a generated page, or '' for a listing."""
    kind = page.key.split(":", 1)[0]
    if kind == "article":
        article = site.articles.at(lang, page.src_uri)
        return article.source if article else ""
    if kind == "structure":
        structure = next((s for s in site.structures if f"structure:{s.slug}" == page.key), None)
        return structure.source if structure else ""
    if kind == "conference":
        conference = site.conference_at(page.src_uri)
        return conference.source if conference else ""
    return ""


def claimed_once(site: Site, lang: str, hand: Iterable[HandPage], pages: Iterable[PlannedPage],
                 files: Iterable[PlannedFile]) -> tuple[list[PlannedPage], list[PlannedFile], list[Problem]]:
    """The generated pages and files of ``lang`` that claim a file nobody claimed before, and a problem for each
    of the others (hand-written pages first: the loaders already keep them off the generated sections)."""
    # Who claimed each file: a hand page's source, or the generated page or file itself (its source file is
    # looked up only when two claimants meet, so the common case costs one dictionary entry per file).
    claims: dict[str, str | PlannedPage | PlannedFile] = {output_file(p.src_uri): p.source for p in hand}
    problems: list[Problem] = []

    def owner(claimant: str | PlannedPage | PlannedFile) -> str:
        if isinstance(claimant, str):
            return claimant
        return _owner(site, lang, claimant) if isinstance(claimant, PlannedPage) else ""

    def claim(path: str, claimant: PlannedPage | PlannedFile) -> bool:
        if path not in claims:
            claims[path] = claimant
            return True
        where = language_relative_path(path) if path.endswith("index.html") else path
        winner = owner(claims[path]) or "a generated page"
        source = owner(claimant) or path.split("/", 1)[0] + "/"
        problems.append(Problem(source, None, "", f"'{where}' is already the address of {winner}",
                                "give this one another file name or slug"))
        return False

    kept_pages = [p for p in pages if claim(output_file(p.src_uri), p)]
    kept_files = [f for f in files if claim(f.path, f)]
    return kept_pages, kept_files, problems


def address_problems(site: Site) -> list[Problem]:
    """What the build's plan finds (see :func:`claimed_once`), for `portal check`: without making the feeds and
    calendars, whose paths ('rss.xml', '.ics') never meet a page's."""
    found: set[Problem] = set()
    for lang in LANGUAGES:
        aliases = [PlannedFile(alias_file(a, alias), "") for a in site.articles.in_language(lang) for alias in a.aliases]
        found.update(claimed_once(site, lang, site.pages_in(lang), plan_pages(site, lang), aliases)[2])
    return sorted(found)
