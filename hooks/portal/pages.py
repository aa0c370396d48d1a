"""Hand-written pages of ``content/``: one Markdown file per language.

``mission.fr.md`` and ``mission.en.md`` are the two languages of one page, the
*page key* ``mission``. An optional ``slug`` in the front matter gives a
language its own last URL segment (``engagements.en.md`` with
``slug: commitments`` is served at ``/en/commitments/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .fields import Fields, control_problems, file_name_problem
from .languages import LANGUAGES, reserved_prefix, split_language_suffix
from .problems import Problem
from .yamlsource import SourceError, read_text, split_front_matter

PAGE_KEYS = ("title", "description", "slug", "template", "order", "hide")
TEMPLATES = ("home.html",)
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")


@dataclass(frozen=True)
class HandPage:
    """One language of one hand-written page."""

    source: str  #: path from the repository root, for messages and edit links
    lang: str
    key: str  #: language-neutral page key shared by translations ('engagements')
    src_uri: str  #: path MkDocs sees in this language's build ('commitments.md')
    title: str
    description: str
    template: str | None
    order: int


def page_src_uri(key: str, slug: str | None) -> str:
    """The language build's path of a page: its key, with the slug as last segment."""
    path = PurePosixPath(key)
    if slug:
        path = path.with_name(slug) if path.name != "index" else path.parent / slug / "index"
    return f"{path}.md"


def load_hand_pages(content_dir: Path, repo_root: Path) -> tuple[list[HandPage], list[Problem]]:
    """Read and validate every ``*.<lang>.md`` under ``content_dir``."""
    pages: list[HandPage] = []
    problems: list[Problem] = []
    for path in sorted(content_dir.rglob("*.md")):
        rel = path.relative_to(content_dir).as_posix()
        source = path.relative_to(repo_root).as_posix()
        split = split_language_suffix(rel)
        if split is None or split[1] not in LANGUAGES:
            problems.append(Problem(source, None, "", "the file name has no language suffix",
                                    "name it like 'page.fr.md' or 'page.en.md'"))
            continue
        key, lang = split
        if reserved := reserved_prefix(rel):
            problems.append(Problem(source, None, "", f"'{reserved}/' is reserved for the {reserved} build",
                                    f"move the file and name it '*.{reserved}.md'"))
            continue
        page = _read_page(path, source, key, lang, problems)
        if page:
            pages.append(page)
    pages = _without_duplicate_urls(pages, problems)
    return pages, problems


def _read_page(path: Path, source: str, key: str, lang: str, problems: list[Problem]) -> HandPage | None:
    if bad_name := file_name_problem(source):
        problems.append(bad_name)
        return None
    try:
        front = split_front_matter(read_text(path.read_bytes()))
    except SourceError as error:
        problems.append(error.problem(source))
        return None
    if not isinstance(front.meta.data, dict):
        problems.append(Problem(source, 2, "", "the front matter must be a mapping of 'key: value' lines"))
        return None
    before = len(problems)
    fields = Fields(source, front.meta, problems)
    fields.controls()
    problems += control_problems(source, front.body_controls, "body")
    fields.unknown_keys(PAGE_KEYS)
    title = fields.text("title", max_length=120)
    description = fields.text("description", max_length=200)
    slug = fields.slug("slug", required=False)
    template = fields.choice("template", TEMPLATES, required=False)
    order = fields.integer("order", required=False, minimum=0)
    if fields.has("hide"):
        hide = front.meta.data["hide"]
        if not isinstance(hide, list) or any(item not in HIDE for item in hide):
            fields.problem("hide", "must be a list of: " + ", ".join(HIDE))
    if len(problems) > before or title is None or description is None:
        return None
    return HandPage(source, lang, key, page_src_uri(key, slug), title, description, template,
                    order if order is not None else 100)


def _without_duplicate_urls(pages: list[HandPage], problems: list[Problem]) -> list[HandPage]:
    """Keep the first page of each URL (in path order) and report the others."""
    seen: dict[tuple[str, str], HandPage] = {}
    kept = []
    for page in pages:
        first = seen.setdefault((page.lang, page.src_uri), page)
        if first is page:
            kept.append(page)
        else:
            problems.append(Problem(page.source, None, "slug", f"gives the same URL as {first.source}",
                                    "choose another slug"))
    return kept
