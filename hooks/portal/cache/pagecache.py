"""Rendered pages kept between builds, keyed by everything that went into them.

Rendering a page (Markdown, then the theme's templates) is most of a build's
time, and an editor who changes one article changes few pages. A page's entry
is found by a key that digests all of its inputs: the build's fingerprint
(code, templates, configuration, menu, language) and the page's own (path,
URL, Markdown after the shortcodes, front matter, prepared view, neighbours).
What the page looked up while it was rendered (the files its links point to)
is stored with it and checked before the entry is used, so a page whose link
target moved or vanished is rendered again and its warning is seen again.

The cache is a folder of files (compressed JSON, then the compressed output)
outside the sources and the site (``.cache/pages/``); deleting it only makes
the next build slower. A damaged entry is a miss, never an error.
"""

from __future__ import annotations

import json
import os
import threading
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

# The digests keys are made of (re-exported: the adapter and tests import them from here too).
from .cachekey import files_fingerprint, fingerprint  # noqa: F401


@dataclass
class CachedPage:
    """What a build needs of a page it does not render again.

    The output file is only unpacked when asked for: a build that finds the
    page's file still in place never needs it.
    """

    packed_html: bytes  #: the output file, compressed (see ``html``)
    content: str  #: the body HTML (feeds reuse an article's)
    title: str | None  #: the title the Markdown gave (first heading), if any
    anchors: list[str] = field(default_factory=list)  #: ids other pages may link to
    anchor_links: dict[str, dict[str, str]] = field(default_factory=dict)  #: target src_uri -> {anchor: link}
    lookups: dict[str, Any] = field(default_factory=dict)  #: path looked up -> what it resolved to

    @property
    def html(self) -> str:
        return zlib.decompress(self.packed_html).decode("utf-8")


def pack_html(html: str) -> bytes:
    """An output file as an entry keeps it."""
    return zlib.compress(html.encode("utf-8"), 1)


class _Entries:
    """A folder of entries, one file per key; remembers which keys this build used.

    Entries are written by a thread of their own while the build goes on: on a
    slow disk, thousands of small files would otherwise add to a cold build.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self._writer: ThreadPoolExecutor | None = None
        self._shards: set[Path] = set()
        # At most this many entries wait for the disk: a slow disk slows the build, it does not fill memory.
        self._room = threading.BoundedSemaphore(64)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def _write(self, key: str, blob: bytes) -> None:
        self.used.add(key)
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="portal-cache")
        self._room.acquire()
        self._writer.submit(self._write_now, self._path(key), blob)

    def _write_now(self, path: Path, blob: bytes) -> None:
        try:
            self._write_file(path, blob)
        finally:
            self._room.release()

    def _write_file(self, path: Path, blob: bytes) -> None:
        try:
            if path.parent not in self._shards:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._shards.add(path.parent)
            # Written aside, then renamed: a build stopped half-way leaves no half entry.
            temporary = path.with_name(f".tmp-{path.name}")
            with open(temporary, "wb") as out:
                out.write(blob)
            os.replace(temporary, path)
        except OSError:
            pass  # a folder that cannot be written only loses the entry

    def flush(self) -> None:
        """Wait until every entry of this build is written."""
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None

    def sweep(self) -> int:
        """Remove the entries this build did not use (pages changed or gone); return how many."""
        self.flush()
        removed = 0
        if not self.folder.is_dir():
            return 0
        for shard in os.scandir(self.folder):
            if not shard.is_dir():
                continue
            for entry in os.scandir(shard.path):
                if entry.name not in self.used:
                    try:
                        os.unlink(entry.path)
                        removed += 1
                    except OSError:
                        pass
        return removed


class BlobCache(_Entries):
    """Bytes made by an earlier build (feeds), by key, kept compressed."""

    def get_blob(self, key: str) -> bytes | None:
        try:
            data = zlib.decompress(self._path(key).read_bytes())
        except (OSError, zlib.error):
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(key)
        return data

    def put_blob(self, key: str, data: bytes) -> None:
        self._write(key, zlib.compress(data, 1))


class PageCache(_Entries):
    """Rendered pages, one file per key: the page's data (compressed JSON), then its output."""

    def put(self, key: str, entry: CachedPage) -> None:
        """Store ``entry`` under ``key``."""
        # No format number: keys digest this code (the build key), so an entry of another shape is never found.
        data = {item.name: getattr(entry, item.name) for item in fields(entry) if item.name != "packed_html"}
        meta = zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)
        # The page's data, then its output: a reader unpacks the output only if it needs it.
        self._write(key, len(meta).to_bytes(4, "big") + meta + entry.packed_html)

    def get(self, key: str) -> CachedPage | None:
        """The entry stored under ``key``, or None (absent or damaged)."""
        path = self._path(key)
        try:
            blob = path.read_bytes()
            size = int.from_bytes(blob[:4], "big")
            data = json.loads(zlib.decompress(blob[4:4 + size]))
            entry = CachedPage(packed_html=blob[4 + size:], **data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError, zlib.error):
            path.unlink(missing_ok=True)  # damaged: it is rendered again and stored anew
            return None
        self.used.add(key)
        return entry
