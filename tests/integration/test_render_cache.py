"""Rebuilds with the render cache: what they write is what a build without it writes, byte for byte.

Each test builds a copy of the minimal fixture twice or more in the same folder
(the cache is kept in its ``.cache/``), changes the sources in between, and
compares the last output with a build of the same sources with no ``.cache/``
at all (moved aside for that build: no image, card, page, feed, excerpt or
parsed file of an earlier build can stand in for anything). Where the sources are
the fixture's own, unedited, that build from nothing is the session's
``minimal_build`` (the same fixture and options, built once in a folder of its own).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from checkers import tree_digest
from support import REPO, Build, make_site, run_build, search_records

pytestmark = pytest.mark.slow

OFF = {"PORTAL_PAGE_CACHE": "off"}
SEQUENTIAL = {"PORTAL_SEQUENTIAL": "1"}
_REPORT = re.compile(r"(\[en\] )?Page cache: (\d+) page\(s\) reused \((\d+) left in place, (\d+) left out of the "
                     r"build\), (\d+) rendered")


def _report(build: Build, lang: str) -> re.Match[str]:
    for match in _REPORT.finditer(build.log):
        if (match.group(1) is not None) == (lang == "en"):
            return match
    raise AssertionError(f"no page cache report for {lang} in:\n{build.log[-3000:]}")


def cache_report(build: Build, lang: str = "fr") -> tuple[int, int, int]:
    """(reused, left in place, rendered) from one language's log line."""
    match = _report(build, lang)
    return int(match.group(2)), int(match.group(3)), int(match.group(5))


def left_out(build: Build, lang: str = "fr") -> int:
    """Pages of one language the build did not even hand to MkDocs (proven unchanged by the ledger)."""
    return int(_report(build, lang).group(4))


def differences(one: Path, two: Path) -> list[str]:
    first, second = tree_digest(one), tree_digest(two)
    return sorted(p for p in first.keys() | second.keys() if first.get(p) != second.get(p))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return make_site(tmp_path / "src")


def build(config: Path, **env: str) -> Build:
    done = run_build(config, config.parent.parent / "site", extra_env=env)
    assert done.returncode == 0, done.log
    return done


def build_without_cache(config: Path, **env: str) -> Build:
    """The same sources built from nothing: no ``.cache/`` (the warm one is moved aside, then back), no site."""
    cache, aside = config.parent / ".cache", config.parent / ".cache-aside"
    out = config.parent.parent / "site-without-cache"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(aside, ignore_errors=True)
    if cache.exists():
        cache.rename(aside)
    try:
        done = run_build(config, out, extra_env=env)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if aside.exists():
            aside.rename(cache)
    assert done.returncode == 0, done.log
    return done


def edit(config: Path, path: str, old: str, new: str) -> None:
    file = config.parent / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def search_files(site_dir: Path) -> dict[str, tuple[int, bytes]]:
    """The search index's files: their modification times and bytes."""
    return {p.relative_to(site_dir).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted((site_dir / "pagefind").rglob("*")) if p.is_file()}


def test_a_second_build_reuses_every_page_and_writes_the_same_bytes(site, minimal_build):
    first = build(site)
    reused, _, rendered = cache_report(first)
    assert reused == 0 and rendered > 10
    index = search_files(first.site)
    assert len(index) > 10 and "search index of" in first.log and "written to pagefind/" in first.log
    second = build(site)
    assert cache_report(second) == (rendered, rendered, 0)
    assert 0 < left_out(second) < rendered  # the menu's pages are always handed to MkDocs
    assert "Page skipped" not in second.log
    # Nothing changed: the search index is not made again, its files are left as they were (same times).
    assert "unchanged, left in pagefind/" in second.log and "written to pagefind/" not in second.log
    assert search_files(second.site) == index
    assert differences(second.site, minimal_build.site) == []


def test_a_search_index_changed_in_the_site_folder_is_made_again(site, minimal_build):
    first = build(site)
    fragment = next((first.site / "pagefind/fragment").iterdir())
    fragment.unlink()
    (first.site / "pagefind/stray.txt").write_text("left by hand", encoding="utf-8")
    second = build(site)
    assert "written to pagefind/" in second.log
    assert fragment.is_file() and not (second.site / "pagefind/stray.txt").exists()
    assert differences(second.site, minimal_build.site) == []


