"""The built site as a reader's browser sees it: Debian's Chromium driven by Playwright.

Accessibility (axe-core), requests (no other host, no 4xx/5xx, no script error),
page weight, and a reader's paths (language switcher, structures filter with the
keyboard, search per language, the directory without JavaScript).

Every check is a helper used both on the real site and on the hand-made pages of
``broken_pages/``, where it is seen to fail. Requests to any host other than the
served one are aborted (and recorded), so no test reaches the network.
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import material
import pytest
from lxml import html
from playwright.sync_api import Browser, BrowserContext, Error, Page, Request, Response, Route, expect

from portal.text import l10n
from served import free_port, serve
from support import REPO, search_records

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"

#: One page of each type, in both languages (paths relative to the site root).
SAMPLED_PAGES = [
    "", "en/",                                  # home
    "mission/", "en/mission/",                  # hand-written pages
    "a-propos/", "en/about/",
    "structures/", "en/structures/",            # structures directory
    "structures/h7/", "en/structures/h7/",      # one structure
    "magazine/", "en/magazine/",                # magazine home (with an untranslated article's badge)
    "magazine/2025/plaidoyer-culture-quatre-propositions/",  # an article, with cover
    "en/magazine/2025/plaidoyer-culture-quatre-propositions/",
    "magazine/themes/patrimoine/", "en/magazine/tags/patrimoine/",  # a tag listing
    "magazine/numeros/1/", "en/magazine/issues/1/",  # a print issue
    "upconf/", "en/upconf/",                    # #UpConf home
    "upconf/2026-12-03-accompagner-les-porteurs-de-projets-culturels/",  # a cancelled conference
    "en/upconf/2026-06-18-ouvrir-la-citadelle/",  # a postponed one
    "404.html", "en/404.html",                  # not found
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
IMPACTS = ("critical", "serious", "moderate", "minor")
BLOCKING_IMPACTS = ("critical", "serious")
STRUCTURES = len(list((REPO / "structures").glob("*.yml")))
CARDS = "li.portal-card--structure"


def page_id(path: str) -> str:
    """A readable test id for a page path: '/', '/en/about/'…"""
    return "/" + path


# -- fixtures ------------------------------------------------------------------------------------

# The browser and the broken pages are session fixtures of conftest.py (shared with test_reader.py).


# -- loading a page and recording what it does ---------------------------------------------------

def is_allowed(url: str, base_url: str) -> bool:
    """Whether the browser may fetch ``url``: the served host itself, or inline data."""
    if url.startswith("data:"):
        return True
    return urlsplit(url).netloc == urlsplit(base_url).netloc


@contextmanager
def browsing(browser: Browser, base_url: str, **options: object) -> Iterator[BrowserContext]:
    """A fresh browser context where every request to another host than ``base_url``'s is aborted.

    Aborted requests are still issued as far as the page is concerned, so they are
    recorded by :func:`open_page` and reported by :func:`load_problems`.
    """
    context = browser.new_context(**options)

    def gate(route: Route) -> None:
        if is_allowed(route.request.url, base_url):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", gate)
    try:
        yield context
    finally:
        context.close()


@dataclass
class PageLoad:
    """Everything one page load did: requests, responses, console errors, uncaught exceptions."""

    url: str
    requests: list[Request] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def open_page(context: BrowserContext, url: str, wait_until: str = "networkidle") -> tuple[Page, PageLoad]:
    """Open ``url`` in a new tab of ``context``, recording its activity until ``wait_until``."""
    page = context.new_page()
    load = PageLoad(url)
    page.on("request", lambda request: load.requests.append(request))
    page.on("response", lambda response: load.responses.append(response))
    page.on("console", lambda message: message.type == "error" and load.console_errors.append(
        f"{message.text} (at {message.location.get('url') or url})"))
    page.on("pageerror", lambda error: load.page_errors.append(f"{error.name}: {error.message}"))
    page.goto(url, wait_until=wait_until)
    return page, load


def load_problems(load: PageLoad, base_url: str) -> list[str]:
    """What went wrong while loading: other hosts asked, 4xx/5xx answers, console errors, page errors."""
    problems = [f"request to another host: {r.url}" for r in load.requests if not is_allowed(r.url, base_url)]
    problems += [f"HTTP {r.status}: {r.url}" for r in load.responses if r.status >= 400]
    problems += [f"console error: {text}" for text in load.console_errors]
    problems += [f"page error: {text}" for text in load.page_errors]
    return problems


def page_weight(load: PageLoad) -> tuple[int, int]:
    """Bytes of every response body received during the load, and the number of requests made."""
    total = 0
    for response in load.responses:
        try:
            total += len(response.body())
        except Error:  # a redirect or a body the browser did not keep: fall back on its reported size
            total += max(response.request.sizes()["responseBodySize"], 0)
    return total, len(load.requests)


# -- accessibility -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Violation:
    """One axe-core rule failed on a page, with the elements where it fails."""

    rule: str
    impact: str
    targets: tuple[str, ...]
    page: str

    def __str__(self) -> str:
        return f"{self.rule} [{self.impact}] on {self.page}: {', '.join(self.targets)}"


def _selector(target: list) -> str:
    """An axe node target (a path through frames and shadow roots) as one string."""
    return " >>> ".join(part if isinstance(part, str) else " >> ".join(part) for part in target)


def axe_violations(page: Page, label: str) -> list[Violation]:
    """Inject axe-core into ``page``, run it on the whole document and return every violation."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [Violation(v["id"], v["impact"] or "unknown", tuple(_selector(n["target"]) for n in v["nodes"]), label)
            for v in results["violations"]]


