"""What a language build left for the next one to skip the pages that did not change.

The page cache (``portal.cache.pagecache``) proves a page unchanged by its full key,
which needs the page's view: a warm build still computes every view and hands
every page to the host. The ledger lets a build do less. It records the
build's fingerprint and the site's outline (``portal.plan.outline``) and, per page,
the digest of its own source and what the rest of the build needs from it
without rendering it: where its output is, the files its links looked up, its
anchors and links to anchors, and its body for an article the feeds carry. When the next build has the same fingerprint and
outline, every page whose source digest is the same is left out of the host's
page loop altogether.

Like the rest of ``.cache/``, the file (a pickle) is local and
trusted as much as the repository; a damaged or old one is simply not used.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cachekey import cache_key

FILE_NAME = "ledger.pickle"


def file_format() -> str:
    """What the ledger's header must say: this code, in this environment (a record of another shape is never
    read)."""
    return cache_key(code=[__name__])


@dataclass
class PageRecord:
    """One page as the build that made it left it."""

    source: str  #: digest of the page's path, URL and Markdown
    key: str  #: its entry in the page cache
    dest_uri: str  #: its output file, relative to the language's site folder
    lookups: dict[str, Any] = field(default_factory=dict)  #: path its links looked up -> what was found
    anchors: list[str] = field(default_factory=list)
    anchor_links: dict[str, dict[str, str]] = field(default_factory=dict)  #: target src_uri -> {anchor: link}
    body: str | None = None  #: its body HTML, for an article a feed carries (feeds are made without it)


@dataclass
class Ledger:
    """One language build's pages, under the build fingerprint and site outline they were made with."""

    build_key: str = ""
    outline: str = ""
    pages: dict[str, PageRecord] = field(default_factory=dict)  #: src_uri -> record

    def matches(self, build_key: str, outline: str) -> bool:
        """Whether its records hold for a build of this fingerprint and outline."""
        return bool(self.pages) and self.build_key == build_key and self.outline == outline


def read_ledger(folder: Path) -> Ledger:
    """The ledger the last build left in ``folder``, or an empty one."""
    try:
        with open(folder / FILE_NAME, "rb") as handle:
            form, build_key, outline, count = pickle.load(handle)
            if form != file_format():
                return Ledger()
            pages = {}
            for _ in range(count):
                src_uri, record = pickle.load(handle)
                if not isinstance(record, PageRecord):
                    return Ledger()
                pages[src_uri] = record
    except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
        return Ledger()
    return Ledger(build_key, outline, pages)


def write_ledger(folder: Path, ledger: Ledger) -> None:
    """Replace the ledger in ``folder`` (a ledger that cannot be written only costs the next build time).

    One pickle per page, after a header: pickling the whole ledger at once would hold a table of
    every object in it (tens of MB on a large magazine) at the build's busiest moment. Not
    compressed: ≈ 10 MB for 2 000 pages, written and read in a few hundredths of a second.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / (FILE_NAME + ".tmp")
        with open(temporary, "wb") as handle:
            pickle.dump((file_format(), ledger.build_key, ledger.outline, len(ledger.pages)), handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
            for item in ledger.pages.items():
                pickle.dump(item, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / FILE_NAME)
    except OSError:
        pass
