"""Template context: the core's prepared views, handed to our templates."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.content.pages import HandPage, page_pictures, with_picture_slots
from portal.content.pages import picture_slot as page_picture_slot
from portal.outputs.cards import has_own_card
from portal.plan.plans import picture_slot
from portal.plan.views import card_spec, page_view
from portal.text.languages import language

from .state import BuildState


def view_of(page: Page, state: BuildState) -> Any:
    """The page's PageView, made once per build (the render cache needs it before the template)."""
    src_uri = page.file.src_uri
    if src_uri not in state.views:
        state.views[src_uri] = page_view(state.plan, state.lang, src_uri, page.url, page.is_homepage)
    return state.views[src_uri]


def add_page_context(context: dict[str, Any], page: Page, state: BuildState) -> dict[str, Any]:
    """Add ``portal`` (a PageView) to the context of one page."""
    context["portal"] = view_of(page, state)
    state.views.pop(page.file.src_uri, None)  # not needed after its template: let it go
    if state.site.settings.social_cards and has_own_card(page.url):  # a listing's later pages show page 1's
        title = html.unescape(str(page.meta.get("title") or page.title or ""))
        state.cards.append(card_spec(state.plan, state.lang, page.file.src_uri, page.url, title))
    return context


def article_html(html: str, page: Page, config: Any, state: BuildState) -> str:
    """An article's or a hand-written page's body with its pictures in place; an article's is kept for the
    feeds (written after every page) when a feed carries it."""
    planned = _planned_article(page, state)
    hand = None if planned else hand_page(page, state)
    if planned:
        pictures = getattr(planned.view, "pictures", ())
        slots = [picture_slot(number) for number in range(len(pictures))]
    else:
        pictures = page_pictures(hand) if hand else ()
        slots = [page_picture_slot(number, picture) for number, picture in enumerate(pictures)]
    if pictures:
        if state.templates is None:
            state.templates = config.theme.get_env()
        template = state.templates.get_template("partials/portal/picture.html")
        for slot, picture in zip(slots, pictures):
            rendered = template.render(pic=picture, lazy=True, img_class="", page=page, base_url=_base_url(page))
            html = html.replace(slot, f'<figure class="portal-photo">{rendered}</figure>', 1)
    if planned and page.file.src_uri in state.feed_articles:
        state.rendered[page.file.src_uri] = html
    return html


def hand_page(page: Page, state: BuildState) -> HandPage | None:
    """The hand-written page of content/ that ``page`` is, if it is one."""
    return next((p for p in state.site.pages_in(state.lang) if p.src_uri == page.file.src_uri), None)


def hand_page_markdown(markdown: str, page: Page, state: BuildState) -> str:
    """A hand-written page's Markdown with its images as picture slots (published as renditions)."""
    hand = hand_page(page, state)
    return with_picture_slots(markdown, hand) if hand and hand.images else markdown


def keep_article_html(html: str, page: Page, state: BuildState) -> str:
    """A body an earlier build made (pictures in place): kept for the feeds."""
    if page.file.src_uri in state.feed_articles and _planned_article(page, state):
        state.rendered[page.file.src_uri] = html
    return html


def _planned_article(page: Page, state: BuildState) -> Any:
    return state.plan.page(state.lang, page.file.src_uri) if page.file.src_uri.startswith("magazine/") else None


def _base_url(page: Page) -> str:
    depth = page.url.count("/")
    return "/".join([".."] * depth) or "."


def sitemap_entries(files: Files | list[Any], state: BuildState, left_out: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """One entry per page of this build (``left_out``: pages not rendered again): its absolute URL and its
    translations."""
    urls = []
    for file in files:
        page = getattr(file, "page", None)
        if page is not None and not page.is_link:
            urls.append(page.url)
    urls += [file.url for file in left_out]
    entries = []
    for url in urls:
        path = language(state.lang).prefix + url
        translations = state.site.translations
        entries.append({"loc": translations.root_url + path, "alternates": translations.alternates(state.lang, path),
                        "x_default": translations.x_default(state.lang, path)})
    return sorted(entries, key=lambda entry: entry["loc"])
