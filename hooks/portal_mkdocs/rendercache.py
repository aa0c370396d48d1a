"""Pages rendered by an earlier build, reused when nothing they were made of changed.

The core (``portal.cache.pagecache``) keys and stores entries; this module is where
MkDocs meets it. For each page, at ``on_page_markdown`` (once shortcodes are
expanded and the page's view is known) the page's key is looked up:

- a hit: the page is handed empty Markdown and an empty template, so MkDocs
  does almost nothing with it; what the rest of the build needs from it (body
  HTML for the feeds, title, anchors and the links to check)
  is put back from the entry, and ``on_post_page`` returns the stored output;
- a miss: the page is rendered as usual, and stored at ``on_post_page`` with
  the files its links looked up, unless a warning was logged while it was made
  (such a page is rendered again by every build, so its warning is seen again).

Before that, at ``on_files``, the ledger of the last build (``portal.cache.ledger``)
may prove pages unchanged without their views: those are not handed to MkDocs
at all (``unchanged``). Every page this build stores or leaves out is recorded
in its own ledger for the next build.

``PORTAL_PAGE_CACHE=off`` builds without reading or writing the cache (``invocation.CACHE_ENV``).
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from portal.cache.cachekey import environment, running_files
from portal.cache.ledger import Ledger, PageRecord, read_ledger, write_ledger
from portal.cache.pagecache import BlobCache, CachedPage, PageCache, files_fingerprint, fingerprint, pack_html
from portal.plan.outline import outline

from . import internals
from .host import host_package
from .report import logger
from .search import FOLDER as SEARCH_FOLDER
from .sitefolder import SiteFolder
from .state import BuildState
from .unchanged import Bodies, UnchangedPages, source_digest

#: The template given to a page whose output is already known: it renders nothing.
EMPTY_TEMPLATE = "partials/portal/empty.html"


@dataclass
class _Record:
    """One page of this build, from on_page_markdown to on_post_page."""

    key: str | None  #: None: the page cannot be cached (something in it has no fingerprint)
    warnings: int  #: warnings logged before the page was started
    entry: CachedPage | None = None  #: set on a hit, until the page is written
    lookups: dict[str, Any] = field(default_factory=dict)
    content: str = ""
    clean: bool = True  #: no warning while it was made
    kept: bool = False  #: reused, and its file in the site folder is already its output


class WarningCount(logging.Handler):
    """Counts the warnings of the running program's loggers while one build is on."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class BuildLog:
    """One build's hooks into the program's log: its warning count, and the pages whose empty output (they
    are kept as the last build wrote them) MkDocs is not to announce. Installed when the build's render
    cache starts, removed when it finishes or the build fails (``Invocation.at_failure``)."""

    def __init__(self, config: MkDocsConfig, at_failure: list[Callable[[], None]]) -> None:
        self.warnings = WarningCount()
        self.quiet_pages: set[str] = set()  #: src_uri of the pages kept on purpose
        self._logger = logging.getLogger(host_package(config))
        self._logger.addHandler(self.warnings)
        self._unquiet = internals.quiet_skipped_pages(config, self.quiet_pages)
        self._at_failure = at_failure
        at_failure.append(self.close)

    def close(self) -> None:
        """Remove both hooks (again: nothing)."""
        self._logger.removeHandler(self.warnings)
        self._unquiet()
        if self.close in self._at_failure:
            self._at_failure.remove(self.close)


