"""Pages generated from data, per language: what the host must build, as Markdown plus a view.

The core decides every generated page (its path in the language build, its
translation key, its Markdown, and the prepared view its template shows);
the adapter only hands them to MkDocs.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from portal.content.magazine import RUBRICS, Article
from portal.content.magazine_urls import (
    HOME,
    alias_file,
    author_folder,
    issues_folder,
    rubric_folder,
    tag_folder,
    year_folder,
)
from portal.content.site import Site
from portal.content.urls import absolute, page_path
from portal.outputs import calendar
from portal.outputs.feeds import upconf_feeds
from portal.sections.conference_views import CALENDAR, conference_view, ics_path, upconf_home
from portal.sections.conference_views import HOME as UPCONF_HOME
from portal.sections.magazine_views import article_view, issue_contents, issue_pages, listing_pages, magazine_feeds
from portal.sections.structure_views import DIRECTORY, directory_view, structure_src_uri, structure_view
from portal.text import l10n


@dataclass(frozen=True)
class PlannedPage:
    """A page the core asks the host to build: its path, translation key, Markdown and view.

    The Markdown and the view are made on use (the view once): every build plans every
    language's pages (to know their URLs) but only renders its own.
    """

    src_uri: str
    lang: str
    key: str  #: translation group ('' for pages without counterpart, such as page 2 of a list)
    make_markdown: Callable[[], str]
    in_nav: bool = False
    make_view: Callable[[], Any] | None = None
    title: str = ""
    #: The translation group whose page the language switcher offers when ``key`` has no
    #: version in a language (page 3 of an issue that has two pages in English: its page 1).
    fallback: str = ""

    @property
    def markdown(self) -> str:
        """Made again at each use, not kept: the host reads it once and a large magazine's Markdown is not
        held for the whole build."""
        return self.make_markdown()

    @property
    def view(self) -> Any:
        return self._once("view", self.make_view) if self.make_view else None

    def _once(self, name: str, make: Callable[[], Any]) -> Any:
        cache = self.__dict__.setdefault("_made", {})
        if name not in cache:
            cache[name] = make()
        return cache[name]


@dataclass(frozen=True)
class PlannedFile:
    """A non-page file of a language build (a redirect page, a feed, a calendar), with its content."""

    path: str
    text: str | bytes


def plan_pages(site: Site, lang: str) -> list[PlannedPage]:
    """Every generated page of one language, in a stable order."""
    return _structure_pages(site, lang) + _magazine_pages(site, lang) + _upconf_pages(site, lang)


def _upconf_pages(site: Site, lang: str) -> list[PlannedPage]:
    if not site.conferences:
        return []
    title = l10n.text(lang, "upconf.title")
    pages = [PlannedPage(UPCONF_HOME, lang, "page:upconf", partial(_markdown,
        {"title": title, "description": l10n.text(lang, "upconf.description"),
         "template": "upconf.html", "hide": ["navigation", "toc"]}, l10n.text(lang, "upconf.intro")),
        in_nav=True, make_view=partial(upconf_home, site, lang), title=title)]
    for conference in sorted(site.conferences, key=lambda c: c.id):
        pages.append(PlannedPage(conference.src_uri, lang, f"conference:{conference.id}", partial(_markdown,
            {"title": conference.title[lang], "description": conference.summary[lang], "template": "conference.html",
             "hide": ["navigation", "toc"]}, conference.description[lang]),
            make_view=partial(conference_view, site, conference, lang), title=conference.title[lang]))
    return pages


def _structure_pages(site: Site, lang: str) -> list[PlannedPage]:
    if not site.structures:
        return []
    title = l10n.text(lang, "structures.title")
    pages = [PlannedPage(DIRECTORY, lang, "page:structures", partial(_markdown,
        {"title": title, "description": l10n.text(lang, "structures.description"),
         "template": "structures.html", "hide": ["navigation", "toc"]},
        l10n.text(lang, "structures.intro")), in_nav=True, make_view=partial(directory_view, site, lang), title=title)]
    for structure in site.structures:
        pages.append(PlannedPage(structure_src_uri(structure.slug), lang, f"structure:{structure.slug}", partial(
            _markdown, {"title": structure.name, "description": structure.summary[lang], "template": "structure.html",
                        "hide": ["navigation"]}, structure.description[lang]),
            make_view=partial(structure_view, site, structure, lang), title=structure.name))
    return pages


def _magazine_pages(site: Site, lang: str) -> list[PlannedPage]:
    index = site.articles
    listed = index.listed_in(lang)
    if not site.magazine.articles:
        return []
    magazine = site.magazine
    pages: list[PlannedPage] = []

    def listing(kind: str, folder: str, title: str, intro: str, articles: list[Article], key: str,
                in_nav: bool = False, tag: str | None = None) -> None:
        own = any(a.lang == lang for a in articles)  # feeds carry this language's articles only
        feeds = magazine_feeds(lang, tag) if kind in ("magazine", "tag") and own else ()
        for number, (src_uri, page_title, view) in enumerate(
                listing_pages(site, lang, kind, folder, title, intro, articles, feeds), 1):
            pages.append(PlannedPage(src_uri, lang, key if number == 1 else "", partial(_markdown,
                {"title": page_title, "description": intro or title, "template": "listing.html",
                 "hide": ["navigation", "toc"]}, ""), in_nav=in_nav and number == 1, make_view=view, title=page_title))

    listing("magazine", HOME, l10n.text(lang, "magazine.title"), l10n.text(lang, "magazine.intro"), listed,
            "page:magazine", in_nav=True)
    for article in index.in_language(lang):
        meta = {"title": article.title, "description": article.description, "template": "article.html",
                "hide": ["navigation"]}
        pages.append(PlannedPage(article.src_uri, lang, f"article:{article.id}",
                                 partial(_article_markdown, meta, article, site),
                                 make_view=partial(article_view, site, article), title=article.title))
    for tag, names in sorted(magazine.tags.items()):
        members = [a for a in listed if tag in a.tags]
        if members:
            listing("tag", tag_folder(tag, lang), l10n.text(lang, "magazine.tag_title", name=names[lang]),
                    l10n.text(lang, "magazine.tag_intro", name=names[lang]), members, f"tag:{tag}", tag=tag)
    for key, author in sorted(magazine.authors.items()):
        members = [a for a in listed if key in a.authors]
        if members:
            listing("author", author_folder(key, lang), author.name, author.bio[lang], members, f"author:{key}")
    for rubric in RUBRICS:
        members = [a for a in listed if a.rubric == rubric]
        if members:
            name = RUBRICS[rubric][lang][0]
            listing("rubric", rubric_folder(rubric, lang), l10n.text(lang, "magazine.rubric_title", name=name),
                    l10n.text(lang, "magazine.rubric_intro", name=name), members, f"rubric:{rubric}")
    for year in sorted({a.date.year for a in listed}, reverse=True):
        members = [a for a in listed if a.date.year == year]
        listing("year", year_folder(year), l10n.text(lang, "magazine.year_title", year=str(year)),
                l10n.text(lang, "magazine.year_intro", year=str(year)), members, f"year:{year}")
    pages += _issue_pages(site, lang)
    return pages


def _issue_pages(site: Site, lang: str) -> list[PlannedPage]:
    issues = sorted(site.magazine.issues.values(), key=lambda i: i.number, reverse=True)
    if not issues:
        return []
    contents = issue_contents(site, lang)
    paged = {issue.number: issue_pages(site, issue.number, lang, l10n.text(
        lang, "magazine.issue_title", number=str(issue.number), title=issue.title[lang]), contents.get(issue.number, []))
        for issue in issues}
    title = l10n.text(lang, "magazine.issues_title")
    pages = [PlannedPage(f"{issues_folder(lang)}index.md", lang, "page:issues", partial(_markdown,
        {"title": title, "description": l10n.text(lang, "magazine.issues_intro"),
         "template": "issues.html", "hide": ["navigation", "toc"]}, l10n.text(lang, "magazine.issues_intro")),
        make_view=lambda: tuple(paged[issue.number][0][2]() for issue in issues), title=title)]
    for issue in issues:
        first = f"issue:{issue.number}"
        for number, (src_uri, page_title, view) in enumerate(paged[issue.number], 1):
            # Page n of an issue translates page n of the other language's issue; without one,
            # the switcher offers that issue's first page (``fallback``).
            body = f"## {l10n.text(lang, 'magazine.issue_editorial')}\n\n{issue.editorial[lang]}" if number == 1 else ""
            pages.append(PlannedPage(src_uri, lang, first if number == 1 else f"{first}/page/{number}", partial(
                _markdown, {"title": page_title, "description": issue.title[lang], "template": "issue.html",
                            "hide": ["navigation"]}, body),
                make_view=view, title=page_title, fallback="" if number == 1 else first))
    return pages


def plan_files(site: Site, lang: str) -> list[PlannedFile]:
    """Redirect pages of renamed articles; #UpConf's feeds and calendars."""
    files = [PlannedFile(feed.path, feed.data) for feed in upconf_feeds(site, lang)]
    if site.conferences:
        files.append(PlannedFile(CALENDAR, calendar.subscription(site, lang)))
        files += [PlannedFile(ics_path(c), calendar.single(site, c, lang)) for c in site.conferences]
    for article in site.articles.in_language(lang):
        target = absolute(site.translations.root_url, page_path(article.src_uri, lang))
        for alias in article.aliases:
            files.append(PlannedFile(alias_file(article, alias), _redirect_html(target, lang, article.title)))
    return files