def blocking(violations: list[Violation]) -> list[Violation]:
    """The violations that must not ship: impact serious or critical."""
    return [v for v in violations if v.impact in BLOCKING_IMPACTS]


def impact_summary(violations: list[Violation]) -> str:
    """'critical=0 serious=1 moderate=0 minor=0 (1 element)': rules failed per impact, elements in all."""
    counts = Counter(v.impact for v in violations)
    elements = sum(len(v.targets) for v in violations)
    by_impact = " ".join(f"{impact}={counts[impact]}" for impact in IMPACTS)
    return f"{by_impact} ({elements} element{'s' * (elements != 1)})"


# -- a reader's keyboard ---------------------------------------------------------------------------

def focused_id(page: Page) -> str:
    """The id of the element that has the keyboard focus."""
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def choose_with_keyboard(page: Page, select_id: str, value: str) -> None:
    """Pick ``value`` in the focused ``<select id=select_id>`` with Home and ArrowDown only."""
    assert focused_id(page) == select_id, f"#{select_id} should have the focus, not #{focused_id(page)}"
    page.keyboard.press("Home")
    for _ in range(page.locator(f"#{select_id} option").count()):
        if page.locator(f"#{select_id}").input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{value!r} cannot be reached with the keyboard in #{select_id}")


# -- 1. accessibility ----------------------------------------------------------------------------

@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("path", SAMPLED_PAGES, ids=page_id)
def test_no_serious_accessibility_violation(chromium, served_real_site, path, viewport):
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS[viewport]) as context:
        page, _ = open_page(context, served_real_site.url + path)
        violations = axe_violations(page, f"/{path} ({viewport})")
    print(f"\naxe {viewport:7} /{path:20} {impact_summary(violations)}")
    serious = blocking(violations)
    assert not serious, "axe violations of impact serious or critical:\n" + "\n".join(map(str, serious))


def test_axe_check_reports_a_broken_page(chromium, broken_pages):
    with browsing(chromium, broken_pages, viewport=VIEWPORTS["desktop"]) as context:
        page, _ = open_page(context, broken_pages + "a11y.html")
        serious = blocking(axe_violations(page, "a11y.html"))
    assert {"image-alt", "button-name", "color-contrast"} <= {v.rule for v in serious}, serious
    assert {"#no-alt", "#no-name", "#faint"} <= {t for v in serious for t in v.targets}, serious
    assert all(v.page == "a11y.html" and v.impact in BLOCKING_IMPACTS for v in serious)


# -- 2. requests, answers and errors while loading ----------------------------------------------

@pytest.mark.parametrize("path", SAMPLED_PAGES, ids=page_id)
def test_page_loads_from_its_own_host_without_errors(chromium, served_real_site, path):
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS["desktop"]) as context:
        _, load = open_page(context, served_real_site.url + path)
        problems = load_problems(load, served_real_site.url)
    assert len(load.requests) > 1, "the page should at least load its stylesheets and scripts"
    assert problems == [], f"/{path}:\n" + "\n".join(problems)