def test_the_sequential_build_of_mkdocs_serve_reuses_both_languages(site, minimal_build):
    build(site, **SEQUENTIAL)
    second = build(site, **SEQUENTIAL)
    for lang in ("fr", "en"):
        reused, kept, rendered = cache_report(second, lang)
        assert reused == kept > 0 and rendered == 0
    assert differences(second.site, minimal_build.site) == []


def test_an_edited_article_is_rendered_again_with_the_pages_that_show_it(site):
    first = build(site)
    total = cache_report(first)[2]
    edit(site, "magazine/2025/premier-article.fr.md", "title: Un premier article", "title: Un article retitré")
    second = build(site)
    reused, kept, rendered = cache_report(second)
    assert 0 < rendered < total and reused == kept == total - rendered
    assert differences(second.site, build_without_cache(site).site) == []
    for page in ("magazine/2025/premier-article/index.html", "magazine/rss.xml"):
        text = second.read(page)
        assert "Un article retitré" in text and "Un premier article sur" not in text


def test_an_edited_body_renders_its_page_only_and_the_rest_is_left_out(site):
    total = cache_report(build(site, **SEQUENTIAL))[2]  # sequential: both languages' reports in the log
    # Not the first paragraph (the excerpt other pages show): only the article's own page changes.
    edit(site, "magazine/2025/premier-article.fr.md", "Du texte.", "Du texte, et une phrase ajoutée.")
    second = build(site, **SEQUENTIAL)
    reused, kept, rendered = cache_report(second)
    assert rendered == 1 and reused == kept == total - 1
    assert left_out(second) > total // 2
    assert left_out(second, "en") > 0 and cache_report(second, "en")[2] == 0
    assert differences(second.site, build_without_cache(site).site) == []  # search index, sitemap, feeds too
    assert "une phrase ajoutée" in second.read("magazine/2025/premier-article/index.html")
    assert "une phrase ajoutée" in second.read("magazine/rss.xml")
    assert "written to pagefind/" in second.log  # a page changed: the search index is made again
    assert any("une phrase ajout" in record["content"] for record in search_records(second.site)["fr"])


def test_a_removed_article_leaves_no_file_behind(site):
    build(site)
    edit(site, "magazine/2025/premier-article.fr.md", "[lien](../2025/seulement-fr.fr.md)", "lien")
    edit(site, "magazine/2025/seulement-fr.fr.md", "", "")
    (site.parent / "magazine/2025/seulement-fr.fr.md").unlink()
    second = build(site)
    assert not [p for p in second.site.rglob("*") if "seulement" in p.name]
    assert differences(second.site, build_without_cache(site).site) == []


def test_a_link_to_a_file_that_went_away_fails_the_rebuild(site):
    # content/ publishes only pages (and their images, as renditions): the file linked to is a page.
    (site.parent / "content/guide/plan.fr.md").write_text("---\ntitle: Plan\ndescription: Le plan.\n---\n\nPlan.\n",
                                                          encoding="utf-8")
    edit(site, "content/guide/index.fr.md", "Retour à", "Voir [le plan](plan.md). Retour à")
    build(site)
    (site.parent / "content/guide/plan.fr.md").unlink()
    again = run_build(site, site.parent.parent / "site")
    assert again.returncode != 0
    assert "plan.md" in again.log and "not found among documentation files" in again.log


def test_a_link_to_an_anchor_that_went_away_fails_the_rebuild(site):
    build(site)
    # seulement-fr links to premier-article#une-section; only the heading changes.
    edit(site, "magazine/2025/premier-article.fr.md", "## Une section", "## Une autre section")
    for _ in range(2):  # the page with the broken link is unchanged: it is checked all the same, every time
        again = run_build(site, site.parent.parent / "site")
        assert again.returncode != 0
        assert "une-section" in again.log and "seulement-fr" in again.log


