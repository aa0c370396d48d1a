"""Articles' front matter as earlier builds parsed it, reused while the file is unchanged.

Reading the YAML of every article is most of the time spent loading the site
(≈ 0.4 s for 2 000 articles on this project's machines), and every build, each
language's included, reads every article. ``ParsedFiles`` keeps the result of
``split_front_matter`` (the front matter with its key lines, and the body) by
the file's path, size and modification time, in one file for every build
(``.cache/parsed.pickle``); what is kept is only what the parser gave, never a
judgement on it: the articles are checked again by every build.

A file changed less than two seconds before the cache is written is not kept
(its time could be the same after another quick edit: git calls such entries
"racily clean"). Like the rest of ``.cache/``, the file is local and trusted
as much as the repository, and deleting it only costs time.
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable
from pathlib import Path

from .yamlsource import FrontMatter

#: Changed when FrontMatter or Document change shape: an older file is then not used.
FORMAT = "portal-parsed/1"
_RACY_NS = 2_000_000_000


class ParsedFiles:
    """Parsed front matter by path; ``path`` None keeps nothing (every file is parsed)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, tuple[int, int, FrontMatter]] = self._load() if path else {}
        self.used: dict[str, tuple[int, int, FrontMatter]] = {}
        self.parsed = 0  #: files parsed by this build (not found, or changed)

    def _load(self) -> dict[str, tuple[int, int, FrontMatter]]:
        assert self.path is not None
        try:
            with open(self.path, "rb") as handle:
                form, entries = pickle.load(handle)
        except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
            return {}
        return entries if form == FORMAT and isinstance(entries, dict) else {}

    def front_matter(self, path: Path, parse: Callable[[bytes], FrontMatter]) -> FrontMatter:
        """``parse`` of the file's bytes, or what it gave when the file had this size and time."""
        if self.path is None:
            return parse(path.read_bytes())
        stat = os.stat(path)
        key = str(path)
        known = self.entries.get(key)
        if known is not None and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            self.used[key] = known
            return known[2]
        result = parse(path.read_bytes())  # a SourceError goes up and nothing is kept
        self.used[key] = (stat.st_size, stat.st_mtime_ns, result)
        self.parsed += 1
        return result

    def save(self) -> None:
        """Keep the files this build read (others are dropped), unless nothing changed; then let go."""
        if self.path is not None and (self.parsed or self.used.keys() != self.entries.keys()):
            now = time.time_ns()
            kept = {key: value for key, value in self.used.items() if value[1] < now - _RACY_NS}
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")  # two builds may save
                with open(temporary, "wb") as handle:
                    pickle.dump((FORMAT, kept), handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, self.path)
            except OSError:
                pass  # a cache that cannot be written only costs time
        self.entries, self.used = {}, {}
