"""The repository's own site builds with --strict and holds the pages it promises."""

from __future__ import annotations

from lxml import html

FRENCH = ["", "mission/", "engagements/", "ingenierie/", "plaidoyer/", "a-propos/"]
ENGLISH = ["en/", "en/mission/", "en/commitments/", "en/cultural-engineering/", "en/advocacy/", "en/about/"]


def test_real_site_builds_strict(real_build):
    assert real_build.returncode == 0, real_build.log
    assert "WARNING" not in real_build.log


def test_real_site_pages_exist_in_both_languages(real_build):
    for path in FRENCH + ENGLISH:
        tree = html.fromstring(real_build.read(path + "index.html"))
        assert tree.get("lang") == ("en" if path.startswith("en/") else "fr"), path
        assert tree.xpath("//h1"), path


def test_key_figures_on_the_about_pages(real_build):
    def numbers(path: str) -> list[str]:
        tree = html.fromstring(real_build.read(path))
        return [n.text_content().replace("\u202f", " ").replace("\xa0", " ")
                for n in tree.xpath("//article//*[contains(@class,'portal-figures__number')]")]

    assert numbers("a-propos/index.html") == ["12", "430 000", "700", "85 %"]
    assert numbers("en/about/index.html") == ["12", "430,000", "700", "85%"]


def test_no_google_fonts_or_other_host_in_page_heads(real_build):
    for path in FRENCH + ENGLISH:
        tree = html.fromstring(real_build.read(path + "index.html"))
        for url in tree.xpath("//link[@rel='stylesheet' or @rel='preload' or @rel='preconnect']/@href | //script/@src"):
            assert not url.startswith(("http://", "https://", "//")), (path, url)


def test_every_structure_has_a_page_in_both_languages(real_build):
    import json
    from pathlib import Path

    slugs = sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "structures").glob("*.yml"))
    assert len(slugs) >= 10
    for prefix in ("", "en/"):
        directory = html.fromstring(real_build.read(prefix + "structures/index.html"))
        listed = {href.strip("./").split("/")[-1] for href in
                  directory.xpath("//section[contains(@class,'portal-group')]//h3/a/@href")}
        assert listed == set(slugs)
        for slug in slugs:
            tree = html.fromstring(real_build.read(f"{prefix}structures/{slug}/index.html"))
            data = json.loads(tree.xpath("//script[@type='application/ld+json']")[0].text)
            assert data["@type"] == "Organization"


def test_structures_map_places_every_structure_with_coordinates(real_build):
    import yaml

    from support import REPO
    located = sorted(path.stem for path in (REPO / "structures").glob("*.yml")
                     if "latitude" in yaml.safe_load(path.read_text(encoding="utf-8")))
    assert located, "the seeds name cities: some structures are on the map"
    for prefix in ("", "en/"):
        tree = html.fromstring(real_build.read(prefix + "structures/index.html"))
        [svg] = tree.xpath("//section[contains(@class,'portal-map')]//svg")
        _, _, width, height = (float(v) for v in (svg.get("viewBox") or svg.get("viewbox")).split())
        links = sorted(a.get("href").strip("/") for a in svg.xpath(".//a"))
        assert links == located
        listed = sorted(a.get("href").strip("/") for a in tree.xpath("//ul[contains(@class,'portal-map__list')]/li/a"))
        assert listed == located
        for circle in svg.xpath(".//circle"):
            assert 0 < float(circle.get("cx")) < width and 0 < float(circle.get("cy")) < height
