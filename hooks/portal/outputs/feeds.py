"""RSS 2.0, Atom and JSON Feed 1.1 of the magazine (per language and per tag) and of #UpConf (feedgen).

Ids are tag URIs made from the article's stable id, never from its URL or the
build time, so a renamed article or a rebuild never looks new to a feed
reader. Every date comes from the content; the same input gives the same bytes.

Written for what readers do with them (newsboat, feedparser, Thunderbird…):
the channel's link is the HTML page; a cover is an enclosure (Atom
``rel="enclosure"`` with its type and the length of the file served, RSS
``<enclosure>`` plus Media RSS), never a second alternate link (feedgen 1.0.0
drops ``rel``, ``type`` and ``length`` from entry links: our own feedgen
extension writes them); bodies carry no heading permalinks nor the video
player's hidden button.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urljoin

from portal.cache.cachekey import file_digest, fingerprint
from portal.content.conferences import Conference
from portal.content.magazine import Article
from portal.content.magazine_urls import HOME, feed_file, tag_folder
from portal.content.site import Site
from portal.content.urls import absolute, page_path
from portal.sections.magazine_views import cover_picture
from portal.text import l10n
from portal.text.languages import language
from portal.text.typography import french_spacing

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

#: The authority of the feeds' tag URIs (RFC 4151): fixed, so ids survive a change of domain.
ID_AUTHORITY = "groupe-sos.org,2025"
FEED_SIZE = 50
MRSS = "http://search.yahoo.com/mrss/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
#: The size in bytes of a published file, by its path relative to the language root (None: not known).
ServedSize = Callable[[str], "int | None"]


def json_feed_file(rss_path: str) -> str:
    """The JSON Feed beside an RSS feed: 'magazine/rss.xml' -> 'magazine/feed.json'."""
    return rss_path.rsplit("/", 1)[0] + "/feed.json" if "/" in rss_path else "feed.json"


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
                   salt: str = "", served: ServedSize | None = None) -> Iterator[Feed]:
    """The magazine's RSS, Atom and JSON feeds in ``lang``, and those of each tag.

    ``contents`` maps an article's page path (src_uri) to its rendered HTML body;
    ``served`` gives the size of a published image (a cover's enclosure length is
    that of the file readers download, not of the original).
    With a ``store``, a feed whose every input is unchanged (its articles, their
    bodies and covers, the registries, the code: ``salt``) is taken from it, or
    left out when the store says its files are still in place. Made one list at a
    time, as they are written: together, they are tens of MB.
    """
    bodies = _Bodies(contents)
    covers = _Covers(site, served)
    inputs = _Inputs(site, contents, salt, covers) if store is not None else None
    for tag, articles in _feed_lists(site, lang):
        yield from _cached_feeds(site, lang, articles, bodies, covers, tag, store, inputs)


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


def _cached_feeds(site: Site, lang: str, articles: list[Article], bodies: _Bodies, covers: _Covers,
                 tag: str | None, store: FeedStore | None, inputs: _Inputs | None) -> list[Feed]:
    """The RSS, Atom and JSON feeds of one list, from the store when their inputs are unchanged."""
    if store is None or inputs is None:
        return _make_feeds(site, lang, articles, bodies, covers, tag)
    key = inputs.key(lang, tag, articles[:FEED_SIZE])
    rss, atom = feed_file("rss", lang, tag), feed_file("atom", lang, tag)
    paths = (rss, atom, json_feed_file(rss))
    if store.in_place(key, paths):
        return []
    packed = store.get_blob(key)
    if packed is not None and packed[:16].isdigit():
        one, two = int(packed[:8]), int(packed[8:16])
        datas = (packed[16:16 + one], packed[16 + one:16 + one + two], packed[16 + one + two:])
        return [Feed(path, data, key) for path, data in zip(paths, datas)]
    made = _make_feeds(site, lang, articles, bodies, covers, tag)
    store.put_blob(key, b"%08d%08d" % (len(made[0].data), len(made[1].data)) + b"".join(f.data for f in made))
    return [Feed(feed.path, feed.data, key) for feed in made]


class _Inputs:
    """What a feed is made of, digested once per article."""

    def __init__(self, site: Site, contents: Mapping[str, str], salt: str, covers: _Covers) -> None:
        self.site = site
        self.contents = contents
        self.covers = covers
        self.digests: dict[str, str] = {}
        # All of the magazine but its articles (each is digested on its own): a registry added later counts too.
        self.common = fingerprint(salt, site.translations.root_url, dataclasses.replace(site.magazine, articles=()))

    def key(self, lang: str, tag: str | None, items: list[Article]) -> str:
        return fingerprint(self.common, lang, tag, [self._article(a) for a in items])

    def _article(self, article: Article) -> str:
        if article.src_uri not in self.digests:
            source = file_digest(article.cover.source) if article.cover else None  # its size, its published path
            digest = getattr(self.contents, "digest", None)  # bodies not read, when the mapping can tell
            if digest is not None:
                body = digest(article.src_uri)
            else:
                html = self.contents.get(article.src_uri)
                body = body_digest(html) if html is not None else None
            served = self.covers.get(article)  # the served renditions' lengths go into enclosures
            self.digests[article.src_uri] = fingerprint(article, source, body, served and served.sizes())
        return self.digests[article.src_uri]


def _feed_generator() -> FeedGenerator:
    from feedgen.feed import FeedGenerator  # here: a build whose feeds are all unchanged never needs it

    return FeedGenerator()


def body_digest(html: str) -> str:
    """The digest of an article's rendered body, as the feeds' keys hold it."""
    return fingerprint("body", html)


def _make_feeds(site: Site, lang: str, articles: list[Article], contents: _Bodies, covers: _Covers,
          tag: str | None) -> list[Feed]:
    root = site.translations.root_url
    prefix = language(lang).prefix
    items = articles[:FEED_SIZE]
    name = site.magazine.tags[tag][lang] if tag else ""
    title = l10n.text(lang, "magazine.feed_tag_title", name=name) if tag else l10n.text(lang, "magazine.feed_title")
    home = absolute(root, prefix + (tag_folder(tag, lang) if tag else HOME))
    rss_path = feed_file("rss", lang, tag)
    entries = [_entry_data(site, article, contents, covers) for article in items]
    channel, entries = _typeset(_Channel(
        id=f"tag:{ID_AUTHORITY}:respect/feed/{lang}" + (f"/{tag}" if tag else ""), title=title,
        description=l10n.text(lang, "magazine.feed_description"), lang=lang, home=home,
        urls={kind: absolute(root, prefix + path) for kind, path in
              (("rss", rss_path), ("atom", feed_file("atom", lang, tag)), ("json", json_feed_file(rss_path)))},
        updated=max(_modified(a) for a in items), published=max(a.date for a in items), authors=()), entries)
    return [Feed(rss_path, _xml(channel, entries, "rss")),
            Feed(feed_file("atom", lang, tag), _xml(channel, entries, "atom")),
            Feed(json_feed_file(rss_path), json_feed(channel, entries))]


@dataclass(frozen=True)
class _Channel:
    """What a feed says of itself, whatever its format."""

    id: str
    title: str
    description: str
    lang: str
    home: str  #: the HTML page the feed mirrors
    urls: dict[str, str]  #: 'rss' | 'atom' | 'json' -> absolute URL of the feed in that format
    updated: dt.datetime
    published: dt.datetime
    authors: tuple[str, ...]  #: the feed's own authors (Atom requires one where an entry has none)


@dataclass(frozen=True)
class Image:
    """A published image, as feeds point to it."""

    url: str
    mime: str
    length: int  #: bytes of the file served
    width: int
    height: int


@dataclass(frozen=True)
class Cover:
    """An entry's cover: the largest rendition (enclosure, media:content) and the smallest (thumbnail)."""

    image: Image
    thumbnail: Image

    def sizes(self) -> tuple[int, int]:
        return self.image.length, self.thumbnail.length


