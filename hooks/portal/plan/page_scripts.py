"""Which of the portal's scripts a page loads: only those of the components it shows.

Every page has the header's search (its dialog is the portal's, ``search.js``); the structures'
filter (``filter.js``) is on the directory only; the click-to-load video (``video.js``) only on a
page whose Markdown has a ``<!-- portal:video -->`` marker. Decided here, from the content, so a
page that shows none of them downloads none of them.
"""

from __future__ import annotations

from collections.abc import Collection

SEARCH = "assets/javascripts/search.js"
FILTER = "assets/javascripts/filter.js"
VIDEO = "assets/javascripts/video.js"


def page_scripts(shortcodes: Collection[str], is_directory: bool) -> tuple[str, ...]:
    """The scripts of one page, as paths from the language root, in the order they load.

    ``shortcodes``: the names of the shortcodes of the page's Markdown; ``is_directory``: the
    page is the structures' directory (its filter).
    """
    scripts = []
    if "video" in shortcodes:
        scripts.append(VIDEO)
    if is_directory:
        scripts.append(FILTER)
    scripts.append(SEARCH)
    return tuple(scripts)