class RenderCache:
    """This build's use of the page cache: its key, its pages, and the hooks into MkDocs it needs."""

    def __init__(self, cache: PageCache, site: SiteFolder, log: BuildLog, feeds: FeedFiles) -> None:
        self.cache = cache
        self.feeds = feeds  #: the magazine's feeds, made of the same pages (outputs.write_feeds)
        self.site = site
        self.log = log
        self.warnings = log.warnings
        self.build_key = ""
        self.records: dict[str, _Record] = {}
        self.recording: _Record | None = None  #: the page whose link lookups are being noted
        self.files: Files | None = None
        self.sources: dict[str, str] = {}  #: src_uri -> digest of its source (see unchanged.source_digest)
        self.unchanged: UnchangedPages | None = None  #: pages left out of MkDocs' loop
        self.ledger = Ledger()  #: what this build leaves for the next one
        self.in_feeds: frozenset[str] = frozenset()  #: articles whose bodies the feeds carry

    # -- set-up ---------------------------------------------------------------------------------

    def files_ready(self, files: Files, config: MkDocsConfig, state: BuildState) -> Files:
        """Once MkDocs has emptied the site folder and the files and menu are known: the files to build.

        Pages the ledger of the last build proves unchanged are left out (``unchanged``).
        """
        self.site.show()
        self.build_key = build_key(config, state)
        self.ledger = Ledger(self.build_key, outline(state.site))
        documentation = files.documentation_pages(inclusion=lambda _: True)
        self.sources = {file.src_uri: source_digest(file) for file in documentation}
        previous = read_ledger(self.cache.folder)
        self.unchanged = UnchangedPages(previous if previous.matches(self.ledger.build_key, self.ledger.outline)
                                        else Ledger(), _resolution)
        self.in_feeds = state.feed_articles
        files = self.unchanged.set_aside(files, config, self.sources, self.cache, self.site,
                                         cards=state.site.settings.social_cards, in_feeds=self.in_feeds)
        self._watch_files(files)
        return files

    def bodies(self, rendered: dict[str, str]) -> Bodies:
        """The articles' bodies for the feeds: ``rendered`` by this build, and those of the pages left out."""
        return Bodies(rendered, self.unchanged)

    def left_out(self) -> list[File]:
        """The pages left out of MkDocs' loop (the sitemap lists them all the same)."""
        files = self.unchanged.files.values() if self.unchanged is not None else ()
        return [file for file in files if file.inclusion.is_included()]  # as MkDocs lists pages: no drafts

    def _watch_files(self, files: Files) -> None:
        """Note every file a page's links look up while the page is rendered; find the pages left out."""
        self.files = files
        unchanged = self.unchanged

        def watched(lookup: Callable[[str], File | None]) -> Callable[[str], File | None]:
            def get_file_from_path(path: str) -> File | None:
                found = lookup(path)
                if found is None and unchanged is not None and unchanged.files:
                    found = unchanged.find(PurePath(path).as_posix())
                if self.recording is not None:
                    self.recording.lookups[path] = _resolution(found)
                return found

            return get_file_from_path

        internals.watch_lookups(files, watched)

    # -- one page ---------------------------------------------------------------------------------

    def begin(self, page: Page) -> None:
        """The page is about to be made: note the warnings so far and start noting its lookups."""
        record = _Record(key=None, warnings=self.warnings.count)
        self.records[page.file.src_uri] = record
        self.recording = record

    def recall(self, markdown: str, page: Page, view: Any) -> str:
        """After the shortcodes: the Markdown to render, empty when the page's stored output can be reused."""
        record = self.records[page.file.src_uri]
        if isinstance(getattr(view, "strings", None), Mapping):
            # The interface strings come from the code, already in the build key: not digested per page.
            view = dataclasses.replace(view, strings={})
        try:
            record.key = fingerprint(self.build_key, page.file.src_uri, page.url, page.file.inclusion.name,
                                     markdown, page.meta, _url(page.previous_page), _url(page.next_page), view)
        except TypeError:  # something in it has no stable form: rendered every time
            self.cache.misses += 1
            return markdown
        entry = self.cache.get(record.key)
        if entry is None or not self._same_lookups(entry):
            self.cache.misses += 1
            return markdown
        self.cache.hits += 1
        record.entry = entry
        if self.site.keep(page.file.dest_uri, record.key):
            record.kept = True
            entry.packed_html = b""  # the file in the site folder is the output: no need to hold it
        else:
            self.site.written(page.file.dest_uri, record.key)
        self.recording = None
        page.meta["template"] = EMPTY_TEMPLATE
        # Nothing to convert: skip MkDocs' Markdown set-up (a new converter for each page).
        internals.skip_render(page)
        return ""

    def _same_lookups(self, entry: CachedPage) -> bool:
        assert self.files is not None
        recording, self.recording = self.recording, None
        try:
            return all(_resolution(self.files.get_file_from_path(path)) == resolved
                       for path, resolved in entry.lookups.items())
        finally:
            self.recording = recording

    def stored_content(self, page: Page) -> str | None:
        """For a reused page: its body HTML, with its title, anchors and links to check put back."""
        record = self.records.get(page.file.src_uri)
        self.recording = None
        if record is None or record.entry is None:
            return None
        entry = record.entry
        assert self.files is not None
        targets = {uri: self.files.get_file_from_path(uri) for uri in entry.anchor_links}
        internals.put_back_render(page, entry.title, set(entry.anchors),
                                  {target: dict(links) for uri, links in entry.anchor_links.items()
                                   if (target := targets[uri]) is not None})
        return entry.content

    def rendered(self, content: str, page: Page) -> None:
        """A page just rendered: keep its body, and whether it warned, until its output is known."""
        record = self.records.get(page.file.src_uri)
        if record is not None:
            record.content = content
            record.clean = self.warnings.count == record.warnings

    def templating(self, page: Page) -> None:
        """The page's template is about to be rendered: count its warnings from here."""
        record = self.records.get(page.file.src_uri)
        if record is not None:
            record.warnings = self.warnings.count

    def output(self, html: str, page: Page) -> str:
        """The page's output: the stored one for a reused page; a clean new one is stored."""
        record = self.records.get(page.file.src_uri)
        if record is None or record.key is None:
            return html
        entry, record.entry = record.entry, None  # nothing of the page is needed after this
        src_uri = page.file.src_uri
        if entry is not None:
            self._note(page, record.key, entry.lookups, entry.anchors, entry.anchor_links, entry.content)
            if record.kept:
                self.log.quiet_pages.add(src_uri)
                return internals.NOTHING_TO_WRITE  # the file from the last build is the same
            return entry.html
        if record.clean and self.warnings.count == record.warnings:
            links = {target.src_uri: dict(anchors) for target, anchors in internals.links_to_anchors(page).items()}
            anchors = sorted(internals.anchors_of(page) or ())
            self.cache.put(record.key, CachedPage(
                packed_html=pack_html(html), content=record.content, title=internals.rendered_title(page),
                anchors=anchors, anchor_links=links, lookups=record.lookups))
            self.site.written(page.file.dest_uri, record.key)
            self._note(page, record.key, record.lookups, anchors, links, record.content)
        record.content, record.lookups = "", {}
        return html

    def _note(self, page: Page, key: str, lookups: dict[str, Any], anchors: list[str],
              anchor_links: dict[str, dict[str, str]], content: str) -> None:
        """Record in the ledger what the next build needs to leave this page out."""
        src_uri = page.file.src_uri
        if src_uri not in self.sources:
            return
        self.ledger.pages[src_uri] = PageRecord(
            source=self.sources[src_uri], key=key, dest_uri=page.file.dest_uri, lookups=dict(lookups),
            anchors=list(anchors), anchor_links=anchor_links, body=content if src_uri in self.in_feeds else None)

    def finish(self, config: MkDocsConfig) -> None:
        """Check the pages left out, leave the ledger, forget what this build did not use any more; say how
        many pages were reused."""
        self.log.close()
        left_out = 0
        if self.unchanged is not None and self.files is not None:
            left_out = len(self.unchanged.files)
            self.unchanged.validate_anchor_links(self.files, config)
            self.ledger.pages.update(self.unchanged.records())
        self._drop_broken_anchor_links()
        write_ledger(self.cache.folder, self.ledger)
        removed = self.cache.sweep() + self.feeds.blobs.sweep()
        stale = self.site.finish()
        logger(config).info(f"Page cache: {left_out + self.cache.hits} page(s) reused ({len(self.site.kept)} left "
                            f"in place, {left_out} left out of the build), {self.cache.misses} rendered, "
                            f"{self.feeds.blobs.hits} feed(s) reused; "
                            f"{removed} old entr{'y' if removed == 1 else 'ies'} and {stale} old file(s) removed")

    def _drop_broken_anchor_links(self) -> None:
        """A page linking to an anchor that is not there warned: the next build must not leave it out."""
        anchors = {src_uri: set(record.anchors) for src_uri, record in self.ledger.pages.items()}
        for src_uri, record in list(self.ledger.pages.items()):
            for target, links in record.anchor_links.items():
                present = anchors.get(target)
                if present is None:
                    found = self.files.get_file_from_path(target) if self.files is not None else None
                    present = (internals.anchors_of(found.page) if found is not None and found.page is not None
                               else None) or set()
                if not set(links) <= present:
                    del self.ledger.pages[src_uri]
                    break


