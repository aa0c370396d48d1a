"""Which pages the search indexes, under which section, and what Pagefind is given of them (portal.outputs.search)."""

from __future__ import annotations

import pytest

from portal.outputs.search import search_copy, search_section
from portal.sections.conference_views import ConferenceView
from portal.sections.magazine_views import ArticleView, IssueView, ListingView
from portal.sections.structure_views import DirectoryView, StructureView
from portal.text import l10n


def bare(kind: type) -> object:
    """An instance of a view class without its fields: only its type matters here."""
    return object.__new__(kind)


@pytest.mark.parametrize("kind, name", [
    (ArticleView, "magazine.title"), (ConferenceView, "upconf.title"), (StructureView, "structures.title"),
])
def test_pages_with_text_of_their_own_are_indexed_under_their_section(kind, name):
    for lang in ("fr", "en"):
        assert search_section(lang, bare(kind), generated=True) == l10n.text(lang, name) != ""


@pytest.mark.parametrize("kind", [ListingView, IssueView, DirectoryView, type(None)])
def test_listings_are_not_indexed(kind):
    view = None if kind is type(None) else bare(kind)
    assert search_section("fr", view, generated=True) == ""


def test_hand_written_pages_are_indexed_under_the_site_name():
    assert search_section("fr", None, generated=False) == l10n.text("fr", "site.name") != ""


def test_a_search_copy_is_the_language_title_and_indexed_element_byte_for_byte():
    body = ('<article class="x" data-pagefind-body data-pagefind-meta="section:Magazine">'
            '<h1>T</h1><article class="card">inner</article><p>É’ text</p></article>')
    page = (f'<!doctype html><html lang="fr" class="no-js"><head><title>T – site</title></head><body>'
            f'<nav>menu</nav><main>{body}<article>after</article></main><footer>f</footer></body></html>')
    copy = search_copy(page)
    assert copy == ('<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>T – site</title></head>'
                    f'<body>{body}</body></html>')


def test_a_page_without_an_indexed_element_has_no_search_copy():
    assert search_copy('<html lang="fr"><body><article><p>data-pagefind-body</p></article></body></html>') is None
    assert search_copy('<html lang="fr"><body><div data-pagefind-body><div>open</div></body></html>') is None
