"""Pages left out of MkDocs' page loop because the ledger proves them unchanged.

When the last build of this language had the same fingerprint and saw the
same site outline (``portal.plan.outline``), a page whose own source is unchanged,
whose links still find the same files and whose output file is still the one
that build wrote, is not handed to MkDocs at all: no Page read, rendered,
templated or written. What the rest of the build needs from it comes from its
ledger record:

- links from rendered pages still find it (the files lookup falls back to it),
  and its anchors are there for MkDocs' anchor validation;
- its own links to anchors of pages rendered again are validated here, with
  MkDocs' message, so a strict build fails as a clean one would;
- the sitemap lists it, the search index keeps its entries in their place,
  the feeds get its body (kept in the ledger for the articles they carry);
- its output file and its social card stay in the site folder.

Its page cache entry is not read: the ledger has all the build needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from portal.cache.ledger import Ledger, PageRecord
from portal.cache.pagecache import PageCache, fingerprint
from portal.outputs.cards import card_path
from portal.outputs.feeds import body_digest

from . import internals
from .host import host_module
from .sitefolder import SiteFolder


def source_digest(file: File) -> str:
    """The digest of what MkDocs reads for a page: its path, URL, output file, inclusion and Markdown."""
    return fingerprint(file.src_uri, file.url, file.dest_uri, file.inclusion.name, file.content_bytes)


def nav_sources(nav: Any) -> set[str]:
    """The src_uris the menu names: such pages are always built (their neighbours come from the menu)."""
    found: set[str] = set()
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, dict):
            for value in item.values():
                found |= nav_sources(value)
        elif isinstance(item, list):
            found |= nav_sources(item)
        elif isinstance(item, str):
            found.add(item)
    return found


class UnchangedPages:
    """This build's pages left out of MkDocs' loop, and what stands in for them."""

    def __init__(self, ledger: Ledger, resolution: Callable[[File | None], Any]) -> None:
        self.ledger = ledger
        self.resolution = resolution
        self.files: dict[str, File] = {}  #: src_uri -> the file MkDocs no longer sees
        self.config: MkDocsConfig | None = None

    def records(self) -> Iterator[tuple[str, PageRecord]]:
        for src_uri in self.files:
            yield src_uri, self.ledger.pages[src_uri]

    def set_aside(self, files: Files, config: MkDocsConfig, sources: Mapping[str, str], cache: PageCache,
                  site: SiteFolder, cards: bool, in_feeds: frozenset[str]) -> Files:
        """The files MkDocs is to build: those of ``files`` but the pages proven unchanged.

        ``in_feeds``: the articles whose bodies the feeds carry (their records must hold it).
        """
        self.config = config
        documentation = files.documentation_pages(inclusion=lambda _: True)
        in_nav = nav_sources(config["nav"])
        for file in documentation:
            record = self.ledger.pages.get(file.src_uri)
            if (record is None or file.src_uri in in_nav or record.source != sources.get(file.src_uri)
                    or record.dest_uri != file.dest_uri or (file.src_uri in in_feeds and record.body is None)
                    or any(self.resolution(files.get_file_from_path(path)) != found
                           for path, found in record.lookups.items())):
                continue
            if not site.keep(file.dest_uri, record.key):
                continue
            self.files[file.src_uri] = file
            cache.used.add(record.key)
            if cards:
                site.keep_with_page(card_path(file.url))
        if not self.files:
            return files
        host = host_module(config, "structure.files")
        return host.Files([file for file in files if file.src_uri not in self.files])

    def find(self, path: str) -> File | None:
        """A page left out, found by a link (with its anchors, for MkDocs' anchor validation)."""
        file = self.files.get(path)
        if file is not None and file.page is None:
            assert self.config is not None
            internals.stand_in_page(file, self.config, set(self.ledger.pages[path].anchors))
        return file

    def validate_anchor_links(self, files: Files, config: MkDocsConfig) -> None:
        """Check the left-out pages' links to anchors of pages rendered again, as MkDocs checks the others'."""
        for src_uri, record in self.records():
            for target_uri, links in sorted(record.anchor_links.items()):
                if target_uri in self.files:
                    continue  # unchanged too: its anchors are the ones checked last time
                target = files.get_file_from_path(target_uri)
                anchors = internals.anchors_of(target.page) if target is not None and target.page is not None else None
                if anchors is None:
                    continue
                for anchor, link in links.items():
                    if anchor not in anchors:
                        internals.log_missing_anchor(config, src_uri, link, target_uri, anchor)


class Bodies(Mapping[str, str]):
    """Articles' body HTML for the feeds: those rendered by this build, and the left-out ones' from the ledger."""

    def __init__(self, rendered: dict[str, str], unchanged: UnchangedPages | None) -> None:
        self.rendered = rendered
        self.unchanged = unchanged

    def _record(self, src_uri: str) -> PageRecord | None:
        if self.unchanged is None or src_uri not in self.unchanged.files:
            return None
        return self.unchanged.ledger.pages[src_uri]

    def __getitem__(self, src_uri: str) -> str:
        if src_uri in self.rendered:
            return self.rendered[src_uri]
        record = self._record(src_uri)
        if record is None or record.body is None:
            raise KeyError(src_uri)
        return record.body

    def __iter__(self) -> Iterator[str]:
        yield from self.rendered
        if self.unchanged is not None:
            yield from (src_uri for src_uri in self.unchanged.files if src_uri not in self.rendered)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def digest(self, src_uri: str) -> str | None:
        """The digest of an article's body (what its feeds' keys are made of), without reading it."""
        if src_uri in self.rendered:
            return body_digest(self.rendered[src_uri])
        record = self._record(src_uri)
        return body_digest(record.body) if record is not None and record.body is not None else None
