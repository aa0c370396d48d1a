"""Prepared views of the magazine for templates: listings, article pages, print issues."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from urllib.parse import quote

from portal.content.magazine import RUBRICS, Article
from portal.content.magazine_urls import (
    author_folder,
    feed_file,
    issue_page,
    issues_folder,
    listing_page,
    rubric_folder,
    tag_folder,
    year_folder,
)
from portal.content.pictures import Picture, plan_picture
from portal.content.site import Site
from portal.content.urls import absolute, language_relative_path, page_path
from portal.text import l10n
from portal.text.dates import long_date
from portal.text.languages import language

from .jsonld import article as article_json_ld
from .jsonld import script_json


@dataclass(frozen=True)
class Link:
    """A labelled link; ``path`` is relative to the language root unless ``absolute`` is set."""

    label: str
    path: str
    absolute: bool = False


@dataclass(frozen=True)
class ArticleCard:
    """An article in a listing; a foreign one is in another language (badge, lang, absolute link)."""

    title: str
    excerpt: str
    lang: str
    link: Link
    date_iso: str
    date_text: str
    rubric: str
    reading_time: str
    cover: Picture | None
    foreign_badge: str  #: '' for an article of the listing's language
    draft: bool


@dataclass(frozen=True)
class Pagination:
    number: int
    count: int
    previous: Link | None
    next: Link | None
    pages: tuple[Link, ...]
    label: str


@dataclass(frozen=True)
class Byline:
    """An author under an article's title: name, page, one-sentence bio."""

    name: str
    path: str
    bio: str


def share_links(lang: str, title: str, url: str) -> tuple[Link, ...]:
    """Plain links that share ``url``: no script, no button from the networks, no request before a click."""
    text, link = quote(title, safe=""), quote(url, safe="")
    both = quote(f"{title} {url}", safe="")
    return (Link(l10n.text(lang, "share.email"), f"mailto:?subject={text}&body={link}", absolute=True),
            Link("Mastodon", f"https://mastodonshare.com/?text={text}&url={link}", absolute=True),
            Link("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={link}", absolute=True),
            Link("Bluesky", f"https://bsky.app/intent/compose?text={both}", absolute=True))


#: From this reading time on, an article page shows its table of contents.
LONG_READ_MINUTES = 6


@dataclass(frozen=True)
class Archives:
    """Where the magazine home leads to its back issues: one listing per year, the print issues."""

    title: str
    years_title: str
    years: tuple[Link, ...]
    issues_title: str
    issues: tuple[Link, ...]
    all_issues: Link | None


@dataclass(frozen=True)
class ListingView:
    """One page of a list of articles (magazine home, tag, author, rubric, year)."""

    kind: str
    title: str
    intro: str
    cards: tuple[ArticleCard, ...]
    pagination: Pagination | None
    feeds: tuple[Link, ...] = ()
    archives: Archives | None = None  #: on the magazine home only


@dataclass(frozen=True)
class ArticleView:
    title: str
    date_iso: str
    date_text: str
    updated_text: str
    rubric: Link
    reading_time: str
    authors: tuple[Link, ...]
    tags: tuple[Link, ...]
    structures: tuple[Link, ...]
    issue: Link | None
    cover: Picture | None
    translation: Link | None
    translation_lang: str
    related: tuple[ArticleCard, ...]
    older: Link | None
    newer: Link | None
    draft: bool
    json_ld: str
    published_iso: str
    modified_iso: str
    pictures: tuple[Picture, ...] = ()  #: the body's images, in order (for the page's picture slots)
    long_read: bool = False  #: long enough to need a table of contents
    standfirst: str = ""  #: the article's description, under its title
    bylines: tuple[Byline, ...] = ()  #: each author with a short bio, linked to their page
    share: tuple[Link, ...] = ()  #: plain share links (no script, no tracker): e-mail, Mastodon, LinkedIn, Bluesky
    cover_caption: str = ""  #: under the cover, with the credit
    cover_credit: str = ""  #: 'Crédit : …' / 'Credit: …', or ''


@dataclass(frozen=True)
class IssueView:
    """One page of a print issue's contents (the editorial is the Markdown of its first page)."""

    number: int
    title: str
    date_text: str
    editorial: str  #: Markdown, rendered by the page itself; '' after page 1
    cover: Picture | None
    contents: tuple[ArticleCard, ...]  #: this page's articles
    path: str  #: the issue's first page, relative to the language root
    contents_text: str  #: how many articles the whole issue has
    pagination: Pagination | None = None


def date_text(moment: dt.datetime | dt.date, lang: str) -> str:
    """A localised long date: '3 avril 2025', '3 April 2025' (British English, ``portal.text.dates``)."""
    return long_date(moment, lang)


