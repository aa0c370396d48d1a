"""What makes the real site fast on a phone, checked on what is written and what the browser does.

The Lighthouse scores themselves are a benchmark (``bench/lighthouse.py``), never a test: these
checks are the causes, each able to fail on its own. The pages are minified; no page loads
Material's JavaScript bundle; the two preloaded faces are the ones the first screen draws with;
an article's cover is fetched first, never lazily; the subset fonts hold every character the
pages show.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from fontTools.ttLib import TTFont
from playwright.sync_api import expect
from test_browser import browsing, open_page

from portal.outputs.minify import minified_html
from support import REPO

PHONE = {"width": 390, "height": 844}
ARTICLE = "magazine/2025/plaidoyer-culture-quatre-propositions/"  # with a cover
FONTS = REPO / "overrides" / "assets" / "fonts"
#: Characters the subset fonts leave to the system's: arrows, drawn by any font well enough.
SYSTEM_DRAWN = {"\u2190", "\u2192"}


class _VisibleText(HTMLParser):
    """The characters of a page's text, not of its code, scripts or styles."""

    SKIPPED = ("script", "style", "template", "code", "pre", "kbd", "samp", "svg")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chars: set[str] = set()
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._skip += tag in self.SKIPPED

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in self.SKIPPED and self._skip > 0

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.chars.update(data)


def test_every_page_is_minified_and_loads_no_material_bundle(served_real_site):
    pages = served_real_site.pages()
    assert len(pages) > 100
    not_minified = [p for p in pages if minified_html(text := (served_real_site.root / p).read_text("utf-8")) != text]
    bundled = [p for p in pages if re.search(r'<script src="[^"]*bundle\.[0-9a-f]+\.min\.js"',
                                             (served_real_site.root / p).read_text("utf-8"))]
    assert not_minified == [], f"pages written with the templates' whitespace: {not_minified[:5]}"
    assert bundled == [], f"pages loading Material's bundle: {bundled[:5]}"


def test_the_preloaded_fonts_are_the_first_screens(chromium, served_real_site):
    with browsing(chromium, served_real_site.url, viewport=PHONE) as context:
        page, load = open_page(context, served_real_site.url + ARTICLE, wait_until="load")
        preloaded = page.locator("link[rel=preload][as=font]").evaluate_all("links => links.map(l => l.href)")
        assert len(preloaded) == 2, preloaded
        fetched = [r.url for r in load.requests if r.resource_type == "font"]
        assert all(fetched.count(url) == 1 for url in preloaded), f"a preloaded font fetched again: {fetched}"
        used = page.evaluate("""() => document.fonts.ready.then(set => [...set]
            .filter(face => face.status === 'loaded').map(face => `${face.family.replace(/"/g, '')} ${face.weight}`))""")
    assert {"Source Sans 3 400", "Fraunces 700"} <= set(used), used
    assert {Path(url).name for url in preloaded} == {"source-sans-3-latin-400-normal.woff2",
                                                     "fraunces-latin-700-normal.woff2"}


def test_an_articles_cover_is_fetched_first_and_listing_covers_lazily(chromium, served_real_site):
    with browsing(chromium, served_real_site.url, viewport=PHONE) as context:
        page, _ = open_page(context, served_real_site.url + ARTICLE, wait_until="load")
        cover = page.locator("figure.portal-cover img")
        expect(cover).to_have_attribute("fetchpriority", "high")
        assert cover.get_attribute("loading") is None
        assert page.evaluate("() => document.querySelector('figure.portal-cover img').complete")
        page, _ = open_page(context, served_real_site.url + "magazine/", wait_until="load")
        cards = page.locator("img.portal-article__cover")
        assert cards.count() > 1
        assert set(cards.evaluate_all("imgs => imgs.map(i => i.loading)")) == {"lazy"}
        assert page.locator("img[fetchpriority]").count() == 0


def test_the_subset_fonts_hold_every_character_the_pages_show(served_real_site):
    shown: set[str] = set()
    for path in served_real_site.pages():
        parser = _VisibleText()
        parser.feed((served_real_site.root / path).read_text("utf-8"))
        shown |= parser.chars
    assert {"é", "œ", "«", "\u202f", "’"} <= shown  # French text, with its typography
    for font in sorted(FONTS.glob("*.woff2")):
        cmap = TTFont(font).getBestCmap()
        missing = sorted(c for c in shown - SYSTEM_DRAWN if c.isprintable() and not c.isspace() and ord(c) not in cmap)
        missing += [f"U+{ord(c):04X}" for c in shown & {"\u00a0", "\u202f"} if ord(c) not in cmap]
        assert missing == [], f"{font.name} lacks {missing}"
