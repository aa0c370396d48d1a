"""The text boundary as readers, feed readers and search see the built site: hostile text in several items at
once (one preview build, one strict build). Raw HTML is removed from pages, feeds and search; a control
character leaves its item out; the shortcodes' blocks (the theme's own HTML) are intact."""

from __future__ import annotations

import re

import feedparser
import pytest
from lxml import html as lxml_html

from cases import ARTICLE, STRUCTURE, s
from portal.content.yamlsource import CONTROL
from support import make_site, run_build, search_records, write

HOSTILE = {
    "magazine/2025/balises.fr.md": s(ARTICLE, "title: Un article", "title: Des balises") + (
        "\n<script>alert('page')</script>\n\n<img src=atelier.jpg onerror=alert(2)>\n\n"
        "[un lien](javascript:alert(3)) et [un autre](data:text/html;base64,PHNjcmlwdD4=)\n\n"
        "![Une vue](https://tracker.example/vue.png)\n\n<iframe src=\"https://evil.example/\"></iframe>\n"),
    "magazine/2025/colle.fr.md": s(ARTICLE, "title: Un article", "title: Un texte collé") + "Ligne\x0bcoupée.\n",
    "structures/gamma.yml": s(STRUCTURE, "description: {fr: Texte., en: Text.}",
                              "description:\n  fr: |\n    Texte <style>body{display:none}</style> sûr.\n  en: Text."),
    "content/notes.fr.md": ("---\ntitle: Notes\ndescription: Une page de notes.\n---\n\n<!-- portal:key-figures -->\n\n"
                            "<!-- portal:video youtube=a1B2c3D4e5F title=\"Une vidéo\" -->\n\n"
                            "<figure class=\"portal-video\" data-portal-video=\"https://evil.example/\"></figure>\n\n"
                            "<a href=\"contact.md\" onmouseover=\"alert(4)\">Contact</a>\n"),
}
WARNINGS = [
    "magazine/2025/balises.fr.md:12: body: HTML element <script> removed",
    "magazine/2025/balises.fr.md:14: body: HTML attribute 'onerror' removed from <img>",
    "magazine/2025/balises.fr.md:16: body: link to 'javascript:alert(3)' removed",
    "magazine/2025/balises.fr.md:16: body: link to 'data:text/html;base64,PHNjcmlwdD4=' removed",
    "magazine/2025/balises.fr.md:18: body: image from another site removed: 'https://tracker.example/vue.png'",
    "magazine/2025/balises.fr.md:20: body: HTML element <iframe> removed",
    "magazine/2025/colle.fr.md:11: body: invisible control character U+000B; remove it",
    "structures/gamma.yml:7: description.fr: HTML element <style> removed",
    "content/notes.fr.md:10: body: HTML attribute 'data-portal-video' removed from <figure>",
    "content/notes.fr.md:12: body: HTML attribute 'onmouseover' removed from <a>",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    config = make_site(root / "src", extra={"portal": {"page_size": 1, "social_cards": False}})
    for path, text in HOSTILE.items():
        write(root / "src", path, text)
    return config, run_build(config, root / "site", strict=False)


def test_preview_names_each_removal_and_publishes_the_pages(hostile):
    _, build = hostile
    assert build.returncode == 0 and "Traceback" not in build.log, build.log
    for warning in WARNINGS:
        assert warning in build.log, f"{warning}\n{build.log}"
    assert (build.site / "magazine/2025/balises/index.html").exists()
    assert (build.site / "structures/gamma/index.html").exists()
    assert not (build.site / "magazine/2025/colle/index.html").exists()  # a control character: left out


def test_pages_hold_no_editor_script_handler_or_foreign_request(hostile):
    _, build = hostile
    for page in ("magazine/2025/balises/index.html", "structures/gamma/index.html", "notes/index.html"):
        tree = lxml_html.fromstring(build.read(page))
        body = tree.xpath("//article")[0] if tree.xpath("//article") else tree
        assert not body.xpath(".//script[not(@src) and contains(., 'alert')]"), page
        assert not body.xpath(".//iframe|.//style|.//@*[starts-with(name(), 'on')]"), page
        assert not [u for u in body.xpath(".//@href|.//@src") if re.match(r"\s*(javascript|data):", u, re.I)], page
        assert not body.xpath(".//img[contains(@src, 'tracker.example')]"), page
    notes = lxml_html.fromstring(build.read("notes/index.html"))
    [video] = notes.xpath("//figure[@data-portal-video]")  # the shortcode's block, not the forged one
    assert video.get("data-portal-video").startswith("https://www.youtube-nocookie.com/embed/a1B2c3D4e5F")
    assert notes.xpath("//ul[@class='portal-figures']/li")


def test_feeds_and_search_get_the_cleaned_body(hostile):
    _, build = hostile
    for feed in ("magazine/rss.xml", "magazine/atom.xml"):
        data = build.read(feed)
        assert not CONTROL.search(data)
        parsed = feedparser.parse(data)
        assert not parsed.bozo, feed
        [entry] = [e for e in parsed.entries if e.title == "Des balises"]
        content = entry.content[0].value if "content" in entry else entry.description
        assert "alert" not in content and "tracker.example" not in content and "<iframe" not in content
    records = [record for records in search_records(build.site).values() for record in records]
    assert any(record["meta"]["title"] == "Des balises" for record in records)  # indexed, cleaned
    texts = " ".join(record["content"] for record in records)
    assert "alert('page')" not in texts and "display:none" not in texts
    assert "Ligne" not in texts  # the left-out article is nowhere


def test_strict_build_fails_on_each_removal(hostile, tmp_path):
    config, _ = hostile
    build = run_build(config, tmp_path / "strict", strict=True)
    assert build.returncode != 0 and "Traceback" not in build.log
    for warning in WARNINGS:
        assert warning in build.log
