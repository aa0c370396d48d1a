"""One language's files: its own pages under language-neutral paths, shared media, no data."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from portal import l10n
from portal.site import KEY_FIGURES_FILE, Site

from . import material_js

log = logging.getLogger("mkdocs.plugins.portal")

_DATA_DIR = KEY_FIGURES_FILE.split("/", 1)[0] + "/"


def language_files(files: Files, config: MkDocsConfig, site: Site, lang: str) -> Files:
    """Keep this language's pages (renamed 'mission.en.md' -> 'mission.md'), media and theme files.

    Pages of other languages, pages with content problems and the data folder
    are left out; the pages' real paths are kept, so MkDocs reads the right file.
    """
    content_dir = Path(config.docs_dir).resolve()
    ours = {(content_dir / p.source.split("/", 1)[1]).resolve(): p for p in site.pages_in(lang)}
    result: list[File] = []
    for file in files:
        if file.is_documentation_page():
            page = ours.get(Path(file.abs_src_path).resolve()) if file.abs_src_path else None
            if page is not None:
                result.append(File.generated(config, page.src_uri, abs_src_path=file.abs_src_path))
            continue
        if file.src_uri.startswith(_DATA_DIR):
            continue
        result.append(material_js.patched(file, config) or file)
    return Files(result)


def language_nav(site: Site, lang: str) -> list[dict[str, str]]:
    """The menu of one language: its hand-written pages in their declared order."""
    nav = []
    for page in site.pages_in(lang):
        title = l10n.text(lang, "nav.home") if page.src_uri == "index.md" else page.title
        nav.append({title: page.src_uri})
    return nav
