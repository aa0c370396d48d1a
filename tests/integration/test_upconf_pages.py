"""#UpConf in the built fixture site (now = 2026-06-01): pages, feeds and calendars as subscribers see them."""

from __future__ import annotations

import json

import feedparser
import icalendar
from lxml import html

from support import SITE_URL, Build


def doc(build: Build, path: str) -> html.HtmlElement:
    return html.fromstring(build.read(path))


def card_titles(tree: html.HtmlElement, section: str) -> list[str]:
    return [a.text_content() for a in tree.xpath(f"//section[@aria-labelledby='{section}']//li//a")]


def test_upcoming_soonest_first_then_past_by_year(minimal_build):
    tree = doc(minimal_build, "upconf/index.html")
    assert card_titles(tree, "upcoming") == ["Une conférence annulée", "Une conférence en ligne",
                                             "Une conférence reportée"]
    assert card_titles(tree, "past") == ["Échange après le changement d’heure", "Débat avant le changement d’heure"]
    assert tree.xpath("//section[@aria-labelledby='past']/h3/text()") == ["2026"]
    assert tree.xpath("//li[contains(@class,'portal-conference--cancelled')]//*[contains(@class,'portal-badge')]/text()") == ["Annulée"]


def test_times_are_local_with_their_offset(minimal_build):
    winter = doc(minimal_build, "en/upconf/2026-03-26-avant-le-changement/index.html")
    summer = doc(minimal_build, "upconf/2026-03-31-apres-le-changement/index.html")
    assert winter.xpath("//aside//time/@datetime") == ["2026-03-26T18:30:00+01:00"]
    assert "Thursday, 26 March 2026" in winter.xpath("//aside")[0].text_content()
    assert "Paris time (UTC+01:00)" in winter.xpath("//aside")[0].text_content()
    assert summer.xpath("//aside//time/@datetime") == ["2026-03-31T18:30:00+02:00"]
    assert "mardi 31 mars 2026" in summer.xpath("//aside")[0].text_content()
    assert "heure de Paris (UTC+02:00)" in summer.xpath("//aside")[0].text_content()


def test_registration_only_while_upcoming_and_scheduled(minimal_build):
    online = doc(minimal_build, "upconf/2026-06-20-en-ligne/index.html")
    assert online.xpath("//a[contains(@class,'md-button--primary')]/@href") == ["https://inscription.example/en-ligne"]
    cancelled = doc(minimal_build, "upconf/2026-06-10-annulee/index.html")
    assert cancelled.xpath("//a[contains(@class,'md-button--primary')]") == []
    assert cancelled.xpath("//p[contains(@class,'portal-banner')]/text()") == ["Cette conférence est annulée."]
    postponed = doc(minimal_build, "en/upconf/2026-05-20-reportee/index.html")
    assert "postponed to Thursday, 2 July 2026" in postponed.xpath("//p[contains(@class,'portal-banner')]")[0].text_content()


def test_event_json_ld(minimal_build):
    def data(path: str) -> dict:
        return json.loads(doc(minimal_build, path).xpath("//script[@type='application/ld+json']")[0].text)

    hybrid = data("upconf/2026-03-31-apres-le-changement/index.html")
    assert hybrid["@type"] == "Event" and hybrid["startDate"] == "2026-03-31T18:30:00+02:00"
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [loc["@type"] for loc in hybrid["location"]] == ["Place", "VirtualLocation"]
    assert hybrid["location"][0]["address"]["addressLocality"] == "Lyon"
    online = data("en/upconf/2026-06-20-en-ligne/index.html")
    assert online["location"] == {"@type": "VirtualLocation", "url": "https://visio.example/upconf"}
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data("upconf/2026-06-10-annulee/index.html")["eventStatus"] == "https://schema.org/EventCancelled"
    postponed = data("upconf/2026-05-20-reportee/index.html")
    assert postponed["eventStatus"] == "https://schema.org/EventRescheduled"
    assert postponed["previousStartDate"] == "2026-05-20T18:00:00+02:00"
    assert data("upconf/2026-03-26-avant-le-changement/index.html")["organizer"]["name"] == "Groupe SOS"


def test_feeds_order_text_and_stable_ids(minimal_build):
    for path in ("upconf/rss.xml", "upconf/atom.xml", "en/upconf/rss.xml"):
        feed = feedparser.parse(minimal_build.read(path))
        assert not feed.bozo, path
        assert len(feed.entries) == 5
    rss = feedparser.parse(minimal_build.read("upconf/rss.xml"))
    assert [e.id.rsplit("/", 2)[-2] for e in rss.entries] == [
        "2026-06-20-en-ligne", "2026-06-10-annulee", "2026-05-20-reportee",
        "2026-03-31-apres-le-changement", "2026-03-26-avant-le-changement"], "newest announcement first"
    cancelled = next(e for e in rss.entries if "annulee" in e.id)
    assert cancelled.title == "Annulée\u202f: Une conférence annulée"  # French spacing, as on pages
    winter = next(e for e in rss.entries if "avant-le-changement" in e.id)
    assert "jeudi 26 mars 2026, 18:30 – 20:00, heure de Paris (UTC+01:00) · Salle Alpha, Lyon" in winter.description
    assert winter.id == "tag:groupe-sos.org,2025:upconf/2026-03-26-avant-le-changement/fr"


def test_calendars_exist_and_are_advertised(minimal_build):
    tree = doc(minimal_build, "upconf/index.html")
    heads = tree.xpath("//head/link[@rel='alternate']/@type")
    assert "text/calendar" in heads and heads.count("application/rss+xml") == 2  # magazine + UpConf
    assert tree.xpath("//a[starts-with(@href,'webcal://')]/@href") == ["webcal://portal.test/upconf/upconf.ics"]
    for href in tree.xpath("//head/link[@rel='alternate'][@type]/@href"):
        assert (minimal_build.site / href.removeprefix(SITE_URL)).is_file(), href
    page = doc(minimal_build, "en/upconf/2026-06-20-en-ligne/index.html")
    [ics] = page.xpath("//a[@type='text/calendar']/@href")
    single = icalendar.Calendar.from_ical((minimal_build.site / "en/upconf/2026-06-20-en-ligne" / ics).resolve().read_bytes())
    [event] = single.walk("VEVENT")
    assert str(event["UID"]) == "2026-06-20-en-ligne@upconf.groupe-sos.org"
    assert str(event["SUMMARY"]) == "An online conference"


def test_home_shows_the_next_three_conferences_not_cancelled(minimal_build):
    tree = doc(minimal_build, "en/index.html")
    assert card_titles(tree, "home-conferences") == ["An online conference", "A postponed conference"]


def test_structure_page_lists_its_conferences(minimal_build):
    tree = doc(minimal_build, "structures/alpha/index.html")
    assert card_titles(tree, "structure-conferences") == ["Débat avant le changement d’heure"]


def test_speakers_read_in_the_page_language(minimal_build):
    def speakers(path: str) -> tuple[list[str], list[str]]:
        tree = doc(minimal_build, path)
        shown = [" ".join(li.text_content().split()) for li in tree.xpath("//ul[@class='portal-speakers']/li")]
        event = json.loads(tree.xpath("//script[@type='application/ld+json']")[0].text)
        return shown, [p["name"] for p in event["performer"]]

    assert speakers("en/upconf/2026-03-26-avant-le-changement/index.html") == (
        ["Test team, Test collective"], ["Test team"])
    assert speakers("upconf/2026-03-26-avant-le-changement/index.html") == (
        ["Équipe d’essai, Collectif de test"], ["Équipe d’essai"])
