"""Feeds: stable ids, dates from the content, identical bytes, absolute links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser

from portal.clock import PARIS
from portal.feeds import absolute_links, magazine_feeds
from portal.site import SiteSettings, load_site
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
