"""The site's search index, made by Pagefind from the written HTML of every language.

Runs once, in the default language's build, after the other languages are written
(their pages are under ``<site>/<lang>/``). Pagefind splits its index by each page's
``<html lang>``: a French page searches French pages with French stemming, an English
page English ones. Only the elements marked ``data-pagefind-body`` are indexed (see
``portal.search`` for which pages carry it), so listings and redirect pages stay out.
A reader's first search downloads Pagefind's small loader, its WebAssembly and the
index chunks of the words typed: a few hundred kilobytes, not the whole index.

Indexing costs about 3 ms of CPU per page, at every build, even when nothing
changed. So the index is keyed (``.cache/search/``) on what it is made of: the
bytes of every HTML file of the site (each digested again only when its size,
time or inode changed since the last build: pages a rebuild leaves in place cost
a ``stat``), this module's code and the installed distributions (Pagefind's
version among them). When the key and the files of ``pagefind/`` are those the
last build left, the folder is left as it is (the site folder keeps it across
MkDocs' clean: ``sitefolder.SiteFolder``, ``owned``).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from portal.cachekey import cache_key

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
    """Index the whole written site (every language) into ``<site>/pagefind/``, unless the index there
    is already the one the site's HTML makes (``IndexRecord``).

    Under `mkdocs serve` the index is made in the background, so that an editor's
    rebuild does not wait for it (a few seconds at a thousand articles): search in the
    preview catches up a moment after the page reloads.
    """
    if not state.is_default_language:
        return
    # Not reusing (PORTAL_PAGE_CACHE=off, --dirty): no record read or written, the index is made again.
    record = record_file(config) if PROCESS.reusing else None
    if PROCESS.serving:
        PROCESS.indexing = threading.Thread(target=_write, args=(config.site_dir, record), name="search-index",
                                            daemon=True)
        PROCESS.indexing.start()
    else:
        _write(config.site_dir, record)


def wait_for_search_index() -> None:
    """Under `mkdocs serve`, let the last rebuild's indexing end before the next rebuild touches the site."""
    if PROCESS.indexing is not None:
        PROCESS.indexing.join()
        PROCESS.indexing = None


def record_file(config: MkDocsConfig) -> Path:
    """Where the key of the last index is kept (a preview, which shows drafts, keeps its own)."""
    root = Path(config.config_file_path).resolve().parent
    return root / ".cache" / "search" / ("preview.json" if PROCESS.serving else "site.json")


@dataclass
class IndexRecord:
    """What the last index was made from, and what it left in ``pagefind/``."""

    site_dir: str = ""
    key: str = ""
    pages: int = 0
    files: dict[str, list[int]] = field(default_factory=dict)  #: pagefind/ file -> [size, mtime_ns]
    html: dict[str, list[Any]] = field(default_factory=dict)  #: HTML file -> [size, mtime_ns, inode, digest]

    @classmethod
    def read(cls, path: Path | None) -> IndexRecord:
        """The record at ``path``; an empty one if there is none or it cannot be read (the index is made)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if path else {}
            return cls(str(data["site_dir"]), str(data["key"]), int(data["pages"]), dict(data["files"]),
                       dict(data["html"]))
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.__dict__, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, path)


def html_digests(site_dir: str, known: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Every HTML file Pagefind may read (all of the site's but its own folder's): [size, mtime_ns, inode, digest].

    A file whose size, time and inode are those of ``known`` keeps its digest (a page the
    rebuild left in place); any other is read.
    """
    found: dict[str, list[Any]] = {}
    for folder, folders, names in os.walk(site_dir):
        relative = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        if not prefix:
            folders[:] = [name for name in folders if name != FOLDER]
        folders.sort()
        for name in sorted(names):
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            stat = os.stat(path)
            seen = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
            before = known.get(prefix + name)
            if before and before[:3] == seen:
                found[prefix + name] = before
                continue
            with open(path, "rb") as handle:
                found[prefix + name] = [*seen, hashlib.sha256(handle.read()).hexdigest()]
    return found


def index_key(html: dict[str, list[Any]]) -> str:
    """The key of the index of files whose digests are ``html``: those, this code, the installed libraries."""
    return cache_key(sorted((name, entry[3]) for name, entry in html.items()), code=[__name__])


def folder_state(output: str) -> dict[str, list[int]]:
    """Every file under ``output`` with its size and time (to know the folder is as the last build left it)."""
    state: dict[str, list[int]] = {}
    for folder, _, names in os.walk(output):
        for name in names:
            path = os.path.join(folder, name)
            stat = os.stat(path)
            state[os.path.relpath(path, output).replace(os.sep, "/")] = [stat.st_size, stat.st_mtime_ns]
    return state


def _write(site_dir: str, record_path: Path | None) -> None:
    output = os.path.join(site_dir, FOLDER)
    started = time.perf_counter()
    previous = IndexRecord.read(record_path)
    same_site = previous.site_dir == os.path.abspath(site_dir)
    html = html_digests(site_dir, previous.html if same_site else {})
    key = index_key(html)
    if same_site and previous.key == key and folder_state(output) == previous.files:
        log.info("portal: search index of %d pages unchanged, left in %s/ (checked in %.2f s)", previous.pages,
                 FOLDER, time.perf_counter() - started)
        return
    for attempt in range(1, ATTEMPTS + 1):
        shutil.rmtree(output, ignore_errors=True)  # no fragment of an earlier index is left behind
        try:
            pages = asyncio.run(_index(site_dir, output))
        except Exception as error:  # the binary is missing or failed: the site is still usable without search
            log.warning("portal: the search index could not be made (%s)", error)
            return
        if _entry(output) is not None:
            break
        # Pagefind 1.5.2's Python wrapper ends its binary (SIGTERM) as soon as the binary answers that the files
        # are written, and the binary's asynchronous file writes may not all be done by then: on a busy machine
        # pagefind-entry.json was seen empty. The entry is checked; an index without one is made again.
        log.info("portal: Pagefind left an unfinished index (attempt %d of %d)", attempt, ATTEMPTS)
    else:
        log.warning("portal: the search index could not be made (Pagefind left no readable pagefind-entry.json)")
        return
    _tidy(output)
    if record_path is not None:
        IndexRecord(os.path.abspath(site_dir), key, pages, folder_state(output), html).write(record_path)
    log.info("portal: search index of %d pages written to %s/ in %.2f s", pages, FOLDER, time.perf_counter() - started)


#: Times Pagefind is run before the build gives up on the index (see ``_write``).
ATTEMPTS = 3


def _entry(output: str) -> dict[str, Any] | None:
    """Pagefind's pagefind-entry.json under ``output``, if it is there, whole, with every language's metadata."""
    try:
        with open(os.path.join(output, "pagefind-entry.json"), encoding="utf-8") as handle:
            data = json.load(handle)
        languages = data["languages"]
        if all(os.path.getsize(os.path.join(output, f"pagefind.{language['hash']}.pf_meta")) > 0
               for language in languages.values()):
            return data
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


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