def test_request_check_reports_other_hosts_missing_files_and_errors(chromium, broken_pages):
    with browsing(chromium, broken_pages, viewport=VIEWPORTS["desktop"]) as context:
        _, load = open_page(context, broken_pages + "external.html")
        problems = load_problems(load, broken_pages)
        external = [r for r in load.requests if urlsplit(r.url).hostname == "example.invalid"]
        assert external and all(r.failure for r in external), "requests to other hosts must be aborted"
    assert "request to another host: http://example.invalid/x.css" in problems, problems
    assert "request to another host: http://example.invalid/x.png" in problems, problems
    assert f"HTTP 404: {broken_pages}missing.js" in problems, problems
    assert any(p.startswith("console error:") for p in problems), problems
    assert any(p.startswith("page error:") and "notDefinedAnywhere" in p for p in problems), problems


# -- 3. page weight (a figure, not a budget) -------------------------------------------------------

@pytest.mark.parametrize("path, kind", [("", "home"),
                                        ("magazine/2025/plaidoyer-culture-quatre-propositions/", "article")],
                         ids=["home", "article"])
def test_page_weight_figure(chromium, served_real_site, path, kind):
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS["desktop"]) as context:
        _, load = open_page(context, served_real_site.url + path)
        size, requests = page_weight(load)
    print(f"\npage weight: /{path} ({kind}) {size / 1000:.1f} kB in {requests} requests")
    assert size > 0 and requests > 0


#: In the page: every element's computed style (and its ::before/::after boxes) with the stylesheet served, then
#: with Material's link pointed at ``other``; the elements whose style differs (the first 20).
COMPARE_STYLES = """async (other) => {
  const snapshot = () => [...document.querySelectorAll('*')].map(el => {
    const own = getComputedStyle(el); let text = el.tagName + '.' + el.getAttribute('class') + ' ';
    for (const name of own) text += name + ':' + own.getPropertyValue(name).replaceAll('\\\\3c ', '<') + ';';
    for (const pseudo of ['::before', '::after']) { const box = getComputedStyle(el, pseudo);
      for (const name of ['content', 'display', 'width', 'height', 'background-color', 'mask-image', 'position'])
        text += pseudo + name + ':' + box.getPropertyValue(name) + ';'; }
    return text; });
  const before = snapshot();
  const link = document.querySelector('link[rel=stylesheet][href*="/main."], link[rel=stylesheet][href^="main."]');
  await new Promise(done => { link.onload = done; link.onerror = done; link.href = other; });
  const after = snapshot();
  if (before.length !== after.length) return ['element count ' + before.length + ' != ' + after.length];
  return before.flatMap((text, i) => text === after[i] ? [] : [text.split(' ')[0]]).slice(0, 20);
}"""
MATERIAL_CSS = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))


def style_differences(context: BrowserContext, url: str, stylesheet: bytes) -> list[str]:
    """The elements of ``url`` whose computed style changes when Material's stylesheet becomes ``stylesheet``."""
    page = context.new_page()
    page.route("**/other-material.css", lambda route: route.fulfill(body=stylesheet, content_type="text/css"))
    page.goto(url, wait_until="load")
    found = page.evaluate(COMPARE_STYLES, url.split("://", 1)[0] + "://" + urlsplit(url).netloc + "/other-material.css")
    page.close()
    return found


@pytest.mark.parametrize("path, viewport", [("", "phone"), ("magazine/2025/plaidoyer-culture-quatre-propositions/", "desktop"),
                                            ("structures/", "phone"), ("en/upconf/2026-06-18-ouvrir-la-citadelle/",
                                                                       "desktop")], ids=page_id)
def test_trimmed_material_stylesheet_styles_every_element_as_the_full_one(chromium, served_real_site, path, viewport):
    """The build keeps only Material's rules the pages can use (portal.outputs.stylesheet_trim): the page must not see it."""
    served = (served_real_site.root / "assets" / "stylesheets" / MATERIAL_CSS.name).read_bytes()
    full = MATERIAL_CSS.read_bytes()
    assert len(served) < len(full) / 2, "the served stylesheet is trimmed"
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS[viewport]) as context:
        url = served_real_site.url + path
        assert style_differences(context, url, full) == [], (path, viewport)
        if not path:  # the comparison sees a missing rule: without Material's stylesheet, styles change
            assert style_differences(context, url, b""), "the comparison must be able to fail"


# -- 4. a reader's paths ----------------------------------------------------------------------------

def test_language_switcher_goes_to_the_english_translation(chromium, served_real_site):
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS["desktop"]) as context:
        page, _ = open_page(context, served_real_site.url + "engagements/")
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        page.locator("a.portal-switcher__link[hreflang='en']").click()
        page.wait_for_url(served_real_site.url + "en/commitments/", wait_until="load")
        expect(page.locator("html")).to_have_attribute("lang", "en")


