"""Prepared objects for templates: what a page shows, computed before rendering.

Templates receive these and do not compute: the language switcher, hreflang
alternates, the home page's sections and figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from portal.content.figures import FigureView, figure_view
from portal.content.legal import LegalView, legal_view, load_legal
from portal.content.magazine_urls import HOME, feed_file, issues_folder
from portal.content.site import Site
from portal.content.translations import Alternate, SwitcherLink
from portal.content.trust import LEGAL_KEY, is_trust_page, trust_pages
from portal.content.urls import language_relative_path
from portal.outputs.cards import CardSpec, card_path
from portal.outputs.feeds import json_feed_file
from portal.outputs.search import search_section, search_sections
from portal.sections.conference_views import CALENDAR, FEEDS, next_conferences, webcal
from portal.sections.conference_views import HOME as UPCONF_HOME
from portal.sections.magazine_views import card
from portal.sections.structure_map import StructureMap
from portal.sections.structure_views import DIRECTORY, StructureCard, directory_map, home_structures
from portal.text import l10n
from portal.text.languages import language
from portal.text.typography import french_apostrophes

from . import page_scripts
from .build import SitePlan
from .subscribe import SubscribeView, subscribe_view

HOME_ARTICLES = 3
GROUP_SITE = "https://www.groupe-sos.org/"  #: the group's public website


@dataclass(frozen=True)
class Card:
    """A link to a page with its title and a one-sentence description."""

    title: str
    description: str
    path: str  #: site-root-relative path within the page's language build


@dataclass(frozen=True)
class HomeView:
    """The home page's sections."""

    lead_title: str
    figures_title: str
    figures: tuple[FigureView, ...]
    sections_title: str
    sections: tuple[Card, ...]
    discover: str
    structures_title: str
    structures: tuple[StructureCard, ...]
    structures_all: str
    directory_path: str
    articles_title: str
    articles: tuple[Any, ...]
    articles_all: str
    magazine_path: str
    conferences_title: str = ""
    conferences: tuple[Any, ...] = ()
    conferences_all: str = ""
    upconf_path: str = ""
    map: StructureMap | None = None  #: the directory's map, drawn smaller; None when no structure is located


@dataclass(frozen=True)
class FeedLink:
    title: str
    type: str
    url: str  #: absolute


@dataclass(frozen=True)
class PageView:
    """Everything our templates add to one page of one language."""

    lang: str
    locale: str
    canonical: str
    alternates: tuple[Alternate, ...]
    x_default: str | None
    switcher: tuple[SwitcherLink, ...]
    strings: Mapping[str, str] = field(default_factory=dict)
    home: HomeView | None = None
    locale_alternates: tuple[str, ...] = ()  #: og:locale:alternate of real translations
    og_type: str = "website"
    image: str = ""  #: absolute URL of the page's social card (or, without cards, its cover)
    calendar_webcal: str = ""  #: webcal:// address of the #UpConf subscription calendar
    content: Any = None  #: the generated page's prepared view (listing, article, structure…)
    feeds: tuple[FeedLink, ...] = ()  #: feeds advertised in the head (autodiscovery)
    draft: bool = False
    search_section: str = ""  #: the section of the search results it appears in; '' when not indexed
    search_sections: tuple[str, ...] = ()  #: the sections the search dialog can keep its results to
    site_root: str = "/"  #: the path of the whole site's root (both languages), where the search index lives
    subscribe: SubscribeView | None = None  #: the "Subscribe" box (home page and articles)
    editorial: bool = False  #: a magazine-like page: no side menu on wide screens
    toc: bool = True  #: show the table of contents (editorial pages: only long reads)
    footer: FooterView | None = None
    legal: LegalView | None = None  #: the legal notice's facts, on its page only
    scripts: tuple[str, ...] = (page_scripts.SEARCH,)  #: the portal's scripts this page needs (portal.plan.page_scripts)


@dataclass(frozen=True)
class FooterLink:
    label: str
    path: str  #: relative to the language root, unless ``external``
    external: bool = False


@dataclass(frozen=True)
class FooterColumn:
    title: str
    links: tuple[FooterLink, ...]


@dataclass(frozen=True)
class FooterView:
    """The footer of every page: the group, the structures, the magazine, subscriptions, the site's pages."""

    label: str
    group_title: str
    group_text: str
    group_link: FooterLink
    columns: tuple[FooterColumn, ...]
    language_title: str


