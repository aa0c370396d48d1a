"""Expand the shortcodes of a page's Markdown (``portal.content.shortcodes``) with the theme's block templates."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from portal.content import shortcodes
from portal.text.escaping import neutralise

from . import internals
from .report import report
from .state import BuildState


def neutralise_meta(page: Page) -> None:
    """Make the front-matter texts that Material prints raw safe to print."""
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = neutralise(page.meta[key])


def expand_shortcodes(markdown: str, page: Page, config: MkDocsConfig, state: BuildState) -> str:
    """Replace each ``<!-- portal:… -->`` shortcode of the page by its rendered block."""
    if "<!--" not in markdown or "portal:" not in markdown:
        return markdown
    if state.templates is None:
        state.templates = config.theme.get_env()

    blocks: list[str] = []

    def render(name: str, context: Mapping[str, Any]) -> str:
        html = state.templates.get_template(f"partials/portal/{name}.html").render(**context)
        blocks.append(html)
        return html

    source = page.file.abs_src_path or page.file.src_uri
    source = _repo_relative(source, config)
    body_line = _body_line(page)
    markdown, problems = shortcodes.expand(markdown, source, state.lang, state.site.figures, render, body_line - 1)
    internals.set_theme_blocks(page, blocks)  # the theme's own HTML: not the editor's to sanitise
    report(problems, config)
    return markdown


def _repo_relative(path: str, config: MkDocsConfig) -> str:
    root = Path(config.config_file_path).resolve().parent
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return path


def _body_line(page: Page) -> int:
    """The file line where the Markdown body starts (after the front matter)."""
    source = page.file.abs_src_path
    if not source:
        return 1
    with open(source, encoding="utf-8-sig") as handle:
        text = handle.read()
    if not text.startswith("---"):
        return 1
    lines = text.splitlines()
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            # MkDocs drops the blank lines between the front matter and the body.
            first = index + 1
            while first < len(lines) and not lines[first].strip():
                first += 1
            return first + 1
    return 1