@dataclass(frozen=True)
class _EntryData:
    """One item, whatever the format."""

    id: str
    title: str
    url: str
    published: dt.datetime
    updated: dt.datetime
    summary: str
    html: str
    authors: tuple[str, ...]
    categories: tuple[tuple[str, str], ...]  #: (term, label)
    cover: Cover | None = None


def _typeset(channel: _Channel, entries: list[_EntryData]) -> tuple[_Channel, list[_EntryData]]:
    """A French feed's texts with the pages' French spacing (narrow no-break spaces before : ; ? ! and inside
    « »), so that a feed reader never starts a line with '?'; other languages as they are."""
    if channel.lang != "fr":
        return channel, entries
    return (dataclasses.replace(channel, title=french_spacing(channel.title),
                                description=french_spacing(channel.description)),
            [dataclasses.replace(entry, title=french_spacing(entry.title), summary=french_spacing(entry.summary),
                                 html=french_spacing(entry.html)) for entry in entries])


def _entry_data(site: Site, article: Article, contents: _Bodies, covers: _Covers) -> _EntryData:
    root = site.translations.root_url
    url = absolute(root, page_path(article.src_uri, article.lang))
    authors = tuple(site.magazine.authors[key].display_name(article.lang) for key in article.authors)
    categories = tuple((tag, site.magazine.tags[tag][article.lang]) for tag in article.tags)
    return _EntryData(article_id(article), article.title, url, article.date, _modified(article), article.description,
                      contents.get(article, url), authors, categories, covers.get(article))