def test_structures_filter_works_with_the_keyboard(chromium, served_real_site):
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS["desktop"]) as context:
        page, _ = open_page(context, served_real_site.url + "en/structures/")
        form = page.locator("form[data-portal-filter]")
        status = page.locator(".portal-filter__status")
        empty = page.locator("[data-portal-filter-empty]")
        listed = page.locator(f"{CARDS}:not([hidden])")
        seen = page.locator(f"{CARDS}:visible")
        expect(form).to_be_visible()
        expect(page.locator(CARDS)).to_have_count(STRUCTURES)

        page.focus("#filter-category")
        page.keyboard.press("Tab")
        choose_with_keyboard(page, "filter-city", "Lyon")
        expect(listed).to_have_count(1)
        expect(seen).to_have_count(1)
        expect(seen.locator("h3")).to_have_text("H7")
        expect(status).to_have_text("1 structure shown")
        expect(empty).to_be_hidden()

        page.keyboard.press("Shift+Tab")
        choose_with_keyboard(page, "filter-category", "integration")
        expect(listed).to_have_count(0)
        expect(seen).to_have_count(0)
        expect(status).to_have_text("0 structures shown")
        expect(empty).to_be_visible()

        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        expect(page.locator("button[type=reset]:focus")).to_have_count(1)
        page.keyboard.press("Enter")
        expect(listed).to_have_count(STRUCTURES)
        expect(seen).to_have_count(STRUCTURES)
        expect(status).to_have_text(f"{STRUCTURES} structures shown")
        expect(empty).to_be_hidden()


@pytest.mark.parametrize("home, english", [("en/", True), ("", False)], ids=["en", "fr"])
def test_search_stays_in_the_page_language(chromium, served_real_site, home, english):
    """The keyboard opens the search dialog; results are the page language's, with section and excerpt."""
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS["desktop"]) as context:
        page, _ = open_page(context, served_real_site.url + home)
        dialog = page.locator("dialog.portal-search")
        expect(dialog).to_be_hidden()
        page.keyboard.press("/")
        expect(dialog).to_be_visible()
        expect(page.locator("#portal-search-query")).to_be_focused()
        page.keyboard.type("Lyon")
        results = page.locator(".portal-search__result")
        expect(results.first).to_be_visible()
        expect(page.locator(".portal-search__status")).to_contain_text("pages found" if english else "pages trouvées")
        links = page.locator(".portal-search__link").evaluate_all("links => links.map(a => a.href)")
        sections = page.locator(".portal-search__section").all_inner_texts()
        marked = page.locator(".portal-search__excerpt mark").all_inner_texts()
        page.keyboard.press("Escape")
        expect(dialog).to_be_hidden()
    assert links, "search results should link somewhere"
    assert any(urlsplit(link).path.endswith("/structures/h7/") for link in links), links
    assert all(is_allowed(link, served_real_site.url) for link in links), links
    wrong = [link for link in links if urlsplit(link).path.startswith("/en/") != english]
    assert wrong == [], f"results in the other language from /{home}: {wrong}"
    assert len(sections) == len(links) and all(sections), sections
    assert marked and all(word.lower().startswith("lyon") for word in marked), marked


def test_search_finds_words_without_their_accents(chromium, served_real_site):
    """'theatre' finds 'théâtre': readers type without accents on phones."""
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS["phone"]) as context:
        page, _ = open_page(context, served_real_site.url)
        page.locator(".portal-search__open").click()
        page.locator("#portal-search-query").fill("theatre")
        expect(page.locator(".portal-search__result").first).to_be_visible()
        marked = page.locator(".portal-search__excerpt mark").all_inner_texts()
    assert any(word.lower().startswith("théâtre") for word in marked), marked


