"""Rendered pages kept between builds, keyed by everything that went into them.

Rendering a page (Markdown, then the theme's templates) is most of a build's
time, and an editor who changes one article changes few pages. A page's entry
is found by a key that digests all of its inputs: the build's fingerprint
(code, templates, configuration, menu, language) and the page's own (path,
URL, Markdown after the markers, front matter, prepared view, neighbours).
What the page looked up while it was rendered (the files its links point to)
is stored with it and checked before the entry is used, so a page whose link
target moved or vanished is rendered again and its warning is seen again.

The cache is a folder of files (compressed JSON, then the compressed output)
outside the sources and the site (``.cache/pages/``); deleting it only makes
the next build slower. A damaged entry is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

#: Changed when what an entry holds changes shape: old entries then simply miss.
FORMAT = "portal-page-cache/1"


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
    search: list[dict[str, Any]] = field(default_factory=list)  #: the page's search index entries
    lookups: dict[str, Any] = field(default_factory=dict)  #: path looked up -> what it resolved to

    @property
    def html(self) -> str:
        return zlib.decompress(self.packed_html).decode("utf-8")


def pack_html(html: str) -> bytes:
    """An output file as an entry keeps it."""
    return zlib.compress(html.encode("utf-8"), 1)


def fingerprint(*parts: Any) -> str:
    """A stable hex digest of plain data: texts, bytes, numbers, dates, paths, and dataclasses,
    mappings and sequences of them.

    Values other than texts and bytes are digested through ``repr``: the
    dataclasses of the core print every field (none is ``repr=False``, none has
    its own ``__repr__``: tests/unit/test_pagecache.py keeps it so). A value
    printed with its memory address has no stable form and is refused, rather
    than making the key change on every build.
    """
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            kind = b"b"
        elif isinstance(part, str):
            kind, part = b"s", part.encode("utf-8", "surrogatepass")
        else:
            text = repr(part)
            if _ADDRESS.search(text):
                raise TypeError(f"cannot fingerprint {text[:80]}…: an object without a plain repr")
            kind, part = b"r", text.encode("utf-8", "surrogatepass")
        digest.update(b"%s%d:" % (kind, len(part)))
        digest.update(part)
    return digest.hexdigest()


#: How Python prints an object that has no repr of its own.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+>")


def files_fingerprint(folders: Iterable[Path], suffixes: tuple[str, ...] = ()) -> str:
    """The digest of every file under ``folders`` (names and bytes), optionally only some suffixes."""
    digest = hashlib.sha256()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            if suffixes and path.suffix not in suffixes:
                continue
            name, data = path.relative_to(folder).as_posix().encode(), path.read_bytes()
            digest.update(b"%d:%s%d:" % (len(name), name, len(data)))
            digest.update(data)
    return digest.hexdigest()


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
        data = {"format": FORMAT, **{item.name: getattr(entry, item.name) for item in fields(entry)
                                     if item.name != "packed_html"}}
        meta = zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)
        # The page's data, then its output: a reader unpacks the output only if it needs it.
        self._write(key, len(meta).to_bytes(4, "big") + meta + entry.packed_html)

    def get(self, key: str) -> CachedPage | None:
        """The entry stored under ``key``, or None (absent, damaged, or of another format)."""
        path = self._path(key)
        try:
            blob = path.read_bytes()
            size = int.from_bytes(blob[:4], "big")
            data = json.loads(zlib.decompress(blob[4:4 + size]))
            if data.pop("format") != FORMAT:
                raise ValueError("another format")
            entry = CachedPage(packed_html=blob[4 + size:], **data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError, zlib.error):
            path.unlink(missing_ok=True)  # damaged: it is rendered again and stored anew
            return None
        self.used.add(key)
        return entry
