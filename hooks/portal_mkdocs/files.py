"""One language's files: its own pages under language-neutral paths, shared media, no data."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .host import host_module

from portal import l10n
from portal.escaping import neutralise
from portal.images import published_copy
from portal.plans import plan_pages
from portal.site import KEY_FIGURES_FILE, Site
from portal.structure_views import image_path

from . import material_js

_DATA_DIR = KEY_FIGURES_FILE.split("/", 1)[0] + "/"


def language_files(files: Files, config: MkDocsConfig, site: Site, lang: str) -> Files:
    """Keep this language's pages (renamed 'mission.en.md' -> 'mission.md'), media and theme files.

    Pages of other languages, pages with content problems and the data folder
    are left out; the pages' real paths are kept, so MkDocs reads the right file.
    """
    host = host_module(config, "structure.files")
    content_dir = Path(config.docs_dir).resolve()
    ours = {(content_dir / p.source.split("/", 1)[1]).resolve(): p for p in site.pages_in(lang)}
    result: list[File] = []
    for file in files:
        if file.is_documentation_page():
            page = ours.get(Path(file.abs_src_path).resolve()) if file.abs_src_path else None
            if page is not None:
                result.append(host.File.generated(config, page.src_uri, abs_src_path=file.abs_src_path))
            continue
        if file.src_uri.startswith(_DATA_DIR):
            continue
        result.append(material_js.patched(file, config) or file)
    result += generated_files(config, site, lang)
    return host.Files(result)


def generated_files(config: MkDocsConfig, site: Site, lang: str) -> list[File]:
    """The core's generated pages of this language, and the images they show."""
    host = host_module(config, "structure.files")
    inclusion = host.InclusionLevel
    files = [host.File.generated(config, page.src_uri, content=page.markdown,
                                 inclusion=inclusion.UNDEFINED if page.in_nav else inclusion.NOT_IN_NAV)
             for page in plan_pages(site, lang)]
    cache = image_cache(config)
    for structure in site.structures:
        for image in (structure.logo, structure.photo):
            if image:
                files.append(host.File.generated(config, image_path(structure.slug, image),
                                                 abs_src_path=str(published_copy(image, cache))))
    return files


def image_cache(config: MkDocsConfig) -> Path:
    """Where stripped image copies are kept between builds: outside the sources and site/."""
    return Path(config.config_file_path).resolve().parent / ".cache" / "images"


def language_nav(site: Site, lang: str) -> list[dict[str, str]]:
    """The menu of one language: home, the generated sections, then the other pages in order."""
    nav = []
    for page in site.pages_in(lang):
        title = l10n.text(lang, "nav.home") if page.src_uri == "index.md" else page.title
        nav.append({neutralise(title): page.src_uri})
    sections = [{l10n.text(lang, "structures.title"): p.src_uri} for p in plan_pages(site, lang) if p.in_nav]
    at = 1 if nav and "index.md" in nav[0].values() else 0
    return nav[:at] + sections + nav[at:]
