"""The whole site planned for every language: content loaded once, pages decided, translations paired."""

from __future__ import annotations

from dataclasses import dataclass, replace

from portal.content.problems import Problem, sorted_problems
from portal.content.site import Site, SiteSettings, load_site
from portal.content.urls import page_path
from portal.text.languages import LANGUAGES

from .claims import claimed_once
from .plans import PlannedFile, PlannedPage, plan_files, plan_pages


@dataclass(frozen=True)
class SitePlan:
    """The loaded site and, per language, its generated pages and files."""

    site: Site
    pages: dict[str, tuple[PlannedPage, ...]]
    files: dict[str, tuple[PlannedFile, ...]]

    def page(self, lang: str, src_uri: str) -> PlannedPage | None:
        """The generated page at ``src_uri`` of ``lang``'s build, if the core planned one."""
        return self._by_uri.get((lang, src_uri))

    @property
    def _by_uri(self) -> dict[tuple[str, str], PlannedPage]:
        cached = self.__dict__.get("_by_uri_cache")
        if cached is None:
            cached = {(lang, p.src_uri): p for lang, pages in self.pages.items() for p in pages}
            object.__setattr__(self, "_by_uri_cache", cached)
        return cached


def plan_site(settings: SiteSettings) -> SitePlan:
    """Load and validate all content, plan every language's generated pages, pair translations."""
    site = load_site(settings)
    pages = {lang: tuple(plan_pages(site, lang)) for lang in LANGUAGES}
    files = {lang: tuple(plan_files(site, lang)) for lang in LANGUAGES}
    clashes: set[Problem] = set()
    for lang in LANGUAGES:  # one claimant per output file (claims.py)
        kept_pages, kept_files, found = claimed_once(site, lang, site.pages_in(lang), pages[lang], files[lang])
        pages[lang], files[lang] = tuple(kept_pages), tuple(kept_files)
        clashes.update(found)
    if clashes:
        site = replace(site, problems=tuple(sorted_problems([*site.problems, *clashes])))
    for lang, planned in pages.items():
        for page in planned:
            if page.key:
                site.translations.add(page.key, lang, page_path(page.src_uri, lang))
                if page.fallback:
                    site.translations.fall_back(page.key, page.fallback)
    return SitePlan(site, pages, files)
