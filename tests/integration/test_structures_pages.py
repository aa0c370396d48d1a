"""Structures in the built fixture site: directory, pages, JSON-LD, images, home."""

from __future__ import annotations

import json

import pytest
from lxml import html
from PIL import Image

from support import SITE_URL, Build


def doc(build: Build, path: str) -> html.HtmlElement:
    return html.fromstring(build.read(path))


@pytest.mark.parametrize("prefix, groups", [
    ("", ["Lieux de production culturelle et d’expérimentation", "Ingénierie culturelle et accompagnement des créateurs"]),
    ("en/", ["Places of cultural production and experimentation", "Cultural engineering and support for creators"]),
])
def test_directory_groups_structures_by_category(minimal_build, prefix, groups):
    tree = doc(minimal_build, prefix + "structures/index.html")
    assert [h.text_content().strip() for h in tree.xpath("//section[contains(@class,'portal-group')]/h2")] == groups
    names = [a.text_content() for a in tree.xpath("//section[contains(@class,'portal-group')]//h3/a")]
    assert names == ["Alpha & Cie", "Beta </script><script>alert(1)</script>"]
    for href in tree.xpath("//section[contains(@class,'portal-group')]//h3/a/@href"):
        assert (minimal_build.site / prefix / "structures" / href / "index.html").resolve().exists(), href


def test_filter_is_hidden_without_javascript_and_lists_cities(minimal_build):
    tree = doc(minimal_build, "structures/index.html")
    [form] = tree.xpath("//form[@data-portal-filter]")
    assert form.get("hidden") is not None, "without JS the whole grouped list is the page"
    assert tree.xpath("//select[@id='filter-city']/option/@value") == ["", "Lyon"]
    assert tree.xpath("//select[@id='filter-category']/option/@value") == ["", "production", "engineering"]
    assert [label.get("for") for label in form.xpath(".//label")] == ["filter-category", "filter-city"]
    cards = tree.xpath("//li[contains(@class,'portal-card--structure')]")
    assert [(c.get("data-category"), c.get("data-city")) for c in cards] == [("production", "Lyon"), ("engineering", "")]


def test_structure_page_shows_facts_and_organization_json_ld(minimal_build):
    tree = doc(minimal_build, "en/structures/alpha/index.html")
    assert tree.xpath("//h1")[0].text_content() == "Alpha & Cie"
    assert "artists" in tree.xpath("//strong[text()='artists']")[0].text_content()
    facts = [n.text_content().replace("\xa0", " ") for n in tree.xpath("//*[contains(@class,'portal-figures__number')]")]
    assert facts == ["5,000 m²"]
    [script] = tree.xpath("//script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["@type"] == "Organization" and data["name"] == "Alpha & Cie"
    assert data["address"] == {"@type": "PostalAddress", "addressCountry": "FR", "addressLocality": "Lyon"}
    assert data["foundingDate"] == "2002" and data["url"] == "https://alpha.example/"
    assert data["mainEntityOfPage"] == SITE_URL + "en/structures/alpha/"


def test_script_in_a_name_stays_text(minimal_build):
    raw = minimal_build.read("structures/beta/index.html")
    tree = html.fromstring(raw)
    scripts = tree.xpath("//script[not(@src)]")
    assert not any("alert(1)" in (s.text or "") and s.get("type") != "application/ld+json" for s in scripts)
    [json_ld] = tree.xpath("//script[@type='application/ld+json']")
    assert json.loads(json_ld.text)["name"] == "Beta </script><script>alert(1)</script>"
    assert "</script><script>alert(1)" not in raw.replace("&lt;/script&gt;", "")


def test_published_logo_has_no_metadata(minimal_build):
    for prefix in ("", "en/"):
        tree = doc(minimal_build, prefix + "structures/beta/index.html")
        [img] = tree.xpath("//img[contains(@class,'portal-structure__logo')]")
        assert img.get("alt") == ("Logo de Beta" if not prefix else "Beta logo")
        assert (img.get("width"), img.get("height")) == ("120", "60")
        path = (minimal_build.site / prefix / "structures/beta" / img.get("src")).resolve()
        with Image.open(path) as published:
            assert len(published.getexif()) == 0
        assert b"TestCamera" not in path.read_bytes()


def test_switcher_and_hreflang_pair_structure_pages(minimal_build):
    tree = doc(minimal_build, "structures/alpha/index.html")
    assert tree.xpath("//*[contains(@class,'portal-switcher')]//a/@href") == [SITE_URL + "en/structures/alpha/"]
    links = {link.get("hreflang"): link.get("href") for link in tree.xpath("//head/link[@hreflang]")}
    assert links == {"fr": SITE_URL + "structures/alpha/", "en": SITE_URL + "en/structures/alpha/",
                     "x-default": SITE_URL + "structures/alpha/"}


def test_home_shows_the_structures(minimal_build):
    tree = doc(minimal_build, "en/index.html")
    names = [a.text_content() for a in tree.xpath("//section[@aria-labelledby='home-structures']//h3/a")]
    assert names == ["Alpha & Cie", "Beta </script><script>alert(1)</script>"]


def test_no_page_or_feed_carries_the_injected_script(minimal_build):
    for path in minimal_build.site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            assert "<script>alert" not in path.read_text(encoding="utf-8"), path
