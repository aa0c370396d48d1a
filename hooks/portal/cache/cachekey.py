"""Keys of the build's caches, complete by construction.

A result kept between builds (a social card, an image rendition, a page, a
feed, an excerpt) is found again by a key, and the key must change whenever
the result could. A list kept by hand (a ``VERSION`` bumped when someone
remembers, the fields someone thought a key needs) fails silently the day it is
forgotten: a warm build then serves what a build from nothing would not. So a
key here is always made of three things, each taken whole:

- the producing code (``code_digest``): the source files of the modules that
  make the result, and those of every module of ours they import, directly or
  not, found in their source (an import inside a function counts too); read
  once per process (``running_code``), as the process runs them;
- the environment (``environment``): Python's version and the version of every
  installed distribution (Pillow, Markdown, pymdown-extensions, MkDocs,
  Material, feedgen…), not a list of the ones thought to matter;
- the inputs the producer was handed: values digested with every field of
  their dataclasses (``fingerprint``), files and folders by their bytes
  (``file_digest``, ``files_fingerprint``).

``cache_key`` puts the three together. Nothing here is ever bumped by hand.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any


def fingerprint(*parts: Any) -> str:
    """A stable hex digest of plain data: texts, bytes, numbers, dates, paths, and dataclasses,
    mappings and sequences of them.

    Values other than texts and bytes are digested through ``repr``: the
    dataclasses of the core print every field (none is ``repr=False``, none has
    its own ``__repr__``: tests/unit/cache/test_pagecache.py keeps it so). A value
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


def file_digest(path: Path | str) -> str:
    """The digest of a file's bytes (read again only when its size, time or inode changed)."""
    try:
        stat = os.stat(path)
    except OSError:
        return "missing"
    return _file_digest(os.fspath(path), stat.st_size, stat.st_mtime_ns, stat.st_ino)


# Per-process memo of a pure function: a file's version (path, size, time, inode) always has the same digest.
# Large: a magazine of 5 000 articles has 5 000 covers, each asked for several times per build, in turn.
@functools.lru_cache(maxsize=1 << 16)
def _file_digest(path: str, size: int, mtime_ns: int, inode: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# Per process on purpose: the distributions this process imported stay the ones it runs, whatever is installed
# later (as ``running_code``).
@functools.lru_cache(maxsize=1)
def environment() -> str:
    """Python's version and every installed distribution's name and version, digested."""
    installed = sorted({(dist.metadata["Name"] or "").lower(): dist.version
                        for dist in importlib.metadata.distributions()}.items())
    return fingerprint(sys.version, installed)


def code_digest(*modules: ModuleType | str) -> str:
    """The digest of the source of ``modules`` and of every module of ours they import (``code_files``)."""
    return fingerprint(sorted(code_files(*modules).items()))


def code_files(*modules: ModuleType | str) -> dict[str, str]:
    """The digest of the source of ``modules`` and of every module of ours they import, directly or not, by
    module name.

    "Ours": the packages beside theirs (``portal`` and ``portal_mkdocs`` in
    ``hooks/``); libraries count through ``environment``. Imports are found in
    the source files, and the files are read from disk, not from what is
    loaded: a process that outlives an edit of the code gets another key.
    """
    seen: dict[str, str] = {}
    todo: list[tuple[str, Path]] = []
    for module in modules:
        name = module if isinstance(module, str) else module.__name__
        top = sys.modules[name.split(".", 1)[0]]
        root = Path(top.__file__ or "").resolve().parent.parent  # the folder the package is in
        todo.append((name, root))
    while todo:
        name, root = todo.pop()
        if name in seen:
            continue
        path = _module_file(root, name)
        seen[name] = file_digest(path) if path else ""
        if path:
            todo += [(found, root) for found in _imports_of(name, str(path), seen[name])]
    return {name: digest for name, digest in seen.items() if digest}


def _module_file(root: Path, name: str) -> Path | None:
    """The source file of module ``name`` under ``root``, or None (a library's, or not a module)."""
    base = root.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


# Per-process memo of a pure function of the file's bytes (``digest``).
@functools.lru_cache(maxsize=512)
def _imports_of(name: str, path: str, digest: str) -> tuple[str, ...]:
    """Every module name ``name``'s source imports, or may (``digest``: its bytes', for the memo)."""
    here = name if os.path.basename(path) == "__init__.py" else name.rpartition(".")[0]
    try:
        tree = ast.parse(Path(path).read_bytes(), path)
    except (OSError, SyntaxError, ValueError):
        return ()
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here.rsplit(".", node.level - 1)[0] if node.level > 1 else here
                origin = f"{base}.{node.module}" if node.module else base
            else:
                origin = node.module or ""
            found.add(origin)
            # `from . import articles` names a module, not an attribute: each name may be one.
            found.update(f"{origin}.{alias.name}" for alias in node.names)
    # A module's parents run first when it is imported (`portal/__init__.py`).
    found.update(item.rsplit(".", depth)[0] for item in [*found, name] for depth in range(1, item.count(".") + 1))
    return tuple(sorted(found))


@functools.cache
def running_code(*modules: str) -> str:
    """``code_digest`` of ``modules`` as this process runs them: read the first time it is asked, then kept.

    A process (``mkdocs serve``, its language workers) keeps the modules it imported even when their
    files are edited afterwards: a key made from the files as they are now would file what the old
    code makes under the new code's name, for every later build to reuse.
    """
    return code_digest(*modules)


@functools.cache
def running_files(folders: tuple[Path, ...], suffixes: tuple[str, ...] = ()) -> str:
    """``files_fingerprint`` of code folders as this process runs them (read once, see ``running_code``)."""
    return files_fingerprint(folders, suffixes)


def cache_key(*inputs: Any, code: Iterable[ModuleType | str] = (), files: Iterable[Path] = (),
              folders: Iterable[Path] = ()) -> str:
    """The key of a result made by ``code`` (as this process runs it) from ``inputs`` and the bytes of ``files``
    and ``folders``, in this environment."""
    names = tuple(sorted(module if isinstance(module, str) else module.__name__ for module in code))
    return fingerprint(environment(), running_code(*names), [(str(path), file_digest(path)) for path in files],
                       files_fingerprint(list(folders)), *inputs)
