"""RSS 2.0 and Atom feeds of the magazine, per language and per tag (feedgen).

Ids are tag URIs made from the article's stable id, never from its URL or the
build time, so a renamed article or a rebuild never looks new to a feed
reader. Every date comes from the content; the same input gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urljoin

from . import l10n
from .languages import language
from .magazine import Article
from .magazine_urls import HOME, feed_file, tag_folder
from .magazine_views import cover_path
from .cachekey import file_digest, fingerprint
from .site import Site
from .urls import absolute, page_path

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

#: The authority of the feeds' tag URIs (RFC 4151): fixed, so ids survive a change of domain.
ID_AUTHORITY = "groupe-sos.org,2025"
FEED_SIZE = 50
_MIME = {".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


@dataclass(frozen=True)
class Feed:
    """One feed file of a language build."""

    path: str  #: relative to the language root
    data: bytes
    key: str = ""  #: with a store: the digest of everything the feed is made of


def article_id(article: Article) -> str:
    """The stable id of one language version of an article."""
    return f"tag:{ID_AUTHORITY}:respect/{article.id}/{article.lang}"


class FeedStore(Protocol):
    """Where feeds made by an earlier build are kept (``pagecache.BlobCache``)."""

    def get_blob(self, key: str) -> bytes | None: ...

    def put_blob(self, key: str, data: bytes) -> None: ...

    def in_place(self, key: str, paths: tuple[str, ...]) -> bool:
        """Whether the files at ``paths`` still hold the feeds made under ``key`` (then not written again)."""
        ...


def magazine_feeds(site: Site, lang: str, contents: Mapping[str, str], store: FeedStore | None = None,
                   salt: str = "") -> Iterator[Feed]:
    """The magazine's RSS and Atom feeds in ``lang``, and those of each tag.

    ``contents`` maps an article's page path (src_uri) to its rendered HTML body.
    With a ``store``, a feed whose every input is unchanged (its articles, their
    bodies and covers, the registries, the code: ``salt``) is taken from it, or
    left out when the store says its files are still in place. Made one pair at a
    time, as they are written: together, they are tens of MB.
    """
    bodies = _Bodies(contents)
    inputs = _Inputs(site, contents, salt) if store is not None else None
    for tag, articles in _feed_lists(site, lang):
        yield from _cached_pair(site, lang, articles, bodies, tag, store, inputs)


def feed_articles(site: Site, lang: str) -> set[str]:
    """The pages (src_uri) of the articles whose bodies ``lang``'s magazine feeds carry."""
    return {a.src_uri for _, articles in _feed_lists(site, lang) for a in articles[:FEED_SIZE]}


def _feed_lists(site: Site, lang: str) -> Iterator[tuple[str | None, list[Article]]]:
    """Each magazine feed of ``lang`` (tag None: the whole magazine) and its articles, newest first."""
    articles = site.articles.in_language(lang)
    if not articles:
        return
    yield None, articles
    for tag in sorted(site.magazine.tags):
        tagged = [a for a in articles if tag in a.tags]
        if tagged:
            yield tag, tagged


def _cached_pair(site: Site, lang: str, articles: list[Article], bodies: _Bodies, tag: str | None,
                 store: FeedStore | None, inputs: _Inputs | None) -> list[Feed]:
    if store is None or inputs is None:
        return _pair(site, lang, articles, bodies, tag)
    key = inputs.key(lang, tag, articles[:FEED_SIZE])
    rss, atom = feed_file("rss", lang, tag), feed_file("atom", lang, tag)
    if store.in_place(key, (rss, atom)):
        return []
    packed = store.get_blob(key)
    if packed is not None and packed[:8].isdigit():
        split = int(packed[:8])
        return [Feed(rss, packed[8:8 + split], key), Feed(atom, packed[8 + split:], key)]
    made = _pair(site, lang, articles, bodies, tag)
    store.put_blob(key, b"%08d" % len(made[0].data) + made[0].data + made[1].data)
    return [Feed(feed.path, feed.data, key) for feed in made]


