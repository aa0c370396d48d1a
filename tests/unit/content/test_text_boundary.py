"""No invisible control character gets past the reading boundary, even past a loader that forgot to report it:
the feeds and calendars made from hostile content parse, and hold none."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import feedparser
import icalendar
import pytest

from portal.content.clock import PARIS
from portal.content.fields import Fields
from portal.content.site import SiteSettings, load_site
from portal.content.yamlsource import CONTROL
from portal.outputs import calendar
from portal.outputs.feeds import magazine_feeds, upconf_feeds
from support import FIXTURES

HOSTILE = "\x0b\x0c\x1b\x7f\x85\x9f"


def hostile_site(tmp_path: Path):
    """The fixture with control characters in titles, bodies, registries and conferences, typed and escaped."""
    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)

    def edit(path: str, old: str, new: str) -> None:
        file = tmp_path / path
        text = file.read_text(encoding="utf-8")
        assert old in text, old
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    edit("magazine/2025/premier-article.fr.md", "title: Un premier article sur l’été à l’écran",
         'title: "Un\\vpremier\\e article sur l’été à l’écran"')
    edit("magazine/2025/premier-article.fr.md", "---\n\n", f"---\n\nCorps {HOSTILE} collé.\n\n")
    edit("magazine/tags.yml", "{fr: Patrimoine,", '{fr: "Patri\\x1bmoine",')
    edit("magazine/authors.yml", "name: Camille Essai", f"name: Camille{HOSTILE} Essai")
    for conference in (tmp_path / "upconf").glob("*.yml"):
        text = conference.read_text(encoding="utf-8")
        conference.write_text(text.replace("title:", f"# {HOSTILE}\ntitle:", 1) + f"# fin {HOSTILE}\n",
                              encoding="utf-8")
        text = conference.read_text(encoding="utf-8")
        conference.write_text(re.sub(r"^title:.*$", lambda _: 'title: {fr: "Une\\vconférence", en: "A\\x1b talk"}', text,
                                     count=1, flags=re.M), encoding="utf-8")
    return load_site(SiteSettings(tmp_path, tmp_path / "content", "https://portal.test/",
                                  now=dt.datetime(2026, 6, 1, tzinfo=PARIS)))


def outputs(site) -> dict[str, str | bytes]:
    made: dict[str, str | bytes] = {}
    for lang in ("fr", "en"):
        contents = {a.src_uri: f"<p>{a.body}</p>" for a in site.articles.in_language(lang)}
        made.update({f"{lang}/{f.path}": f.data for f in magazine_feeds(site, lang, contents)})
        made.update({f"{lang}/{f.path}": f.data for f in upconf_feeds(site, lang)})
        if site.conferences:
            made[f"{lang}/upconf.ics"] = calendar.subscription(site, lang)
    return made


def assert_clean(made: dict[str, str | bytes]) -> None:
    for path, data in made.items():
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        assert not CONTROL.search(text), path
        if path.endswith(".ics"):
            assert icalendar.Calendar.from_ical(data).walk("VEVENT") is not None
        elif path.endswith(".json"):  # JSON Feed
            assert json.loads(text)["items"] is not None, path
        else:
            assert not feedparser.parse(data).bozo, path


def test_hostile_items_are_reported_and_left_out(tmp_path):
    site = hostile_site(tmp_path)
    messages = [str(p) for p in site.problems]
    assert any(m.startswith("magazine/2025/premier-article.fr.md:2: title: invisible control character U+000B")
               for m in messages), messages
    assert "magazine/tags.yml:1: patrimoine.fr: invisible control character U+001B; remove it " \
           "(written as a backslash escape in the quoted text: remove the escape)" in messages
    assert "magazine/2025/premier-article.fr.md" not in {a.source for a in site.magazine.articles}
    assert "patrimoine" not in site.magazine.tags and "medias" in site.magazine.tags
    assert not site.conferences  # every conference's French title holds one
    assert not site.magazine.articles  # every article names the author whose name holds some


def test_writers_never_get_one_even_when_a_loader_forgets_to_report(tmp_path, monkeypatch):
    monkeypatch.setattr(Fields, "controls", lambda self, *sub: False)  # a loader that reports nothing
    monkeypatch.setattr("portal.content.magazine.control_problems", lambda *args, **kwargs: [])
    site = hostile_site(tmp_path)
    assert any(a.source == "magazine/2025/premier-article.fr.md" for a in site.magazine.articles)
    assert site.conferences and "patrimoine" in site.magazine.tags  # kept, so they reach the writers…
    made = outputs(site)
    assert any(path.endswith(".ics") for path in made) and any(path.endswith("atom.xml") for path in made)
    assert any("Unpremier article" in (d if isinstance(d, str) else d.decode()) for d in made.values())
    assert_clean(made)  # …without a single control character


@pytest.mark.parametrize("text", ["a\x00b", "a\x08b", "a\x0bb", "a\x0cb", "a\x0eb", "a\x1fb", "a\x7fb", "a\x80b",
                                  "a\x9fb", "a\ufffeb", "a\uffffb", "a\ud800b", "a\udfffb"])
def test_every_forbidden_character_is_caught(text):
    assert CONTROL.search(text)


@pytest.mark.parametrize("text", ["a\tb", "a\nb", "a\r\nb", "a\u00a0b", "a\u2028b", "é’«»", "\U0001F600"])
def test_ordinary_characters_pass(text):
    assert not CONTROL.search(text)


def test_a_file_name_with_a_control_character_is_refused(tmp_path):
    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    (tmp_path / "magazine/2025/premier-article.fr.md").rename(tmp_path / "magazine/2025/premier\x0b-article.fr.md")
    (tmp_path / "content/contact.fr.md").rename(tmp_path / "content/con\x1btact.fr.md")
    site = load_site(SiteSettings(tmp_path, tmp_path / "content", "https://portal.test/",
                                  now=dt.datetime(2026, 6, 1, tzinfo=PARIS)))
    messages = [str(p) for p in site.problems]
    assert "magazine/2025/premier\ufffd-article.fr.md: the file name holds an invisible control character U+000B " \
           "(rename the file)" in messages
    assert "content/con\ufffdtact.fr.md: the file name holds an invisible control character U+001B " \
           "(rename the file)" in messages
    assert not any(CONTROL.search(a.id + a.source) for a in site.magazine.articles)
    assert not any(CONTROL.search(p.source + p.src_uri) for p in site.pages)
