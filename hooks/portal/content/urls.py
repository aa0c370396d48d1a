"""The URL scheme: where a page of a language is served, relative and absolute."""

from __future__ import annotations

from posixpath import splitext

from portal.text.languages import language


def language_relative_path(src_uri: str) -> str:
    """Path of a page relative to its language's root: 'a/index.md' -> 'a/', 'b.md' -> 'b/'."""
    stem, _ = splitext(src_uri)
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_path(src_uri: str, lang: str) -> str:
    """Site-root-relative path of a page with directory URLs.

    ``('index.md', 'fr')`` -> ``''``; ``('mission.md', 'en')`` -> ``'en/mission/'``;
    ``('a/index.md', 'fr')`` -> ``'a/'``.
    """
    return language(lang).prefix + language_relative_path(src_uri)


def absolute(root_url: str, path: str) -> str:
    """``root_url`` (ending in '/') joined with a site-root-relative ``path``."""
    return root_url.rstrip("/") + "/" + path.lstrip("/")


def language_root(root_url: str, lang: str) -> str:
    """Absolute URL of a language's home."""
    return absolute(root_url, language(lang).prefix)
