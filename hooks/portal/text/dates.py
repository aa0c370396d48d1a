"""Dates and times as readers of each language write them, through Babel.

Babel is given the language's regional locale (``Language.locale``): French as in France
('10 décembre 2026', '18:30'), English as in Britain, matching the site's British English
('10 December 2026', '18:30'), never the American default of plain 'en' ('December 10, 2026',
'6:30 PM').
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_time

from .languages import language


def long_date(moment: dt.datetime | dt.date, lang: str) -> str:
    """'3 avril 2025', '3 April 2025'."""
    day = moment.date() if isinstance(moment, dt.datetime) else moment
    return format_date(day, "long", locale=language(lang).locale)


def full_date(moment: dt.datetime | dt.date, lang: str) -> str:
    """With the weekday: 'jeudi 10 décembre 2026', 'Thursday, 10 December 2026'."""
    day = moment.date() if isinstance(moment, dt.datetime) else moment
    return format_date(day, "full", locale=language(lang).locale)


def short_time(moment: dt.datetime | dt.time, lang: str) -> str:
    """'18:30' in both languages (a 24-hour clock, as in France and in British timetables)."""
    return format_time(moment, "short", locale=language(lang).locale)
