"""The "Subscribe" box of the home page and the article pages: the magazine's feeds and the #UpConf calendar.

A calendar app subscribes from a ``webcal://`` link; Google Calendar on the
web does not follow those, and asks for the calendar's https address instead:
the box shows it beside a one-line help.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.content.magazine_urls import feed_file
from portal.content.site import Site
from portal.outputs.feeds import json_feed_file
from portal.sections.conference_views import CALENDAR, webcal
from portal.text import l10n
from portal.text.languages import language


@dataclass(frozen=True)
class FeedChoice:
    label: str
    url: str  #: absolute
    type: str  #: its media type


@dataclass(frozen=True)
class SubscribeView:
    """What the box shows, every text and address ready (templates do not compute)."""

    title: str
    magazine: tuple[FeedChoice, ...]  #: RSS first (the most widely read), then Atom and JSON Feed
    calendar_label: str = ""
    calendar_webcal: str = ""  #: '' when the site has no conference
    calendar_https: str = ""
    google_help: str = ""


def subscribe_view(site: Site, lang: str) -> SubscribeView | None:
    """The box in ``lang``; None when there is nothing to subscribe to."""
    base = site.translations.root_url + language(lang).prefix
    magazine: tuple[FeedChoice, ...] = ()
    if site.articles.in_language(lang):
        rss = feed_file("rss", lang)
        magazine = (FeedChoice(l10n.text(lang, "subscribe.magazine"), base + rss, "application/rss+xml"),
                    FeedChoice(l10n.text(lang, "subscribe.magazine_atom"), base + feed_file("atom", lang),
                               "application/atom+xml"),
                    FeedChoice(l10n.text(lang, "subscribe.magazine_json"), base + json_feed_file(rss),
                               "application/feed+json"))
    if not magazine and not site.conferences:
        return None
    if not site.conferences:
        return SubscribeView(l10n.text(lang, "subscribe.title"), magazine)
    https = base + CALENDAR
    return SubscribeView(l10n.text(lang, "subscribe.title"), magazine, l10n.text(lang, "subscribe.calendar"),
                         webcal(https), https, l10n.text(lang, "subscribe.google"))