def test_search_counts_every_page_found_and_shows_more_on_demand(chromium, served_real_site):
    """Ten results at a time; the status gives the number of pages found, not of those shown; the button adds
    the next ten and takes the focus to the first of them."""
    query = "culture"
    total = len(pagefind_results(chromium, served_real_site.url, [query])[query])
    assert total > 10, f"{total} pages found: the test would prove little"
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS["phone"]) as context:
        page, _ = open_page(context, served_real_site.url)
        page.locator(".portal-search__open").click()
        page.locator("#portal-search-query").fill(query)
        results = page.locator(".portal-search__result")
        expect(results).to_have_count(10)
        expect(page.locator(".portal-search__status")).to_have_text(
            l10n.text("fr", "search.many", count=f"{total:,}".replace(",", " ")))
        more = page.locator(".portal-search__more")
        shown = 10
        while shown < total:
            expect(more).to_be_visible()
            expect(more).to_have_text(l10n.text("fr", "search.more"))
            more.click()
            expect(results).to_have_count(min(shown + 10, total))
            expect(results.nth(shown).locator("a")).to_be_focused()
            shown = min(shown + 10, total)
        expect(more).to_be_hidden()
        links = page.locator(".portal-search__link").evaluate_all("links => links.map(a => a.pathname)")
        # A new search starts again from its first ten.
        page.locator("#portal-search-query").fill("Lyon")
        expect(page.locator(".portal-search__status")).not_to_contain_text(str(total))
        expect(more).to_be_hidden()
    assert len(set(links)) == total


def test_a_new_search_is_not_held_up_by_the_last_ones_more_results(chromium, served_real_site):
    """The reader asks for more results, then types another search before they arrive: the new search's
    button works, and the late results of the old one are not added to it."""
    first, second = "culture", "patrimoine"
    found = pagefind_results(chromium, served_real_site.url, [first, second])
    assert len(found[first]) > 10 and len(found[second]) > 10, {query: len(urls) for query, urls in found.items()}
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS["desktop"]) as context:
        page, _ = open_page(context, served_real_site.url)
        page.locator(".portal-search__open").click()
        page.locator("#portal-search-query").fill(first)
        results, more = page.locator(".portal-search__result"), page.locator(".portal-search__more")
        expect(results).to_have_count(10)
        held: list[Route] = []
        holding = [True]

        def hold(route: Route) -> None:
            held.append(route) if holding[0] else route.continue_()

        page.route("**/pagefind/fragment/*", hold)  # the next ten's fragments wait
        with page.expect_request(lambda request: "/pagefind/fragment/" in request.url):
            more.click()
        holding[0] = False
        page.locator("#portal-search-query").fill(second)
        expect(page.locator(".portal-search__status")).to_have_text(l10n.text("fr", "search.loading"))
        for route in held:  # the old results arrive (the new search may be waiting for some of them too)
            route.continue_()
        expect(page.locator(".portal-search__status")).to_have_text(
            l10n.text("fr", "search.many", count=str(len(found[second]))))
        expect(results).to_have_count(10)
        expect(more).to_be_enabled()
        more.click()
        expect(results).to_have_count(min(20, len(found[second])))
        links = page.locator(".portal-search__link").evaluate_all("links => links.map(a => a.pathname)")
    assert links == found[second][:len(links)]


@pytest.mark.parametrize("home, lang", [("", "fr"), ("en/", "en")])
def test_search_keeps_to_the_section_chosen(chromium, served_real_site, home, lang):
    """The dialog's sections (radio buttons, by keyboard too) keep the results to one: only #UpConf's pages, with
    their number; 'everywhere' gives them all back."""
    query = "Lyon"
    everywhere = pagefind_results(chromium, served_real_site.url + home, [query])[query]
    conferences = [url for url in everywhere if url.startswith(f"/{home}upconf/")]
    assert conferences and len(conferences) < len(everywhere) <= 10, everywhere
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS["phone"]) as context:
        page, _ = open_page(context, served_real_site.url + home)
        page.locator(".portal-search__open").click()
        page.locator("#portal-search-query").fill(query)
        results, status = page.locator(".portal-search__result"), page.locator(".portal-search__status")
        expect(results).to_have_count(len(everywhere))
        choices = page.locator(".portal-search__sections input")
        expect(choices).to_have_count(5)  # everywhere, the magazine, #UpConf, the structures, the site's own pages
        page.get_by_label(l10n.text(lang, "upconf.title"), exact=True).check()
        expect(results).to_have_count(len(conferences))
        expect(status).to_have_text(l10n.text(lang, "search.many", count=str(len(conferences)))
                                    if len(conferences) > 1 else l10n.text(lang, "search.one"))
        shown = page.locator(".portal-search__link").evaluate_all("links => links.map(a => a.pathname)")
        sections = set(page.locator(".portal-search__section").all_inner_texts())
        page.get_by_label(l10n.text(lang, "upconf.title"), exact=True).focus()
        page.keyboard.press("ArrowLeft")  # the arrows move the choice: the magazine, then everywhere
        page.keyboard.press("ArrowLeft")
        expect(page.get_by_label(l10n.text(lang, "search.all"), exact=True)).to_be_checked()
        expect(results).to_have_count(len(everywhere))
    assert shown == conferences
    assert {text.lower() for text in sections} == {l10n.text(lang, "upconf.title").lower()}


