"""The minimal fixture site, built once with --strict, read as browsers and crawlers read it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree, html

from support import SITE_URL, Build, search_records

STRUCTURES = ["structures/index.html", "structures/alpha/index.html", "structures/beta/index.html"]
PAGES = {
    "fr": ["index.html", "equipe/index.html", "contact/index.html", "guide/index.html", *STRUCTURES],
    "en": ["en/index.html", "en/team/index.html", "en/guide/index.html", *("en/" + p for p in STRUCTURES)],
}
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def doc(build: Build, path: str) -> html.HtmlElement:
    return html.fromstring(build.read(path))


def outside_magazine(paths: set[str]) -> set[str]:
    """The magazine's and #UpConf's pages are checked in their own tests; here, everything else."""
    return {p for p in paths if not p.removeprefix("en/").startswith(("magazine/", "upconf/"))}


def built_pages(build: Build, lang: str) -> set[str]:
    """Every HTML page of one language's build (assets, 404 and the magazine aside)."""
    root = build.site if lang == "fr" else build.site / "en"
    pages = set()
    for path in root.rglob("index.html"):
        rel = path.relative_to(build.site).as_posix()
        if lang == "fr" and rel.startswith("en/"):
            continue
        pages.add(rel)
    return outside_magazine(pages)


def url_to_file(url: str) -> str:
    assert url.startswith(SITE_URL), url
    return url[len(SITE_URL):] + "index.html"


def test_each_language_has_exactly_its_pages(minimal_build):
    for lang, pages in PAGES.items():
        assert built_pages(minimal_build, lang) == set(pages)
    assert not (minimal_build.site / "en" / "contact").exists()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_html_lang_and_material_strings_per_language(minimal_build, lang):
    search_label = {"fr": "Mots à chercher", "en": "Words to search for"}[lang]
    for page in PAGES[lang] + ["404.html" if lang == "fr" else "en/404.html"]:
        tree = doc(minimal_build, page)
        assert tree.get("lang") == lang, page
        if not page.endswith("404.html"):
            assert tree.xpath("//label[@for='portal-search-query']/text()") == [search_label], page


def test_hreflang_links_are_absolute_reciprocal_and_only_for_translations(minimal_build):
    for lang, pages in PAGES.items():
        for page in pages:
            links = dict((link.get("hreflang"), link.get("href"))
                         for link in doc(minimal_build, page).xpath("//head/link[@rel='alternate'][@hreflang]"))
            if page == "contact/index.html":
                assert links == {}, "an untranslated page has no hreflang"
                continue
            assert set(links) == {"fr", "en", "x-default"}, page
            assert links[lang] == SITE_URL + page[: -len("index.html")]
            assert links["x-default"] == links["fr"]
            for url in links.values():
                target = url_to_file(url)
                assert (minimal_build.site / target).exists(), url
                back = dict((link.get("hreflang"), link.get("href"))
                            for link in doc(minimal_build, target).xpath("//head/link[@hreflang]"))
                assert back == links, f"{page} -> {target} is not reciprocal"


def test_switcher_goes_to_the_translation_or_the_other_home(minimal_build):
    def switcher(page: str) -> tuple[str, str]:
        [link] = doc(minimal_build, page).xpath("//*[contains(@class,'portal-switcher')]//a")
        return link.get("href"), link.get("hreflang")

    assert switcher("equipe/index.html") == (SITE_URL + "en/team/", "en")
    assert switcher("en/team/index.html") == (SITE_URL + "equipe/", "fr")
    assert switcher("en/guide/index.html") == (SITE_URL + "guide/", "fr")
    assert switcher("contact/index.html") == (SITE_URL + "en/", "en")
    for pages in PAGES.values():
        for page in pages:
            href, _ = switcher(page)
            assert (minimal_build.site / url_to_file(href)).exists(), (page, href)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_search_index_holds_only_its_language(minimal_build, lang):
    """Pagefind's index of each language: that language's pages with text of their own, no listing."""
    records = search_records(minimal_build.site)
    assert set(records) == {"fr", "en"}
    indexed = {record["url"].removeprefix("/") + "index.html" for record in records[lang]}
    listings = {"index.html", "structures/index.html"}  # the home and the directory list other pages
    expected = {page for page in PAGES[lang] if page.removeprefix("en/") not in listings}
    assert outside_magazine(indexed) == expected
    text = " ".join(record["content"] + record["meta"]["title"] for record in records[lang])
    if lang == "fr":
        assert "Écrire à l’équipe" in text and "The team" not in text
    else:
        assert "The team" in text and "équipe" not in text
    assert all(record["meta"]["section"] for record in records[lang])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_sitemap_lists_every_page_once_with_alternates(minimal_build, lang):
    path = "sitemap.xml" if lang == "fr" else "en/sitemap.xml"
    tree = etree.fromstring(minimal_build.read(path).encode())
    locs = tree.xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS)
    assert len(locs) == len(set(locs))
    assert outside_magazine({url_to_file(loc) for loc in locs}) == set(PAGES[lang])
    for url in tree.xpath("//s:url", namespaces=SITEMAP_NS):
        loc = url.findtext("s:loc", namespaces=SITEMAP_NS)
        alternates = {a.get("hreflang"): a.get("href") for a in url.xpath("x:link", namespaces=SITEMAP_NS)}
        if "/magazine/" in loc or "/upconf/" in loc:
            continue  # test_magazine_pages checks these
        if loc.endswith("/contact/"):
            assert alternates == {}
        else:
            assert set(alternates) == {"fr", "en", "x-default"} and loc in alternates.values()


