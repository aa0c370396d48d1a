"""Files written after a language's pages: its feeds, and robots.txt (once, at the site root)."""

from __future__ import annotations

import os
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig

import shutil
from pathlib import Path

from portal.cards import draw_cards
from portal.feeds import magazine_feeds
from portal.site import robots_txt

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


def served_size(site_dir: str) -> "Callable[[str], int | None]":
    """The size of a file this build published (a cover's rendition), by its path in the language's folder."""

    def size(path: str) -> int | None:
        try:
            return os.path.getsize(os.path.join(site_dir, *path.split("/")))
        except OSError:
            return None

    return size


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
    with open(os.path.join(config.site_dir, "robots.txt"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(robots_txt(state.root_url))