#: Searches of the real site, by language: single words (one stem, several, accented) and two words together.
QUERIES = {"fr": ["culture", "Lyon", "theatre", "patrimoine", "jeunesse", "culture Lyon", "festival patrimoine"],
           "en": ["culture", "heritage", "reading", "Lyon", "culture heritage"]}


def pagefind_results(browser: Browser, url: str, queries: list[str]) -> dict[str, list[str]]:
    """Every result's URL, in order, of each query, through Pagefind's own script on the page at ``url``."""
    with browsing(browser, url) as context:
        page, _ = open_page(context, url)
        return page.evaluate("""async (queries) => {
            const pagefind = await import(new URL("/pagefind/pagefind.js", location.href).href);
            await pagefind.init();
            const found = {};
            for (const query of queries) {
                const search = await pagefind.search(query);
                found[query] = (await Promise.all(search.results.map(r => r.data()))).map(d => d.url);
            }
            return found;
        }""", queries)


def test_search_in_small_chunks_finds_what_pagefinds_own_chunks_find(chromium, served_real_site, tmp_path):
    """The index cut again into small chunks (portal.outputs.search_chunks) answers every search as the index
    Pagefind cut itself: same pages, same order."""
    from portal_mkdocs.search import _index

    results = []
    for name, chunk_bytes in (("pagefinds-own", None), ("small-chunks", 300)):
        root = tmp_path / name
        shutil.copytree(served_real_site.root, root, ignore=shutil.ignore_patterns("pagefind"))
        _index(str(root), str(root / "pagefind"), chunk_bytes)
        chunks = list((root / "pagefind" / "index").glob("fr_*.pf_index"))
        port = free_port()
        for url in serve(root, port):
            results.append({lang: pagefind_results(chromium, url + ("" if lang == "fr" else "en/"), queries)
                            for lang, queries in QUERIES.items()})
        if chunk_bytes:
            assert len(chunks) > 20, f"{len(chunks)} French chunks: the test would prove little"
    own, small = results
    assert not [query for lang, queries in QUERIES.items() for query in queries if not own[lang][query]], own
    assert small == own


# Words of the real site's furniture only: the French rubric label, the English bylines' heading ("Who
# wrote this article"). Not every such word will do: Pagefind 1.5 answers a word it does not hold with
# loose matches ("Investigation" shows ten pages without a marked word).
@pytest.mark.parametrize("home, word", [("", "Reportage"), ("en/", "wrote")], ids=["fr", "en"])
def test_search_finds_nothing_for_a_word_of_the_furniture_only(chromium, served_real_site, home, word):
    """A word on many article pages, but in their furniture (rubric, bylines), not in what they say: no result."""
    lang = "en" if home else "fr"
    shown = [path for path in (served_real_site.root / home / "magazine").rglob("index.html")
             if html.fromstring(path.read_bytes()).xpath(
                 f"//*[@data-pagefind-body]//*[@data-pagefind-ignore][contains(., '{word}')]")]
    assert shown, f"no page of the site shows {word!r} in its furniture: the test would prove nothing"
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS["desktop"]) as context:
        page, _ = open_page(context, served_real_site.url + home)
        page.locator(".portal-search__open").click()
        page.locator("#portal-search-query").fill(word)
        expect(page.locator(".portal-search__status")).to_have_text(
            l10n.text(lang, "search.none", query=word))
        expect(page.locator(".portal-search__result")).to_have_count(0)
    # Not in any record either (the browser could have failed to search at all).
    assert not [r["url"] for r in search_records(served_real_site.root)[lang] if word.lower() in r["content"].lower()]


def test_structures_directory_without_javascript(chromium, served_real_site):
    with browsing(chromium, served_real_site.url, viewport=VIEWPORTS["desktop"], java_script_enabled=False) as context:
        page, _ = open_page(context, served_real_site.url + "structures/", wait_until="load")
        expect(page.locator(CARDS)).to_have_count(STRUCTURES)
        expect(page.locator(f"{CARDS}:visible")).to_have_count(STRUCTURES)
        expect(page.locator("form[data-portal-filter]")).to_be_hidden()
