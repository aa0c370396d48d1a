"""Articles' front matter as earlier builds parsed it, reused while the file is unchanged.

Reading the YAML of every article is most of the time spent loading the site
(≈ 0.4 s for 2 000 articles on this project's machines), and every build, each
language's included, reads every article. ``ParsedFiles`` keeps the result of
``split_front_matter`` (the front matter with its key lines, and the body) by
the file's path, size and modification time, in one file for every build
(``.cache/parsed.pickle``); what is kept is only what the parser gave, never a
judgement on it: the articles are checked again by every build.

A file changed less than two seconds before it is read is not kept (its time
could be the same after another quick edit: git calls such entries "racily
clean"). The same file keeps what checking the articles' cover images found
(``image_facts``: decoding every cover is otherwise most of a rebuild's loading
time), by the image's path, size, time and inode. Like the rest of ``.cache/``, the file is local and trusted as much
as the repository, and deleting it only costs time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from portal.cache.cachekey import cache_key

from .images import ImageFacts, image_facts, read_image_facts
from .yamlsource import FrontMatter


def file_format() -> str:
    """What the file's header must say: the code that parses and keeps entries, and the libraries (another
    version of either, and an older file is not used)."""
    return cache_key(code=[__name__])


_RACY_NS = 2_000_000_000
#: size, modification time (ns), what the parser gave (an image's: its inode and ``ImageFacts``)
_Entry = tuple[int, int, Any]


class ParsedFiles:
    """Parsed front matter by path; ``path`` None keeps nothing (every file is parsed).

    The file is a header, then one pickle per entry. Once a file has to be parsed,
    this build's entries are written as they come rather than held: a cold build of
    thousands of articles would otherwise hold every parsed document to the end.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, _Entry] = self._load() if path else {}
        self.used: list[str] = []  #: paths read by this build, in order
        self.parsed = 0  #: files parsed by this build (not found, or changed)
        self._out: IO[bytes] | None = None  #: the new file, once this build found something changed
        self._image_key: str | None = None
        self._facts_by_digest: dict[bytes, ImageFacts] = {}  #: this build's image checks, by the bytes' digest

    def _load(self) -> dict[str, _Entry]:
        assert self.path is not None
        entries: dict[str, _Entry] = {}
        try:
            with open(self.path, "rb") as handle:
                if pickle.load(handle) != file_format():
                    return {}
                while True:
                    try:
                        key, size, mtime, front = pickle.load(handle)
                    except EOFError:
                        return entries
                    entries[key] = (size, mtime, front)
        except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
            return {}

    def front_matter(self, path: Path, parse: Callable[[bytes], FrontMatter]) -> FrontMatter:
        """``parse`` of the file's bytes, or what it gave when the file had this size and time."""
        if self.path is None:
            return parse(path.read_bytes())
        stat = os.stat(path)
        key = str(path)
        known = self.entries.get(key)
        if known is not None and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            self._note(key, known)
            return known[2]
        result = parse(path.read_bytes())  # a SourceError goes up and nothing is kept
        self.parsed += 1
        self._note(key, (stat.st_size, stat.st_mtime_ns, result))
        return result

    def image_facts(self, path: Path) -> ImageFacts:
        """``images.image_facts`` of the file at ``path``: as found when the file had this size, time and inode,
        else as found for the same bytes earlier in this build (a cover copied beside many articles is decoded
        once), else checked now.

        Size, time and inode are a first filter only, as git's index uses them: an edit
        changes the time (and a replacement the inode); the racily clean case is never
        kept (``_write``). The entry's key names the checking code and the libraries
        (``cache_key``), so an edit of either checks every image again.
        """
        try:
            stat = os.stat(path)
        except OSError:
            return read_image_facts(path)
        if self._image_key is None:
            self._image_key = cache_key(code=["portal.content.images"])
        key = f"image {self._image_key} {path}"
        known = self.entries.get(key)
        if known is not None and known[:2] == (stat.st_size, stat.st_mtime_ns) and known[2][0] == stat.st_ino:
            self._note(key, known)
            return known[2][1]
        try:
            data = path.read_bytes()
        except OSError:
            return read_image_facts(path)
        digest = hashlib.sha256(data).digest()
        facts = self._facts_by_digest.get(digest)
        if facts is None:
            facts = self._facts_by_digest[digest] = image_facts(data)
        if self.path is not None:
            self.parsed += 1
            self._note(key, (stat.st_size, stat.st_mtime_ns, (stat.st_ino, facts)))
        return facts

    def _note(self, key: str, entry: _Entry) -> None:
        self.used.append(key)
        if self._out is None and self.parsed:  # something changed: the file is written anew, from here on as it comes
            self._start_writing(self.used[:-1])
        if self._out is not None:
            self._write(key, entry)

    def _temporary(self) -> Path:
        assert self.path is not None
        return self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")  # two builds may write at once

    def _start_writing(self, earlier: list[str]) -> None:
        try:
            self._temporary().parent.mkdir(parents=True, exist_ok=True)
            self._out = open(self._temporary(), "wb")  # noqa: SIM115 - written across calls, closed in finish
            pickle.dump(file_format(), self._out)
        except OSError:
            self._give_up()
            return
        for key in earlier:
            self._write(key, self.entries[key])

    def _write(self, key: str, entry: _Entry) -> None:
        if self._out is None or entry[1] >= time.time_ns() - _RACY_NS:
            return
        try:
            pickle.dump((key, *entry), self._out, protocol=pickle.HIGHEST_PROTOCOL)
        except OSError:
            self._give_up()

    def _give_up(self) -> None:
        """A cache that cannot be written only costs time: this build goes on without it."""
        if self._out is not None and self.path is not None:
            try:
                self._out.close()
                self._temporary().unlink(missing_ok=True)
            except OSError:
                pass
        self._out, self.path = None, None

    def save(self) -> None:
        """Keep the files this build read (others are dropped), unless nothing changed; then let go."""
        try:
            if self._out is None and self.path is not None and set(self.used) != self.entries.keys():
                self._start_writing(self.used)  # only files gone: what is left is written now
            if self._out is not None and self.path is not None:
                self._out.close()
                os.replace(self._temporary(), self.path)
        except OSError:
            pass
        finally:
            if self._out is not None and not self._out.closed:
                self._out.close()
            self.entries, self.used, self._out = {}, [], None
