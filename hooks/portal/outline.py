"""The outline of the site: everything one page can show of the others.

A page's output is made of its own Markdown and of what it shows of the rest
of the site: titles, dates, tags, authors, covers, excerpts and reading times
of articles in listings and related cards, structures, conferences, key
figures, the menu of hand-written pages, and what the build's 'now' decides
(published, scheduled, upcoming). It never shows another article's *body*:
only the excerpt and the reading time made from it (tests/unit/test_outline.py
checks this on every page of the fixture site).

So when the outline of the site is the one the previous build digested, a
page whose own Markdown is also unchanged has the same output, and a build can
skip it without computing its view: editing the body of one article leaves
every other page alone. Any other edit changes the outline, and each page is
then judged by its full view, as before (``portal.pagecache``).
"""

from __future__ import annotations

import dataclasses

from .pagecache import fingerprint
from .site import Site


def outline(site: Site) -> str:
    """A digest of the site without its articles' bodies (their excerpts and reading times stand in)."""
    index = site.articles
    magazine = dataclasses.replace(
        site.magazine, articles=tuple(dataclasses.replace(a, body="") for a in site.magazine.articles))
    shown = [(a.id, a.lang, index.excerpt(a), index.reading_minutes(a)) for a in index.published]
    # The build's clock itself is left out (it changes with every build): what it decides is in.
    settings = dataclasses.replace(site.settings, now=None, memo_file=None, parsed_file=None)
    scheduled = [(a.id, a.lang) for a in index.scheduled]
    upcoming = [c.id for c in site.upcoming()]
    return fingerprint(settings, site.pages, site.figures, site.translations.snapshot(), site.structures, magazine,
                       site.conferences, site.unannounced, shown, scheduled, upcoming)