COVER_SIZES = {"card": "(min-width: 76em) 20rem, (min-width: 45em) 45vw, 100vw",
               "page": "(min-width: 76em) 45rem, 100vw"}


def cover_picture(article: Article, sizes: str = COVER_SIZES["page"]) -> Picture | None:
    return plan_picture(article.cover, article.lang, sizes) if article.cover else None


def cover_path(article: Article) -> str | None:
    """The cover's largest rendition, relative to the article's language root (for feeds, JSON-LD)."""
    picture = cover_picture(article)
    return picture.fallback[-1].path if picture else None


def card(site: Site, article: Article, lang: str) -> ArticleCard:
    """A listing card of ``article`` for the ``lang`` listings (made once per build)."""
    cache = site.articles.card_cache
    key = (article.id, article.lang, lang)
    if key not in cache:
        cache[key] = _card(site, article, lang)
    return cache[key]


def _card(site: Site, article: Article, lang: str) -> ArticleCard:
    foreign = article.lang != lang
    path = language_relative_path(article.src_uri)
    link = Link(article.title, absolute(site.translations.root_url, page_path(article.src_uri, article.lang))
                if foreign else path, absolute=foreign)
    cover = cover_picture(article, COVER_SIZES["card"]) if not foreign else None
    return ArticleCard(
        title=article.title, excerpt=site.articles.excerpt(article), lang=article.lang, link=link,
        date_iso=article.date.isoformat(), date_text=date_text(article.date, lang),
        rubric=RUBRICS[article.rubric][lang][0],
        reading_time=l10n.text(lang, "magazine.reading_time", minutes=str(site.articles.reading_minutes(article))),
        cover=cover, foreign_badge=l10n.text(lang, f"magazine.in_{article.lang}") if foreign else "",
        draft=article.draft)


def paginate(total: int, size: int) -> int:
    return max(1, math.ceil(total / size))


def page_links(page_src_uri: Callable[[int], str], count: int) -> tuple[Link, ...]:
    """Links to pages 1..``count`` of a paginated list; ``page_src_uri(n)`` is page n's path in the build."""
    return tuple(Link(str(n), language_relative_path(page_src_uri(n))) for n in range(1, count + 1))


def pagination(lang: str, links: tuple[Link, ...], number: int) -> Pagination | None:
    """Page ``number`` of the list whose pages are ``links``: None for a list of one page."""
    count = len(links)
    if count < 2:
        return None
    return Pagination(number, count, links[number - 2] if number > 1 else None, links[number] if number < count else None,
                      links, l10n.text(lang, "magazine.page_of", number=str(number), count=str(count)))


def numbered_title(lang: str, title: str, number: int) -> str:
    """The title of page ``number`` of a list: its own title on page 1, 'Title (page 2)' after."""
    return title if number == 1 else f"{title} ({l10n.text(lang, 'magazine.page', number=str(number))})"


def listing_pages(site: Site, lang: str, kind: str, folder: str, title: str, intro: str,
                  articles: list[Article], feeds: tuple[Link, ...] = ()) -> list[tuple[str, str, Callable[[], ListingView]]]:
    """Every page of one listing: (src_uri, page title, view factory), in page order.

    Views are made only when the page is built, so planning the other
    language's pages (for its URLs) costs nothing more.
    """
    size = site.settings.page_size
    count = paginate(len(articles), size)
    links = page_links(partial(listing_page, folder), count)

    def view(number: int) -> ListingView:
        chunk = articles[(number - 1) * size: number * size]
        return ListingView(kind, numbered_title(lang, title, number), intro if number == 1 else "",
                           tuple(card(site, a, lang) for a in chunk), pagination(lang, links, number), feeds,
                           archives(site, lang, articles) if kind == "magazine" else None)

    return [(listing_page(folder, n), numbered_title(lang, title, n), partial(view, n)) for n in range(1, count + 1)]


def archives(site: Site, lang: str, articles: list[Article]) -> Archives:
    """The magazine home's ways into its archives: each year's listing and each print issue."""
    years = sorted({a.date.year for a in articles}, reverse=True)
    issues = sorted(site.magazine.issues.values(), key=lambda i: i.number, reverse=True)
    return Archives(
        l10n.text(lang, "magazine.archives"),
        l10n.text(lang, "magazine.archives_years"),
        tuple(Link(str(year), language_relative_path(listing_page(year_folder(year), 1))) for year in years),
        l10n.text(lang, "magazine.archives_issues"),
        tuple(Link(l10n.text(lang, "magazine.issue_number", number=str(i.number)) + " · " + i.title[lang],
                   language_relative_path(issue_page(i.number, lang))) for i in issues),
        Link(l10n.text(lang, "magazine.archives_all_issues"), language_relative_path(issues_folder(lang) + "index.md"))
        if issues else None)


