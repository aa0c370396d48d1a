"""The iCalendar files, parsed back with the icalendar library as a calendar app would."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from portal.content.clock import PARIS
from portal.content.site import SiteSettings, load_site
from portal.outputs import calendar
from support import FIXTURES


def fixture_site(tmp_path: Path, cancel: bool = False):
    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    if cancel:  # an editor cancels the online conference and bumps its revision
        path = tmp_path / "upconf/2026-06-20-en-ligne.yml"
        path.write_text(path.read_text(encoding="utf-8") + "status: cancelled\nrevision: 1\n", encoding="utf-8")
    return load_site(SiteSettings(tmp_path, tmp_path / "content", "https://portal.test/",
                                  now=dt.datetime(2026, 6, 1, tzinfo=PARIS)))


def events(data: bytes) -> dict[str, icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in parsed.walk("VEVENT")}


def test_subscription_calendar_is_valid_rfc5545(tmp_path):
    data = calendar.subscription(fixture_site(tmp_path), "fr")
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded at 75 octets"
    assert b"\n" not in data.replace(b"\r\n", b"")
    parsed = icalendar.Calendar.from_ical(data)
    [zone] = parsed.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Paris"
    assert len(parsed.walk("VEVENT")) == 5


def test_offsets_on_both_sides_of_daylight_saving(tmp_path):
    found = events(calendar.subscription(fixture_site(tmp_path), "en"))
    winter = found["2026-03-26-avant-le-changement@upconf.groupe-sos.org"]["DTSTART"].dt
    summer = found["2026-03-31-apres-le-changement@upconf.groupe-sos.org"]["DTSTART"].dt
    assert winter.tzinfo is not None and str(winter.tzinfo) in ("Europe/Paris", str(ZoneInfo("Europe/Paris")))
    assert winter.utcoffset() == dt.timedelta(hours=1) and summer.utcoffset() == dt.timedelta(hours=2)
    assert winter.astimezone(dt.UTC).hour == 17 and summer.astimezone(dt.UTC).hour == 16


def test_status_sequence_and_stamp_come_from_the_content(tmp_path):
    found = events(calendar.subscription(fixture_site(tmp_path), "fr"))
    cancelled = found["2026-06-10-annulee@upconf.groupe-sos.org"]
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1
    assert str(cancelled["SUMMARY"]).startswith("Annulée : ")
    postponed = found["2026-05-20-reportee@upconf.groupe-sos.org"]
    # Postponed to a firm new date: the event takes place there (CONFIRMED), its title says it moved.
    assert str(postponed["STATUS"]) == "CONFIRMED" and int(postponed["SEQUENCE"]) == 2
    assert str(postponed["SUMMARY"]).startswith("Reportée au jeudi 2 juillet 2026 : ")
    assert postponed["DTSTART"].dt.isoformat() == "2026-07-02T18:00:00+02:00"
    # No 'updated:' in the file: announced + one second per revision, later than the announcement.
    assert postponed["CREATED"].dt == dt.datetime(2026, 4, 19, 22, 0, tzinfo=dt.UTC)
    assert postponed["DTSTAMP"].dt == postponed["LAST-MODIFIED"].dt == dt.datetime(2026, 4, 19, 22, 0, 2,
                                                                                   tzinfo=dt.UTC)
    online = found["2026-06-20-en-ligne@upconf.groupe-sos.org"]
    assert str(online["STATUS"]) == "CONFIRMED" and "https://inscription.example/en-ligne" in str(online["DESCRIPTION"])
    assert str(online["URL"]) == "https://portal.test/upconf/2026-06-20-en-ligne/"


def test_a_cancellation_updates_the_same_event(tmp_path):
    before = events(calendar.subscription(fixture_site(tmp_path / "a"), "fr"))
    after = events(calendar.subscription(fixture_site(tmp_path / "b", cancel=True), "fr"))
    uid = "2026-06-20-en-ligne@upconf.groupe-sos.org"
    assert set(before) == set(after), "same UIDs: calendar apps update, not duplicate"
    assert (str(before[uid]["STATUS"]), int(before[uid].get("SEQUENCE", 0))) == ("CONFIRMED", 0)
    assert (str(after[uid]["STATUS"]), int(after[uid]["SEQUENCE"])) == ("CANCELLED", 1)
    assert "inscription.example" not in str(after[uid]["DESCRIPTION"]), "no registration link once cancelled"


def test_same_input_same_bytes(tmp_path):
    one = calendar.subscription(fixture_site(tmp_path / "a"), "fr")
    two = calendar.subscription(fixture_site(tmp_path / "b"), "fr")
    assert one == two


def edited(tmp_path: Path, path: str, old: str, new: str):
    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    target = tmp_path / path
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_site(SiteSettings(tmp_path, tmp_path / "content", "https://portal.test/",
                                  now=dt.datetime(2026, 6, 1, tzinfo=PARIS)))


def test_a_revision_dates_dtstamp_and_last_modified(tmp_path):
    site = edited(tmp_path, "upconf/2026-06-20-en-ligne.yml", "announced: 2026-05-20\n",
                  "announced: 2026-05-20\nrevision: 1\nupdated: 2026-05-28 17:00\n")
    event = events(calendar.subscription(site, "fr"))["2026-06-20-en-ligne@upconf.groupe-sos.org"]
    stamp = dt.datetime(2026, 5, 28, 15, 0, tzinfo=dt.UTC)
    assert event["DTSTAMP"].dt == event["LAST-MODIFIED"].dt == stamp
    assert event["CREATED"].dt == dt.datetime(2026, 5, 19, 22, 0, tzinfo=dt.UTC)


def test_postponed_without_a_new_date_stays_tentative(tmp_path):
    site = edited(tmp_path, "upconf/2026-05-20-reportee.yml", "new_start: 2026-07-02 18:00\nnew_end: 2026-07-02 19:30\n",
                  "")
    event = events(calendar.subscription(site, "en"))["2026-05-20-reportee@upconf.groupe-sos.org"]
    assert str(event["STATUS"]) == "TENTATIVE" and str(event["SUMMARY"]) == "Postponed: A postponed conference"
    assert str(event["DESCRIPTION"]).startswith("Postponed: the new date will be announced.")


def test_location_gives_the_street_address_and_description_reads_well(tmp_path):
    site = edited(tmp_path, "upconf/2026-03-26-avant-le-changement.yml", "venue: {name: Salle Alpha, city: Lyon}",
                  "venue: {name: Salle Alpha, address: 12 rue de l’Essai, city: Lyon}")
    event = events(calendar.single(site, site.conferences[0], "en"))["2026-03-26-avant-le-changement@upconf.groupe-sos.org"]
    assert str(event["LOCATION"]) == "Salle Alpha, 12 rue de l’Essai, Lyon"
    lines = str(event["DESCRIPTION"]).split("\n")
    assert "When: Thursday, 26 March 2026, 18:30 – 20:00, Paris time (UTC+01:00)" in lines
    assert "Speakers: Test team (Test collective)" in lines
    assert lines[-1] == "Conference page: https://portal.test/en/upconf/2026-03-26-avant-le-changement/"


def test_subscription_calendar_names_itself(tmp_path):
    parsed = icalendar.Calendar.from_ical(calendar.subscription(fixture_site(tmp_path), "en"))
    assert str(parsed["NAME"]) == str(parsed["X-WR-CALNAME"]) == "#UpConf (Groupe SOS)"
    assert str(parsed["DESCRIPTION"]).startswith("The #UpConf conferences")
    assert parsed["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert parsed["REFRESH-INTERVAL"].dt == dt.timedelta(hours=12)
    assert str(parsed["SOURCE"]) == "https://portal.test/en/upconf/upconf.ics"
    assert str(parsed["URL"]) == "https://portal.test/en/upconf/"
    assert "X-PUBLISHED-TTL" in parsed
