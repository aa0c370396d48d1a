"""Every feed and calendar of a built site, read as subscribers' programs read them (issue 15).

Feeds are parsed with feedparser (what Python readers and many services use)
and lxml (the structure RFC 4287 / RSS 2.0 / Media RSS define), JSON Feeds with
json, calendars with icalendar. The site is the minimal fixture with what the
points need: covers, a video, a translated author name, a conference revised
with an address, built twice (the second build must leave unchanged files alone).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import feedparser
import icalendar
import pytest
from lxml import etree, html

from support import FIXTURES, SITE_URL, Build, make_site, run_build

ATOM = "{http://www.w3.org/2005/Atom}"
MRSS = "{http://search.yahoo.com/mrss/}"
IMAGE = re.compile(r"\.(jpe?g|png|webp|gif)$")


def _variant(root: Path) -> None:
    """Edits to the minimal fixture at ``root``: covers, a video, a per-language author name, a revised conference."""

    def edit(path: str, old: str, new: str) -> None:
        target = root / path
        text = target.read_text(encoding="utf-8")
        assert old in text, (path, old)
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    edit("magazine/2025/premier-article.fr.md", "issue: 1\n",
         "issue: 1\ncover: atelier.jpg\ncover_alt: Un atelier, fond bleu\n")
    edit("magazine/2025/first-article.en.md", "issue: 1\n", "issue: 1\ncover: atelier.jpg\ncover_alt: A workshop\n")
    edit("magazine/2025/seulement-fr.fr.md", "## Pourquoi\n",
         '<!-- portal:video youtube=dQw4w9WgXcQ title="Un entretien" -->\n\n## Pourquoi\n')
    edit("magazine/authors.yml", "  name: La rédaction\n", "  name: {fr: La rédaction, en: The editorial team}\n")
    # A time change, published as revision 1 on 10 March; the venue's street address is known.
    edit("upconf/2026-03-26-avant-le-changement.yml", "start: 2026-03-26 18:30\nend: 2026-03-26 20:00\n",
         "start: 2026-03-26 19:00\nend: 2026-03-26 20:30\nrevision: 1\nupdated: 2026-03-10 09:30\n")
    edit("upconf/2026-03-26-avant-le-changement.yml", "venue: {name: Salle Alpha, city: Lyon}",
         "venue: {name: Salle Alpha, address: 12 rue de l’Essai, city: Lyon}")


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, dict[str, int], dict[str, int]]:
    """The variant built twice with the page cache: (build, file times after the first, after the second)."""
    root = tmp_path_factory.mktemp("feeds")
    config = make_site(root / "src")  # copies the minimal fixture
    _variant(root / "src")
    first = run_build(config, root / "site")
    assert first.returncode == 0, first.log
    before = _times(first.site)
    second = run_build(config, root / "site")
    assert second.returncode == 0, second.log
    return second, before, _times(second.site)


@pytest.fixture(scope="module")
def site(builds) -> Build:
    return builds[0]


def _times(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def _local(site: Build, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    path = site.site / url.removeprefix(SITE_URL)
    return path / "index.html" if url.endswith("/") else path


def _feeds(site: Build, name: str) -> list[str]:
    return sorted(p.relative_to(site.site).as_posix() for p in site.site.rglob(name))


def _content(entry) -> str:
    return entry.content[0].value if entry.get("content") else entry.get("summary", "")


# -- every feed, every calendar ------------------------------------------------------------------


def test_every_feed_parses_as_readers_parse_it(site):
    xml = _feeds(site, "rss.xml") + _feeds(site, "atom.xml")
    assert len(xml) >= 10 and len(_feeds(site, "feed.json")) == len(xml) // 2
    for path in xml:
        feed = feedparser.parse(site.read(path))
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.entries, path
        for entry in feed.entries:
            assert entry.id.startswith("tag:groupe-sos.org,2025:"), path
            # What a reader opens as the item: the article's page, never an image.
            assert not IMAGE.search(entry.link) and _local(site, entry.link).is_file(), (path, entry.link)
            assert all(link.rel != "alternate" or not IMAGE.search(link.href) for link in entry.links), path


def test_every_calendar_parses_as_calendar_apps_parse_it(site):
    paths = _feeds(site, "*.ics")
    assert len(paths) == 12  # a subscription and five conferences, in each language
    for path in paths:
        calendar = icalendar.Calendar.from_ical((site.site / path).read_bytes())
        for event in calendar.walk("VEVENT"):
            for name in ("UID", "DTSTAMP", "LAST-MODIFIED", "DTSTART", "DTEND", "SUMMARY", "STATUS", "URL"):
                assert name in event, (path, name)
            assert "((" not in str(event["DESCRIPTION"]) and "))" not in str(event["DESCRIPTION"]), path


# -- 1 and 7: covers -------------------------------------------------------------------------------


def test_atom_cover_is_an_enclosure_with_the_served_files_type_and_length(site):
    atom = etree.fromstring((site.site / "magazine/atom.xml").read_bytes())
    [entry] = [e for e in atom.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}id").endswith("/premier-article/fr")]
    links = entry.findall(f"{ATOM}link")
    assert [link.get("rel") for link in links] == ["alternate", "enclosure"]
    enclosure = links[1]
    served = _local(site, enclosure.get("href"))
    assert enclosure.get("type") == "image/jpeg" and int(enclosure.get("length")) == served.stat().st_size
    parsed = feedparser.parse(site.read("magazine/atom.xml"))
    item = next(e for e in parsed.entries if e.id.endswith("/premier-article/fr"))
    assert item.link == SITE_URL + "magazine/2025/premier-article/"
    assert [(e.href, e.type, int(e.length)) for e in item.enclosures] == [
        (enclosure.get("href"), "image/jpeg", served.stat().st_size)]


def test_rss_cover_is_an_enclosure_and_media_rss_with_the_served_files_length(site):
    original = (FIXTURES / "minimal/magazine/2025/atelier.jpg").stat().st_size
    for path in ("magazine/rss.xml", "en/magazine/rss.xml", "magazine/themes/medias/rss.xml"):
        rss = etree.fromstring((site.site / path).read_bytes())
        item = next(i for i in rss.iter("item") if "/premier-article/" in i.findtext("guid"))
        enclosure = item.find("enclosure")
        served = _local(site, enclosure.get("url"))
        assert int(enclosure.get("length")) == served.stat().st_size != original, path
        content = item.find(f"{MRSS}content")
        assert (content.get("url"), content.get("medium"), content.get("type")) == (
            enclosure.get("url"), "image", "image/jpeg")
        assert int(content.get("fileSize")) == served.stat().st_size
        thumbnail = item.find(f"{MRSS}thumbnail")
        assert _local(site, thumbnail.get("url")).is_file() and int(thumbnail.get("width")) <= int(content.get("width"))
        parsed = feedparser.parse(site.read(path))
        entry = next(e for e in parsed.entries if "/premier-article/" in e.id)
        assert entry.media_thumbnail[0]["url"] == thumbnail.get("url")


# -- 3: the RSS channel's link is the page -----------------------------------------------------------


def test_rss_channel_link_is_the_html_page(site):
    for path in _feeds(site, "rss.xml"):
        link = feedparser.parse(site.read(path)).feed.link
        assert link.endswith("/") and _local(site, link).is_file(), (path, link)
        assert link == SITE_URL + path.removesuffix("rss.xml")


# -- 2: authors ---------------------------------------------------------------------------------------


def test_upconf_atom_has_an_author_on_the_feed_and_every_entry(site):
    for path, name in (("upconf/atom.xml", "Secteur culture du Groupe SOS"),
                       ("en/upconf/atom.xml", "Groupe SOS culture sector")):
        atom = etree.fromstring((site.site / path).read_bytes())
        assert atom.findtext(f"{ATOM}author/{ATOM}name") == name
        entries = atom.findall(f"{ATOM}entry")
        assert entries and all(e.findtext(f"{ATOM}author/{ATOM}name") == name for e in entries)
        assert feedparser.parse(site.read(path)).feed.author == name


# -- 9: authors' names per language, one element each ---------------------------------------------------


def test_authors_in_their_language_each_in_its_own_element(site):
    for path, names in (("en/magazine/atom.xml", ["The editorial team", "Camille Essai"]),
                        ("magazine/atom.xml", ["La rédaction", "Camille Essai"])):
        feed = feedparser.parse(site.read(path))
        entry = next(e for e in feed.entries if "/premier-article/" in e.id)
        assert [a.name for a in entry.authors] == names, path
    rss = etree.fromstring((site.site / "en/magazine/rss.xml").read_bytes())
    item = next(rss.iter("item"))
    assert [c.text for c in item.findall("{http://purl.org/dc/elements/1.1/}creator")] == [
        "The editorial team", "Camille Essai"]
    json_feed = json.loads(site.read("en/magazine/feed.json"))
    assert [a["name"] for a in json_feed["items"][0]["authors"]] == ["The editorial team", "Camille Essai"]


# -- 4: bodies ---------------------------------------------------------------------------------------------


def test_feed_bodies_have_no_permalinks_nor_hidden_button_and_keep_paragraphs(site):
    for path in _feeds(site, "rss.xml") + _feeds(site, "atom.xml"):
        for entry in feedparser.parse(site.read(path)).entries:
            body = html.fragment_fromstring(_content(entry), create_parent="div")
            assert not body.xpath("//*[contains(@class,'headerlink')] | //button | //*[@hidden] | //svg"), path
            assert "#" not in [a.text_content().strip() for a in body.iter("a")], path
            own = [a.get("href") for a in body.iter("a") if (a.get("href") or "").startswith(entry.link + "#")]
            assert not own, (path, own)
            if "/upconf/" in path:
                assert len(body.findall("p")) >= 3, "#UpConf text keeps its paragraphs"
    video = next(e for e in feedparser.parse(site.read("magazine/rss.xml")).entries if "seulement-fr" in e.id)
    text = html.fragment_fromstring(_content(video), create_parent="div").text_content()
    assert "Lire la vidéo" not in text and "YouTube" in text, "the link to watch stays, the hidden button goes"


# -- 5: a new revision -------------------------------------------------------------------------------------------


def test_a_revised_conference_is_updated_not_new_and_says_what_changed(site):
    feed = feedparser.parse(site.read("upconf/atom.xml"))
    revised = next(e for e in feed.entries if "avant-le-changement" in e.id)
    assert revised.id == "tag:groupe-sos.org,2025:upconf/2026-03-26-avant-le-changement/fr"
    assert revised.updated == "2026-03-10T09:30:00+01:00" and revised.published == "2026-03-01T00:00:00+01:00"
    postponed = next(e for e in feed.entries if "reportee" in e.id)
    assert postponed.title == "Reportée au jeudi 2 juillet 2026\u202f: Une conférence reportée"  # French spacing
    assert postponed.updated_parsed > postponed.published_parsed
    first = html.fragment_fromstring(_content(postponed), create_parent="div").find("p").text_content()
    assert first.startswith("Reportée au jeudi 2 juillet 2026, 18:00")
    english = feedparser.parse(site.read("en/upconf/rss.xml"))
    assert next(e for e in english.entries if "annulee" in e.id).title.startswith("Cancelled: ")
    assert next(e for e in english.entries if "reportee" in e.id).title.startswith("Postponed to Thursday, 2 July 2026")
    assert feed.feed.updated == "2026-05-20T00:00:00+02:00"


# -- 6: calendar details ---------------------------------------------------------------------------------------


def _events(site: Build, path: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((site.site / path).read_bytes())
    return {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}


def test_calendar_events_follow_the_revision_status_and_address(site):
    events = _events(site, "upconf/upconf.ics")
    revised = events["2026-03-26-avant-le-changement"]
    stamp = dt.datetime(2026, 3, 10, 8, 30, tzinfo=dt.UTC)
    assert revised["DTSTAMP"].dt == revised["LAST-MODIFIED"].dt == stamp and int(revised["SEQUENCE"]) == 1
    assert revised["CREATED"].dt == dt.datetime(2026, 2, 28, 23, 0, tzinfo=dt.UTC)
    assert str(revised["LOCATION"]) == "Salle Alpha, 12 rue de l’Essai, Lyon"
    description = str(revised["DESCRIPTION"])
    assert "jeudi 26 mars 2026, 19:00 – 20:30, heure de Paris (UTC+01:00)" in description
    assert "Équipe d’essai" in description and SITE_URL + "upconf/2026-03-26-avant-le-changement/" in description
    postponed = events["2026-05-20-reportee"]
    assert str(postponed["STATUS"]) == "CONFIRMED" and postponed["DTSTART"].dt.date() == dt.date(2026, 7, 2)
    assert str(events["2026-06-10-annulee"]["STATUS"]) == "CANCELLED"
    single = _events(site, "en/upconf/2026-03-26-avant-le-changement.ics")["2026-03-26-avant-le-changement"]
    assert single["DTSTAMP"].dt == stamp and str(single["LOCATION"]) == "Salle Alpha, 12 rue de l’Essai, Lyon"


def test_subscription_calendar_names_itself_for_calendar_apps(site):
    for prefix, name in (("", "#UpConf (Groupe SOS)"), ("en/", "#UpConf (Groupe SOS)")):
        calendar = icalendar.Calendar.from_ical((site.site / prefix / "upconf/upconf.ics").read_bytes())
        assert str(calendar["NAME"]) == str(calendar["X-WR-CALNAME"]) == name
        assert str(calendar["DESCRIPTION"]) and "X-WR-CALDESC" in calendar
        refresh = calendar["REFRESH-INTERVAL"]
        assert refresh.params["VALUE"] == "DURATION" and refresh.dt == dt.timedelta(hours=12)
        assert str(calendar["X-PUBLISHED-TTL"]) in ("PT12H", "PT12H0M0S")
        assert calendar["SOURCE"].params["VALUE"] == "URI"
        assert str(calendar["SOURCE"]) == f"{SITE_URL}{prefix}upconf/upconf.ics"


# -- 8: unchanged outputs are left alone -------------------------------------------------------------------------


def test_a_rebuild_without_change_leaves_feeds_calendars_and_sitemaps_in_place(builds):
    site, before, after = builds
    outputs = [p for p in before if p.endswith((".xml", ".xml.gz", ".ics", "feed.json", "robots.txt"))]
    assert {"upconf/atom.xml", "en/upconf/rss.xml", "upconf/upconf.ics", "sitemap.xml", "sitemap.xml.gz",
            "en/sitemap.xml", "magazine/feed.json", "robots.txt"} <= set(outputs)
    assert [p for p in outputs if after.get(p) != before[p]] == []


# -- 10: JSON Feed -------------------------------------------------------------------------------------------------


def test_json_feeds_carry_the_same_items_as_atom_and_are_advertised(site):
    for path in _feeds(site, "feed.json"):
        data = json.loads(site.read(path))
        assert data["version"] == "https://jsonfeed.org/version/1.1" and data["items"], path
        assert data["feed_url"] == SITE_URL + path and _local(site, data["home_page_url"]).is_file()
        atom = feedparser.parse(site.read(path.replace("feed.json", "atom.xml")))
        assert [i["id"] for i in data["items"]] == [e.id for e in atom.entries], path
        assert [i["url"] for i in data["items"]] == [e.link for e in atom.entries], path
        for item in data["items"]:
            assert item["date_modified"] >= item["date_published"][:10] and item.get("content_html"), path
    cover = next(i for i in json.loads(site.read("magazine/feed.json"))["items"] if "premier-article" in i["id"])
    [attachment] = cover["attachments"]
    assert attachment["size_in_bytes"] == _local(site, attachment["url"]).stat().st_size
    for page, prefix in (("index.html", ""), ("en/magazine/2025/first-article/index.html", "en/"),
                         ("upconf/index.html", "")):
        tree = html.parse(str(site.site / page))
        hrefs = tree.xpath("//head/link[@rel='alternate'][@type='application/feed+json']/@href")
        assert SITE_URL + prefix + "magazine/feed.json" in hrefs, page
        assert all(_local(site, href).is_file() for href in hrefs), page


# -- 11: subscribe -------------------------------------------------------------------------------------------------


def test_home_and_article_pages_offer_to_subscribe(site):
    for page, prefix in (("index.html", ""), ("en/index.html", "en/"),
                         ("magazine/2025/premier-article/index.html", ""),
                         ("en/magazine/2025/first-article/index.html", "en/")):
        tree = html.parse(str(site.site / page))
        [box] = tree.xpath("//section[@class='portal-subscribe']")
        assert box.xpath("./h2/text()"), page
        hrefs = box.xpath(".//a/@href")
        assert SITE_URL + prefix + "magazine/rss.xml" in hrefs, page
        assert f"webcal://portal.test/{prefix}upconf/upconf.ics" in hrefs, page
        # Google Calendar on the web takes the https address, shown beside its one-line help.
        assert box.xpath(".//code/text()") == [f"{SITE_URL}{prefix}upconf/upconf.ics"], page
        assert "Google" in box.xpath("string(.//small)"), page
        for href in hrefs:
            assert _local(site, href.replace("webcal://", "https://")).is_file(), href
    assert not html.parse(str(site.site / "contact/index.html")).xpath("//section[@class='portal-subscribe']")
