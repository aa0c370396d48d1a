"""The site's search index, made by Pagefind from the written HTML of every language.

Runs once, in the default language's build, after the other languages are written
(their pages are under ``<site>/<lang>/``). Pagefind splits its index by each page's
``<html lang>``: a French page searches French pages with French stemming, an English
page English ones. Only the elements marked ``data-pagefind-body`` are indexed (see
``portal.outputs.search`` for which pages carry it), so listings and redirect pages stay out.
A reader's first search downloads Pagefind's small loader, its WebAssembly and the
index chunks of the words typed: a few hundred kilobytes, not the whole index.

Indexing costs about 2 ms of CPU per indexed page (1.6 for Pagefind, 0.2 for the copy), even when nothing
changed. So the index is keyed (``.cache/search/``) on what it is made of: the
bytes of every HTML file of the site (each digested again only when its size,
time or inode changed since the last build: pages a rebuild leaves in place cost
a ``stat``), this module's code and the installed distributions (Pagefind's
version among them). When the key and the files of ``pagefind/`` are those the
last build left, the folder is left as it is (the site folder keeps it across
MkDocs' clean: ``sitefolder.SiteFolder``, ``owned``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from portal.cache.cachekey import cache_key
from portal.outputs import search_chunks, search_filters
from portal.outputs.search import search_copy
from portal.text.languages import DEFAULT_LANGUAGE, LANGUAGES

from .state import BuildState

log = logging.getLogger("mkdocs.plugins.portal")

#: Where the index and Pagefind's scripts are published, from the site's root.
FOLDER = "pagefind"

#: Pagefind's ready-made interfaces, which the site does not use (its dialog is
#: assets/javascripts/search.js, on Pagefind's API): not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")

#: Parts of a page's rendered Markdown that are not its text: heading permalinks, the video
#: player's button. The templates' own furniture (rubric, byline, topics, share and
#: subscribe blocks, lists of other pages) carries ``data-pagefind-ignore`` where it is written.
EXCLUDED = (".headerlink", ".portal-video__play", "nav", "script", "style")


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
    invocation = state.invocation
    record = record_file(config, invocation.serving) if invocation.reusing else None
    if invocation.serving:
        invocation.indexing = threading.Thread(target=_write, args=(config.site_dir, record), name="search-index",
                                               daemon=True)
        invocation.indexing.start()
    else:
        _write(config.site_dir, record)


def record_file(config: MkDocsConfig, serving: bool) -> Path:
    """Where the key of the last index is kept (a preview, which shows drafts, keeps its own)."""
    root = Path(config.config_file_path).resolve().parent
    return root / ".cache" / "search" / ("preview.json" if serving else "site.json")


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
    return cache_key(sorted((name, entry[3]) for name, entry in html.items()), code=[__name__, search_chunks.__name__,
                                                                                  search_filters.__name__])


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
    shutil.rmtree(output, ignore_errors=True)  # no fragment of an earlier index is left behind
    try:
        pages = _index(site_dir, output)
    except Exception as error:  # the binary is missing or failed: the site is still usable without search
        log.warning("portal: the search index could not be made (%s)", error)
        return
    _tidy(output)
    if record_path is not None:
        IndexRecord(os.path.abspath(site_dir), key, pages, folder_state(output), html).write(record_path)
    log.info("portal: search index of %d pages written to %s/ in %.2f s", pages, FOLDER, time.perf_counter() - started)


def _tidy(output: str) -> None:
    """Leave out the unused interfaces (the entry file lists the languages in a stable order already: ``_merge``)."""
    for name in UNUSED:
        path = os.path.join(output, name)
        if os.path.exists(path):
            os.remove(path)


def language_globs(site_dir: str) -> dict[str, str]:
    """The HTML files of each language's pages, as Pagefind globs from the site's root.

    A language other than the default is its folder (``en/``; none when there is no such
    folder); the default language is the rest: the root's files and every other folder but
    Pagefind's own.
    """
    others = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
    present = [lang for lang in others if os.path.isdir(os.path.join(site_dir, lang))]
    folders = sorted(entry.name for entry in os.scandir(site_dir)
                     if entry.is_dir() and entry.name not in (*others, FOLDER))
    default = "{" + ",".join(["*.html", *(f"{name}/**/*.html" for name in folders)]) + "}"
    return {DEFAULT_LANGUAGE: default, **{lang: f"{lang}/**/*.html" for lang in present}}


def _index(site_dir: str, output: str, chunk_bytes: int | None = search_chunks.CHUNK_BYTES) -> int:
    """Index each language in its own Pagefind process, one after the other, then merge their bundles.

    Pagefind is given the pages' search copies (``portal.outputs.search.search_copy``, written
    to a temporary folder under the same paths, so the same URLs), not the site: it parses every
    file it is given and holds it until the index is written. At 5 000 articles, French: 1 385 →
    1 071 MiB, 20.5 → 7.9 s of CPU, the same index byte for byte. What it holds grows with the
    words indexed (about 0.21 MiB per article of 600–900 words), so each language has its own
    process (both languages in one took 1 715 MiB, before the copies).

    The word index is then cut again into chunks of at most ``chunk_bytes`` (``portal.outputs.search_chunks``;
    None keeps Pagefind's): at 5 000 articles, a French search for "culture" downloads 118 KB of chunks
    instead of 209. The filters' values are sorted (``portal.outputs.search_filters``): Pagefind writes
    them in an order that changes from run to run.

    Pagefind's command line, not its Python API: the API's service (pagefind 1.5.2) answers
    "written" while its last file writes are still in flight and is then stopped, and about
    one run in four left a file (``pagefind-entry.json``) empty. The command returns once
    everything is written.
    """
    # Imported here: Pagefind is only needed once per build, at its end.
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise FileNotFoundError("the pagefind binary (pip package pagefind_bin) is not installed")
    os.makedirs(output)
    with tempfile.TemporaryDirectory(prefix="portal-search-") as copies:
        write_search_copies(site_dir, copies)
        for lang, glob in language_globs(copies).items():
            index_language(str(binary), copies, glob, lang, output)
    try:
        if chunk_bytes is not None:
            search_chunks.rechunk_index(output, chunk_bytes)
        search_filters.stable_filters(output)
    except search_chunks.UnknownIndexFormat as error:  # another Pagefind: its own files still work
        log.warning("portal: the search index is left (in part) as Pagefind wrote it (%s)", error)
    with open(os.path.join(output, "pagefind-entry.json"), encoding="utf-8") as handle:
        return sum(int(entry["page_count"]) for entry in json.load(handle)["languages"].values())


def write_search_copies(site_dir: str, copies: str) -> int:
    """Write into ``copies`` the search copy of every page of the site that has one, at the same path;
    return how many."""
    written = 0
    for folder, folders, names in os.walk(site_dir):
        if folder == site_dir:
            folders[:] = [name for name in folders if name != FOLDER]
        for name in names:
            if not name.endswith(".html"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                copy = search_copy(handle.read())
            if copy is None:
                continue
            target = os.path.join(copies, os.path.relpath(folder, site_dir), name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(copy)
            written += 1
    return written


def index_language(binary: str, pages: str, glob: str, lang: str, output: str) -> None:
    """One language's Pagefind process on the HTML files of ``pages`` that ``glob`` matches, its bundle
    merged into ``output``."""
    bundle = f"{output}.{lang}"  # beside pagefind/, removed at once: it holds no HTML to index
    shutil.rmtree(bundle, ignore_errors=True)
    excluded = [argument for selector in EXCLUDED for argument in ("--exclude-selectors", selector)]
    try:
        done = subprocess.run([binary, "--site", pages, "--glob", glob, "--output-path", bundle, *excluded,
                               "--silent"], capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"pagefind failed for {lang}: {(done.stdout + done.stderr).strip()[-500:]}")
        _merge(bundle, output)
    finally:
        shutil.rmtree(bundle, ignore_errors=True)


def _merge(bundle: str, output: str) -> None:
    """Move one language's bundle into ``output``: its own files, the shared scripts once, its entry."""
    entry = os.path.join(output, "pagefind-entry.json")
    for folder, _, names in os.walk(bundle):
        target = os.path.join(output, os.path.relpath(folder, bundle))
        os.makedirs(target, exist_ok=True)
        for name in names:
            if name == "pagefind-entry.json" or os.path.exists(os.path.join(target, name)):
                continue  # the scripts and the shared WebAssembly are the same in every bundle
            os.replace(os.path.join(folder, name), os.path.join(target, name))
    with open(os.path.join(bundle, "pagefind-entry.json"), encoding="utf-8") as handle:
        added = json.load(handle)
    if os.path.exists(entry):
        with open(entry, encoding="utf-8") as handle:
            merged = json.load(handle)
        if set(merged["languages"]) & set(added["languages"]):
            raise ValueError(f"two bundles index {sorted(set(merged['languages']) & set(added['languages']))}")
        added["languages"].update(merged["languages"])
    search_chunks.write_entry(entry, added)  # keys sorted: Pagefind's order of the languages varies