def article_view(site: Site, article: Article) -> ArticleView:
    lang = article.lang
    magazine = site.magazine
    index = site.articles
    other = next((code for code in ("fr", "en") if code != lang), "fr")
    translation = index.translation(article, other)
    older, newer = index.previous_next(article)
    root = site.translations.root_url
    url = absolute(root, page_path(article.src_uri, lang))
    cover = cover_picture(article)
    cover_url = absolute(root, language(lang).prefix + cover.fallback[-1].path) if cover else None
    authors = [magazine.authors[key] for key in article.authors]
    return ArticleView(
        title=article.title,
        date_iso=article.date.isoformat(),
        date_text=date_text(article.date, lang),
        updated_text=l10n.text(lang, "magazine.updated", date=date_text(article.updated, lang))
        if article.updated else "",
        rubric=Link(RUBRICS[article.rubric][lang][0], language_relative_path(rubric_folder(article.rubric, lang) + "index.md")),
        reading_time=l10n.text(lang, "magazine.reading_time", minutes=str(index.reading_minutes(article))),
        authors=tuple(Link(a.name, language_relative_path(author_folder(a.key, lang) + "index.md")) for a in authors),
        tags=tuple(Link(magazine.tags[t][lang], language_relative_path(tag_folder(t, lang) + "index.md"))
                   for t in article.tags),
        structures=tuple(Link(s.name, language_relative_path(f"structures/{s.slug}.md"))
                         for slug in article.structures if (s := site.structure(slug))),
        issue=Link(l10n.text(lang, "magazine.issue_number", number=str(article.issue)) + " · "
                   + magazine.issues[article.issue].title[lang], language_relative_path(issue_page(article.issue, lang)))
        if article.issue else None,
        cover=cover,
        cover_caption=(article.cover_caption or "") if cover else "",
        cover_credit=l10n.text(lang, "magazine.cover_credit", credit=article.cover_credit)
        if cover and article.cover_credit else "",
        translation=Link(translation.title, absolute(root, page_path(translation.src_uri, other)), absolute=True)
        if translation else None,
        translation_lang=other,
        related=tuple(card(site, a, lang) for a in index.related(article)),
        older=Link(older.title, language_relative_path(older.src_uri)) if older else None,
        newer=Link(newer.title, language_relative_path(newer.src_uri)) if newer else None,
        draft=article.draft,
        json_ld=script_json(article_json_ld(article, url, authors, cover_url), lang),
        published_iso=article.date.isoformat(),
        modified_iso=(article.updated or article.date).isoformat(),
        pictures=tuple(plan_picture(i.image, lang, COVER_SIZES["page"])
                       for i in article.images),
        long_read=index.reading_minutes(article) >= LONG_READ_MINUTES,
        standfirst=article.description,
        bylines=tuple(Byline(a.name, language_relative_path(author_folder(a.key, lang) + "index.md"), a.bio[lang])
                      for a in authors),
        share=share_links(lang, article.title, url),
    )


def issue_contents(site: Site, lang: str) -> dict[int, list[Article]]:
    """The articles of each print issue listed in ``lang``, by issue number, in reading order (date, id)."""
    contents: dict[int, list[Article]] = {}
    for article in site.articles.listed_in(lang):
        if article.issue:
            contents.setdefault(article.issue, []).append(article)
    for articles in contents.values():
        articles.sort(key=lambda a: (a.date, a.id))
    return contents


def issue_pages(site: Site, number: int, lang: str, title: str,
                contents: list[Article]) -> list[tuple[str, str, Callable[[], IssueView]]]:
    """Every page of one print issue: (src_uri, page title, view factory), in page order.

    The contents are paginated like the listings (``page_size`` articles a page), so an
    issue's page does not grow with its article count; the editorial is on page 1 only.
    """
    size = site.settings.page_size
    count = paginate(len(contents), size)
    links = page_links(partial(issue_page, number, lang), count)
    issue = site.magazine.issues[number]
    total = l10n.text(lang, "magazine.issue_count", count=str(len(contents)))

    def view(page: int) -> IssueView:
        chunk = contents[(page - 1) * size: page * size]
        return IssueView(number, issue.title[lang], date_text(issue.date, lang), issue.editorial[lang] if page == 1 else "",
                         None, tuple(card(site, a, lang) for a in chunk), language_relative_path(issue_page(number, lang)),
                         total, pagination(lang, links, page))

    return [(issue_page(number, lang, n), numbered_title(lang, title, n), partial(view, n)) for n in range(1, count + 1)]


def magazine_feeds(lang: str, tag: str | None = None) -> tuple[Link, ...]:
    """The RSS and Atom feeds of the magazine (or of one tag) in ``lang``, relative to the language root."""
    return (Link("RSS", feed_file("rss", lang, tag)), Link("Atom", feed_file("atom", lang, tag)))

