"""Hand-written pages of ``content/``: one Markdown file per language.

``mission.fr.md`` and ``mission.en.md`` are the two languages of one page, the
*page key* ``mission``. An optional ``slug`` in the front matter gives a
language its own last URL segment (``engagements.en.md`` with
``slug: commitments`` is served at ``/en/commitments/``).

Every URL is claimed once: a page may not take an address the build writes
itself (the generated sections, the other languages' sites, the theme's
assets), and of two pages with one address the one named by its own file
keeps it. Images a page shows (``![what it shows](photo.jpg)``) are checked
here and published as renditions, like the magazine's; the rest of
``content/`` is not published (see sources.py).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from portal.text.languages import LANGUAGES, reserved_prefix, split_language_suffix

from .fields import Fields, control_problems, file_name_problem
from .magazine import IMAGE_MARKDOWN, BodyImage, body_images
from .pictures import Picture, plan_picture
from .problems import Problem
from .shortcodes import shortcode_names
from .sources import content_files, link_problems, stray_problems
from .urls import language_relative_path
from .yamlsource import SourceError, read_text, split_front_matter

PAGE_KEYS = ("title", "description", "slug", "template", "order", "hide")
TEMPLATES = ("home.html",)
HIDE = ("navigation", "toc", "footer", "path", "tags", "feedback")
#: First URL segments the build writes itself: generated sections, the theme's and the search's files.
GENERATED_SECTIONS = ("structures", "magazine", "upconf")
BUILD_FOLDERS = ("assets", "pagefind")  #: pagefind: the search index (portal_mkdocs.search)
BODY_SIZES = "(min-width: 76em) 45rem, 100vw"  #: as an article body's pictures: the text column's width


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
    images: tuple[BodyImage, ...] = ()  #: images of the body, published as responsive pictures
    slug_line: int | None = None  #: line of 'slug:' when the front matter sets one
    shortcodes: tuple[str, ...] = ()  #: the shortcodes its body uses ('video', 'key-figures')


def page_src_uri(key: str, slug: str | None) -> str:
    """The language build's path of a page: its key, with the slug as last segment."""
    path = PurePosixPath(key)
    if slug:
        path = path.with_name(slug) if path.name != "index" else path.parent / slug / "index"
    return f"{path}.md"


def page_pictures(page: HandPage) -> tuple[Picture, ...]:
    """The pictures of a page's body images (published by content, as every image of the site)."""
    return tuple(plan_picture(image.image, page.lang, BODY_SIZES) for image in page.images)


def with_picture_slots(markdown: str, page: HandPage) -> str:
    """The page's Markdown with each body image replaced by a slot that its HTML gets back as a picture.

    The slot names what the picture will be (a digest of its plan), so a page kept by the render cache
    is made again when an image changes size or name.
    """
    for number, (image, picture) in enumerate(zip(page.images, page_pictures(page))):
        markdown = markdown.replace(image.markdown, f"\n{picture_slot(number, picture)}\n", 1)
    return markdown


def picture_slot(number: int, picture: Picture) -> str:
    """The placeholder of a page's ``number``-th body image in its rendered HTML."""
    digest = hashlib.sha256(repr(picture).encode()).hexdigest()[:16]
    return f"<div class=\"portal-picture-slot\" data-picture=\"{number}\" data-plan=\"{digest}\"></div>"


def load_hand_pages(content_dir: Path, repo_root: Path) -> tuple[list[HandPage], list[Problem]]:
    """Read and validate every ``*.<lang>.md`` under ``content_dir``; report what else lies there."""
    pages: list[HandPage] = []
    problems: list[Problem] = link_problems(content_dir, repo_root)
    files = content_files(content_dir, repo_root)
    for path in files.pages:
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
        page = _read_page(path, source, key, lang, repo_root, problems)
        if page and not _takes_a_build_address(page, problems):
            pages.append(page)
    problems += stray_problems(files, _shown_images(files.pages), repo_root)
    pages = _without_duplicate_urls(pages, problems)
    return pages, problems


def _shown_images(pages: tuple[Path, ...]) -> set[Path]:
    """Every image file a page names, valid or not (so that a broken page's image is not called stray)."""
    shown = set()
    for path in pages:
        text = path.read_bytes().decode("utf-8", errors="replace")
        for match in IMAGE_MARKDOWN.finditer(text):
            shown.add(Path(os.path.normpath(path.parent.absolute() / match.group("src"))))
    return shown


def _read_page(path: Path, source: str, key: str, lang: str, repo_root: Path,
               problems: list[Problem]) -> HandPage | None:
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
    images = body_images(front.body, front.body_line, path, repo_root, lang, fields)
    if len(problems) > before or title is None or description is None:
        return None
    return HandPage(source, lang, key, page_src_uri(key, slug), title, description, template,
                    order if order is not None else 100, images, front.meta.line("slug") if slug else None,
                    shortcode_names(front.body))


def _takes_a_build_address(page: HandPage, problems: list[Problem]) -> bool:
    """A page whose address starts with a name the build writes itself is reported, not published.

    The generated sections (magazine/, structures/, upconf/), the other languages' sites (en/) and the
    theme's folders (assets/, search/) belong to the build, whatever page names them.
    """
    path = language_relative_path(page.src_uri)
    top = path.split("/", 1)[0]
    if top not in GENERATED_SECTIONS + BUILD_FOLDERS + LANGUAGES:
        return False
    if page.slug_line and "/" not in page.key:
        hint = "choose another slug"
    elif "/" in page.key:
        hint = "move this page elsewhere in content/"
    else:
        hint = "rename the file, or give the page a 'slug:'"
    if top in GENERATED_SECTIONS:
        message = f"'{top}/' is where generated pages go"
    elif top in LANGUAGES:
        message = f"'{top}/' is reserved for the {top} build"
    elif top == "pagefind":
        message = "'pagefind/' is where the build writes the search index"
    else:
        message = f"'{top}/' is where the build writes the theme's files"
    problems.append(Problem(page.source, page.slug_line, "slug" if page.slug_line else "", message, hint))
    return True


def _named_by_slug_last(page: HandPage) -> tuple[bool, str]:
    return page.slug_line is not None, page.source


def _without_duplicate_urls(pages: list[HandPage], problems: list[Problem]) -> list[HandPage]:
    """One page per address and language: a page named by its own file keeps it over a 'slug:', then the first
    in path order; the other is reported, naming both files ('a.md' and 'a/index.md' are one address too)."""
    seen: dict[tuple[str, str], HandPage] = {}
    kept = []
    for page in sorted(pages, key=_named_by_slug_last):
        first = seen.setdefault((page.lang, language_relative_path(page.src_uri)), page)
        if first is page:
            kept.append(page)
        elif page.slug_line:
            problems.append(Problem(page.source, page.slug_line, "slug", f"gives the same URL as {first.source}",
                                    "choose another slug"))
        else:
            problems.append(Problem(page.source, None, "", f"gives the same URL as {first.source}",
                                    "rename one of the two files"))
    return sorted(kept, key=lambda p: p.source)
