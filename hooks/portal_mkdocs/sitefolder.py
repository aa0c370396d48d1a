"""The site folder between two builds: page files that did not change stay where they are.

MkDocs empties the site folder before each build and writes every page again.
On a magazine of thousands of articles that is thousands of folders created and
files written for pages that did not change: most of a warm rebuild's time on
a slow disk. With the page cache on, a build instead

1. hides the folder's entries before MkDocs empties it (MkDocs leaves names
   that start with a dot alone), and shows them again once it has (on_files);
2. does not write a reused page whose file still holds that page's output: the
   manifest of the previous build (``site.json`` beside the page cache) gives
   the key, size and modification time of every page file it left;
3. at the end, removes every file this build neither wrote nor kept, so the
   folder holds what a clean build writes, byte for byte (tested).

Other languages' folders (``en/``) belong to their own builds and are skipped, as are
the folders another step of the build looks after itself (``owned``: the search index,
which ``search.py`` leaves in place or makes again).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from portal.text.languages import other_languages

_HIDDEN = ".portal-hidden-"
_MANIFEST = "site.json"
_STARTED = "build-started"


class SiteFolder:
    """One language build's output folder, and what its previous build left in it."""

    def __init__(self, site_dir: str, cache_folder: Path, lang: str, owned: tuple[str, ...] = ()) -> None:
        self.root = Path(site_dir).resolve()
        self.cache_folder = cache_folder
        self.skipped_roots = set(other_languages(lang)) | set(owned)  #: folders other builds or steps write
        self.previous: dict[str, list[Any]] = {}  #: page file -> [key, size, mtime_ns], from the manifest
        self.pages: dict[str, str] = {}  #: page file -> key, this build (written or kept)
        self.kept: set[str] = set()  #: page files left as the last build wrote them
        self.kept_with_pages: set[str] = set()  #: other files left in place (social cards, feeds)
        self.started_ns = 0
        self.had_files = False  #: whether an earlier build left anything (else nothing can be stale)

    def hide(self) -> None:
        """Before MkDocs empties the folder: note the time, read the manifest, hide the entries."""
        self.cache_folder.mkdir(parents=True, exist_ok=True)
        stamp = self.cache_folder / _STARTED
        stamp.write_bytes(b"")
        os.utime(stamp)  # now, even if truncating an empty file left its time alone
        self.started_ns = stamp.stat().st_mtime_ns  # the file system's clock, as the files' own times
        self.previous = self._read_manifest()
        if not self.root.is_dir():
            return
        for entry in os.scandir(self.root):
            if entry.name.startswith(_HIDDEN):  # left by a build that stopped half-way
                _remove(entry.path)
        for entry in os.scandir(self.root):
            if not entry.name.startswith("."):
                os.rename(entry.path, self.root / f"{_HIDDEN}{entry.name}")
                self.had_files = True

    def show(self) -> None:
        """After MkDocs emptied the folder: put the hidden entries back."""
        if not self.root.is_dir():
            return
        for entry in os.scandir(self.root):
            if entry.name.startswith(_HIDDEN):
                target = self.root / entry.name[len(_HIDDEN):]
                if target.exists():
                    _remove(entry.path)
                else:
                    os.rename(entry.path, target)

    def holds(self, dest_uri: str, key: str) -> bool:
        """Whether the file ``dest_uri`` still holds what ``key`` made (size and time as the last build left them)."""
        previous = self.previous.get(dest_uri)
        if not previous or previous[0] != key:
            return False
        try:
            stat = os.stat(f"{self.root}{os.sep}{dest_uri}")
        except OSError:
            return False
        return [stat.st_size, stat.st_mtime_ns] == previous[1:]

    def keep(self, dest_uri: str, key: str, page: bool = True) -> bool:
        """Whether the file ``dest_uri`` (a page's, or another: a feed) still holds what ``key`` made; if so, it
        stays as it is. Either way, the file is this build's, made under ``key``."""
        self.pages[dest_uri] = key
        if not self.holds(dest_uri, key):
            return False
        (self.kept if page else self.kept_with_pages).add(dest_uri)
        return True

    def keep_with_page(self, relative: str) -> None:
        """A file of a page left in place (its social card): left in place too."""
        self.kept_with_pages.add(relative)

    def _left_in_place(self, relative: str) -> bool:
        return relative in self.kept or relative in self.kept_with_pages

    def written(self, dest_uri: str, key: str) -> None:
        """A file this build writes (a page's, or a feed), made under ``key``."""
        self.pages[dest_uri] = key

    def finish(self) -> int:
        """Remove what this build neither wrote nor kept, record its page files; return files removed."""
        removed = self._remove_stale() if self.had_files else 0
        manifest: dict[str, list[Any]] = {}
        root = str(self.root) + os.sep
        for relative, key in sorted(self.pages.items()):
            if self._left_in_place(relative):
                manifest[relative] = self.previous[relative]  # as keep() found it
                continue
            try:
                stat = os.stat(root + relative)
            except OSError:
                continue
            manifest[relative] = [key, stat.st_size, stat.st_mtime_ns]
        data = {"site_dir": str(self.root), "pages": manifest}
        target = self.cache_folder / _MANIFEST
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, target)
        return removed

    def _remove_stale(self) -> int:
        """Remove the files older than this build that it did not keep, then the folders left empty."""
        removed, _ = self._sweep_folder(str(self.root), "")
        return removed

    def _sweep_folder(self, folder: str, prefix: str) -> tuple[int, bool]:
        """(files removed, whether the folder is empty now); one pass, no path objects (thousands of folders)."""
        removed, left = 0, 0
        with os.scandir(folder) as entries:
            for entry in entries:
                relative = prefix + entry.name
                if not prefix and (entry.name.startswith(".") or entry.name in self.skipped_roots):
                    left += 1
                    continue
                if entry.is_dir(follow_symlinks=False):
                    count, empty = self._sweep_folder(entry.path, relative + "/")
                    removed += count
                    if empty:
                        try:
                            os.rmdir(entry.path)
                            continue
                        except OSError:
                            pass
                    left += 1
                    continue
                if self._left_in_place(relative):
                    left += 1
                    continue
                try:
                    if entry.stat(follow_symlinks=False).st_mtime_ns < self.started_ns:
                        os.unlink(entry.path)
                        removed += 1
                        continue
                except OSError:
                    pass
                left += 1
        return removed, left == 0

    def _read_manifest(self) -> dict[str, list[Any]]:
        try:
            data = json.loads((self.cache_folder / _MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("site_dir") != str(self.root):
            return {}
        pages = data.get("pages")
        return pages if isinstance(pages, dict) else {}


def _remove(path: str) -> None:
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        os.unlink(path)

