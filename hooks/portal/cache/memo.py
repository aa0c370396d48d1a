"""Results of pure functions of a text, kept between builds: the articles' excerpts.

Every build shows every article's excerpt somewhere, and converting its first
paragraph from Markdown is the same work each time for the articles that did
not change. A ``Memo`` keeps such results by the digest of the text they come
from, in one file per language build
(``.cache/memo/<lang>.pickle``, compressed), written back at the end of the build with only
the entries that build used. Each build opens its own ``Memo`` (``Site.memo``): two
builds of one process (tests, `mkdocs serve`'s rebuilds) never share one; a rebuild
reads what the previous one wrote. Its header digests the code and libraries that
make the results: another version of them starts an empty memo.

The file is Python's pickle: like the rest of ``.cache/``, it is local and
trusted as much as the repository itself. Deleting it only costs time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .cachekey import cache_key

T = TypeVar("T")


def _salt() -> str:
    """The code whose results are kept (the articles' excerpts and reading times, and what they import), and
    the libraries."""
    return cache_key(code=["portal.content.articles"])


class Memo:
    """Results by (kind, digest of the text); ``path`` None keeps nothing (every call computes)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.salt = _salt() if path else ""
        self.data: dict[tuple[str, str], Any] = self._load() if path else {}
        self.used: set[tuple[str, str]] = set()
        self.changed = False

    def _load(self) -> dict[tuple[str, str], Any]:
        assert self.path is not None
        try:
            with open(self.path, "rb") as handle:
                salt, data = pickle.loads(zlib.decompress(handle.read()))
        except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError,
                zlib.error):
            return {}
        return data if salt == self.salt and isinstance(data, dict) else {}

    def get(self, kind: str, text: str, compute: Callable[[str], T]) -> T:
        """``compute(text)``, or what it gave for the same text before (an exception is never kept)."""
        if self.path is None:
            return compute(text)
        key = (kind, hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest())
        self.used.add(key)
        if key in self.data:
            return self.data[key]
        value = compute(text)
        self.data[key] = value
        self.changed = True
        return value

    def save(self) -> None:
        """Write the entries this build used (others are dropped); nothing when nothing changed."""
        if self.path is None or not (self.changed or self.used != self.data.keys()):
            self.used = set()
            return
        self.data = {key: value for key, value in self.data.items() if key in self.used}
        self.used, self.changed = set(), False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            with open(temporary, "wb") as handle:
                handle.write(zlib.compress(pickle.dumps((self.salt, self.data), protocol=pickle.HIGHEST_PROTOCOL), 1))
            os.replace(temporary, self.path)
        except OSError:
            pass  # a memo that cannot be written only costs time

