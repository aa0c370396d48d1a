"""What the site's search indexes: the pages a reader looks for, each under its section.

The search index is made from the written HTML by Pagefind (one index per
``<html lang>``, so each language searches its own pages). Only the pages that say
something of their own are indexed: articles, conferences, structures and
hand-written pages. Listings (topics, authors, years, print issues, pages 2, 3…)
only repeat the titles and standfirsts of the pages they list; indexing them would
put each article in the results several times and make the index larger for nothing.
"""

from __future__ import annotations

from typing import Any

from portal.sections.conference_views import ConferenceView
from portal.sections.magazine_views import ArticleView
from portal.sections.structure_views import StructureView
from portal.text import l10n

#: The section shown beside a result, by the kind of page (its prepared view).
SECTIONS: tuple[tuple[type, str], ...] = (
    (ArticleView, "magazine.title"),
    (ConferenceView, "upconf.title"),
    (StructureView, "structures.title"),
)


def search_section(lang: str, view: Any, generated: bool) -> str:
    """The section a page is found under in the search, or '' when the page is not indexed.

    ``view`` is a generated page's prepared view; ``generated`` is False for hand-written pages.
    """
    if not generated:
        return l10n.text(lang, "site.name")
    for kind, name in SECTIONS:
        if isinstance(view, kind):
            return l10n.text(lang, name)
    return ""
