"""Which pages the search indexes, and under which section (portal.outputs.search)."""

from __future__ import annotations

import pytest

from portal.outputs.search import search_section
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
