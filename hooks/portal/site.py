"""The whole site's content, loaded once per build, and what derives from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .figures import KeyFigure, load_key_figures
from .languages import LANGUAGES, language
from .pages import HandPage, load_hand_pages
from .problems import Problem, sorted_problems
from .translations import Translations
from .urls import absolute, page_path

KEY_FIGURES_FILE = "_data/key-figures.yml"


@dataclass(frozen=True)
class SiteSettings:
    """What the core needs from the outside world: where content is, and the root URL."""

    repo_root: Path
    content_dir: Path
    root_url: str  #: the default language's absolute root, ending in '/'


@dataclass(frozen=True)
class Site:
    """Every valid content item of the site, plus the problems found while loading."""

    settings: SiteSettings
    pages: tuple[HandPage, ...]
    figures: tuple[KeyFigure, ...]
    translations: Translations
    problems: tuple[Problem, ...] = field(default=())

    def pages_in(self, lang: str) -> list[HandPage]:
        """The hand-written pages of one language, in menu order (order, then title)."""
        return sorted((p for p in self.pages if p.lang == lang), key=lambda p: (p.order, p.key != "index", p.title))


def load_site(settings: SiteSettings) -> Site:
    """Read and validate all content; invalid items are left out and reported."""
    problems: list[Problem] = []
    pages, page_problems = load_hand_pages(settings.content_dir, settings.repo_root)
    problems += page_problems
    figures, figure_problems = load_key_figures(settings.content_dir / KEY_FIGURES_FILE, settings.repo_root)
    problems += figure_problems
    translations = Translations(settings.root_url)
    translations.add_all((f"page:{p.key}", p.lang, page_path(p.src_uri, p.lang)) for p in pages)
    return Site(settings, tuple(pages), tuple(figures), translations, tuple(sorted_problems(problems)))


def robots_txt(root_url: str) -> str:
    """robots.txt for the whole site: everything allowed, every language's sitemap listed."""
    lines = ["User-agent: *", "Allow: /", ""]
    lines += [f"Sitemap: {absolute(root_url, language(lang).prefix + 'sitemap.xml')}" for lang in LANGUAGES]
    return "\n".join(lines) + "\n"
