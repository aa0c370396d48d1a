"""'Now' for the build: the day that decides what is scheduled and what is upcoming.

Injectable for tests and previews with ``PORTAL_NOW=YYYY-MM-DD[THH:MM]`` (local
time, Europe/Paris); otherwise the machine's clock. Nothing else in the site
reads the clock, so output depends on it only through scheduling.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def build_now(environ: dict[str, str] | None = None) -> dt.datetime:
    """The build's 'now', timezone-aware in Europe/Paris."""
    value = (environ if environ is not None else os.environ).get("PORTAL_NOW", "").strip()
    if not value:
        return dt.datetime.now(PARIS).replace(microsecond=0)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"PORTAL_NOW={value!r} is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=PARIS)


def local(moment: dt.date | dt.datetime) -> dt.datetime:
    """A date or naive date-time from content, read as Europe/Paris local time."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(0, 0))
    return moment if moment.tzinfo else moment.replace(tzinfo=PARIS)
