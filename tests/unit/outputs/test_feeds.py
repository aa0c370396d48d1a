"""Feeds: stable ids, dates from the content, identical bytes, absolute links; read as readers read them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
from lxml import etree

from portal.content.clock import PARIS
from portal.content.site import SiteSettings, load_site
from portal.outputs.feeds import absolute_links, feed_html, magazine_feeds, upconf_feeds
from portal.sections.magazine_views import cover_picture
from support import FIXTURES


def fixture_site(tmp_path: Path, rename: bool = False):
    import shutil

    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    if rename:  # the editor renames the French article's slug
        path = tmp_path / "magazine/2025/premier-article.fr.md"
        path.write_text(path.read_text(encoding="utf-8").replace("aliases: [ancien-titre]", "slug: nouveau-titre"),
                        encoding="utf-8")
    settings = SiteSettings(tmp_path, tmp_path / "content", "https://portal.test/",
                            now=dt.datetime(2026, 6, 1, tzinfo=PARIS))
    return load_site(settings)


def feed_map(site, lang="fr"):
    return {feed.path: feed.data for feed in magazine_feeds(site, lang, {})}


def test_feeds_per_language_and_tag(tmp_path):
    assert sorted(feed_map(fixture_site(tmp_path))) == [
        "magazine/atom.xml", "magazine/feed.json", "magazine/rss.xml",
        "magazine/themes/medias/atom.xml", "magazine/themes/medias/feed.json", "magazine/themes/medias/rss.xml",
        "magazine/themes/patrimoine/atom.xml", "magazine/themes/patrimoine/feed.json",
        "magazine/themes/patrimoine/rss.xml"]


def test_same_input_same_bytes(tmp_path):
    one = feed_map(fixture_site(tmp_path / "a"))
    two = feed_map(fixture_site(tmp_path / "b"))
    assert one == two


def test_ids_survive_a_slug_change(tmp_path):
    before = feedparser.parse(feed_map(fixture_site(tmp_path / "a"))["magazine/atom.xml"])
    after = feedparser.parse(feed_map(fixture_site(tmp_path / "b", rename=True))["magazine/atom.xml"])
    assert [e.id for e in before.entries] == [e.id for e in after.entries]
    assert [e.link for e in before.entries] != [e.link for e in after.entries]
    assert [e.updated for e in before.entries] == ["2025-07-01T00:00:00+02:00", "2025-03-12T00:00:00+01:00"]


def test_rss_items_carry_author_category_and_guid(tmp_path):
    rss = feedparser.parse(feed_map(fixture_site(tmp_path))["magazine/rss.xml"])
    assert not rss.bozo and rss.feed.language == "fr"
    first = rss.entries[-1]
    assert first.guidislink is False
    assert [t.term for t in first.tags] == ["Patrimoine", "Médias"]  # the names readers see
    assert first.author_detail.name in ("La rédaction", "Camille Essai")


def test_links_in_content_become_absolute():
    body = '<p><a href="../autre/">lien</a> <img src="img.png" alt=""> <a href="mailto:a@b.c">m</a></p>'
    out = absolute_links(body, "https://x.org/magazine/2025/un/")
    assert 'href="https://x.org/magazine/2025/autre/"' in out and 'src="https://x.org/magazine/2025/un/img.png"' in out
    assert 'href="mailto:a@b.c"' in out


# -- issue 15: what readers do with the feeds ------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
MRSS = "{http://search.yahoo.com/mrss/}"


def edited_site(tmp_path: Path, edits: dict[str, tuple[str, str]]):
    """The fixture with ``edits`` (path -> (old, new)) applied, loaded."""
    import shutil

    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    for path, (old, new) in edits.items():
        target = tmp_path / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    settings = SiteSettings(tmp_path, tmp_path / "content", "https://portal.test/",
                            now=dt.datetime(2026, 6, 1, tzinfo=PARIS))
    return load_site(settings)


COVER = {"magazine/2025/premier-article.fr.md": ("issue: 1\n", "issue: 1\ncover: atelier.jpg\ncover_alt: Un atelier\n")}


def test_cover_is_an_enclosure_of_the_served_file_not_an_alternate(tmp_path):
    site = edited_site(tmp_path, COVER)
    article = next(a for a in site.articles.published if a.slug == "premier-article" and a.lang == "fr")
    jpeg = cover_picture(article).fallback[-1]  # the widest, published by content: assets/images/<digest>-<width>.jpg
    assert jpeg.path.startswith("assets/images/") and jpeg.path.endswith("-640.jpg")
    served = {jpeg.path: 1234}
    feeds = {f.path: f.data for f in magazine_feeds(site, "fr", {}, served=served.get)}
    atom = etree.fromstring(feeds["magazine/atom.xml"])
    entry = next(e for e in atom.iter(f"{ATOM}entry") if "premier-article" in e.findtext(f"{ATOM}id"))
    links = [(link.get("rel"), link.get("type"), link.get("length"), link.get("href").rsplit("/", 1)[-1])
             for link in entry.findall(f"{ATOM}link")]
    assert links == [("alternate", None, None, ""), ("enclosure", "image/jpeg", "1234", jpeg.path.rsplit("/", 1)[1])]
    rss = etree.fromstring(feeds["magazine/rss.xml"])
    item = next(i for i in rss.iter("item") if "premier-article" in i.findtext("guid"))
    assert item.find("enclosure").get("length") == "1234"
    assert item.find(f"{MRSS}content").get("fileSize") == "1234"
    assert item.find(f"{MRSS}thumbnail").get("url").endswith("-480.jpg")
    parsed = feedparser.parse(feeds["magazine/atom.xml"])
    assert not parsed.bozo
    assert next(e for e in parsed.entries if "premier-article" in e.id).link.endswith("/premier-article/")


def test_rss_channel_link_is_the_page_it_mirrors(tmp_path):
    feeds = feed_map(fixture_site(tmp_path))
    assert feedparser.parse(feeds["magazine/rss.xml"]).feed.link == "https://portal.test/magazine/"
    assert feedparser.parse(feeds["magazine/themes/medias/rss.xml"]).feed.link == \
        "https://portal.test/magazine/themes/medias/"


def test_feed_html_leaves_out_permalinks_hidden_buttons_and_webp_sources():
    body = ('<h2 id="x">Titre<a class="headerlink" href="#x" title="Lien">#</a></h2>'
            '<figure class="portal-video"><button type="button" hidden><svg></svg><span>Lire la vidéo</span>'
            '</button><a href="https://www.youtube.com/watch?v=a">Voir sur YouTube</a></figure>'
            '<picture><source type="image/webp" srcset="a-480.webp 480w"><img src="a-480.jpg" alt="A" '
            'loading="lazy"></picture><p>Suite</p>')
    out = feed_html(body, "https://x.org/a/")
    tree = etree.fromstring(f"<div>{out}</div>".encode(), etree.HTMLParser())
    assert tree.xpath("string(//h2)") == "Titre" and not tree.xpath("//button | //svg | //source | //picture")
    assert tree.xpath("//img/@src") == ["https://x.org/a/a-480.jpg"] and tree.xpath("//img/@loading") == []
    assert "Voir sur YouTube" in tree.xpath("string(//figure)") and "Lire" not in tree.xpath("string(//figure)")
    assert tree.xpath("string(//p)") == "Suite"


def test_authors_are_named_in_the_feeds_language(tmp_path):
    site = edited_site(tmp_path, {"magazine/authors.yml": ("  name: La rédaction\n",
                                                           "  name: {fr: La rédaction, en: The editorial team}\n")})
    english = feedparser.parse(feed_map(site, "en")["magazine/atom.xml"])
    assert [a.name for a in english.entries[0].authors] == ["The editorial team", "Camille Essai"]
    rss = etree.fromstring(feed_map(site, "fr")["magazine/rss.xml"])
    item = next(i for i in rss.iter("item") if "premier-article" in i.findtext("guid"))
    assert [c.text for c in item.findall("{http://purl.org/dc/elements/1.1/}creator")] == [
        "La rédaction", "Camille Essai"]


def test_json_feed_has_the_same_items_and_ids(tmp_path):
    import json

    feeds = feed_map(fixture_site(tmp_path))
    data = json.loads(feeds["magazine/feed.json"])
    atom = feedparser.parse(feeds["magazine/atom.xml"])
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == "https://portal.test/magazine/feed.json"
    assert [(i["id"], i["url"], i["title"]) for i in data["items"]] == [(e.id, e.link, e.title) for e in atom.entries]


def upconf(site, lang="fr", kind="atom"):
    return {f.path.rsplit("/", 1)[-1]: f.data for f in upconf_feeds(site, lang)}[
        {"atom": "atom.xml", "rss": "rss.xml", "json": "feed.json"}[kind]]


def test_upconf_atom_has_an_author_and_paragraphs(tmp_path):
    atom = etree.fromstring(upconf(fixture_site(tmp_path)))
    assert atom.findtext(f"{ATOM}author/{ATOM}name") == "Secteur culture du Groupe SOS"
    for entry in atom.iter(f"{ATOM}entry"):
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Secteur culture du Groupe SOS"
        content = etree.fromstring(f"<div>{entry.findtext(f'{ATOM}content')}</div>".encode(), etree.HTMLParser())
        assert len(content.xpath("//p")) >= 3
        assert "((" not in content.xpath("string(//p)")


def test_a_new_revision_updates_the_entry_keeps_its_id_and_says_why(tmp_path):
    path = "upconf/2026-06-20-en-ligne.yml"
    before = feedparser.parse(upconf(fixture_site(tmp_path / "a")))
    after = feedparser.parse(upconf(edited_site(tmp_path / "b", {path: (
        "announced: 2026-05-20\n", "announced: 2026-05-20\nstatus: cancelled\nrevision: 1\nupdated: 2026-05-28 17:00\n")})))
    [old] = [e for e in before.entries if "en-ligne" in e.id]
    [new] = [e for e in after.entries if "en-ligne" in e.id]
    assert new.id == old.id and new.published == old.published
    assert (old.updated, new.updated) == ("2026-05-20T00:00:00+02:00", "2026-05-28T17:00:00+02:00")
    assert (old.title, new.title) == ("Une conférence en ligne", "Annulée\u202f: Une conférence en ligne")
    assert new.content[0].value.startswith("<p><strong>Annulée")
    assert after.feed.updated == "2026-05-28T17:00:00+02:00"
    english = feedparser.parse(upconf(fixture_site(tmp_path / "c"), "en", "rss"))
    assert next(e for e in english.entries if "reportee" in e.id).title == \
        "Postponed to Thursday, 2 July 2026: A postponed conference"


QUESTION = {"magazine/2025/premier-article.fr.md": ("title: Un premier article sur l’été à l’écran",
                                                     "title: « Un premier article » sur l’été ?")}


def test_french_feeds_get_french_spacing_as_pages_do(tmp_path):
    """A feed reader wraps lines where it likes: the space before '?' or ':' must not break (U+202F)."""
    site = edited_site(tmp_path, QUESTION)
    for data in (feed_map(site)["magazine/atom.xml"], feed_map(site)["magazine/rss.xml"]):
        [entry] = [e for e in feedparser.parse(data).entries if "premier-article" in e.id]
        assert entry.title == "«\u202fUn premier article\u202f» sur l’été\u202f?"
    english = feedparser.parse(feed_map(site, "en")["magazine/atom.xml"])
    assert all("\u202f" not in e.title for e in english.entries)
    for lang, title in (("fr", "Annulée\u202f: Une conférence annulée"), ("en", "Cancelled: A cancelled conference")):
        calendar_feed = {f.path.rsplit("/", 1)[-1]: f.data for f in upconf_feeds(site, lang)}["atom.xml"]
        titles = [e.title for e in feedparser.parse(calendar_feed).entries]
        assert title in titles, titles