def _redirect_html(target: str, lang: str, title: str) -> str:
    from html import escape

    url, text = escape(target, quote=True), escape(title)
    return (f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>{text}</title>\n'
            f'<link rel="canonical" href="{url}">\n<meta name="robots" content="noindex">\n'
            f'<meta http-equiv="refresh" content="0; url={url}">\n</head>\n'
            f'<body><p><a href="{url}">{text}</a></p></body>\n</html>\n')


_LINK = re.compile(r"(\]\()([^)\s#]+\.md)(#[^)\s]*)?(\))")


def _rewrite_links(article: Article, site: Site) -> str:
    """Point links to other article files ('../2025/x.fr.md') at those articles' pages in this build."""
    by_source = site.articles.by_source(article.lang)
    here = posixpath.dirname(article.source)
    page_dir = posixpath.dirname(article.src_uri)

    def replace(match: re.Match[str]) -> str:
        target = by_source.get(posixpath.normpath(posixpath.join(here, match.group(2))))
        if target is None:
            return match.group(0)
        new = posixpath.relpath(target.src_uri, page_dir)
        return f"{match.group(1)}{new}{match.group(3) or ''}{match.group(4)}"

    return _LINK.sub(replace, article.body)


def _article_markdown(meta: Mapping[str, object], article: Article, site: Site) -> str:
    body = _rewrite_links(article, site)
    for number, image in enumerate(article.images):
        # A placeholder block that the page's HTML gets back as a <picture> (see picture_slot()).
        body = body.replace(image.markdown, f"\n{picture_slot(number)}\n", 1)
    return _markdown(meta, body)


def picture_slot(number: int) -> str:
    """The placeholder of an article's ``number``-th body image in its rendered HTML."""
    return f"<div class=\"portal-picture-slot\" data-picture=\"{number}\"></div>"


def _markdown(meta: Mapping[str, object], body: str) -> str:
    # Every value as JSON, which YAML reads as a double-quoted string or a list: a title
    # can never break the front matter (and this is much faster than a YAML emitter).
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in sorted(meta.items()))
    return f"---\n{front}---\n\n{body.strip()}\n"

