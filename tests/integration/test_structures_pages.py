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
    assert data["address"] == {"@type": "PostalAddress", "addressCountry": "FR", "addressLocality": "Lyon",
                               "streetAddress": "12 rue de l’Essai, 69001 Lyon"}
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


SVG = "{http://www.w3.org/2000/svg}"


def map_of(build: Build, path: str) -> tuple[html.HtmlElement, list[tuple[str, float, float]], list[tuple[str, str, str]]]:
    """The directory's map as a reader gets it: the SVG, its points (link, x, y) and the list (link, name, city)."""
    tree = doc(build, path)
    [section] = tree.xpath("//section[contains(@class,'portal-map')]")
    [svg] = section.xpath(".//svg")
    points = []
    for link in svg.xpath(".//a"):
        [circle] = link.xpath("./circle")
        points.append((link.get("href"), float(circle.get("cx")), float(circle.get("cy"))))
    places = [(li.xpath("./a/@href")[0], li.xpath("./a")[0].text_content(),
               li.xpath("./span[contains(@class,'portal-map__city')]")[0].text_content())
              for li in section.xpath(".//ul[contains(@class,'portal-map__list')]/li")]
    return svg, points, places


@pytest.mark.parametrize("prefix, title, note", [
    ("", "Carte des structures culturelles du Groupe SOS en France métropolitaine",
     "La carte situe 1 structure sur 2\u202f: celle dont la ville est connue."),
    ("en/", "Map of the cultural structures of Groupe SOS in mainland France",
     "The map places 1 of the 2 structures: the one whose city is known."),
])
def test_directory_map_is_an_accessible_svg_with_the_same_places_as_text(minimal_build, prefix, title, note):
    svg, points, places = map_of(minimal_build, prefix + "structures/index.html")
    assert svg.get("role") == "group", "a named group of links (an img's links would be lost to screen readers)"
    [title_id] = svg.get("aria-labelledby").split()
    assert svg.xpath(f".//title[@id='{title_id}']")[0].text_content() == title
    assert svg.xpath(f".//desc[@id='{svg.get('aria-describedby')}']")[0].text_content()
    x0, y0, width, height = (float(v) for v in (svg.get("viewBox") or svg.get("viewbox")).split())
    assert [href for href, _, _ in points] == ["alpha/"], "one point per structure with coordinates (Beta has none)"
    assert all(x0 < x < x0 + width and y0 < y < y0 + height for _, x, y in points)
    assert places == [("alpha/", "Alpha & Cie", "Lyon")]
    assert [href for href, _, _ in points] == [href for href, _, _ in places], "the list names the map's places"
    for href, _, _ in points:
        assert (minimal_build.site / prefix / "structures" / href / "index.html").exists(), href
    assert svg.xpath(".//a/@aria-label") == ["Alpha & Cie, Lyon"], "each point is a link named after its place"
    assert svg.xpath(".//a/text")[0].text_content() == "Lyon"
    assert doc(minimal_build, prefix + "structures/index.html").xpath(
        "//p[contains(@class,'portal-map__note')]")[0].text_content() == note
    raw = minimal_build.read(prefix + "structures/index.html")
    assert "http" not in "".join(svg.xpath(".//@href")), "nothing fetched at view time"
    assert "<image" not in raw and "tile" not in raw


def test_lyon_is_drawn_where_the_outline_puts_lyon(minimal_build):
    """The point sits inside the outline, in the east of the drawing, about a third up from the bottom."""
    svg, [(_, x, y)], _ = map_of(minimal_build, "structures/index.html")
    _, _, width, height = (float(v) for v in (svg.get("viewBox") or svg.get("viewbox")).split())
    assert 0.6 < x / width < 0.72 and 0.5 < y / height < 0.6


@pytest.mark.parametrize("prefix, facts", [
    ("", {"Catégorie": "Lieux de production culturelle et d’expérimentation", "Où": "Lyon",
          "Adresse": "12 rue de l’Essai, 69001 Lyon", "Création": "2002", "Site web": "https://alpha.example/"}),
    ("en/", {"Category": "Places of cultural production and experimentation", "Where": "Lyon",
             "Address": "12 rue de l’Essai, 69001 Lyon", "Founded": "2002", "Website": "https://alpha.example/"}),
])
def test_structure_page_gives_address_website_articles_and_conferences(minimal_build, prefix, facts):
    tree = doc(minimal_build, prefix + "structures/alpha/index.html")
    [facts_list] = tree.xpath("//aside[contains(@class,'portal-structure__facts')]/dl")
    shown = dict(zip([dt.text_content() for dt in facts_list.xpath("./dt")],
                     [dd.text_content() for dd in facts_list.xpath("./dd")]))
    assert shown == facts
    assert facts_list.xpath(".//a[@href='https://alpha.example/']"), "the website is a link out"
    related = {section.xpath("./h2")[0].text_content(): section.xpath(".//ul/li//a/@href")
               for section in tree.xpath("//section[contains(@class,'portal-related')]")}
    assert any("/magazine/" in href or href.startswith("../../magazine/") for href in sum(related.values(), []))
    assert any("upconf/2026-03-26-avant-le-changement/" in href for href in related["#UpConf"]), related
    beta = doc(minimal_build, prefix + "structures/beta/index.html")
    assert len(beta.xpath("//aside//dl/dt")) == 2, "Beta gives only its category and where it works: nothing invented"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_home_shows_the_same_map_smaller_with_its_list_and_a_link_to_the_directory(minimal_build, prefix):
    home_svg, home_points, home_places = map_of(minimal_build, prefix + "index.html")
    svg, points, places = map_of(minimal_build, prefix + "structures/index.html")
    assert home_svg.get("role") == "group" and home_svg.get("aria-labelledby") and home_svg.get("aria-describedby")
    assert home_places == [("structures/" + href, name, city) for href, name, city in places]
    assert [(h, x, y) for h, x, y in home_points] == [("structures/" + h, x, y) for h, x, y in points]
    tree = doc(minimal_build, prefix + "index.html")
    [section] = tree.xpath("//section[contains(@class,'portal-map')]")
    assert "portal-map--compact" in section.get("class")
    assert "structures/" in section.xpath(".//div[contains(@class,'portal-map__places')]//p/a/@href")
    assert "http" not in "".join(home_svg.xpath(".//@href")) and "<image" not in minimal_build.read(prefix + "index.html")