def page_view(plan: SitePlan, lang: str, src_uri: str, url: str, is_home: bool) -> PageView:
    """The view of one page: ``src_uri`` as the language build names it, ``url`` relative to its root."""
    site = plan.site
    path = language(lang).prefix + url
    translations = site.translations
    planned = plan.page(lang, src_uri)
    alternates = tuple(translations.alternates(lang, path))
    return PageView(
        lang=lang,
        locale=language(lang).locale,
        canonical=translations.root_url + path,
        alternates=alternates,
        x_default=translations.x_default(lang, path),
        switcher=tuple(translations.switcher(lang, path)),
        strings=l10n.strings(lang),  # one mapping per language, shared by every page
        home=home_view(site, lang) if is_home else None,
        locale_alternates=tuple(language(a.lang).locale for a in alternates if a.lang != lang),
        og_type="article" if planned and hasattr(planned.view, "published_iso") else "website",
        image=(site.translations.root_url + language(lang).prefix + card_path(url)) if site.settings.social_cards
        else _page_image(site, lang, planned.view if planned else None),
        calendar_webcal=webcal(site.translations.root_url + language(lang).prefix + CALENDAR) if site.conferences else "",
        content=planned.view if planned else None,
        feeds=feed_links(site, lang, getattr(planned.view, "feeds", ()) if planned else (),
                         planned.title if planned else "")
        + (upconf_feed_links(site, lang) if src_uri.startswith("upconf/") else ()),
        draft=bool(getattr(planned.view, "draft", False)) if planned else False,
        search_section=search_section(lang, planned.view if planned else None, planned is not None),
        search_sections=search_sections(lang),
        site_root=urlsplit(translations.root_url).path or "/",
        subscribe=subscribe_view(site, lang) if is_home or (planned and hasattr(planned.view, "published_iso"))
        else None,
        editorial=is_home or planned is not None,
        toc=not (is_home or planned is not None) or bool(planned and getattr(planned.view, "long_read", False)),
        footer=footer_view(site, lang),
        legal=_legal(site, lang) if planned is None and _hand_key(site, lang, src_uri) == LEGAL_KEY else None,
        scripts=page_scripts.page_scripts(_hand_shortcodes(site, lang, src_uri), src_uri == DIRECTORY),
    )


def _hand_shortcodes(site: Site, lang: str, src_uri: str) -> tuple[str, ...]:
    return next((p.shortcodes for p in site.pages_in(lang) if p.src_uri == src_uri), ())


def _hand_key(site: Site, lang: str, src_uri: str) -> str:
    return next((p.key for p in site.pages_in(lang) if p.src_uri == src_uri), "")


def _legal(site: Site, lang: str) -> LegalView:
    sections, _ = load_legal(site.settings.content_dir, site.settings.repo_root)  # problems: `portal check`
    return legal_view(sections, lang)


def not_found_view(plan: SitePlan, lang: str) -> PageView:
    """The 404 page of one language: switcher to the other languages' homes, the footer."""
    site = plan.site
    translations = site.translations
    return PageView(
        lang=lang, locale=language(lang).locale,
        canonical=translations.root_url + language(lang).prefix + "404.html",
        alternates=(), x_default=None,
        switcher=tuple(translations.switcher(lang, language(lang).prefix + "404.html")),
        strings=l10n.strings(lang), editorial=True, toc=False, footer=footer_view(site, lang),
        site_root=urlsplit(translations.root_url).path or "/", search_sections=search_sections(lang))


def footer_view(site: Site, lang: str) -> FooterView:
    """The footer of ``lang``'s pages (the same on every page of that language; a few dozen links)."""
    text = partial_text(lang)
    group = [FooterLink(p.title, language_relative_path(p.src_uri)) for p in site.pages_in(lang)
             if p.key == "a-propos"]
    group.append(FooterLink(text("structures.title"), language_relative_path(DIRECTORY)))
    structures = tuple(FooterLink(s.name, language_relative_path(f"structures/{s.slug}.md"))
                       for s in sorted(site.structures, key=lambda s: s.name.casefold()))
    magazine: list[FooterLink] = []
    subscribe: list[FooterLink] = []
    if site.magazine.articles:
        magazine.append(FooterLink(text("magazine.all"), language_relative_path(HOME + "index.md")))
        if site.magazine.issues:
            magazine.append(FooterLink(text("magazine.issues_title"), language_relative_path(issues_folder(lang) + "index.md")))
    if site.conferences:
        magazine.append(FooterLink(text("upconf.all"), language_relative_path(UPCONF_HOME)))
    if site.articles.in_language(lang):
        subscribe += [FooterLink(text("footer.magazine_rss"), feed_file("rss", lang)),
                      FooterLink(text("footer.magazine_atom"), feed_file("atom", lang))]
    if site.conferences:
        subscribe += [FooterLink(text("footer.upconf_calendar"), CALENDAR),
                      FooterLink(text("footer.upconf_rss"), FEEDS["rss"])]
    trust = tuple(FooterLink(p.title, language_relative_path(p.src_uri)) for p in trust_pages(site.pages_in(lang)))
    columns = [FooterColumn(title, tuple(links)) for title, links in (
        (text("footer.structures"), structures), (text("footer.magazine"), magazine),
        (text("footer.subscribe"), subscribe), (text("footer.site"), trust)) if links]
    return FooterView(text("footer.label"), text("footer.group"), text("footer.group_text"),
                      FooterLink(text("footer.group_site"), GROUP_SITE, external=True),
                      (FooterColumn(text("footer.group"), tuple(group)), *columns), text("footer.language"))


def partial_text(lang: str):
    """``l10n.text`` bound to one language."""
    return lambda key, **values: l10n.text(lang, key, **values)


