"""The real site as a reader meets it in Chromium: the phone menu, reflow at 320 px, the
skip link and the keyboard focus, the 404 of each language, the magazine's archives, and
no placeholder text anywhere.

Each check is a helper that is also run on ``broken_pages/reader.html``, where it is seen
to fail. Browsing goes through test_browser's gate (no request leaves the machine); the browser
and the broken pages are conftest.py's session fixtures, shared with test_browser.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect
from test_browser import browsing, open_page

from portal.editors.placeholders import find as find_placeholders

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 700}
DESKTOP = {"width": 1366, "height": 900}
TAB_STOPS = 20  #: Tab stops checked per page (header, menu, and into the content)

#: One page of every type, in both languages.
PAGE_TYPES = [
    "", "en/",                                                     # home
    "mission/", "en/mission/",                                     # hand-written page
    "structures/", "en/structures/",                               # directory
    "structures/h7/", "en/structures/h7/",                         # a structure
    "magazine/", "en/magazine/",                                   # magazine home
    "magazine/2025/plaidoyer-culture-quatre-propositions/",        # an article
    "en/magazine/2025/plaidoyer-culture-quatre-propositions/",
    "magazine/themes/patrimoine/", "en/magazine/tags/patrimoine/",  # a topic
    "magazine/2025/", "en/magazine/2025/",                         # a year's archive
    "magazine/numeros/", "en/magazine/issues/",                    # the print issues
    "magazine/numeros/1/", "en/magazine/issues/1/",                # one print issue
    "upconf/", "en/upconf/",                                       # #UpConf
    "upconf/2026-12-10-chacun-au-coeur-de-l-education-artistique/",  # a conference
    "en/upconf/2026-12-03-accompagner-les-porteurs-de-projets-culturels/",  # a cancelled one
    "404.html", "en/404.html",                                     # not found
]


def page_id(path: str) -> str:
    return "/" + path


# -- helpers (each also run on the broken page) ----------------------------------------------------

def sideways_overflow(page: Page) -> int:
    """How many CSS pixels the page scrolls sideways (0 when it reflows)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


def too_wide(page: Page) -> list[str]:
    """The elements sticking out of the viewport on the right (to say what to fix)."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > width + 0.5 && !e.closest('.md-sidebar--primary, .md-search'))
          .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`);
    }""")


