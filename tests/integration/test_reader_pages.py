"""What a reader meets on the built fixture site (now = 2026-06-01): conferences past and
cancelled, the magazine home's archives, the 404 of each language, the footer, the article header."""

from __future__ import annotations

import re
from pathlib import Path

import icalendar
from lxml import html

from support import SITE_URL, Build


def doc(build: Build, path: str) -> html.HtmlElement:
    return html.fromstring(build.read(path))


def calendar_buttons(tree: html.HtmlElement) -> list[str]:
    return tree.xpath("//aside//a[@type='text/calendar']/@href")


def test_only_upcoming_conferences_offer_the_calendar_and_past_ones_say_they_took_place(minimal_build):
    past = doc(minimal_build, "upconf/2026-03-26-avant-le-changement/index.html")
    assert calendar_buttons(past) == []
    assert past.xpath("//p[contains(@class,'portal-banner--past')]/text()") == [
        "Cette conférence a eu lieu le jeudi 26 mars 2026."]
    past_en = doc(minimal_build, "en/upconf/2026-03-26-avant-le-changement/index.html")
    assert past_en.xpath("//p[contains(@class,'portal-banner--past')]/text()") == [
        "This conference took place on Thursday, 26 March 2026."]
    cancelled = doc(minimal_build, "upconf/2026-06-10-annulee/index.html")
    assert calendar_buttons(cancelled) == [] and not cancelled.xpath("//*[contains(@class,'portal-banner--past')]")
    upcoming = doc(minimal_build, "upconf/2026-06-20-en-ligne/index.html")
    assert len(calendar_buttons(upcoming)) == 1 and not upcoming.xpath("//*[contains(@class,'portal-banner--past')]")


def test_the_magazine_home_links_every_year_and_print_issue(minimal_build):
    for prefix, issues in (("", "numeros"), ("en/", "issues")):
        tree = doc(minimal_build, f"{prefix}magazine/index.html")
        links = set(tree.xpath("//section[@aria-labelledby='archives-title']//a/@href"))
        assert {"2025/", f"{issues}/1/", f"{issues}/"} <= links, links
        for link in links:
            assert (minimal_build.site / f"{prefix}magazine/{link}index.html").is_file(), link


def test_each_language_has_its_own_404(minimal_build):
    for path, lang, title, other in (("404.html", "fr", "Page introuvable", SITE_URL + "en/"),
                                     ("en/404.html", "en", "Page not found", SITE_URL)):
        tree = doc(minimal_build, path)
        assert tree.get("lang") == lang
        assert tree.xpath("//h1/text()") == [title]
        assert other in tree.xpath("//a[contains(@class,'portal-switcher__link')]/@href")
        assert tree.xpath("//form[@role='search']//input[@name='q']")
        assert tree.xpath("//footer[contains(@class,'portal-footer')]")


def test_every_page_has_the_footer_and_a_skip_link_to_its_content(minimal_build):
    for path in ("index.html", "en/index.html", "magazine/index.html", "structures/index.html",
                 "upconf/2026-06-20-en-ligne/index.html"):
        tree = doc(minimal_build, path)
        assert tree.xpath("//a[@class='md-skip']/@href") == ["#portal-main"], path
        assert len(tree.xpath("//*[@id='portal-main']")) == 1, path
        footer = tree.xpath("//footer[contains(@class,'portal-footer')]")
        assert footer and "https://www.groupe-sos.org/" in footer[0].xpath(".//a/@href"), path
        assert not tree.xpath("//nav[contains(@class,'md-footer__inner')]"), f"{path}: previous/next across sections"


STRAIGHT_APOSTROPHE = re.compile(r"[^\W\d_]'[^\W\d_]")


