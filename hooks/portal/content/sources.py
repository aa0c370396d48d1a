"""The edges of what the site reads and publishes: files of the repository, and an allow-list for content/.

Two rules hold for every source folder (``content/``, ``structures/``, ``magazine/``,
``upconf/``):

- nothing that resolves outside the repository is read or published: a link
  (to a file or to a folder) pointing outside is a located problem, and the
  loaders never open it (a link to ``/dev/zero`` or to a FIFO would hang them);
- links to folders are not followed (the same file would otherwise have two
  addresses), links to missing files and non-regular files are problems too.

``content/`` is published through an allow-list: its Markdown pages
(``*.fr.md``, ``*.en.md``) and the images those pages show (published as
renditions, never as originals); ``_data/*.yml`` is read, not published.
Anything else there is a located problem and is left out of the site.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
DATA_FOLDER = "_data"
DATA_SUFFIXES = (".yml", ".yaml")
MARKDOWN_SUFFIXES = (".md", ".markdown")

LINK_OUTSIDE = "a link pointing outside the repository is not allowed"
LINK_OUTSIDE_HINT = "copy the file into the repository instead of linking to it"


@dataclass(frozen=True)
class ContentFiles:
    """The files of content/, sorted by kind (paths as found, links not resolved)."""

    pages: tuple[Path, ...]  #: '*.md' files, read as hand-written pages
    data: tuple[Path, ...]  #: '_data/*.yml': read by the build, never published
    images: tuple[Path, ...]  #: JPEG, PNG and WebP files: published as renditions when a page shows them
    stray: tuple[Path, ...]  #: everything else: never published (each one is a problem)


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def is_inside(path: Path, repo_root: Path) -> bool:
    """True when ``path``, links followed, is within the repository."""
    return _real(path).is_relative_to(_real(repo_root))


def _through_folder_link(path: Path, repo_root: Path) -> bool:
    """True when a folder between the repository root and ``path`` is a link."""
    try:
        relative = path.parent.absolute().relative_to(repo_root.absolute())
    except ValueError:
        return True
    return _real(path.parent) != _real(repo_root) / relative


def readable(path: Path, repo_root: Path) -> bool:
    """True when the loaders may open ``path``: a regular file of the repository, not reached through a link
    to a folder (problems with the others are reported once, by :func:`link_problems`)."""
    try:
        mode = os.stat(path).st_mode  # follows a link to a file
    except OSError:
        return False
    return stat.S_ISREG(mode) and is_inside(path, repo_root) and not _through_folder_link(path, repo_root)


class _Readable:
    """:func:`readable` for many files of a few folders: each folder's links resolved once, not once per file.

    A file that is not itself a link is inside the repository, not reached through a
    link to a folder, exactly when its folder is (its real path is its folder's real
    path and its name); a link is judged by :func:`readable` itself.
    """

    def __init__(self, repo_root: Path) -> None:
        self.repo_root = repo_root
        self.folders: dict[Path, bool] = {}

    def __call__(self, path: Path) -> bool:
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            return False
        if stat.S_ISLNK(mode):
            return readable(path, self.repo_root)
        if not stat.S_ISREG(mode):
            return False
        folder = path.parent
        known = self.folders.get(folder)
        if known is None:
            known = self.folders[folder] = not _through_folder_link(path, self.repo_root)
        return known


def repository_files(paths: Iterable[Path], repo_root: Path) -> list[Path]:
    """The ``paths`` the loaders may open (see :func:`readable`), sorted."""
    allowed = _Readable(repo_root)
    return sorted(path for path in paths if allowed(path))


def _source(path: Path, repo_root: Path) -> str:
    return path.absolute().relative_to(repo_root.absolute()).as_posix()


def _walk(folder: Path) -> Iterable[tuple[Path, list[str], list[str]]]:
    """os.walk without following links to folders, hidden names left out (MkDocs leaves them out too)."""
    for top, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        yield Path(top), dirnames, sorted(f for f in filenames if not f.startswith("."))


def link_problems(folder: Path, repo_root: Path) -> list[Problem]:
    """Every link under ``folder`` that points outside the repository, at a folder or at nothing, and every
    entry that is not a regular file (a FIFO, a device)."""
    problems: list[Problem] = []
    if not folder.is_dir():
        return problems
    for top, dirnames, filenames in _walk(folder):
        for name in dirnames:
            path = top / name
            if path.is_symlink():
                source = _source(path, repo_root)
                if not is_inside(path, repo_root):
                    problems.append(Problem(source, None, "", LINK_OUTSIDE, LINK_OUTSIDE_HINT))
                else:
                    problems.append(Problem(source, None, "", "a link to a folder is not followed",
                                            "move the files into the repository's folder instead of linking to it"))
        for name in filenames:
            path = top / name
            source = _source(path, repo_root)
            if path.is_symlink() and not is_inside(path, repo_root):
                problems.append(Problem(source, None, "", LINK_OUTSIDE, LINK_OUTSIDE_HINT))
            elif path.is_symlink() and not path.exists():
                problems.append(Problem(source, None, "", "the link points to a missing file", "remove the link"))
            elif not path.is_file():
                problems.append(Problem(source, None, "", "is not a regular file", "remove it"))
    return problems


def content_files(content_dir: Path, repo_root: Path) -> ContentFiles:
    """The files of content/ that :func:`readable` allows, by kind."""
    pages: list[Path] = []
    data: list[Path] = []
    images: list[Path] = []
    stray: list[Path] = []
    allowed = _Readable(repo_root)
    for top, _, filenames in _walk(content_dir):
        for name in filenames:
            path = top / name
            if not allowed(path):
                continue  # reported by link_problems
            relative = path.relative_to(content_dir)
            if relative.parts[0] == DATA_FOLDER and len(relative.parts) > 1:
                (data if path.suffix in DATA_SUFFIXES else stray).append(path)
            elif path.suffix == ".md":
                pages.append(path)
            elif path.suffix.lower() in IMAGE_SUFFIXES:
                images.append(path)
            else:
                stray.append(path)
    return ContentFiles(tuple(sorted(pages)), tuple(sorted(data)), tuple(sorted(images)), tuple(sorted(stray)))


def stray_problems(files: ContentFiles, shown: set[Path], repo_root: Path) -> list[Problem]:
    """A problem for each file of content/ that is not published: not a page, data, or an image a page shows.

    ``shown``: the images that pages show (as found, links not resolved).
    """
    problems = []
    for path in files.stray:
        source = _source(path, repo_root)
        if path.absolute() in shown:
            continue  # a page shows it (a GIF, say): that page's image problem says why it cannot be
        if path.suffix.lower() in MARKDOWN_SUFFIXES:
            problems.append(Problem(source, None, "", f"the extension '{path.suffix}' is not '.md'",
                                    f"rename the file '{path.name[: -len(path.suffix)]}.md'"))
        else:
            problems.append(Problem(source, None, "", "this file is not published: content/ holds pages "
                                    "(*.fr.md, *.en.md) and the JPEG, PNG or WebP images they show",
                                    "remove it, or move it out of content/"))
    for path in files.images:
        if path.absolute() not in shown:
            problems.append(Problem(_source(path, repo_root), None, "", "no page shows this image, so it is not "
                                    "published", f"show it in a page with ![what it shows]({path.name}), or remove it"))
    return problems


def misplaced_sources(repo_root: Path) -> list[Problem]:
    """Articles and data files the loaders would not see: wrong extension case, wrong folder."""
    problems: list[Problem] = []
    allowed = _Readable(repo_root)
    magazine = repo_root / "magazine"
    if magazine.is_dir():
        for top, _, filenames in _walk(magazine):
            for name in filenames:
                path = top / name
                if path.suffix.lower() not in MARKDOWN_SUFFIXES or not allowed(path):
                    continue
                depth = len(path.relative_to(magazine).parts)
                source = _source(path, repo_root)
                if depth == 1:
                    problems.append(Problem(source, None, "", "an article must be in a year folder",
                                            f"move it to magazine/<year>/{name}"))
                elif depth > 2:
                    problems.append(Problem(source, None, "", "an article must be directly in its year folder",
                                            f"move it to magazine/<year>/{name}"))
                elif path.suffix != ".md":
                    problems.append(Problem(source, None, "", f"the extension '{path.suffix}' is not '.md'",
                                            f"rename the file '{name[: -len(path.suffix)]}.md'"))
    for name in ("structures", "upconf"):
        folder = repo_root / name
        if not folder.is_dir():
            continue
        for top, _, filenames in _walk(folder):
            for filename in filenames:
                path = top / filename
                if path.suffix.lower() not in DATA_SUFFIXES or not allowed(path):
                    continue
                source = _source(path, repo_root)
                if top != folder:
                    problems.append(Problem(source, None, "", f"a file of {name}/ must be directly in {name}/",
                                            f"move it to {name}/{filename}"))
                elif path.suffix not in DATA_SUFFIXES:
                    problems.append(Problem(source, None, "", f"the extension '{path.suffix}' is not '.yml'",
                                            f"rename the file '{filename[: -len(path.suffix)]}.yml'"))
    return problems