def _xml(channel: _Channel, entries: list[_EntryData], kind: str) -> bytes:
    """The RSS or Atom document of a channel (feedgen, with our cover extension)."""
    fg = _feed_generator()
    fg.load_extension("dc", atom=False)  # dc:creator for RSS; Atom has <author> (both: readers list authors twice)
    fg.register_extension("portal_cover", *_cover_extension())
    fg.id(channel.id)
    fg.title(channel.title)
    fg.description(channel.description)
    fg.subtitle(channel.description)
    fg.language(channel.lang)
    # feedgen takes the RSS channel's <link> from the last link given: the HTML page goes last.
    fg.link(href=channel.urls[kind], rel="self")
    fg.link(href=channel.home, rel="alternate")
    fg.generator("culture-portal")
    for name in channel.authors:
        fg.author({"name": name})
    fg.updated(channel.updated)
    fg.lastBuildDate(channel.updated)
    fg.pubDate(channel.published)
    for item in reversed(entries):  # feedgen prepends: add oldest first, newest ends on top
        entry = fg.add_entry()
        entry.id(item.id)
        entry.guid(item.id, permalink=False)
        entry.title(item.title)
        entry.link(href=item.url, rel="alternate")
        entry.published(item.published)
        entry.updated(item.updated)
        entry.description(item.summary)
        entry.summary(item.summary)
        if item.html:
            entry.content(item.html, type="html")
        for name in item.authors:
            entry.author({"name": name})
            entry.dc.dc_creator(name)
        for term, label in item.categories:
            entry.category(term=term, label=label)
        entry.portal_cover.cover = item.cover
    return fg.rss_str(pretty=True) if kind == "rss" else fg.atom_str(pretty=True)


def json_feed(channel: _Channel, entries: list[_EntryData]) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the same items and ids as the RSS and Atom feeds."""
    items = []
    for item in entries:
        data: dict[str, object] = {"id": item.id, "url": item.url, "title": item.title}
        if item.html:
            data["content_html"] = item.html
        else:
            data["content_text"] = item.summary
        data["summary"] = item.summary
        if item.cover:
            data["image"] = item.cover.image.url
        data["date_published"] = item.published.isoformat()
        data["date_modified"] = item.updated.isoformat()
        if item.authors:
            data["authors"] = [{"name": name} for name in item.authors]
        if item.categories:
            data["tags"] = [label for _, label in item.categories]
        data["language"] = channel.lang
        if item.cover:
            data["attachments"] = [{"url": item.cover.image.url, "mime_type": item.cover.image.mime,
                                    "size_in_bytes": item.cover.image.length}]
        items.append(data)
    feed: dict[str, object] = {"version": JSON_FEED_VERSION, "title": channel.title, "home_page_url": channel.home,
                               "feed_url": channel.urls["json"], "description": channel.description,
                               "language": channel.lang}
    if channel.authors:
        feed["authors"] = [{"name": name} for name in channel.authors]
    feed["items"] = items
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# Made once per process: two classes, the same for every build (nothing of a build is in them).
@functools.cache
def _cover_extension() -> tuple[type, type]:
    """feedgen extension classes (feed, entry) writing an entry's cover as readers expect it.

    feedgen's own ``enclosure()`` loses ``rel``, ``type`` and ``length`` in Atom
    (its entry links are written without them in 1.0.0), so a cover became a
    second alternate link that readers opened as the article.
    """
    from feedgen.ext.base import BaseEntryExtension, BaseExtension
    from lxml import etree

    class CoverFeed(BaseExtension):
        def extend_ns(self) -> dict[str, str]:
            return {"media": MRSS}

    class CoverEntry(BaseEntryExtension):
        def __init__(self) -> None:
            self.cover: Cover | None = None

        def extend_ns(self) -> dict[str, str]:
            return {"media": MRSS}

        def extend_atom(self, entry: etree._Element) -> etree._Element:
            for link in entry.iterchildren("link"):  # feedgen drops the rel it was given
                if link.get("rel") is None:
                    link.set("rel", "alternate")
            if self.cover:
                image = self.cover.image
                # In feedgen's Atom tree, elements carry no namespace (the root declares it as xmlns).
                etree.SubElement(entry, "link", rel="enclosure", type=image.mime, length=str(image.length),
                                 href=image.url)
                _media(entry, self.cover, content=False)
            return entry

        def extend_rss(self, item: etree._Element) -> etree._Element:
            if self.cover:
                image = self.cover.image
                etree.SubElement(item, "enclosure", url=image.url, length=str(image.length), type=image.mime)
                _media(item, self.cover, content=True)
            return item

    def _media(parent: etree._Element, cover: Cover, content: bool) -> None:
        if content:
            image = cover.image
            etree.SubElement(parent, f"{{{MRSS}}}content", url=image.url, type=image.mime, medium="image",
                             fileSize=str(image.length), width=str(image.width), height=str(image.height))
        small = cover.thumbnail
        etree.SubElement(parent, f"{{{MRSS}}}thumbnail", url=small.url, width=str(small.width),
                         height=str(small.height))

    return (CoverFeed, CoverEntry)


class _Covers:
    """Articles' covers as feeds point to them: URL, type and size of the renditions served."""

    def __init__(self, site: Site, served: ServedSize | None) -> None:
        self.site = site
        self.served = served
        self.made: dict[str, Cover | None] = {}

    def get(self, article: Article) -> Cover | None:
        if article.src_uri not in self.made:
            self.made[article.src_uri] = self._make(article)
        return self.made[article.src_uri]

    def _make(self, article: Article) -> Cover | None:
        picture = cover_picture(article)
        if picture is None:
            return None
        base = self.site.translations.root_url
        prefix = language(article.lang).prefix

        def image(rendition: object) -> Image:
            path = rendition.path  # type: ignore[attr-defined]
            size = self.served(path) if self.served else None
            return Image(absolute(base, prefix + path), rendition.mime, size or 0,  # type: ignore[attr-defined]
                         rendition.width, rendition.height)  # type: ignore[attr-defined]

        return Cover(image(picture.fallback[-1]), image(picture.fallback[0]))


