"""Template context: the core's prepared views, handed to our templates."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

import html

from portal.languages import language
from portal.views import card_spec, page_view

from .state import BuildState


def add_page_context(context: dict[str, Any], page: Page, state: BuildState) -> dict[str, Any]:
    """Add ``portal`` (a PageView) to the context of one page."""
    context["portal"] = page_view(state.plan, state.lang, page.file.src_uri, page.url, page.is_homepage)
    if state.site.settings.social_cards:
        title = html.unescape(str(page.meta.get("title") or page.title or ""))
        state.cards.append(card_spec(state.plan, state.lang, page.file.src_uri, page.url, title))
    return context


def keep_article_html(html: str, page: Page, state: BuildState) -> None:
    """Keep an article's rendered body for the feeds, written after every page."""
    if page.file.src_uri.startswith("magazine/") and state.plan.page(state.lang, page.file.src_uri):
        state.rendered[page.file.src_uri] = html


def sitemap_entries(files: Files | list[Any], state: BuildState) -> list[dict[str, Any]]:
    """One entry per page of this build: its absolute URL and its translations."""
    entries = []
    for file in files:
        page = getattr(file, "page", None)
        if page is None or page.is_link:
            continue
        path = language(state.lang).prefix + page.url
        translations = state.site.translations
        entries.append({"loc": translations.root_url + path, "alternates": translations.alternates(state.lang, path),
                        "x_default": translations.x_default(state.lang, path)})
    return sorted(entries, key=lambda entry: entry["loc"])