class FeedFiles:
    """Where the feeds of earlier builds are (``portal.outputs.feeds.FeedStore``): their files in the site folder,
    left in place when unchanged, and their bytes in the cache."""

    def __init__(self, blobs: BlobCache, site: SiteFolder) -> None:
        self.blobs = blobs
        self.site = site

    def get_blob(self, key: str) -> bytes | None:
        return self.blobs.get_blob(key)

    def put_blob(self, key: str, data: bytes) -> None:
        self.blobs.put_blob(key, data)

    def in_place(self, key: str, paths: tuple[str, ...]) -> bool:
        if not all(self.site.holds(path, key) for path in paths):
            return False
        for path in paths:
            self.site.keep(path, key, page=False)
        self.blobs.used.add(key)  # still the feeds' bytes, should the files go
        self.blobs.hits += 1
        return True

    def written(self, path: str, key: str) -> None:
        self.site.written(path, key)


def _resolution(found: File | None) -> Any:
    """What a link lookup found, as far as the page's HTML and warnings depend on it."""
    if found is None:
        return None
    return [found.url, found.inclusion.is_excluded()]


def _url(page: Any) -> str | None:
    return getattr(page, "url", None) if page is not None else None


def cache_folder(config: MkDocsConfig, state: BuildState) -> Path:
    """The folder of this language's cached pages (a preview under `mkdocs serve` shows drafts: its own)."""
    root = Path(config.config_file_path).resolve().parent
    return root / ".cache" / "pages" / state.invocation.cache_name(state.lang)