class _Bodies:
    """Articles' HTML with absolute links, made once even when an article is in many feeds."""

    def __init__(self, contents: Mapping[str, str]) -> None:
        self.contents = contents
        self.made: dict[str, str] = {}

    def get(self, article: Article, url: str) -> str:
        if article.src_uri not in self.made:
            body = self.contents.get(article.src_uri)
            self.made[article.src_uri] = feed_html(body, url) if body else ""
        return self.made[article.src_uri]


def _modified(article: Article) -> dt.datetime:
    return article.updated or article.date


def absolute_links(body: str, page_url: str) -> str:
    """The HTML ``body`` with every link and image made absolute against ``page_url``."""
    return feed_html(body, page_url, clean=False)


def feed_html(body: str, page_url: str, clean: bool = True) -> str:
    """An article's HTML as a feed carries it: links absolute against ``page_url``; with ``clean``, without
    what only the page's scripts and styles make sense of (heading permalinks '#', the video's hidden play
    button, icons), which readers would show as stray text and links."""
    from lxml import html as lxml_html  # here: a build whose feeds are all unchanged never needs it

    fragment = lxml_html.fragment_fromstring(body, create_parent="div")
    if clean:
        unwanted = [e for e in fragment.iter() if isinstance(e.tag, str) and (
            e.tag in ("button", "svg", "script", "style") or e.get("hidden") is not None
            or "headerlink" in (e.get("class") or "").split())]
        for element in unwanted:
            if element.getparent() is not None:
                element.drop_tree()  # keeps the text that follows it
        for picture in list(fragment.iter("picture")):
            # A reader shows one image: <picture>'s WebP <source>s are for browsers (and lxml's HTML
            # serializer, not knowing <source> is void, would nest the <img> inside one).
            image = next(picture.iter("img"), None)
            parent = picture.getparent()
            if image is None or parent is None:
                continue
            for attribute in ("loading", "decoding"):
                image.attrib.pop(attribute, None)
            image.tail = picture.tail
            image.getparent().remove(image)
            parent.replace(picture, image)
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
    """RSS, Atom and JSON Feed of #UpConf in ``lang``: one item per conference, newest announcement first.

    A new ``revision`` (a new time, a postponement, a cancellation) gives the
    item a newer ``updated`` and says so in its title and first line ("Reportée
    au …", "Annulée"), never a new id: readers show it as changed, not as new.
    """
    from portal.sections.conference_views import FEEDS
    from portal.sections.conference_views import HOME as UPCONF_HOME

    conferences = sorted(site.conferences, key=lambda c: (c.announced, c.id), reverse=True)[:FEED_SIZE]
    if not conferences:
        return []
    root = site.translations.root_url
    prefix = language(lang).prefix
    author = l10n.text(lang, "upconf.feed_author")
    paths = {"rss": FEEDS["rss"], "atom": FEEDS["atom"], "json": json_feed_file(FEEDS["rss"])}
    entries = [_conference_entry(site, conference, lang, author) for conference in conferences]
    channel, entries = _typeset(_Channel(
        id=f"tag:{ID_AUTHORITY}:upconf/feed/{lang}", title=l10n.text(lang, "upconf.feed_title"),
        description=l10n.text(lang, "upconf.feed_description"), lang=lang,
        home=absolute(root, prefix + UPCONF_HOME.removesuffix("index.md")),
        urls={kind: absolute(root, prefix + path) for kind, path in paths.items()},
        updated=max(c.modified for c in conferences), published=max(c.announced for c in conferences),
        authors=(author,)), entries)
    return [Feed(paths["rss"], _xml(channel, entries, "rss")), Feed(paths["atom"], _xml(channel, entries, "atom")),
            Feed(paths["json"], json_feed(channel, entries))]


