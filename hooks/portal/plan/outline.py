"""The outline of the site: everything one page can show of the others.

A page's output is made of its own Markdown and of what it shows of the rest
of the site: titles, dates, tags, authors, covers, excerpts and reading times
of articles in listings and related cards, structures, conferences, key
figures, the menu of hand-written pages, what the build's 'now' decides
(published, scheduled, upcoming), and the image files (social cards are drawn
from them). It never shows another article's *body*, only the excerpt and the
reading time made from it (tests/unit/plan/test_outline.py checks this on every
page of the fixture site).

So when the outline of the site is the one the previous build digested, a
page whose own Markdown is also unchanged has the same output, and a build can
skip it without computing its view: editing the body of one article leaves
every other page alone. Any other edit changes the outline, and each page is
then judged by its full view, as before (``portal.cache.pagecache``).
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from portal.cache.cachekey import fingerprint
from portal.content.images import ContentImage
from portal.content.legal import load_legal
from portal.content.site import Site


def outline(site: Site) -> str:
    """A digest of the site without its articles' bodies (their excerpts and reading times stand in).

    Every field of ``Site`` is in, whole, unless ``_stand_ins`` says what stands in for it: a field
    added later counts without anyone remembering to list it (and one that cannot be digested
    fails every build's first page, loudly, rather than being left out).
    """
    stand_ins = _stand_ins(site)
    fields = [(item.name, stand_ins.get(item.name, getattr(site, item.name))) for item in dataclasses.fields(site)]
    index = site.articles
    shown = [fingerprint(a.id, a.lang, index.excerpt(a), index.reading_minutes(a)) for a in index.published]
    scheduled = [(a.id, a.lang) for a in index.scheduled]
    upcoming = [c.id for c in site.upcoming()]
    # An image replaced by another of the same name and size changes no page's HTML, but the social
    # cards drawn from it: the files' size and time are in too.
    images = sorted(_image_files([getattr(site, name) for name, _ in fields]))
    legal = load_legal(site.settings.content_dir, site.settings.repo_root)[0]  # read apart from Site, shown by pages
    return fingerprint(fields, shown, scheduled, upcoming, images, legal)


def _stand_ins(site: Site) -> dict[str, Any]:
    """What is digested in place of some fields of ``Site``: the rest is digested as it is."""
    # One digest per article, not one text of them all: tens of MB on a magazine of thousands.
    articles = [fingerprint(dataclasses.replace(a, body="")) for a in site.magazine.articles]
    return {
        # The build's clock itself is left out (it changes with every build): what it decides is in (outline()).
        # Where the caches are changes no page.
        "settings": {f.name: getattr(site.settings, f.name) for f in dataclasses.fields(site.settings)
                     if f.name not in ("now", "memo_file", "parsed_file")},
        "translations": site.translations.snapshot(),
        "magazine": (dataclasses.replace(site.magazine, articles=()), articles),
    }


_LEAVES = (str, bytes, int, float, type(None))


def _image_files(value: Any, found: set[tuple[str, int, int]] | None = None) -> set[tuple[str, int, int]]:
    """(path, size, modification time) of every image file the content names."""
    found = set() if found is None else found
    if isinstance(value, _LEAVES):  # most values: nothing inside
        return found
    if isinstance(value, ContentImage):
        try:
            stat = os.stat(value.source)
            found.add((str(value.source), stat.st_size, stat.st_mtime_ns))
        except OSError:
            found.add((str(value.source), -1, -1))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            if item.name != "body":
                _image_files(getattr(value, item.name), found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _image_files(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _image_files(item, found)
    return found