def test_a_new_link_to_a_missing_anchor_warns_at_every_build(site):
    build(site)
    edit(site, "magazine/2025/seulement-fr.fr.md", "](premier-article.fr.md#une-section)",
         "](premier-article.fr.md#nulle-part)")
    for _ in range(2):
        done = run_build(site, site.parent.parent / "site", strict=False)
        assert done.returncode == 0, done.log
        assert "nulle-part" in done.log


def test_a_page_that_warns_is_rendered_and_warns_at_every_build(site):
    edit(site, "content/guide/index.fr.md", "Retour à", "Voir [rien](absent.md). Retour à")
    for _ in range(2):
        done = run_build(site, site.parent.parent / "site", strict=False)
        assert done.returncode == 0, done.log
        assert "absent.md" in done.log


def test_damaged_entries_are_rendered_again(site, minimal_build):
    first = build(site)
    folder = site.parent / ".cache/pages/fr"
    entries = [p for p in folder.rglob("*") if p.is_file() and len(p.name) == 64]
    assert entries and (folder / "ledger.pickle").is_file()
    for entry in entries + [folder / "ledger.pickle"]:
        entry.write_bytes(b"\x00not an entry")
    second = build(site)
    assert cache_report(second)[2] == cache_report(first)[2] and left_out(second) == 0
    assert differences(second.site, minimal_build.site) == []


def test_pages_left_out_need_no_entry_of_the_page_cache(site):
    build(site)
    for entry in (site.parent / ".cache/pages/fr").rglob("*"):
        if entry.is_file() and len(entry.name) == 64:
            entry.unlink()
    # An edited body: the feeds are made again, with the bodies of articles left out from the ledger.
    edit(site, "magazine/2025/premier-article.fr.md", "Du texte.", "Du texte, et une phrase ajoutée.")
    second = build(site)
    assert left_out(second) > 0
    assert differences(second.site, build_without_cache(site).site) == []


def test_a_file_changed_in_the_site_folder_is_written_again(site, minimal_build):
    build(site)
    page = site.parent.parent / "site/guide/index.html"
    page.write_text("changed by hand", encoding="utf-8")
    second = build(site)
    reused, kept, rendered = cache_report(second)
    assert rendered == 0 and kept == reused - 1
    # The page is written again with the bytes the index was made from: the index is left as it is.
    assert "unchanged, left in pagefind/" in second.log
    assert differences(second.site, minimal_build.site) == []


def test_with_the_cache_off_nothing_is_kept(site):
    assert run_build(site, site.parent.parent / "site", extra_env=OFF).returncode == 0
    assert not (site.parent / ".cache/pages").exists()
    assert not (site.parent / ".cache/feeds").exists()
    assert not (site.parent / ".cache/memo").exists()
    assert not (site.parent / ".cache/search").exists()