def status_title(conference: Conference, lang: str) -> str:
    """The conference's title as feeds and calendars show it: prefixed when cancelled or postponed."""
    from portal.sections.conference_views import moment

    title = conference.title[lang]
    if conference.status == "scheduled":
        return title
    if conference.status == "postponed" and conference.new_start and conference.new_end:
        label = l10n.text(lang, "upconf.postponed_to",
                          date=moment(conference.new_start, conference.new_end, lang).date)
    else:
        label = l10n.text(lang, "upconf." + conference.status)
    return f"{label} : {title}" if lang == "fr" else f"{label}: {title}"


def status_line(conference: Conference, lang: str) -> str:
    """The first line of a cancelled or postponed conference's text ('' when scheduled)."""
    from portal.sections.conference_views import moment

    if conference.status == "cancelled":
        return l10n.text(lang, "upconf.status_line.cancelled")
    if conference.status == "postponed":
        if conference.new_start and conference.new_end:
            new = moment(conference.new_start, conference.new_end, lang)
            return l10n.text(lang, "upconf.status_line.postponed_to", date=new.date, time=new.time,
                             original=moment(conference.start, conference.end, lang).date)
        return l10n.text(lang, "upconf.status_line.postponed")
    return ""


def _conference_entry(site: Site, conference: Conference, lang: str, author: str) -> _EntryData:
    from html import escape

    import markdown

    from portal.sections.conference_views import card

    item = card(site, conference, lang)
    url = absolute(site.translations.root_url, page_path(conference.src_uri, lang))
    when = l10n.text(lang, "upconf.feed_when", date=item.when.date, time=item.when.time, zone=item.when.zone)
    facts = " · ".join(part for part in (item.format, when, where(conference, lang)) if part)
    first = status_line(conference, lang)
    paragraphs = [f"<p><strong>{escape(first)}</strong></p>"] if first else []
    paragraphs.append(f"<p>{escape(facts)}</p>")
    paragraphs.append(f"<p>{escape(conference.summary[lang])}</p>")
    paragraphs.append(markdown.markdown(conference.description[lang]))
    if conference.registration and conference.status == "scheduled" and item.upcoming:
        link = escape(conference.registration, quote=True)
        paragraphs.append(f'<p><a href="{link}">{escape(l10n.text(lang, "upconf.register"))}</a></p>')
    summary = " ".join(part for part in (first, facts, "—", conference.summary[lang]) if part)
    return _EntryData(f"tag:{ID_AUTHORITY}:upconf/{conference.id}/{lang}", status_title(conference, lang), url,
                      conference.announced, conference.modified, summary, "\n".join(paragraphs), (author,),
                      ((conference.format, item.format),))


def where(conference: Conference, lang: str) -> str:
    """Where it takes place, with the street address when the file gives one: 'H7, 70 quai Perrache, Lyon'."""
    parts = []
    venue = conference.venue
    if venue:
        parts.append(", ".join(p for p in (venue.name, venue.address, venue.city) if p))
    if conference.online:
        parts.append(l10n.text(lang, "upconf.online"))
    return " + ".join(parts)
