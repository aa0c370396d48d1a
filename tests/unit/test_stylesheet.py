"""The adapter's stylesheet step reads only its own language's pages."""

from __future__ import annotations

from pathlib import Path

from portal_mkdocs.stylesheet import language_pages


def test_other_languages_and_hidden_build_folders_are_not_walked(tmp_path: Path) -> None:
    # The English build writes into .portal-en/ while the French one trims: walking it raced with that build.
    for page in ("index.html", "magazine/index.html", "en/index.html", ".portal-en/magazine/index.html",
                 ".portal-hidden-magazine/index.html", "assets/.hidden/page.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<p>page</p>", encoding="utf-8")
    found = [path.relative_to(tmp_path).as_posix() for path in language_pages(tmp_path, "fr")]
    assert found == ["assets/.hidden/page.html", "index.html", "magazine/index.html"]
    assert [p.relative_to(tmp_path / "en").as_posix() for p in language_pages(tmp_path / "en", "en")] == ["index.html"]
