"""The magazine of the fixture site as readers, crawlers and feed readers see it (now = 2026-06-01)."""

from __future__ import annotations

import json

import feedparser
import pytest
from lxml import etree, html

from support import SITE_URL, Build, search_records

FR_ARTICLE = "magazine/2025/premier-article/index.html"
EN_ARTICLE = "en/magazine/2025/first-article/index.html"
FR_ONLY = "magazine/2025/seulement-fr/index.html"


def doc(build: Build, path: str) -> html.HtmlElement:
    return html.fromstring(build.read(path))


def every_text(build: Build) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in build.site.rglob("*")
                     if p.suffix in (".html", ".xml", ".json"))


def test_article_pages_exist_per_language(minimal_build):
    assert (minimal_build.site / FR_ARTICLE).exists() and (minimal_build.site / EN_ARTICLE).exists()
    assert (minimal_build.site / FR_ONLY).exists()
    assert not (minimal_build.site / "en/magazine/2025/seulement-fr").exists(), "no English page without translation"


def test_drafts_and_scheduled_articles_are_nowhere(minimal_build):
    assert not list(minimal_build.site.rglob("brouillon*")) and not list(minimal_build.site.rglob("futur*"))
    text = every_text(minimal_build)
    assert "Un brouillon secret" not in text and "Un article programmé" not in text
    assert "2099" not in text


def test_magazine_home_lists_newest_first_and_paginates(minimal_build):
    tree = doc(minimal_build, "magazine/index.html")
    second = doc(minimal_build, "magazine/page/2/index.html")
    titles = [a.text_content().strip() for t in (tree, second) for a in t.xpath("//ul[contains(@class,'portal-articles')]//h2/a")]
    assert titles == ["Un article seulement en français", "Un premier article sur l’été à l’écran"]
    assert tree.xpath("//ul[contains(@class,'portal-articles')]//time/@datetime") == ["2025-06-20T10:30:00+02:00"]
    assert [t.text_content() for t in second.xpath("//ul[contains(@class,'portal-articles')]//time")] == ["12 mars 2025"]


def test_untranslated_article_is_listed_in_english_with_a_badge(minimal_build):
    tree = doc(minimal_build, "en/magazine/index.html")  # newest first: the French-only article
    [foreign] = tree.xpath("//li[contains(@class,'portal-article--foreign')]")
    assert foreign.xpath(".//*[contains(@class,'portal-badge')]/text()") == ["In French"]
    [title] = foreign.xpath(".//h2")
    assert title.get("lang") == "fr" and foreign.xpath(".//p[contains(@class,'excerpt')]/@lang") == ["fr"]
    assert title.xpath("./a/@href") == [SITE_URL + "magazine/2025/seulement-fr/"]
    second = doc(minimal_build, "en/magazine/page/2/index.html")
    own = second.xpath("//li[contains(@class,'portal-article') and not(contains(@class,'foreign'))]//h2/a/text()")
    assert own == ["A first article on summer on screen"]


