"""Prepared views of #UpConf for templates: the home of the series, a conference's page, cards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from portal.content.conferences import FORMATS, Conference
from portal.content.site import Site
from portal.content.urls import absolute, language_relative_path, page_path
from portal.text import l10n
from portal.text.dates import full_date, short_time

from .jsonld import event as event_json_ld
from .jsonld import script_json

HOME = "upconf/index.md"
CALENDAR = "upconf/upconf.ics"
FEEDS = {"rss": "upconf/rss.xml", "atom": "upconf/atom.xml"}
RELATED_ARTICLES = 3


def ics_path(conference: Conference) -> str:
    """The conference's own calendar file, relative to a language root."""
    return f"upconf/{conference.id}.ics"


@dataclass(frozen=True)
class Moment:
    """When a conference takes place, as a reader of the language reads it."""

    date: str  #: 'jeudi 26 mars 2026'
    time: str  #: '18:30 – 20:00'
    zone: str  #: 'heure de Paris (UTC+01:00)'
    start_iso: str
    end_iso: str


@dataclass(frozen=True)
class ConferenceCard:
    id: str
    title: str
    summary: str
    path: str
    when: Moment
    format: str
    place: str
    status: str  #: scheduled | cancelled | postponed
    badge: str  #: '' when scheduled
    upcoming: bool


@dataclass(frozen=True)
class SpeakerView:
    name: str
    role: str
    link: str


@dataclass(frozen=True)
class LinkView:
    label: str
    path: str


@dataclass(frozen=True)
class ConferenceView:
    card: ConferenceCard
    title: str
    original: Moment | None  #: the first date of a postponed conference
    banner: str
    venue_name: str
    venue_address: str
    venue_city: str
    online: bool
    online_url: str
    speakers: tuple[SpeakerView, ...]
    registration: str  #: '' unless upcoming and scheduled
    ics: str
    structures: tuple[LinkView, ...]
    articles: tuple[LinkView, ...]
    json_ld: str
    draft: bool = False
    offers_calendar: bool = True  #: '.ics' offered: only while upcoming and not cancelled
    took_place: str = ""  #: 'This conference took place on …' once it is over (not if cancelled)


@dataclass(frozen=True)
class UpconfHome:
    upcoming: tuple[ConferenceCard, ...]
    past: tuple[tuple[int, tuple[ConferenceCard, ...]], ...]  #: (year, cards), most recent first
    rss: str
    atom: str
    calendar: str  #: path of the subscription calendar, relative to the language root
    title: str = ""


def moment(start: dt.datetime, end: dt.datetime, lang: str) -> Moment:
    offset = start.utcoffset() or dt.timedelta(0)
    hours, minutes = divmod(int(offset.total_seconds()) // 60, 60)
    zone = l10n.text(lang, "upconf.zone", offset=f"UTC{'+' if hours >= 0 else '-'}{abs(hours):02d}:{minutes:02d}")
    time = f"{short_time(start, lang)} – {short_time(end, lang)}"
    return Moment(full_date(start, lang), time, zone, start.isoformat(), end.isoformat())


def place(conference: Conference, lang: str) -> str:
    parts = []
    if conference.venue:
        parts.append(", ".join(p for p in (conference.venue.name, conference.venue.city) if p))
    if conference.online:
        parts.append(l10n.text(lang, "upconf.online"))
    return " + ".join(parts)


def card(site: Site, conference: Conference, lang: str) -> ConferenceCard:
    start, end = conference.when
    badge = ""
    if conference.status == "cancelled":
        badge = l10n.text(lang, "upconf.cancelled")
    elif conference.status == "postponed":
        badge = l10n.text(lang, "upconf.postponed")
    return ConferenceCard(conference.id, conference.title[lang], conference.summary[lang],
                          language_relative_path(conference.src_uri), moment(start, end, lang),
                          FORMATS[conference.format][lang], place(conference, lang), conference.status, badge,
                          conference.is_upcoming(site.settings.now))


def conference_view(site: Site, conference: Conference, lang: str) -> ConferenceView:
    root = site.translations.root_url
    url = absolute(root, page_path(conference.src_uri, lang))
    item = card(site, conference, lang)
    original = None
    banner = ""
    if conference.status == "cancelled":
        banner = l10n.text(lang, "upconf.banner.cancelled")
    elif conference.status == "postponed":
        original = moment(conference.start, conference.end, lang)
        banner = (l10n.text(lang, "upconf.banner.postponed_to", date=item.when.date, time=item.when.time)
                  if conference.new_start else l10n.text(lang, "upconf.banner.postponed"))
    registration = conference.registration if (item.upcoming and conference.status == "scheduled") else ""
    articles = [a for a in site.articles.listed_in(lang)
                if a.lang == lang and (set(a.structures) & set(conference.structures)
                                       or set(a.tags) & (set(conference.tags) - {"upconf"}))]
    image_url = ""
    return ConferenceView(
        card=item,
        title=conference.title[lang],
        original=original,
        banner=banner,
        venue_name=conference.venue.name if conference.venue else "",
        venue_address=(conference.venue.address or "") if conference.venue else "",
        venue_city=(conference.venue.city or "") if conference.venue else "",
        online=bool(conference.online),
        online_url=conference.online if isinstance(conference.online, str) else "",
        speakers=tuple(SpeakerView(s.name_in(lang), s.role[lang] if s.role else "", s.link or "") for s in conference.speakers),
        registration=registration or "",
        ics=ics_path(conference),
        structures=tuple(LinkView(s.name, language_relative_path(f"structures/{s.slug}.md"))
                         for slug in conference.structures if (s := site.structure(slug))),
        articles=tuple(LinkView(a.title, language_relative_path(a.src_uri)) for a in articles[:RELATED_ARTICLES]),
        json_ld=script_json(event_json_ld(conference, lang, url, image_url), lang),
        offers_calendar=item.upcoming and conference.status != "cancelled",
        took_place=l10n.text(lang, "upconf.took_place", date=item.when.date)
        if not item.upcoming and (conference.status == "scheduled" or conference.new_start) else "",
    )


def upconf_home(site: Site, lang: str) -> UpconfHome:
    upcoming = tuple(card(site, c, lang) for c in site.upcoming())
    past_cards = [card(site, c, lang) for c in site.past()]
    past = tuple((year, tuple(cards)) for year, cards in
                 groupby(past_cards, key=lambda c: int(c.when.start_iso[:4])))
    return UpconfHome(upcoming, past, FEEDS["rss"], FEEDS["atom"], CALENDAR, l10n.text(lang, "upconf.title"))


def next_conferences(site: Site, lang: str, count: int = 3) -> tuple[ConferenceCard, ...]:
    """The next conferences (not cancelled) for the site's home page."""
    return tuple(card(site, c, lang) for c in site.upcoming() if c.status != "cancelled")[:count]


def webcal(url: str) -> str:
    """The webcal:// form of an http(s) calendar URL, which calendar apps open as a subscription."""
    return "webcal://" + url.split("://", 1)[1] if "://" in url else url

