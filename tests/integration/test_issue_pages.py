"""Print issues paginated like the listings, as readers, crawlers and the search see them.

The fixture site with one article a page (``page_size: 1``) and a print issue of three
articles in French, two in English: the French 'Un deuxième article' is in issue 1, its
English translation in none; the French-only article is in issue 1 (listed in English too).
"""

from __future__ import annotations

import pytest
from lxml import html

from support import SITE_URL, Build, make_site, run_build, search_records, write

FR, EN = "magazine/numeros/1/", "en/magazine/issues/1/"


@pytest.fixture(scope="module")
def issue_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("issues")
    config = make_site(root / "src")  # page_size 1
    only_fr = root / "src/magazine/2025/seulement-fr.fr.md"
    only_fr.write_text(only_fr.read_text(encoding="utf-8").replace("rubric: opinion\n", "rubric: opinion\nissue: 1\n"),
                       encoding="utf-8")
    write(root / "src", "magazine/2025/deuxieme.fr.md", """
        ---
        title: Un deuxième article du numéro
        date: 2025-04-01
        authors: [camille]
        tags: [medias]
        rubric: report
        description: Le deuxième article du premier numéro.
        issue: 1
        ---

        Au sommaire du numéro en français seulement.
        """)
    write(root / "src", "magazine/2025/second.en.md", """
        ---
        title: A second article
        date: 2025-04-01
        authors: [camille]
        tags: [medias]
        rubric: report
        description: The second article, in no print issue in English.
        translation_key: deuxieme
        ---

        In no print issue.
        """)
    build = run_build(config, root / "site")
    assert build.returncode == 0, build.log
    return build


def doc(build: Build, path: str) -> html.HtmlElement:
    return html.fromstring(build.read(path + "index.html"))


def contents(tree: html.HtmlElement) -> list[str]:
    return [a.text_content().strip() for a in tree.xpath("//section[@aria-labelledby='issue-contents']//h3/a")]


def test_an_issue_shows_page_size_articles_a_page_in_reading_order(issue_build):
    pages = [FR, FR + "page/2/", FR + "page/3/"]
    assert [contents(doc(issue_build, p)) for p in pages] == [
        ["Un premier article sur l’été à l’écran"], ["Un deuxième article du numéro"],
        ["Un article seulement en français"]]
    assert not (issue_build.site / FR / "page/4").exists()
    assert [contents(doc(issue_build, p)) for p in (EN, EN + "page/2/")] == [
        ["A first article on summer on screen"], ["Un article seulement en français"]]
    assert not (issue_build.site / EN / "page/3").exists()


def test_the_editorial_is_on_the_first_page_only(issue_build):
    assert "Un éditorial court." in doc(issue_build, FR).xpath("//article")[0].text_content()
    later = doc(issue_build, FR + "page/2/")
    assert "éditorial" not in later.xpath("//article")[0].text_content().lower()
    assert later.xpath("//article//h1/text()") == ["Numéro 1\u202f: Premier numéro (page 2)"]


def test_pages_link_to_each_other_in_order(issue_build):
    first, second, third = (doc(issue_build, p) for p in (FR, FR + "page/2/", FR + "page/3/"))
    nav = "//nav[contains(@class,'portal-pagination')]"
    assert first.xpath(f"{nav}//a[@rel='next']/@href") == ["page/2/"] and not first.xpath(f"{nav}//a[@rel='prev']")
    assert second.xpath(f"{nav}//a[@rel='prev']/@href") == ["../../"]
    assert second.xpath(f"{nav}//a[@rel='next']/@href") == ["../3/"]
    assert second.xpath(f"{nav}//span[@aria-current='page']/text()") == ["2"]
    assert third.xpath(f"{nav}//a[@rel='prev']/@href") == ["../2/"] and not third.xpath(f"{nav}//a[@rel='next']")
    # The head says it too, for crawlers.
    assert (second.xpath("//head/link[@rel='prev']/@href"), second.xpath("//head/link[@rel='next']/@href")) == (
        ["../../"], ["../3/"])
    assert first.xpath("//head/link[@rel='next']/@href") == ["page/2/"] and not first.xpath("//head/link[@rel='prev']")


def test_each_page_is_its_own_canonical(issue_build):
    for path in (FR, FR + "page/2/", EN + "page/2/"):
        tree = doc(issue_build, path)
        assert tree.xpath("//link[@rel='canonical']/@href") == [SITE_URL + path]
        assert tree.xpath("//meta[@property='og:url']/@content") == [SITE_URL + path]
        assert not tree.xpath("//meta[@name='robots']")


def test_switcher_lands_on_the_same_page_or_the_first_page_of_the_issue(issue_build):
    def switcher(path: str) -> list[str]:
        return doc(issue_build, path).xpath("//div[contains(@class,'portal-switcher')]/a/@href")

    assert switcher(FR + "page/2/") == [SITE_URL + EN + "page/2/"]
    assert switcher(EN + "page/2/") == [SITE_URL + FR + "page/2/"]
    assert switcher(FR + "page/3/") == [SITE_URL + EN], "no English page 3: the English issue's first page"
    alternates = {link.get("hreflang"): link.get("href")
                  for link in doc(issue_build, FR + "page/2/").xpath("//head/link[@hreflang]")}
    assert alternates == {"fr": SITE_URL + FR + "page/2/", "en": SITE_URL + EN + "page/2/",
                          "x-default": SITE_URL + FR + "page/2/"}
    assert not doc(issue_build, FR + "page/3/").xpath("//head/link[@hreflang]"), "hreflang only for real translations"


def test_later_pages_share_the_first_pages_card(issue_build):
    images = {doc(issue_build, p).xpath("//meta[@property='og:image']/@content")[0]
              for p in (FR, FR + "page/2/", FR + "page/3/")}
    assert images == {SITE_URL + "assets/cards/magazine/numeros/1.jpg"}
    cards = sorted(p.relative_to(issue_build.site).as_posix()
                   for p in (issue_build.site / "assets/cards/magazine/numeros").rglob("*.jpg"))
    assert cards == ["assets/cards/magazine/numeros/1.jpg"], "no card drawn for later pages"


def test_issue_pages_are_not_in_the_search_index_but_in_the_sitemap(issue_build):
    urls = [record["url"] for records in search_records(issue_build.site).values() for record in records]
    assert "/magazine/2025/deuxieme/" in urls
    assert not [url for url in urls if "/numeros/" in url or "/issues/" in url]
    sitemap = issue_build.read("sitemap.xml")
    assert all(f"<loc>{SITE_URL}{FR}{page}</loc>" in sitemap for page in ("", "page/2/", "page/3/"))


def test_the_issues_index_and_articles_lead_to_the_first_page(issue_build):
    index = doc(issue_build, "magazine/numeros/")
    assert index.xpath("//li[contains(@class,'portal-card')]//a/@href") == ["1/"]
    assert index.xpath("//li[contains(@class,'portal-card')]//p[contains(@class,'portal-card__text')]/text()") == [
        "3 articles au sommaire"]
    article = doc(issue_build, "magazine/2025/deuxieme/")
    assert [href for href in article.xpath("//article//a/@href") if "numeros" in href] == ["../../numeros/1/"]