def test_article_page_content(minimal_build):
    tree = doc(minimal_build, FR_ARTICLE)
    assert tree.xpath("//article//h1/text()") == ["Un premier article sur l’été à l’écran"]
    meta = tree.xpath("//p[contains(@class,'portal-article-meta')]")[0].text_content()
    assert "12 mars 2025" in meta and "min de lecture" in meta
    assert tree.xpath("//p[contains(@class,'portal-article-meta')]/a/text()")[:2] == ["La rédaction", "Camille Essai"]
    assert tree.xpath("//ul[contains(@class,'portal-chips')]//a/text()") == ["Patrimoine", "Médias", "Alpha & Cie"]
    [translation] = tree.xpath("//p[contains(@class,'portal-translation')]/a")
    assert translation.get("href") == SITE_URL + "en/magazine/2025/first-article/"
    links = {link.get("hreflang"): link.get("href") for link in tree.xpath("//head/link[@hreflang]")}
    assert links == {"fr": SITE_URL + "magazine/2025/premier-article/", "en": SITE_URL + "en/magazine/2025/first-article/",
                     "x-default": SITE_URL + "magazine/2025/premier-article/"}
    # The body's link to another article's file now points at that article's page.
    assert tree.xpath("//div[contains(@class,'portal-article-body')]//a[not(contains(@class,'headerlink'))]/@href") == [
        "../seulement-fr/"]
    data = json.loads(tree.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["@type"] == "Article" and data["datePublished"] == "2025-03-12T00:00:00+01:00"
    assert data["author"] == [{"@type": "Organization", "name": "La rédaction"}, {"@type": "Person", "name": "Camille Essai"}]
    assert tree.xpath("//meta[@property='og:type']/@content") == ["article"]


def test_english_dates_and_updated(minimal_build):
    tree = doc(minimal_build, "magazine/2025/seulement-fr/index.html")
    meta = tree.xpath("//p[contains(@class,'portal-article-meta')]")[0].text_content()
    assert "20 juin 2025" in meta and "Mis à jour le 1 juillet 2025" in meta
    tree = doc(minimal_build, EN_ARTICLE)
    assert "12 March 2025" in tree.xpath("//p[contains(@class,'portal-article-meta')]")[0].text_content()


@pytest.mark.parametrize("path", [
    "magazine/themes/patrimoine/index.html", "en/magazine/tags/patrimoine/index.html",
    "magazine/auteurs/camille/index.html", "en/magazine/authors/camille/index.html",
    "magazine/rubriques/reportage/index.html", "en/magazine/rubrics/report/index.html",
    "magazine/2025/index.html", "en/magazine/2025/index.html",
    "magazine/numeros/1/index.html", "en/magazine/issues/1/index.html", "magazine/page/2/index.html",
])
def test_listing_pages_exist(minimal_build, path):
    tree = doc(minimal_build, path)
    assert tree.xpath("//article//h1"), path
    assert tree.xpath("//li[contains(@class,'portal-article')]"), path


def test_pagination_links_pages_in_order(minimal_build):
    first, second = doc(minimal_build, "magazine/index.html"), doc(minimal_build, "magazine/page/2/index.html")
    assert first.xpath("//nav[contains(@class,'portal-pagination')]//a[@rel='next']/@href") == ["page/2/"]
    assert second.xpath("//nav[contains(@class,'portal-pagination')]//a[@rel='prev']/@href") == ["../../"]
    assert second.xpath("//span[@aria-current='page']/text()") == ["2"]


def test_print_issues_index(minimal_build):
    tree = doc(minimal_build, "magazine/numeros/index.html")
    assert tree.xpath("//li[contains(@class,'portal-card')]//a/@href") == ["1/"]


def test_issue_page_shows_editorial_and_contents(minimal_build):
    tree = doc(minimal_build, "en/magazine/issues/1/index.html")
    assert "A short editorial." in tree.xpath("//article")[0].text_content()
    assert tree.xpath("//section[@aria-labelledby='issue-contents']//h3/a/text()") == ["A first article on summer on screen"]


def test_former_slug_redirects_and_is_not_listed(minimal_build):
    tree = doc(minimal_build, "magazine/2025/ancien-titre/index.html")
    target = SITE_URL + "magazine/2025/premier-article/"
    assert tree.xpath("//link[@rel='canonical']/@href") == [target]
    assert tree.xpath("//meta[@http-equiv='refresh']/@content") == [f"0; url={target}"]
    assert "ancien-titre" not in minimal_build.read("sitemap.xml")
    assert all("ancien-titre" not in record["url"] for records in search_records(minimal_build.site).values()
               for record in records)


def test_feeds_parse_and_use_stable_ids(minimal_build):
    for path, lang, count in [("magazine/rss.xml", "fr", 2), ("magazine/atom.xml", "fr", 2),
                              ("en/magazine/rss.xml", "en", 1), ("magazine/themes/medias/rss.xml", "fr", 1)]:
        feed = feedparser.parse(minimal_build.read(path))
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert len(feed.entries) == count, path
        first = feed.entries[-1]
        assert first.id == f"tag:groupe-sos.org,2025:respect/premier-article/{lang}"
        assert first.link.startswith(SITE_URL)
    rss = etree.fromstring(minimal_build.read("magazine/rss.xml").encode())
    assert rss.xpath("//channel/lastBuildDate/text()") == ["Tue, 01 Jul 2025 00:00:00 +0200"]
    [content] = rss.xpath("//item[title='Un premier article sur l’été à l’écran']/*[local-name()='encoded']/text()")
    assert f'href="{SITE_URL}magazine/2025/seulement-fr/"' in content, "links in feed content are absolute"


def test_every_page_advertises_its_language_feeds(minimal_build):
    for path, prefix in [("index.html", ""), ("contact/index.html", ""), ("en/team/index.html", "en/")]:
        tree = doc(minimal_build, path)
        hrefs = tree.xpath("//head/link[@rel='alternate'][@type='application/rss+xml' or @type='application/atom+xml']/@href")
        assert hrefs == [SITE_URL + prefix + "magazine/rss.xml", SITE_URL + prefix + "magazine/atom.xml"]
        for href in hrefs:
            assert (minimal_build.site / href.removeprefix(SITE_URL)).exists()


def test_structure_page_lists_the_articles_about_it(minimal_build):
    tree = doc(minimal_build, "structures/alpha/index.html")
    assert tree.xpath("//section[@aria-labelledby='structure-mentions']//h3/a/text()") == [
        "Un premier article sur l’été à l’écran"]


def test_body_images_become_responsive_pictures(minimal_build):
    tree = doc(minimal_build, FR_ARTICLE)
    [picture] = tree.xpath("//div[contains(@class,'portal-article-body')]//picture")
    [img] = picture.xpath(".//img")  # libxml2 does not know <source> is empty
    assert img.get("alt") == "Un atelier d’éducation aux médias, fond bleu"
    assert (img.get("width"), img.get("height"), img.get("loading")) == ("640", "400", "lazy")
    sources = picture.xpath(".//source[@type='image/webp']/@srcset")[0].split(", ")
    assert [s.split(" ")[1] for s in sources] == ["480w", "640w"]
    for candidate in sources + img.get("srcset").split(", "):
        path = (minimal_build.site / FR_ARTICLE).parent / candidate.split(" ")[0]
        assert path.resolve().is_file(), candidate
    assert not list(minimal_build.site.rglob("atelier.jpg")), "the original is not published"
    assert "portal-picture-slot" not in minimal_build.read(FR_ARTICLE)
    rss = minimal_build.read("magazine/rss.xml")
    # Feeds carry the <img> (JPEG/PNG renditions, which every reader shows), not the browser's WebP <source>s.
    [jpeg_480] = [s.split(" ")[0] for s in img.get("srcset").split(", ") if s.endswith(" 480w")]
    [webp_480] = [s.split(" ")[0] for s in sources if s.endswith(" 480w")]
    assert f"{SITE_URL}assets/images/{jpeg_480.rsplit('/assets/images/', 1)[1]}" in rss  # absolute in feeds
    assert webp_480.rsplit("/", 1)[1] not in rss


@pytest.mark.slow
def test_cover_caption_and_credit_are_a_figcaption_under_the_cover(tmp_path):
    from support import make_site, run_build
    config = make_site(tmp_path / "src")
    folder = config.parent / "magazine/2025"

    def edit(name: str, fields: str) -> None:
        text = (folder / name).read_text(encoding="utf-8")
        (folder / name).write_text(text.replace("\nissue: 1\n", f"\nissue: 1\ncover: atelier.jpg\n{fields}", 1),
                                   encoding="utf-8")

    edit("premier-article.fr.md", "cover_alt: Un atelier, fond bleu\ncover_caption: \"L’atelier : des mains et de "
         "l’argile <b>crue</b>.\"\ncover_credit: Jeanne Martin / respect\n")
    edit("first-article.en.md", "cover_alt: A workshop\ncover_credit: Jeanne Martin / respect\n")
    build = run_build(config, tmp_path / "site")
    assert build.returncode == 0, build.log

    def caption(page: str) -> tuple[str, str, list[str]]:
        tree = doc(build, page)
        [figure] = tree.xpath("//figure[contains(@class,'portal-cover')]")
        [figcaption] = figure.xpath("./figcaption")
        assert figure.xpath("./*")[-1] is figcaption, "the caption is under the picture"
        credit = figcaption.xpath("./span[contains(@class,'portal-cover__credit')]")
        return (figcaption.text_content().strip(), credit[0].text_content() if credit else "",
                [el.tag for el in figcaption.iter()][1:])

    text, credit, tags = caption(FR_ARTICLE)
    assert text == "L’atelier\u202f: des mains et de l’argile <b>crue</b>. Crédit\u202f: Jeanne Martin / respect"
    assert credit == "Crédit\u202f: Jeanne Martin / respect" and tags == ["span"], "text stays text, French spacing"
    assert caption(EN_ARTICLE) == ("Credit: Jeanne Martin / respect", "Credit: Jeanne Martin / respect", ["span"])
    assert not doc(build, FR_ONLY).xpath("//figcaption"), "no caption without a cover"


MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


def test_english_pages_write_british_dates_and_times(minimal_build):
    """'12 March 2025' and '18:30' wherever an English reader meets a date: articles, listings, conferences, issues."""
    import re
    american = re.compile(rf"\b({MONTHS}) \d{{1,2}}, \d{{4}}|\d{{1,2}}:\d\d\s?[AP]M\b")
    british = re.compile(rf"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), )?\d{{1,2}} ({MONTHS}) \d{{4}}$")
    pages = sorted(p for p in (minimal_build.site / "en").rglob("*.html"))
    times = []
    for page in pages:
        tree = html.fromstring(page.read_text(encoding="utf-8"))
        body = tree.xpath("//body")[0]
        text = body.text_content()
        assert not american.search(text), (page, american.search(text).group())
        times += [(page, t.text_content().strip()) for t in body.xpath("//time")]
    assert len({page for page, _ in times}) > 5 and times
    assert [t for t in times if not british.match(t[1])] == []
    article = doc(minimal_build, EN_ARTICLE).xpath("//p[contains(@class,'portal-article-meta')]")[0].text_content()
    assert "12 March 2025" in article
    conference = doc(minimal_build, "en/upconf/2026-03-26-avant-le-changement/index.html")
    aside = conference.xpath("//aside")[0].text_content()
    assert "Thursday, 26 March 2026" in aside and "18:30 – 20:00" in aside
    issue = minimal_build.site / "en/magazine/issues"
    kickers = [doc(minimal_build, p.relative_to(minimal_build.site).as_posix()).xpath(
        "//p[contains(@class,'portal-kicker')]")[0].text_content() for p in issue.glob("*/index.html")]
    assert kickers and all(british.match(k) for k in kickers), kickers
    french = doc(minimal_build, FR_ARTICLE).xpath("//p[contains(@class,'portal-article-meta')]")[0].text_content()
    assert "12 mars 2025" in french, "French unchanged"