def start(config: MkDocsConfig, state: BuildState) -> None:
    """At on_pre_build, before MkDocs empties the site folder: set up this build's render cache.

    Not under ``--dirty`` (MkDocs keeps the folder itself), not when turned off,
    and not with a search plugin whose entries could not be put back.
    """
    state.render_cache = None
    if not state.invocation.reusing:
        return
    folder = cache_folder(config, state)
    # The search index is the default language's build's to keep or make again (search.py).
    site = SiteFolder(config.site_dir, folder, state.lang, owned=(SEARCH_FOLDER,) if state.is_default_language else ())
    site.hide()
    feeds = FeedFiles(BlobCache(folder.parent.parent / "feeds" / folder.name), site)
    log = BuildLog(config, state.invocation.at_failure)
    cache = RenderCache(PageCache(folder), site, log, feeds)
    state.render_cache = cache


def compiled_templates(env: Any, config: MkDocsConfig) -> None:
    """Keep the theme's compiled templates between builds (Jinja checks each against its source)."""
    folder = Path(config.config_file_path).resolve().parent / ".cache" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))


def build_key(config: MkDocsConfig, state: BuildState) -> str:
    """What every page of this build depends on: code, templates, libraries, configuration, menu, language.

    The code is every file beside the hook file (the adapter and the core, whether a page's
    render imports them or not, and the data they read: the interface strings' catalogues
    ``portal/text/locale/*/LC_MESSAGES/portal.po``), as this process runs it (``cachekey.running_files``:
    read once, so that `mkdocs serve` does not file its old code's pages under edited code's key), the
    libraries every installed distribution (``cachekey.environment``).
    """
    hook_folders = sorted({Path(path).resolve().parent for path in config.hooks})
    theme_folder = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    return fingerprint(
        environment(), host_package(config),
        running_files(tuple(hook_folders)), files_fingerprint(theme_folder),
        Path(config.config_file_path).read_bytes(),
        state.lang, state.root_url, config.site_url, config.use_directory_urls, state.invocation.serving,
        os.environ.get("SOURCE_DATE_EPOCH"),  # MkDocs' build date, should a template show it
        config.theme.get("language"), config["nav"],
    )
