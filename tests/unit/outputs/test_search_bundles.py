"""Which files each language's Pagefind process is given (portal_mkdocs.search.language_globs)."""

from __future__ import annotations

from pathlib import Path

from portal_mkdocs.search import language_globs


def test_each_language_gets_its_own_pages(tmp_path: Path):
    for path in ("index.html", "404.html", "magazine/2025/a/index.html", "equipe/index.html", "en/index.html",
                 "en/magazine/2025/a/index.html", "pagefind/pagefind.js", "assets/x.css"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("", encoding="utf-8")
    globs = language_globs(str(tmp_path))
    assert globs == {"fr": "{*.html,assets/**/*.html,equipe/**/*.html,magazine/**/*.html}", "en": "en/**/*.html"}


def test_a_language_without_pages_gets_no_pagefind_process(tmp_path: Path):
    (tmp_path / "index.html").write_text("", encoding="utf-8")
    assert language_globs(str(tmp_path)) == {"fr": "{*.html}"}
