"""#UpConf as iCalendar (RFC 5545): a subscription calendar per language and one file per conference.

UIDs come from the conference id, SEQUENCE from its ``revision``, DTSTAMP from
its ``announced`` date: nothing depends on the build's clock, and a calendar
app updates an event in place when its revision goes up (a cancellation keeps
the UID and becomes STATUS:CANCELLED).
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import TYPE_CHECKING

from . import l10n
from .conferences import FORMATS, Conference
from .conference_views import place
from .site import Site
from .urls import absolute, page_path

if TYPE_CHECKING:
    from icalendar import Calendar, Event, Timezone

#: The authority of the UIDs: fixed, so they survive a change of domain.
UID_DOMAIN = "upconf.groupe-sos.org"
PRODID = "-//Groupe SOS//culture-portal UpConf//FR"
_STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


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


def event(site: Site, conference: Conference, lang: str) -> Event:
    """The VEVENT of a conference in one language."""
    start, end = conference.when
    url = absolute(site.translations.root_url, page_path(conference.src_uri, lang))
    title = conference.title[lang]
    if conference.status != "scheduled":
        title = f"{l10n.text(lang, 'upconf.' + conference.status)} : {title}" if lang == "fr" else \
            f"{l10n.text(lang, 'upconf.' + conference.status)}: {title}"
    item = _ical().Event()
    item.add("uid", uid(conference))
    item.add("dtstamp", conference.announced.astimezone(dt.timezone.utc))
    item.add("sequence", conference.revision)
    item.add("summary", title)
    item.add("dtstart", start)
    item.add("dtend", end)
    item.add("status", _STATUS[conference.status])
    item.add("url", url)
    where = place(conference, lang)
    if where:
        item.add("location", where)
    lines = [conference.summary[lang], "", f"{FORMATS[conference.format][lang]}"]
    if conference.registration and conference.status == "scheduled":
        lines.append(f"{l10n.text(lang, 'upconf.register')} : {conference.registration}" if lang == "fr"
                     else f"{l10n.text(lang, 'upconf.register')}: {conference.registration}")
    lines.append(url)
    item.add("description", "\n".join(lines))
    item.add("categories", [FORMATS[conference.format][lang]])
    return item


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
    calendar = _calendar(lang, l10n.text(lang, "upconf.calendar_name"))
    for conference in sorted(site.conferences, key=lambda c: (c.start, c.id)):
        calendar.add_component(event(site, conference, lang))
    return calendar.to_ical()


def single(site: Site, conference: Conference, lang: str) -> bytes:
    """One conference's .ics, for 'add to my calendar'."""
    calendar = _calendar(lang, conference.title[lang])
    calendar.add_component(event(site, conference, lang))
    return calendar.to_ical()