class _Inputs:
    """What a feed is made of, digested once per article."""

    def __init__(self, site: Site, contents: Mapping[str, str], salt: str) -> None:
        self.site = site
        self.contents = contents
        self.digests: dict[str, str] = {}
        # All of the magazine but its articles (each is digested on its own): a registry added later counts too.
        self.common = fingerprint(salt, site.translations.root_url, dataclasses.replace(site.magazine, articles=()))

    def key(self, lang: str, tag: str | None, items: list[Article]) -> str:
        return fingerprint(self.common, lang, tag, [self._article(a) for a in items])

    def _article(self, article: Article) -> str:
        if article.src_uri not in self.digests:
            cover = file_digest(article.cover.source) if article.cover else None  # its size, its published path
            digest = getattr(self.contents, "digest", None)  # bodies not read, when the mapping can tell
            if digest is not None:
                body = digest(article.src_uri)
            else:
                html = self.contents.get(article.src_uri)
                body = body_digest(html) if html is not None else None
            self.digests[article.src_uri] = fingerprint(article, cover, body)
        return self.digests[article.src_uri]


def _feed_generator() -> FeedGenerator:
    from feedgen.feed import FeedGenerator  # here: a build whose feeds are all unchanged never needs it

    return FeedGenerator()


def body_digest(html: str) -> str:
    """The digest of an article's rendered body, as the feeds' keys hold it."""
    return fingerprint("body", html)


def _pair(site: Site, lang: str, articles: list[Article], contents: _Bodies, tag: str | None) -> list[Feed]:
    root = site.translations.root_url
    prefix = language(lang).prefix
    items = articles[:FEED_SIZE]
    name = site.magazine.tags[tag][lang] if tag else ""
    title = l10n.text(lang, "magazine.feed_tag_title", name=name) if tag else l10n.text(lang, "magazine.feed_title")
    home = absolute(root, prefix + (tag_folder(tag, lang) if tag else HOME))
    result = []
    for kind in ("rss", "atom"):
        fg = _feed_generator()
        fg.load_extension("dc")
        fg.id(f"tag:{ID_AUTHORITY}:respect/feed/{lang}" + (f"/{tag}" if tag else ""))
        fg.title(title)
        fg.description(l10n.text(lang, "magazine.feed_description"))
        fg.subtitle(l10n.text(lang, "magazine.feed_description"))
        fg.language(lang)
        fg.link(href=home, rel="alternate")
        fg.link(href=absolute(root, prefix + feed_file(kind, lang, tag)), rel="self")
        fg.generator("culture-portal")
        newest = max(_modified(a) for a in items)
        fg.updated(newest)
        fg.lastBuildDate(newest)
        fg.pubDate(max(a.date for a in items))
        for article in reversed(items):  # feedgen prepends: add oldest first, newest ends on top
            _entry(fg, site, article, contents)
        data = fg.rss_str(pretty=True) if kind == "rss" else fg.atom_str(pretty=True)
        result.append(Feed(feed_file(kind, lang, tag), data))
    return result


def _entry(fg: FeedGenerator, site: Site, article: Article, contents: _Bodies) -> None:
    root = site.translations.root_url
    url = absolute(root, page_path(article.src_uri, article.lang))
    entry = fg.add_entry()
    entry.id(article_id(article))
    entry.guid(article_id(article), permalink=False)
    entry.title(article.title)
    entry.link(href=url, rel="alternate")
    entry.published(article.date)
    entry.updated(_modified(article))
    entry.description(article.description)
    entry.summary(article.description)
    body = contents.get(article, url)
    if body:
        entry.content(body, type="html")
    for key in article.authors:
        author = site.magazine.authors[key]
        entry.author({"name": author.name})
        entry.dc.dc_creator(author.name)
    for tag in article.tags:
        entry.category(term=tag, label=site.magazine.tags[tag][article.lang])
    if article.cover:
        cover_url = absolute(root, language(article.lang).prefix + (cover_path(article) or ""))
        suffix = "." + article.cover.name.rsplit(".", 1)[-1].lower().replace("jpeg", "jpg")
        entry.enclosure(cover_url, str(article.cover.source.stat().st_size), _MIME.get(suffix, "image/jpeg"))


