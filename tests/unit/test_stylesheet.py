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


def _site(tmp_path: Path):
    from types import SimpleNamespace

    theme = tmp_path / "theme"
    (theme / "assets/stylesheets").mkdir(parents=True)
    (theme / "assets/stylesheets/main.0.min.css").write_text(".used{color:red}.unused{color:blue}", encoding="utf-8")
    site = tmp_path / "site"
    (site / "assets/stylesheets").mkdir(parents=True)
    (site / "assets/stylesheets/main.0.min.css").write_text(".used{color:red}.unused{color:blue}", encoding="utf-8")
    (site / "index.html").write_text('<p class="used">page</p>', encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("", encoding="utf-8")
    config = SimpleNamespace(site_dir=str(site), config_file_path=str(tmp_path / "mkdocs.yml"),
                             theme=SimpleNamespace(dirs=[str(theme)]))
    state = SimpleNamespace(lang="fr", invocation=SimpleNamespace(reusing=True, serving=False))
    return config, state, site


def test_the_trim_reads_the_pages_again_only_when_one_changed(tmp_path: Path, monkeypatch) -> None:
    import os

    import portal_mkdocs.stylesheet as stylesheet

    config, state, site = _site(tmp_path)
    reads: list[int] = []
    real = stylesheet.used_names
    monkeypatch.setattr(stylesheet, "used_names", lambda pages, scripts: reads.append(1) or real(pages, scripts))
    sheet = site / "assets/stylesheets/main.0.min.css"
    stylesheet.trim_material_stylesheet(config, state)
    assert sheet.read_text(encoding="utf-8") == ".used{color:red}" and len(reads) == 1
    sheet.write_text(".used{color:red}.unused{color:blue}", encoding="utf-8")  # the theme's copy, put back by MkDocs
    stylesheet.trim_material_stylesheet(config, state)  # no page changed: the last trim written again, pages unread
    assert len(reads) == 1 and sheet.read_text(encoding="utf-8") == ".used{color:red}"
    page = site / "index.html"
    page.write_text('<p class="unused">page</p>', encoding="utf-8")
    os.utime(page, ns=(page.stat().st_mtime_ns + 1_000_000, page.stat().st_mtime_ns + 1_000_000))
    stylesheet.trim_material_stylesheet(config, state)
    assert len(reads) == 2 and sheet.read_text(encoding="utf-8") == ".unused{color:blue}"
    state.invocation.reusing = False  # PORTAL_PAGE_CACHE=off: nothing reused
    stylesheet.trim_material_stylesheet(config, state)
    assert len(reads) == 3 and sheet.read_text(encoding="utf-8") == ".unused{color:blue}"