FOCUS_STATE = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const style = getComputedStyle(e), box = e.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow && style.boxShadow !== 'none';
    return {name: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className}`,
            text: (e.textContent || '').trim().slice(0, 40), width: box.width, height: box.height,
            visible: style.visibility !== 'hidden', indicated: outline || ring};
}"""


def invisible_focus(page: Page, stops: int = TAB_STOPS) -> list[str]:
    """The Tab stops, among the first ``stops``, where a sighted keyboard user cannot see the focus."""
    problems = []
    for number in range(1, stops + 1):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            break  # past the last stop
        if not state["indicated"] or state["width"] < 1 or state["height"] < 1 or not state["visible"]:
            problems.append(f"Tab {number}: {state['name']} '{state['text']}' "
                            f"({state['width']:.0f}x{state['height']:.0f}, indicated={state['indicated']})")
    return problems


def skip_link_problems(page: Page) -> list[str]:
    """Whether the first Tab stop is a skip link that lands at the start of the main content, before the title."""
    page.keyboard.press("Tab")
    link = page.evaluate("() => { const e = document.activeElement; return e && e.tagName === 'A' ? e.getAttribute('href') : null; }")
    if not link or not link.startswith("#") or len(link) < 2:
        return [f"first Tab stop is not a skip link (href={link!r})"]
    problems = []
    target = page.locator(f"[id='{link[1:]}']")
    if target.count() != 1:
        return [f"skip link target {link} not found"]
    if page.locator(f"[id='{link[1:]}'] h1").count() != 1:
        problems.append(f"skip link target {link} does not hold the page's title (it lands past it)")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate(f"""() => {{
        const e = document.activeElement, target = document.getElementById({link[1:]!r});
        return target.contains(e) || (!!e.closest('main') && !e.closest('.md-sidebar, nav.md-tabs, header'));
    }}""")
    if not inside:
        problems.append("after the skip link, Tab does not continue in the main content")
    return problems


class _Text(HTMLParser):
    """The text a reader can see in an HTML page: no scripts, styles or templates."""

    def __init__(self, skipped: tuple[str, ...] = ("script", "style", "template")) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipped = skipped
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.skipped:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipped and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_placeholders(html_text: str) -> list[str]:
    """Placeholder phrases in the visible text and the meta description of an HTML page."""
    parser = _Text()
    parser.feed(html_text)
    descriptions = re.findall(r'<meta name="description" content="([^"]*)"', html_text)
    return find_placeholders(re.sub(r"\s+", " ", " ".join(parser.parts + descriptions)))


#: French typography: a plain or no-break space before : ; ? ! or inside « », in rendered text.
WRONG_FRENCH_SPACE = re.compile(r".{0,25}(?:[ \u00a0][:;?!]|«[ \u00a0]|[ \u00a0]»|«\w|\w»).{0,25}")


def french_spacing_mistakes(html_text: str) -> list[str]:
    """Where the visible text of a French page (not its code) breaks the spacing rules."""
    parser = _Text(("script", "style", "template", "code", "pre", "kbd", "samp", "textarea"))
    parser.feed(html_text)
    return [m.group(0) for part in parser.parts for m in WRONG_FRENCH_SPACE.finditer(part)]


# -- the helpers fail on a broken page ---------------------------------------------------------------

def test_checks_report_the_broken_page(chromium, broken_pages):
    with browsing(chromium, broken_pages, viewport=NARROW) as context:
        page, _ = open_page(context, broken_pages + "reader.html")
        assert sideways_overflow(page) == 16
        assert any("div.card" in element for element in too_wide(page))
    with browsing(chromium, broken_pages, viewport=DESKTOP) as context:
        page, _ = open_page(context, broken_pages + "reader.html")
        assert skip_link_problems(page) == ["skip link target #a not found"]
        page.reload()
        problems = invisible_focus(page)
        assert [p.split(":")[0] for p in problems] == ["Tab 2", "Tab 3"], problems
        assert "a#no-outline" in problems[0] and "div#zero" in problems[1]
    text = (Path(__file__).parent / "broken_pages" / "reader.html").read_text(encoding="utf-8")
    assert page_placeholders(text) == ["plus complète sera proposée ultérieurement"]
    assert french_spacing_mistakes(text) == ["Cassée exprès : lecture"]


# -- the real site -----------------------------------------------------------------------------------

@pytest.mark.parametrize("home", ["", "en/"], ids=["fr", "en"])
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_phone_menu_on_the_home_page_opens_with_its_links(chromium, served_real_site, home, javascript):
    with browsing(chromium, served_real_site.url, viewport=PHONE, java_script_enabled=javascript) as context:
        page, _ = open_page(context, served_real_site.url + home, wait_until="load")
        page.locator("label.md-header__button[for='__drawer']").click()
        drawer = page.locator(".md-sidebar--primary")
        expect(drawer).to_be_visible()
        expect(drawer.locator(".md-nav__link").first).to_be_in_viewport()
        links = drawer.locator("a.md-nav__link:visible")
        assert links.count() >= 4, "the drawer should list the sections of the site"
        # The drawer slides in (a 0.25 s transition): expect() waits until it is wholly on screen.
        expect(drawer).to_be_in_viewport(ratio=0.99)
        box = drawer.bounding_box()
        assert box and box["width"] > 200, f"the drawer should be a readable column: {box}"


@pytest.mark.parametrize("path", PAGE_TYPES, ids=page_id)
def test_reflows_at_320_px_and_skips_to_the_content(chromium, served_real_site, path):
    with browsing(chromium, served_real_site.url, viewport=NARROW) as context:
        page, _ = open_page(context, served_real_site.url + path, wait_until="load")
        overflow = sideways_overflow(page)
        assert overflow == 0, f"/{path} scrolls {overflow} px sideways at 320 px: {too_wide(page)}"
        assert skip_link_problems(page) == []


#: The focus is drawn by the same templates and styles in both languages: one language per page type.
FOCUS_PAGES = [path for path in PAGE_TYPES if not path.startswith("en/")]


@pytest.mark.parametrize("path", FOCUS_PAGES, ids=page_id)
def test_every_tab_stop_shows_the_focus(chromium, served_real_site, path):
    with browsing(chromium, served_real_site.url, viewport=DESKTOP) as context:
        page, _ = open_page(context, served_real_site.url + path, wait_until="load")
        assert invisible_focus(page) == []


@pytest.mark.parametrize("lang, other, title, words", [
    ("fr", "en", "Page introuvable", "Revenir à l’accueil"),
    ("en", "fr", "Page not found", "Back to the home page")], ids=["fr", "en"])
def test_each_language_has_its_own_404(chromium, served_real_site, lang, other, title, words):
    prefix = "" if lang == "fr" else "en/"
    home = served_real_site.url + prefix
    with browsing(chromium, served_real_site.url, viewport=DESKTOP) as context:
        page, _ = open_page(context, served_real_site.url + prefix + "404.html")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("h1")).to_have_text(title)
        assert page.title().startswith(title)
        back = page.get_by_role("link", name=words)
        assert urljoin(page.url, back.get_attribute("href")) == home
        field = page.locator(".portal-notfound__search input[name=q]")
        expect(field).to_be_visible()
        switcher = page.locator(f"a.portal-switcher__link[hreflang='{other}']").first
        assert urljoin(page.url, switcher.get_attribute("href")) == served_real_site.url + ("en/" if other == "en" else "")
        field.fill("Lyon")
        field.press("Enter")
        page.wait_for_url(re.compile(r"\?q=Lyon"))  # the home page of the language, its search dialog open
        expect(page.locator("#portal-search-query")).to_have_value("Lyon")
        expect(page.locator(".portal-search__result").first).to_be_visible()
        found = page.locator(".portal-search__link").evaluate_all("links => links.map(a => a.href)")
        assert all(href.startswith(home) and (lang == "en" or "/en/" not in href) for href in found), found


@pytest.mark.parametrize("prefix, issues", [("", "numeros"), ("en/", "issues")], ids=["fr", "en"])
def test_every_archive_is_reachable_from_the_magazine_home(chromium, served_real_site, prefix, issues):
    magazine = served_real_site.root / prefix / "magazine"
    years = sorted(p.name for p in magazine.iterdir() if p.name.isdigit() and (p / "index.html").is_file())
    numbers = sorted(p.name for p in (magazine / issues).iterdir() if p.name.isdigit())
    base = served_real_site.url + prefix + "magazine/"
    wanted = {base + f"{year}/" for year in years} | {base + f"{issues}/"} | {base + f"{issues}/{n}/" for n in numbers}
    assert years and numbers, "the real magazine has year archives and print issues"
    with browsing(chromium, served_real_site.url, viewport=DESKTOP) as context:
        page, _ = open_page(context, base)
        links = set(page.locator("main a[href]").evaluate_all("links => links.map(a => a.href)"))
    assert wanted - links == set(), f"not linked from the magazine home: {sorted(wanted - links)}"


def test_no_placeholder_text_on_any_page(served_real_site):
    found = {}
    for path in served_real_site.pages():
        phrases = page_placeholders((served_real_site.root / path).read_text(encoding="utf-8"))
        if phrases:
            found[path] = phrases
    assert len(served_real_site.pages()) > 100
    assert found == {}, f"placeholder text published: {found}"


def test_french_pages_follow_french_spacing(served_real_site):
    french = [p for p in served_real_site.pages() if not p.startswith("en/") and p.endswith(".html")]
    found = {}
    for path in french:
        mistakes = french_spacing_mistakes((served_real_site.root / path).read_text(encoding="utf-8"))
        if mistakes:
            found[path] = mistakes[:3]
    assert len(french) > 50
    assert found == {}, f"plain spaces where French needs a narrow no-break space: {found}"
