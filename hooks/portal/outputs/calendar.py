"""#UpConf as iCalendar (RFC 5545): a subscription calendar per language and one file per conference.

UIDs come from the conference id, SEQUENCE from its ``revision``, CREATED from
its ``announced`` date, DTSTAMP and LAST-MODIFIED from its latest revision
(``Conference.modified``: ``updated:`` or, without it, derived from
``announced`` and ``revision``): nothing depends on the build's clock, and a
calendar app updates an event in place when its revision goes up (a
cancellation keeps the UID and becomes STATUS:CANCELLED).

STATUS: a postponed conference with a new date (``new_start``/``new_end``)
takes place at that date: the new date is firm, so CONFIRMED (the event moves
there); without a new date it is TENTATIVE.

The subscription calendar names itself for apps (RFC 7986 NAME, DESCRIPTION,
REFRESH-INTERVAL, SOURCE, URL; and X-WR-CALNAME, X-WR-CALDESC,
X-PUBLISHED-TTL, which Apple Calendar and Outlook read).
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import TYPE_CHECKING

from portal.content.conferences import FORMATS, Conference
from portal.content.site import Site
from portal.content.urls import absolute, page_path
from portal.sections.conference_views import CALENDAR, moment
from portal.text import l10n
from portal.text.languages import language
from portal.text.typography import french_apostrophes

from .feeds import status_line, status_title, where

if TYPE_CHECKING:
    from icalendar import Calendar, Event, Timezone

#: The authority of the UIDs: fixed, so they survive a change of domain.
UID_DOMAIN = "upconf.groupe-sos.org"
PRODID = "-//Groupe SOS//culture-portal UpConf//FR"
_STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}
#: How often a subscribed app should look for changes (RFC 7986 REFRESH-INTERVAL, X-PUBLISHED-TTL).
REFRESH = dt.timedelta(hours=12)


def _ical() -> ModuleType:
    import icalendar  # here, not at the top: a site without conferences never needs it

    return icalendar


def uid(conference: Conference) -> str:
    """The conference's UID, the same in every language and every build."""
    return f"{conference.id}@{UID_DOMAIN}"


def paris_timezone() -> Timezone:
    """VTIMEZONE for Europe/Paris by the EU rule (since 1996): +01:00 in winter, +02:00 in summer.

    Written as two RRULEs rather than a list of dates, so it stays right after
    2037 and stays short.
    """
    zone = _ical().Timezone()
    zone.add("tzid", "Europe/Paris")
    summer = _ical().TimezoneDaylight()
    summer.add("dtstart", dt.datetime(1996, 3, 31, 2, 0))
    summer.add("rrule", _ical().vRecur(freq="YEARLY", bymonth=3, byday="-1SU"))
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("tzname", "CEST")
    winter = _ical().TimezoneStandard()
    winter.add("dtstart", dt.datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", _ical().vRecur(freq="YEARLY", bymonth=10, byday="-1SU"))
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("tzname", "CET")
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def status(conference: Conference) -> str:
    """STATUS: a postponed conference with its new date is CONFIRMED at that date, TENTATIVE without one."""
    if conference.status == "postponed" and conference.new_start and conference.new_end:
        return "CONFIRMED"
    return _STATUS[conference.status]


def event(site: Site, conference: Conference, lang: str) -> Event:
    """The VEVENT of a conference in one language."""
    start, end = conference.when
    url = absolute(site.translations.root_url, page_path(conference.src_uri, lang))
    modified = conference.modified.astimezone(dt.UTC)
    item = _ical().Event()
    item.add("uid", uid(conference))
    item.add("dtstamp", modified)
    item.add("created", conference.announced.astimezone(dt.UTC))
    item.add("last-modified", modified)
    item.add("sequence", conference.revision)
    item.add("summary", _typeset(status_title(conference, lang), lang))
    item.add("dtstart", start)
    item.add("dtend", end)
    item.add("status", status(conference))
    item.add("url", url)
    location = _typeset(where(conference, lang), lang)
    if location:
        item.add("location", location)
    item.add("description", description(conference, lang, url))
    item.add("categories", [FORMATS[conference.format][lang]])
    return item


def description(conference: Conference, lang: str, url: str) -> str:
    """DESCRIPTION: what a calendar app shows under the title, as plain lines."""
    colon = " : " if lang == "fr" else ": "
    when = moment(*conference.when, lang)
    lines = [line for line in (status_line(conference, lang),) if line]
    lines += [_typeset(conference.summary[lang], lang), ""]
    lines.append(l10n.text(lang, "upconf.when") + colon
                 + l10n.text(lang, "upconf.feed_when", date=when.date, time=when.time, zone=when.zone))
    place = _typeset(where(conference, lang), lang)
    if place:
        lines.append(l10n.text(lang, "upconf.where") + colon + place)
    lines.append(l10n.text(lang, "upconf.format") + colon + FORMATS[conference.format][lang])
    if conference.speakers:
        names = ", ".join(f"{s.name_in(lang)} ({s.role[lang]})" if s.role else s.name_in(lang)
                          for s in conference.speakers)
        lines.append(l10n.text(lang, "upconf.speakers") + colon + _typeset(names, lang))
    if isinstance(conference.online, str) and conference.status != "cancelled":
        lines.append(l10n.text(lang, "upconf.online_at", url=conference.online))
    if conference.registration and conference.status == "scheduled":
        lines.append(l10n.text(lang, "upconf.register") + colon + conference.registration)
    lines += ["", l10n.text(lang, "upconf.page", url=url)]
    return "\n".join(lines)


def _calendar(lang: str, name: str) -> Calendar:
    calendar = _ical().Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    calendar.add_component(paris_timezone())
    return calendar


def subscription(site: Site, lang: str) -> bytes:
    """Every conference in one calendar, for calendar apps to subscribe to (ordered by start)."""
    from portal.sections.conference_views import HOME

    name = l10n.text(lang, "upconf.calendar_name")
    about = l10n.text(lang, "upconf.calendar_description")
    base = site.translations.root_url
    prefix = language(lang).prefix
    calendar = _calendar(lang, name)
    calendar.add("name", name)
    calendar.add("description", about)
    calendar.add("x-wr-caldesc", about)
    calendar.add("url", absolute(base, prefix + HOME.removesuffix("index.md")), parameters={"VALUE": "URI"})
    calendar.add("source", absolute(base, prefix + CALENDAR), parameters={"VALUE": "URI"})
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", _ical().vDuration(REFRESH))
    if site.conferences:
        calendar.add("last-modified", max(c.modified for c in site.conferences).astimezone(dt.UTC))
    for conference in sorted(site.conferences, key=lambda c: (c.start, c.id)):
        calendar.add_component(event(site, conference, lang))
    return calendar.to_ical()


def single(site: Site, conference: Conference, lang: str) -> bytes:
    """One conference's .ics, for 'add to my calendar'."""
    calendar = _calendar(lang, conference.title[lang])
    calendar.add_component(event(site, conference, lang))
    return calendar.to_ical()


def _typeset(text: str, lang: str) -> str:
    """French texts get curly apostrophes, as the pages show them (never the lines that carry addresses)."""
    return french_apostrophes(text) if lang == "fr" else text
