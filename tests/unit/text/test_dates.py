"""Dates and times per language: French as in France, English as in Britain."""

from __future__ import annotations

import datetime as dt

import pytest

from portal.content.clock import PARIS
from portal.text.dates import full_date, long_date, short_time

EVENING = dt.datetime(2026, 12, 10, 18, 30, tzinfo=PARIS)


@pytest.mark.parametrize("lang, long, full, time", [
    ("fr", "10 décembre 2026", "jeudi 10 décembre 2026", "18:30"),
    ("en", "10 December 2026", "Thursday, 10 December 2026", "18:30"),
])
def test_each_language_writes_dates_its_own_way(lang, long, full, time):
    assert long_date(EVENING, lang) == long_date(EVENING.date(), lang) == long
    assert full_date(EVENING, lang) == full
    assert short_time(EVENING, lang) == time


def test_english_is_british_at_midnight_and_noon_too():
    assert short_time(dt.datetime(2026, 1, 1, 0, 5, tzinfo=PARIS), "en") == "00:05"
    assert short_time(dt.datetime(2026, 1, 1, 12, 0, tzinfo=PARIS), "en") == "12:00"
    assert long_date(dt.date(2025, 4, 3), "en") == "3 April 2025"