def test_french_output_has_no_straight_apostrophe_between_letters(minimal_build):
    """The fixture writes « changement d'heure » with a straight apostrophe: readers, feed readers and
    calendars get ’ in the text, the title, the meta description, the JSON-LD and the alt texts."""
    found = []
    for page in sorted(minimal_build.site.rglob("*.html")):
        path = page.relative_to(minimal_build.site).as_posix()
        if path.startswith(("en/", "pagefind/")):
            continue
        tree = html.fromstring(page.read_bytes())
        ld = tree.xpath("//script[@type='application/ld+json']/text()")
        for skipped in tree.xpath("//script|//style|//code|//pre"):
            skipped.drop_tree()
        texts = [tree.text_content(), *tree.xpath("//title/text()"), *tree.xpath("//@alt|//@title|//@aria-label"),
                 *tree.xpath("//meta[not(starts-with(@content,'http'))]/@content"), *ld]
        found += [f"{path}: {m.group()}" for text in texts for m in STRAIGHT_APOSTROPHE.finditer(text)]
    events = icalendar.Calendar.from_ical(minimal_build.read("upconf/upconf.ics")).walk("VEVENT")
    calendar_text = "\n".join(str(e.get(k, "")) for e in events for k in ("SUMMARY", "DESCRIPTION", "LOCATION"))
    for feed, text in (("upconf/rss.xml", minimal_build.read("upconf/rss.xml")),
                       ("upconf/atom.xml", minimal_build.read("upconf/atom.xml")), ("upconf/upconf.ics", calendar_text)):
        found += [f"{feed}: {m.group()}" for m in STRAIGHT_APOSTROPHE.finditer(text)]
    assert found == []
    page = doc(minimal_build, "upconf/2026-03-26-avant-le-changement/index.html")
    assert page.xpath("//title/text()")[0].startswith("Débat avant le changement d’heure")
    assert "Débat avant le changement d’heure" in calendar_text


def test_each_page_loads_only_the_scripts_of_what_it_shows(minimal_build):
    def scripts(path: str) -> list[str]:
        return [src.rsplit("/", 1)[-1] for src in doc(minimal_build, path).xpath("//script/@src")]

    assert scripts("equipe/index.html") == ["video.js", "search.js"]  # the page with a video marker
    assert scripts("structures/index.html") == ["filter.js", "search.js"]  # the directory's filter
    assert scripts("en/structures/index.html") == ["filter.js", "search.js"]
    for path in ("index.html", "en/index.html", "structures/alpha/index.html", "magazine/index.html",
                 "upconf/2026-06-20-en-ligne/index.html", "404.html"):
        assert scripts(path) == ["search.js"], path
    assert all((minimal_build.site / "assets/javascripts" / name).is_file()
               for name in ("video.js", "filter.js", "search.js"))


def test_no_theme_file_that_no_page_loads_is_published(minimal_build):
    """Material's bundle, palette, search worker, lunr packs and source maps: in the theme, not in the site."""
    import material

    theme = Path(material.__file__).parent / "templates"
    unused = ("assets/javascripts/bundle.*", "assets/javascripts/lunr/**/*", "assets/javascripts/workers/*",
              "assets/stylesheets/palette.*", "**/*.map")
    assert all(list(theme.glob(pattern)) for pattern in unused), "the theme no longer has them: the test proves nothing"
    for root in (minimal_build.site, minimal_build.site / "en"):
        assert [path for pattern in unused for path in root.glob(pattern)] == [], root
    pages = [minimal_build.read("index.html"), minimal_build.read("en/index.html")]
    linked = {href for page in pages for href in html.fromstring(page).xpath("//link[@rel='stylesheet']/@href")}
    assert any("main." in href for href in linked) and all("palette" not in href for href in linked), linked


def test_english_labels_are_idiomatic(minimal_build):
    """English readers get English labels, not French ones word for word ("Our structures")."""
    home = doc(minimal_build, "en/index.html")
    text = " ".join(home.text_content().split())
    assert "Our cultural organisations" in text and "More from the magazine" in text
    assert "Our structures" not in text and "The whole magazine" not in text
    assert "Cultural organisations" in doc(minimal_build, "en/structures/index.html").xpath("//title/text()")[0]