class _Bodies:
    """Articles' HTML with absolute links, made once even when an article is in many feeds."""

    def __init__(self, contents: Mapping[str, str]) -> None:
        self.contents = contents
        self.made: dict[str, str] = {}

    def get(self, article: Article, url: str) -> str:
        if article.src_uri not in self.made:
            body = self.contents.get(article.src_uri)
            self.made[article.src_uri] = absolute_links(body, url) if body else ""
        return self.made[article.src_uri]


def _modified(article: Article) -> dt.datetime:
    return article.updated or article.date


def absolute_links(body: str, page_url: str) -> str:
    """The HTML ``body`` with every link and image made absolute against ``page_url``."""
    from lxml import html as lxml_html  # here: a build whose feeds are all unchanged never needs it

    fragment = lxml_html.fragment_fromstring(body, create_parent="div")
    for element in fragment.iter():
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value is not None and not value.startswith(("mailto:", "data:")):
                element.set(attribute, urljoin(page_url, value))
        srcset = element.get("srcset")
        if srcset:  # 'a-480.webp 480w, a-960.webp 960w'
            candidates = (part.strip().split(" ", 1) for part in srcset.split(","))
            element.set("srcset", ", ".join(" ".join([urljoin(page_url, c[0]), *c[1:]]) for c in candidates))
    inner = "".join(lxml_html.tostring(child, encoding="unicode") for child in fragment)
    return (fragment.text or "") + inner


def upconf_feeds(site: Site, lang: str) -> list[Feed]:
    """RSS and Atom of #UpConf in ``lang``: one item per conference, newest announcement first.

    A cancellation changes the item's title and text, never its id.
    """
    from .conference_views import FEEDS, HOME as UPCONF_HOME, card

    conferences = sorted(site.conferences, key=lambda c: (c.announced, c.id), reverse=True)[:FEED_SIZE]
    if not conferences:
        return []
    root = site.translations.root_url
    prefix = language(lang).prefix
    result = []
    for kind in ("rss", "atom"):
        fg = _feed_generator()
        fg.id(f"tag:{ID_AUTHORITY}:upconf/feed/{lang}")
        fg.title(l10n.text(lang, "upconf.feed_title"))
        fg.description(l10n.text(lang, "upconf.feed_description"))
        fg.subtitle(l10n.text(lang, "upconf.feed_description"))
        fg.language(lang)
        fg.link(href=absolute(root, prefix + UPCONF_HOME.removesuffix("index.md")), rel="alternate")
        fg.link(href=absolute(root, prefix + FEEDS[kind]), rel="self")
        fg.generator("culture-portal")
        newest = max(c.announced for c in conferences)
        fg.updated(newest)
        fg.lastBuildDate(newest)
        fg.pubDate(newest)
        for conference in reversed(conferences):
            item = card(site, conference, lang)
            entry = fg.add_entry()
            entry.id(f"tag:{ID_AUTHORITY}:upconf/{conference.id}/{lang}")
            entry.guid(f"tag:{ID_AUTHORITY}:upconf/{conference.id}/{lang}", permalink=False)
            entry.title(f"{item.badge} : {item.title}" if item.badge and lang == "fr"
                        else f"{item.badge}: {item.title}" if item.badge else item.title)
            entry.link(href=absolute(root, page_path(conference.src_uri, lang)), rel="alternate")
            entry.published(conference.announced)
            entry.updated(conference.announced)
            text = l10n.text(lang, "upconf.item", format=item.format, date=item.when.date, time=item.when.time,
                             zone=item.when.zone, place=item.place)
            entry.description(f"{text}\n\n{item.summary}")
            entry.summary(f"{text} — {item.summary}")
            entry.category(term=conference.format, label=item.format)
        data = fg.rss_str(pretty=True) if kind == "rss" else fg.atom_str(pretty=True)
        result.append(Feed(FEEDS[kind], data))
    return result
