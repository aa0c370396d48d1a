"""The outline: what pages show of each other. A build skips the pages it proves unchanged with it,
so its contract is checked on every page of the fixture site: an edit that keeps the outline changes
the edited article's own page and nothing else."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from portal.cache.pagecache import fingerprint
from portal.content.clock import PARIS
from portal.content.site import SiteSettings
from portal.plan.build import plan_site
from portal.plan.outline import outline
from portal.plan.views import page_view
from portal.text.languages import LANGUAGES
from support import FIXTURES

ARTICLE = "magazine/2025/premier-article.fr.md"
NOW = dt.datetime(2026, 6, 1, tzinfo=PARIS)


def site_copy(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


def edited(root: Path, edit: tuple[str, str]) -> Path:
    path = root / ARTICLE
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    return root


def plan(root: Path, now: dt.datetime = NOW):
    return plan_site(SiteSettings(root, root / "content", "https://portal.test/", now=now))


def every_page(site_plan) -> dict[tuple[str, str], str]:
    """Each page of each language, digested as a build would: its Markdown and its whole view."""
    pages = {}
    for lang in LANGUAGES:
        hand = [(p.src_uri, p.src_uri == "index.md") for p in site_plan.site.pages_in(lang)]
        generated = [(p.src_uri, False) for p in site_plan.pages[lang]]
        for src_uri, is_home in hand + generated:
            planned = site_plan.page(lang, src_uri)
            markdown = planned.markdown if planned else ""
            view = page_view(site_plan, lang, src_uri, src_uri.removesuffix(".md") + "/", is_home)
            pages[(lang, src_uri)] = fingerprint(markdown, view)
    assert len(pages) > 20  # the fixture has listings, tags, authors, structures, conferences
    return pages


def test_a_body_edit_keeps_the_outline_and_changes_only_its_own_page(tmp_path):
    root = site_copy(tmp_path)
    before = plan(root)
    after = plan(edited(root, ("Du texte.", "Du texte, et une phrase de plus.")))
    assert outline(before.site) == outline(after.site)
    old, new = every_page(before), every_page(after)
    changed = {page for page in old if old[page] != new[page]}
    assert changed == {("fr", "magazine/2025/premier-article.md")}


@pytest.mark.parametrize("edit", [
    ("Le premier paragraphe sert d’extrait", "Un autre début sert d’extrait"),  # the excerpt
    ("title: Un premier article", "title: Le premier article"),
    ("tags: [patrimoine, medias]", "tags: [patrimoine]"),
    ("date: 2025-03-12", "date: 2025-03-13"),
    ("Du texte.", "Du texte. " + "mot " * 400),  # the reading time
])
def test_what_other_pages_show_changes_the_outline(tmp_path, edit):
    root = site_copy(tmp_path)
    before = plan(root)
    after = plan(edited(root, edit))
    assert outline(before.site) != outline(after.site)
    old, new = every_page(before), every_page(after)
    assert {page for page in old if old.get(page) != new.get(page)} - {("fr", "magazine/2025/premier-article.md")}


def test_the_clock_counts_only_for_what_it_decides(tmp_path):
    root = site_copy(tmp_path)
    assert outline(plan(root).site) == outline(plan(root, NOW + dt.timedelta(seconds=1)).site)
    # Years later, scheduled articles are out and conferences are over: other pages.
    assert outline(plan(root).site) != outline(plan(root, NOW.replace(year=2100)).site)


def test_an_image_replaced_under_the_same_name_changes_the_outline(tmp_path):
    root = site_copy(tmp_path)
    before = outline(plan(root).site)
    image = root / "magazine/2025/atelier.jpg"
    image.write_bytes(image.read_bytes() + b"\x00")  # another file, same name and dimensions
    assert outline(plan(root).site) != before
