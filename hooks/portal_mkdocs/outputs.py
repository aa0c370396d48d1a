"""Files written after a language's pages: its feeds, and robots.txt (once, at the site root).

Also what keeps the other generated outputs where they are when they did not
change, as the magazine feeds are (``FeedFiles``): #UpConf's feeds and
calendars and the redirect pages (the core's planned files), and the theme's
static templates (the sitemap, 404.html). A subscriber's conditional GET then
gets "304 Not Modified" after a rebuild that changed nothing they carry.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from portal.cache.pagecache import fingerprint
from portal.content.site import robots_txt
from portal.outputs.cards import draw_cards
from portal.outputs.feeds import magazine_feeds

from . import internals
from .state import BuildState


def write_feeds(config: MkDocsConfig, state: BuildState) -> None:
    """Write this language's magazine feeds (RSS and Atom, whole magazine and per tag)."""
    cache = state.render_cache
    store, salt = (cache.feeds, cache.build_key) if cache else (None, "")
    bodies = cache.bodies(state.rendered) if cache else state.rendered
    for feed in magazine_feeds(state.site, state.lang, bodies, store, salt, served_size(config.site_dir)):
        target = os.path.join(config.site_dir, *feed.path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(feed.data)
        if cache and feed.key:  # the next build may leave it in place
            cache.feeds.written(feed.path, feed.key)


def served_size(site_dir: str) -> Callable[[str], int | None]:
    """The size of a file this build published (a cover's rendition), by its path in the language's folder."""

    def size(path: str) -> int | None:
        try:
            return os.path.getsize(os.path.join(site_dir, *path.split("/")))
        except OSError:
            return None

    return size


def leave_unchanged_files(files: Any, state: BuildState) -> None:
    """At on_files, once the last build's files are back in the site folder: a planned file (#UpConf's feeds
    and calendars, redirect pages) whose file still holds the same bytes is not written again."""
    cache = state.render_cache
    if cache is None:
        return
    for item in state.plan.files[state.lang]:
        key = fingerprint("planned file", item.path, item.text)
        file = files.get_file_from_path(item.path)
        if file is None:
            continue
        if cache.site.keep(item.path, key, page=False):
            internals.leave_in_place(file)  # MkDocs' copy would give it a new time, and no new byte
        else:
            cache.site.written(item.path, key)


def unchanged_template(output: str, name: str, state: BuildState) -> str:
    """At on_post_template: a theme template (sitemap.xml, 404.html) whose file already holds ``output``
    renders empty (``internals.NOTHING_TO_WRITE``), so MkDocs leaves its file (and sitemap.xml.gz) as it is."""
    cache = state.render_cache
    if cache is None or "/" in name or not output.strip():
        return output
    key = fingerprint("theme template", name, output)
    paths = (name, name + ".gz") if name == "sitemap.xml" else (name,)
    if all(cache.site.holds(path, key) for path in paths):
        for path in paths:
            cache.site.keep(path, key, page=False)
        return internals.NOTHING_TO_WRITE
    for path in paths:
        cache.site.written(path, key)
    return output


def write_cards(config: MkDocsConfig, state: BuildState) -> None:
    """Draw (or take from the cache) the social card of every page of this language, and publish it."""
    if not state.cards:
        return
    root = Path(config.config_file_path).resolve().parent
    fonts = Path(config.theme.custom_dir or root / "overrides") / "assets" / "fonts"
    files = draw_cards(state.cards, root / ".cache" / "cards", fonts)
    for path, source in sorted(files.items()):
        target = os.path.join(config.site_dir, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)


def write_site_files(config: MkDocsConfig, state: BuildState) -> None:
    """Write the root-only files of the site from the default language's build."""
    if not state.is_default_language:
        return
    text = robots_txt(state.root_url)
    cache = state.render_cache
    key = fingerprint("robots.txt", text)
    if cache is not None and cache.site.keep("robots.txt", key, page=False):
        return  # unchanged: left as it is
    with open(os.path.join(config.site_dir, "robots.txt"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    if cache is not None:
        cache.site.written("robots.txt", key)
