"""One language's files: its own pages under language-neutral paths, generated pages and renditions, the
theme's files; nothing else of content/."""

from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from portal.content.pictures import draw
from portal.content.trust import is_trust_page, trust_pages
from portal.outputs.media import media_jobs
from portal.plan.build import SitePlan
from portal.text import l10n
from portal.text.escaping import neutralise

from .host import host_module

#: Material's files that no page of the portal loads, left out of the site: its JavaScript bundle
#: (overrides/main.html leaves it out), its palette stylesheet (overrides/base.html), its search worker and
#: lunr's language packs (the search is Pagefind's), and the source maps, which map Material's sources,
#: not the trimmed stylesheet the pages get. About 2.4 MB and 41 files per language.
UNUSED_THEME_FILES = ("assets/javascripts/bundle.*", "assets/javascripts/lunr/*", "assets/javascripts/workers/*",
                      "assets/stylesheets/palette.*", "*.map")


def language_files(files: Files, config: MkDocsConfig, plan: SitePlan, lang: str) -> Files:
    """Keep this language's pages (renamed 'mission.en.md' -> 'mission.md') and the theme's files the pages use.

    What comes from content/ goes through the core's allow-list: only the pages
    the core loaded (of this language, without problems) are kept, under their
    real paths so MkDocs reads the right file. Nothing else of content/ is ever
    copied: not a file a link brings in from outside the repository, not a
    draft '.docx', not an image (the images pages show are published as
    renditions, with the generated files).
    """
    host = host_module(config, "structure.files")
    site = plan.site
    content_dir = site.settings.content_dir
    repo_root = site.settings.repo_root
    ours = {(repo_root / p.source).relative_to(content_dir).as_posix(): p for p in site.pages_in(lang)}
    docs_dir = os.path.normpath(config.docs_dir)
    result: list[File] = []
    for file in files:
        if file.src_dir is not None and os.path.normpath(file.src_dir) == docs_dir:
            page = ours.get(file.src_uri)
            if page is not None and file.is_documentation_page():
                result.append(host.File.generated(config, page.src_uri, abs_src_path=file.abs_src_path))
            continue
        if file.is_documentation_page():
            continue  # a page that is not in content/ (a theme's Markdown): not ours to publish
        if file.src_dir is not None and any(fnmatch(file.src_uri, pattern) for pattern in UNUSED_THEME_FILES):
            continue
        result.append(file)
    result += generated_files(config, plan, lang)
    return host.Files(result)


def generated_files(config: MkDocsConfig, plan: SitePlan, lang: str) -> list[File]:
    """The core's generated pages and files of this language, and the images they show."""
    site = plan.site
    host = host_module(config, "structure.files")
    inclusion = host.InclusionLevel
    files = [host.File.generated(config, page.src_uri, content=page.markdown,
                                 inclusion=inclusion.UNDEFINED if page.in_nav else inclusion.NOT_IN_NAV)
             for page in plan.pages[lang]]
    files += [host.File.generated(config, item.path, content=item.text) for item in plan.files[lang]]
    jobs = media_jobs(site, lang, image_cache(config))
    draw(job for _, job in jobs)  # only cache misses are drawn, on every core
    files += [host.File.generated(config, rendition.path, abs_src_path=str(job.target)) for rendition, job in jobs]
    return files


def image_cache(config: MkDocsConfig) -> Path:
    """Where stripped image copies are kept between builds: outside the sources and site/."""
    return Path(config.config_file_path).resolve().parent / ".cache" / "images"


def language_nav(plan: SitePlan, lang: str) -> list[dict[str, object]]:
    """The menu of one language: home, the generated sections, then the hand-written pages as one section."""
    pages = plan.site.pages_in(lang)
    home: list[dict[str, object]] = [{l10n.text(lang, "nav.home"): p.src_uri} for p in pages if p.src_uri == "index.md"]
    sections: list[dict[str, object]] = [{neutralise(p.title): p.src_uri} for p in plan.pages[lang] if p.in_nav]
    others = [{neutralise(p.title): p.src_uri} for p in pages if p.src_uri != "index.md" and not is_trust_page(p)]
    group: list[dict[str, object]] = [{l10n.text(lang, "nav.about"): others}] if others else []
    trust = [{neutralise(p.title): p.src_uri} for p in trust_pages(pages)]  # legal notice, contact…: the site's own
    site_pages: list[dict[str, object]] = [{l10n.text(lang, "nav.site"): trust}] if trust else []
    return [*home, *sections, *group, *site_pages]
