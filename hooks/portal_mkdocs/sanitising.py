"""The editor's HTML of each page, after Markdown, through the core's allow-list (portal.content.sanitise).

Runs on the page's body before anything else gets it (pictures, the feeds, the
search index, the render cache): what is removed is reported as a warning at
the line of the source that wrote it, so a strict build fails.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from portal.content.pages import page_pictures
from portal.content.pages import picture_slot as page_picture_slot
from portal.content.sanitise import clean, located
from portal.content.yamlsource import CONTROL
from portal.plan.plans import picture_slot

from . import internals
from .context import hand_page
from .report import logger
from .state import BuildState


def sanitised(html: str, page: Page, config: MkDocsConfig, state: BuildState) -> str:
    """The page's body with only allowed HTML; each removal logged where it was written."""
    keep = internals.theme_blocks(page)
    article = state.site.articles.at(state.lang, page.file.src_uri)
    hand = hand_page(page, state) if article is None else None
    if article is not None:
        keep += [picture_slot(number) for number in range(len(article.images))]
    elif hand is not None:  # a hand-written page's images: slots that become pictures after this
        keep += [page_picture_slot(number, picture) for number, picture in enumerate(page_pictures(hand))]
    # Every text the site reads is already without control characters; this keeps MkDocs' own reading so too.
    html, removed = clean(CONTROL.sub("", html), _as_inserted(keep))
    if removed:
        source, field, text, first_line = _origin(page, config, state)
        log = logger(config)
        for problem in located(removed, source, field, text, first_line):
            log.warning(str(problem))
    return html


def _as_inserted(blocks: list[str]) -> list[str]:
    """A shortcode's block as the Markdown holds it (portal.content.shortcodes.expand closes its blank lines)."""
    return [re.sub(r"\n\s*\n", "\n", block.strip()) for block in blocks]


def _origin(page: Page, config: MkDocsConfig, state: BuildState) -> tuple[str, str, str, int]:
    """Where the page's body was written: (source, field, its text, the line that text starts at)."""
    site, lang, src_uri = state.site, state.lang, page.file.src_uri
    root = Path(config.config_file_path).resolve().parent
    planned = state.plan.page(lang, src_uri)
    kind, _, name = (planned.key if planned else "").partition(":")
    article = site.articles.at(lang, src_uri)
    if article is not None:
        return article.source, "body", article.body, article.body_line
    if kind == "structure" and (structure := site.structure(name)):
        return structure.source, f"description.{lang}", _text(root / structure.source), 1
    if kind == "conference" and (conference := site.conference_at(src_uri)):
        return conference.source, f"description.{lang}", _text(root / conference.source), 1
    if kind == "issue":
        return "magazine/issues.yml", f"editorial.{lang}", _text(root / "magazine/issues.yml"), 1
    if page.file.abs_src_path:
        path = Path(page.file.abs_src_path).resolve()
        try:
            source = path.relative_to(root).as_posix()
        except ValueError:
            source = path.as_posix()
        text = _text(path)
        lines = text.split("\n")
        if lines and lines[0].strip() == "---":  # the body starts after the front matter
            end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
            return source, "body", "\n".join(lines[end + 1:]), end + 2
        return source, "body", text, 1
    return src_uri, "body", "", 1


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return ""


def sanitise_meta(page: Page) -> None:
    """No control character in the title and description MkDocs read from a page's front matter."""
    for key in ("title", "description"):
        value: Any = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = CONTROL.sub("", value)
