"""The whole site's content, loaded once per build, and what derives from it."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from portal.cache.memo import Memo
from portal.text.languages import LANGUAGES, language

from .articles import ArticleIndex, Publication
from .clock import build_now
from .conferences import Conference, load_conferences
from .figures import KeyFigure, load_key_figures
from .magazine import Magazine, load_magazine
from .pages import HandPage, load_hand_pages
from .parsed import ParsedFiles
from .problems import Problem, sorted_problems
from .sources import link_problems, misplaced_sources, readable, repository_files
from .structures import Structure, load_structures
from .translations import Translations
from .urls import absolute, page_path

KEY_FIGURES_FILE = "_data/key-figures.yml"


@dataclass(frozen=True)
class SiteSettings:
    """What the core needs from the outside world: where content is, and the root URL."""

    repo_root: Path
    content_dir: Path
    root_url: str  #: the default language's absolute root, ending in '/'
    now: dt.datetime = field(default_factory=build_now)  #: decides scheduled and upcoming content
    show_drafts: bool = False  #: true under `mkdocs serve`
    page_size: int = 10  #: articles per listing page
    social_cards: bool = True  #: draw an Open Graph card per page
    memo_file: Path | None = None  #: where the articles' excerpts are kept between builds
    parsed_file: Path | None = None  #: where the articles' parsed front matter is kept between builds


@dataclass(frozen=True)
class Site:
    """Every valid content item of the site, plus the problems found while loading."""

    settings: SiteSettings
    pages: tuple[HandPage, ...]
    figures: tuple[KeyFigure, ...]
    translations: Translations
    structures: tuple[Structure, ...] = ()
    magazine: Magazine = field(default_factory=Magazine)
    conferences: tuple[Conference, ...] = ()  #: announced at the build's 'now'
    unannounced: tuple[Conference, ...] = ()  #: valid, but announced after 'now': not published yet
    problems: tuple[Problem, ...] = field(default=())

    def conference_at(self, src_uri: str) -> Conference | None:
        """The announced conference whose page is ``src_uri``."""
        return next((c for c in self.conferences if c.src_uri == src_uri), None)

    def upcoming(self) -> list[Conference]:
        """Conferences not over yet at the build's 'now', soonest first."""
        now = self.settings.now
        return sorted((c for c in self.conferences if c.is_upcoming(now)), key=lambda c: (c.when[0], c.id))

    def past(self) -> list[Conference]:
        """Conferences over at the build's 'now', most recent first."""
        now = self.settings.now
        return sorted((c for c in self.conferences if not c.is_upcoming(now)), key=lambda c: (c.when[0], c.id),
                      reverse=True)

    @cached_property
    def articles(self) -> ArticleIndex:
        """The magazine's published articles and their derived lookups (built once)."""
        return ArticleIndex(self.magazine, Publication(self.settings.now, self.settings.show_drafts), self.memo)

    @cached_property
    def memo(self) -> Memo:
        """This site's memo of excerpts and reading times (``settings.memo_file``), opened on first use."""
        return Memo(self.settings.memo_file)

    def save_memo(self) -> None:
        """Write the memo back with the entries this build used (nothing when it was never opened)."""
        if "memo" in vars(self):
            self.memo.save()

    def structure(self, slug: str) -> Structure | None:
        return next((s for s in self.structures if s.slug == slug), None)

    def pages_in(self, lang: str) -> list[HandPage]:
        """The hand-written pages of one language, in menu order (order, then title)."""
        return sorted((p for p in self.pages if p.lang == lang), key=lambda p: (p.order, p.key != "index", p.title))


def load_site(settings: SiteSettings) -> Site:
    """Read and validate all content; invalid items are left out and reported."""
    problems: list[Problem] = []
    pages, page_problems = load_hand_pages(settings.content_dir, settings.repo_root)
    problems += page_problems
    figures_file = settings.content_dir / KEY_FIGURES_FILE
    if readable(figures_file, settings.repo_root) or not os.path.lexists(figures_file):
        figures, figure_problems = load_key_figures(figures_file, settings.repo_root)
        problems += figure_problems
    else:
        figures = []  # a link out of the repository, a FIFO…: reported with content/'s other files
    structures, structure_problems = load_structures(settings.repo_root / "structures", settings.repo_root)
    problems += structure_problems
    # References name a structure's file even when that file has a problem of its own: the
    # problem is reported once, where it is, not again in every article that names it.
    stems = _structure_stems(settings)
    structure_names = {s.slug for s in structures} | stems
    magazine, magazine_problems = load_magazine(settings.repo_root / "magazine", settings.repo_root, structure_names,
                                                ParsedFiles(settings.parsed_file))
    problems += magazine_problems
    conferences, conference_problems = load_conferences(settings.repo_root / "upconf", settings.repo_root,
                                                        structure_names, magazine.tags, magazine.broken.get("tags"))
    problems += conference_problems
    problems += check_counted_figures(figures, settings, len(stems))
    problems += source_problems(settings.repo_root)
    translations = Translations(settings.root_url)
    translations.add_all((f"page:{p.key}", p.lang, page_path(p.src_uri, p.lang)) for p in pages)
    announced = tuple(c for c in conferences if c.announced <= settings.now)
    site = Site(settings, tuple(pages), tuple(figures), translations, tuple(structures), magazine, announced,
                tuple(c for c in conferences if c.announced > settings.now), tuple(sorted_problems(problems)))
    return site


def _structure_stems(settings: SiteSettings) -> set[str]:
    folder = settings.repo_root / "structures"
    return {p.stem for p in repository_files(folder.glob("*.y*ml"), settings.repo_root)} if folder.is_dir() else set()


def source_problems(repo_root: Path) -> list[Problem]:
    """Links out of the repository (or to folders) under the data folders, and files their loaders would
    not see (a '.MD' extension, an article outside a year folder); content/ reports its own."""
    problems = []
    for name in ("structures", "magazine", "upconf"):
        problems += link_problems(repo_root / name, repo_root)
    return problems + misplaced_sources(repo_root)


def check_counted_figures(figures: list[KeyFigure], settings: SiteSettings, structure_files: int) -> list[Problem]:
    """A figure that counts structures must equal the structure files plus those declared unlisted."""
    problems = []
    source = (settings.content_dir / KEY_FIGURES_FILE).relative_to(settings.repo_root).as_posix()
    for figure in figures:
        if figure.counts == "structures" and structure_files + figure.unlisted != figure.value:
            problems.append(Problem(
                source, figure.line, "value",
                f"says {figure.value} structures, but structures/ has {structure_files} files "
                f"and 'unlisted' is {figure.unlisted}",
                "update the figure, or 'unlisted' (structures of the group without a file yet)"))
    return problems


def robots_txt(root_url: str) -> str:
    """robots.txt for the whole site: everything allowed, every language's sitemap listed."""
    lines = ["User-agent: *", "Allow: /", ""]
    lines += [f"Sitemap: {absolute(root_url, language(lang).prefix + 'sitemap.xml')}" for lang in LANGUAGES]
    return "\n".join(lines) + "\n"
