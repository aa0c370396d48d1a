"""The site's search index, made by Pagefind from the written HTML of every language.

Runs once, in the default language's build, after the other languages are written
(their pages are under ``<site>/<lang>/``). Pagefind splits its index by each page's
``<html lang>``: a French page searches French pages with French stemming, an English
page English ones. Only the elements marked ``data-pagefind-body`` are indexed (see
``portal.search`` for which pages carry it), so listings and redirect pages stay out.
A reader's first search downloads Pagefind's small loader, its WebAssembly and the
index chunks of the words typed: a few hundred kilobytes, not the whole index.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
import threading
import time

from mkdocs.config.defaults import MkDocsConfig

from .process import PROCESS
from .state import BuildState

log = logging.getLogger("mkdocs.plugins.portal")

#: Where the index and Pagefind's scripts are published, from the site's root.
FOLDER = "pagefind"

#: Pagefind's ready-made interfaces, which the site does not use (its dialog is
#: assets/javascripts/search.js, on Pagefind's API): not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")

#: Parts of an indexed page that are not its own text: heading permalinks, the video
#: player's button, the share and subscribe blocks, and the lists of other pages
#: (related articles, previous/next, a structure's articles and conferences), which
#: would make a page a result for the words of the pages it links to.
EXCLUDED = (".headerlink", ".portal-video__play", ".portal-share", ".portal-subscribe", ".portal-related",
            ".portal-articles", ".portal-conferences", ".portal-sequence", ".portal-translation", "nav", "script",
            "style")


def write_search_index(config: MkDocsConfig, state: BuildState) -> None:
    """Index the whole written site (every language) into ``<site>/pagefind/``.

    Under `mkdocs serve` the index is made in the background, so that an editor's
    rebuild does not wait for it (a few seconds at a thousand articles): search in the
    preview catches up a moment after the page reloads.
    """
    if not state.is_default_language:
        return
    if PROCESS.serving:
        PROCESS.indexing = threading.Thread(target=_write, args=(config.site_dir,), name="search-index", daemon=True)
        PROCESS.indexing.start()
    else:
        _write(config.site_dir)


def wait_for_search_index() -> None:
    """Under `mkdocs serve`, let the last rebuild's indexing end before the next rebuild touches the site."""
    if PROCESS.indexing is not None:
        PROCESS.indexing.join()
        PROCESS.indexing = None


def _write(site_dir: str) -> None:
    output = os.path.join(site_dir, FOLDER)
    shutil.rmtree(output, ignore_errors=True)  # no fragment of an earlier index is left behind
    started = time.perf_counter()
    try:
        pages = asyncio.run(_index(site_dir, output))
    except Exception as error:  # the binary is missing or failed: the site is still usable without search
        log.warning("portal: the search index could not be made (%s)", error)
        return
    _tidy(output)
    log.info("portal: search index of %d pages written to %s/ in %.2f s", pages, FOLDER, time.perf_counter() - started)


def _tidy(output: str) -> None:
    """Leave out the unused interfaces; list the languages in a stable order (Pagefind's varies)."""
    for name in UNUSED:
        path = os.path.join(output, name)
        if os.path.exists(path):
            os.remove(path)
    entry = os.path.join(output, "pagefind-entry.json")
    with open(entry, encoding="utf-8") as handle:
        data = json.load(handle)
    with open(entry, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


async def _index(site_dir: str, output: str) -> int:
    # Imported here: the Pagefind service is only needed once per build, at its end.
    from pagefind.index import IndexConfig, PagefindIndex

    # Written where output_path says when the context ends (not to be written twice).
    config = IndexConfig(exclude_selectors=list(EXCLUDED), write_playground=False, output_path=output)
    async with PagefindIndex(config=config) as index:
        added = await index.add_directory(site_dir, glob="**/*.html")
    return int(added.get("page_count", 0))