def test_robots_lists_both_sitemaps(minimal_build):
    robots = minimal_build.read("robots.txt")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert f"Sitemap: {SITE_URL}en/sitemap.xml" in robots.splitlines()


def test_key_figures_use_the_locale_number_format(minimal_build):
    def figures(page: str) -> list[str]:
        return [n.text_content().replace("\u202f", " ").replace("\xa0", " ")
                for n in doc(minimal_build, page).xpath("//article//*[contains(@class,'portal-figures__number')]")]

    assert figures("equipe/index.html") == ["430 000", "85 %", "3"]
    assert figures("en/team/index.html") == ["430,000", "85%", "3"]
    assert figures("index.html") == ["430 000", "85 %", "3"]  # the home page shows them too


def test_video_is_click_to_load(minimal_build):
    tree = doc(minimal_build, "equipe/index.html")
    assert tree.xpath("//iframe") == []
    [figure] = tree.xpath("//figure[@data-portal-video]")
    assert figure.get("data-portal-video").startswith("https://www.youtube-nocookie.com/embed/a1B2c3D4e5F")
    # Nothing from the host is loaded by the page: no src/srcset pointing at it.
    assert not tree.xpath("//*[@src[contains(., 'youtube')] or @srcset[contains(., 'youtube')]]")
    assert tree.xpath("//script[contains(@src,'video.js')]")


def test_no_page_loads_materials_javascript_bundle(minimal_build):
    # Material's bundle (and its client-side language switching, which fetched sitemap.xml beside every
    # hreflang link) is never loaded: the site's switcher and hreflang links are computed at build time.
    written = [p for p in minimal_build.site.rglob("*") if p.suffix in (".html", ".xml", ".json", ".js")
               and "bundle." not in p.name]
    assert len(written) > 50
    loading = [p for p in written if re.search(r"bundle\.[0-9a-f]+\.min\.js", p.read_text(encoding="utf-8"))]
    assert loading == []
    for page in PAGES["fr"] + PAGES["en"]:
        assert doc(minimal_build, page).xpath("//script[contains(@src, 'bundle.')]") == []


def test_links_between_pages_resolve_inside_their_language(minimal_build):
    for lang, pages in PAGES.items():
        for page in pages:
            page_dir = Path(page).parent
            for href in doc(minimal_build, page).xpath("//article//a/@href"):
                if re.match(r"^[a-z]+:|^#|^/", href):
                    continue
                target = (minimal_build.site / page_dir / href.split("#")[0]).resolve()
                if target.is_dir():
                    target = target / "index.html"
                assert target.exists(), (page, href)
                inside_en = "/en/" in target.as_posix()[len(minimal_build.site.as_posix()):] + "/"
                assert inside_en == (lang == "en"), (page, href)


def test_every_page_has_open_graph_and_a_card(minimal_build):
    from PIL import Image

    for lang, pages in PAGES.items():
        for page in pages:
            tree = doc(minimal_build, page)
            meta = {m.get("property") or m.get("name"): m.get("content") for m in tree.xpath("//head/meta")}
            assert meta["og:locale"] == {"fr": "fr_FR", "en": "en_GB"}[lang], page
            assert meta["og:url"] == SITE_URL + page.removesuffix("index.html")
            assert meta["og:title"] and meta["twitter:card"] == "summary_large_image", page
            card = minimal_build.site / meta["og:image"].removeprefix(SITE_URL)
            with Image.open(card) as image:
                assert image.size == (1200, 630), page
    alternates = doc(minimal_build, "equipe/index.html").xpath("//meta[@property='og:locale:alternate']/@content")
    assert alternates == ["en_GB"]
    assert doc(minimal_build, "contact/index.html").xpath("//meta[@property='og:locale:alternate']") == []


def test_the_search_index_is_written_in_the_site_only(minimal_build):
    """Pagefind writes where it is told, and nowhere else (not in the folder the build runs in)."""
    assert (minimal_build.site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (minimal_build.site.parent / "src" / "pagefind").exists()
    assert not list(minimal_build.site.glob("pagefind/pagefind-ui*")), "unused interfaces are not published"