def home_view(site: Site, lang: str) -> HomeView:
    """The home page: key figures, structures, next conferences, latest articles, then the other pages."""
    cards = tuple(Card(p.title, p.description, language_relative_path(p.src_uri)) for p in site.pages_in(lang)
                  if p.src_uri != "index.md" and not is_trust_page(p))
    return HomeView(
        lead_title=l10n.text(lang, "home.sections"),
        figures_title=l10n.text(lang, "home.figures"),
        figures=tuple(figure_view(f, lang) for f in site.figures),
        sections_title=l10n.text(lang, "home.sections"),
        sections=cards,
        discover=l10n.text(lang, "home.discover"),
        structures_title=l10n.text(lang, "home.structures"),
        structures=home_structures(site, lang),
        structures_all=l10n.text(lang, "home.structures.all"),
        directory_path=language_relative_path(DIRECTORY),
        articles_title=l10n.text(lang, "magazine.latest"),
        articles=tuple(card(site, a, lang) for a in home_articles(site, lang)),
        articles_all=l10n.text(lang, "magazine.all"),
        magazine_path=language_relative_path(HOME + "index.md"),
        conferences_title=l10n.text(lang, "upconf.next"),
        conferences=next_conferences(site, lang),
        conferences_all=l10n.text(lang, "upconf.all"),
        upconf_path=language_relative_path(UPCONF_HOME),
        map=directory_map(site, lang),
    )


def home_articles(site: Site, lang: str) -> list[Any]:
    """The home's latest articles: those written in the page's language first, untranslated ones after."""
    listed = site.articles.listed_in(lang)
    own = [a for a in listed if a.lang == lang][:HOME_ARTICLES]
    return own + [a for a in listed if a.lang != lang][:HOME_ARTICLES - len(own)]


def feed_links(site: Site, lang: str, page_feeds: tuple[Any, ...], page_title: str) -> tuple[FeedLink, ...]:
    """The magazine's feeds of this language (on every page), plus a listing's own (a tag's)."""
    if not site.articles.in_language(lang):
        return ()
    root = site.translations.root_url
    prefix = language(lang).prefix
    title = l10n.text(lang, "magazine.feed_title")
    links = [FeedLink(title, "application/rss+xml", root + prefix + feed_file("rss", lang)),
             FeedLink(title, "application/atom+xml", root + prefix + feed_file("atom", lang)),
             FeedLink(title, "application/feed+json", root + prefix + json_feed_file(feed_file("rss", lang)))]
    for feed in page_feeds:
        url = root + prefix + feed.path
        if all(link.url != url for link in links):
            kind = "application/rss+xml" if feed.label == "RSS" else "application/atom+xml"
            links.append(FeedLink(f"{page_title} ({feed.label})", kind, url))
            if feed.label == "RSS":  # its JSON Feed sits beside it
                links.append(FeedLink(f"{page_title} (JSON Feed)", "application/feed+json",
                                      root + prefix + json_feed_file(feed.path)))
    return tuple(links)


def _page_image(site: Site, lang: str, view: Any) -> str:
    cover = getattr(view, "cover", None) or getattr(view, "photo", None)
    path = getattr(cover, "path", "")
    return site.translations.root_url + language(lang).prefix + path if path else ""


def upconf_feed_links(site: Site, lang: str) -> tuple[FeedLink, ...]:
    """#UpConf's feeds and calendar, advertised on its pages."""
    if not site.conferences:
        return ()
    base = site.translations.root_url + language(lang).prefix
    title = l10n.text(lang, "upconf.feed_title")
    return (FeedLink(title, "application/rss+xml", base + FEEDS["rss"]),
            FeedLink(title, "application/atom+xml", base + FEEDS["atom"]),
            FeedLink(title, "application/feed+json", base + json_feed_file(FEEDS["rss"])),
            FeedLink(l10n.text(lang, "upconf.calendar_name"), "text/calendar", base + CALENDAR))


def card_spec(plan: SitePlan, lang: str, src_uri: str, url: str, title: str) -> CardSpec:
    """The social card of one page: its section, title and cover (an article's, a structure's photo…)."""
    site = plan.site
    section = src_uri.split("/", 1)[0] if "/" in src_uri else ""
    names = {"magazine": "magazine.title", "upconf": "upconf.title", "structures": "structures.title"}
    label = l10n.text(lang, names[section]) if section in names else l10n.text(lang, "site.name")
    cover = None
    if section == "magazine":
        article = site.articles.at(lang, src_uri)
        cover = article.cover.source if article and article.cover else None
    elif section == "structures":
        structure = site.structure(src_uri.removeprefix("structures/").removesuffix(".md"))
        cover = structure.photo.source if structure and structure.photo else None
    elif section == "upconf":
        conference = site.conference_at(src_uri)
        cover = conference.image.source if conference and conference.image else None
    if lang == "fr":  # the card shows the title as the page does
        title = french_apostrophes(title)
    return CardSpec(card_path(url), title, label, site.translations.root_url.split("://", 1)[-1].rstrip("/"), cover)