def test_a_changed_template_or_configuration_renders_every_page_again(site, tmp_path):
    theme = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", theme)
    config = yaml.safe_load(site.read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(theme)
    site.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    total = cache_report(build(site))[2]

    main = theme / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{#- a comment changes no page, but the key must see it -#}\n",
                    encoding="utf-8")
    assert cache_report(build(site)) == (0, 0, total)

    config["site_name"] = "Un autre nom"
    site.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    again = build(site)
    assert cache_report(again) == (0, 0, total)
    assert "Un autre nom" in again.read("index.html")
    assert differences(again.site, build_without_cache(site).site) == []


# -- every kind of edit, against a build from nothing --------------------------------------------

@pytest.fixture
def own_site(tmp_path: Path) -> Path:
    """The fixture with its own copy of our code and theme (hooks/, overrides/), so both can be edited."""
    config = make_site(tmp_path / "src")
    root = config.parent
    shutil.copytree(REPO / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "overrides", root / "overrides")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["hooks"] = [str(root / "hooks" / "site_hooks.py")]
    settings["theme"]["custom_dir"] = str(root / "overrides")
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return config


def _replace_image(path: Path, colour: tuple[int, int, int]) -> None:
    """Another picture under the same name and size (the pages' HTML does not change: only its pixels)."""
    from PIL import Image

    with Image.open(path) as old:
        size, format_ = old.size, old.format
    Image.new("RGB", size, colour).save(path, format=format_)


def _aged_cover(config: Path) -> None:
    """A cover for an article, in a file older than the "racily clean" window: its check is kept in parsed.pickle."""
    from PIL import Image

    cover = config.parent / "magazine/2025/couverture.jpg"
    Image.new("RGB", (800, 500), (30, 90, 160)).save(cover, format="JPEG")
    old = cover.stat().st_mtime_ns - 3_600_000_000_000
    os.utime(cover, ns=(old, old))
    edit(config, "magazine/2025/premier-article.fr.md", "issue: 1\n", "issue: 1\ncover: couverture.jpg\n"
         "cover_alt: Une couverture bleue\n")


def _other_cover(config: Path) -> None:
    """The cover replaced by a picture of another size: the pages' width and height must follow."""
    from PIL import Image

    Image.new("RGB", (600, 600), (160, 90, 30)).save(config.parent / "magazine/2025/couverture.jpg", format="JPEG")


def _edit_config(config: Path, change) -> None:
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    change(settings)
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")


#: One kind of edit per step (batched only where one edit cannot hide another's stale output), each followed
#: by a warm build compared with a build from nothing. Cards are on (the fixture's default).
EDITS = {
    "content: an article's body below its excerpt": lambda c: edit(
        c, "magazine/2025/premier-article.fr.md", "Du texte.", "Du texte, et une phrase de plus."),
    "content: an article's title, a body image's pixels": lambda c: (
        edit(c, "magazine/2025/premier-article.fr.md", "title: Un premier article", "title: Un article retitré"),
        _replace_image(c.parent / "magazine/2025/atelier.jpg", (200, 30, 30))),
    "content: a cover added (its check kept by the file's size, time and inode)": _aged_cover,
    "content: the cover replaced by a picture of another size": _other_cover,
    "registries: an author, a tag, an issue; a key figure": lambda c: (
        edit(c, "magazine/authors.yml", "name: Camille Essai", "name: Camille Autrement"),
        edit(c, "magazine/tags.yml", "Patrimoine", "Héritages"),
        edit(c, "magazine/issues.yml", "Premier numéro", "Numéro inaugural"),
        edit(c, "content/_data/key-figures.yml", "value: 430000", "value: 440000")),
    "theme: a template, a stylesheet, a font the cards use": lambda c: (
        edit(c, "overrides/main.html", "{% block fonts %}", "{#- edited -#}\n{% block fonts %}"),
        edit(c, "overrides/assets/stylesheets/portal.css", "--portal-sun: #f3b33d;", "--portal-sun: #e3a32d;"),
        shutil.copyfile(c.parent / "overrides/assets/fonts/source-sans-3-latin-700-normal.woff2",
                        c.parent / "overrides/assets/fonts/fraunces-latin-700-normal.woff2")),
    "our code: a colour of the cards": lambda c: edit(c, "hooks/portal/outputs/cards.py", "(243, 179, 61)", "(200, 179, 61)"),
    # Alone: an edit of a .py file beside it would change every key and hide a catalogue left out of them. Strings
    # that no page's outline carries (a title would change the outline, and so every page's key): the footer's
    # label on every page, the magazine feed's description.
    "interface strings in the French catalogue": lambda c: (
        edit(c, "hooks/portal/text/locale/fr/LC_MESSAGES/portal.po", 'msgstr "Pied de page"', 'msgstr "Bas de page"'),
        edit(c, "hooks/portal/text/locale/fr/LC_MESSAGES/portal.po", 'msgstr "Les nouveaux articles du magazine respect',
             'msgstr "Les derniers articles du magazine respect')),
    "mkdocs.yml: the site's name, the listings' page size": lambda c: _edit_config(
        c, lambda s: (s.update(site_name="Un autre nom"), s["extra"]["portal"].update(page_size=2))),
}


def test_after_every_kind_of_edit_a_warm_build_writes_what_a_build_from_nothing_writes(own_site):
    build(own_site)
    stale = {}
    for kind, change in EDITS.items():
        change(own_site)
        warm = build(own_site)
        different = differences(warm.site, build_without_cache(own_site).site)
        if different:
            stale[kind] = f"{len(different)} file(s): {different[:4]}"
    assert not stale, "stale after:\n" + "\n".join(f"- {kind}: {files}" for kind, files in stale.items())
