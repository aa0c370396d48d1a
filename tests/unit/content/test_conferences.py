"""#UpConf: conference files validated field by field; times right on both sides of daylight saving."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from portal.content.conferences import load_conferences
from support import write

GOOD = """\
title: {fr: Un débat, en: A debate}
summary: {fr: Résumé., en: Summary.}
description: {fr: Texte., en: Text.}
start: 2026-03-26 18:30
end: 2026-03-26 20:00
format: debate
venue: {name: H7, city: Lyon}
announced: 2026-03-01
"""


def load(tmp_path: Path, files: dict[str, str]):
    for path, text in files.items():
        write(tmp_path, path, text)
    conferences, problems = load_conferences(tmp_path / "upconf", tmp_path, {"h7"}, {"upconf"})
    return conferences, [str(p) for p in problems]


def test_local_times_carry_the_paris_offset_on_both_sides_of_the_change(tmp_path):
    summer = GOOD.replace("2026-03-26", "2026-03-31")
    [winter_conf, summer_conf], problems = load(tmp_path, {"upconf/2026-03-26-hiver.yml": GOOD,
                                                           "upconf/2026-03-31-ete.yml": summer})
    assert problems == []
    assert winter_conf.start.isoformat() == "2026-03-26T18:30:00+01:00"
    assert summer_conf.start.isoformat() == "2026-03-31T18:30:00+02:00"
    assert summer_conf.start.astimezone(dt.UTC).hour == 16


@pytest.mark.parametrize("old, new, message", [
    ("end: 2026-03-26 20:00", "end: 2026-03-26 18:00", "5: end: is not after 'start' (check the end time)"),
    ("format: debate", "format: debat", "6: format: unknown value 'debat' (did you mean 'debate'?)"),
    ("start: 2026-03-26 18:30", "start: 2026-03-27 18:30",
     "4: start: is on 2026-03-27 but the file name says 2026-03-26 (rename the file after the start date "
     "(a new date of a postponed conference goes in 'new_start'))"),
    ("venue: {name: H7, city: Lyon}", "online: false",
     "1: venue: a conference needs a venue, or 'online: true', or both (add 'venue:' or 'online:')"),
    ("venue: {name: H7, city: Lyon}", "online: ftp://visio.example/",
     "7: online: 'ftp://visio.example/' has the scheme 'ftp'; only http, https and mailto are allowed "
     "(use an http, https or mailto address)"),
    ("announced: 2026-03-01", "announced: 2026-04-01", "8: announced: is after the start (announce a conference before it takes place)"),
    ("announced: 2026-03-01", "announced: 2026-03-01\nnew_start: 2026-04-02 18:00\nnew_end: 2026-04-02 19:00",
     "9: new_start: is only for a postponed conference (set 'status: postponed' or remove it)"),
    ("announced: 2026-03-01", "announced: 2026-03-01\nstatus: canceled", "9: status: unknown value 'canceled' (did you mean 'cancelled'?)"),
    ("announced: 2026-03-01", "announced: 2026-03-01\nspeakers:\n  - nom: X",
     "10: speakers[0].nom: unknown key (allowed keys: link, name, role)"),
    ("announced: 2026-03-01", "announced: 2026-03-01\nspeakers:\n  - name: [Ana, Bo]",
     "10: speakers[0].name: must be text, or a text per language, not a list "
     "(write a person's name as it is, or a team's name as {fr: …, en: …})"),
    ("announced: 2026-03-01", "announced: 2026-03-01\nspeakers:\n  - name: {fr: Équipe de H7}",
     "10: speakers[0].name: the en text is missing (add 'en:' under 'name')"),
    ("announced: 2026-03-01", "announced: 2026-03-01\nstructures: [h8]", "9: structures[0]: 'h8' is not in structures/ (add it to structures/ or fix the spelling)"),
])
def test_each_problem_is_located(tmp_path, old, new, message):
    conferences, problems = load(tmp_path, {"upconf/2026-03-26-debat.yml": GOOD.replace(old, new),
                                            "upconf/2026-03-26-autre.yml": GOOD})
    assert f"upconf/2026-03-26-debat.yml:{message}" in problems, problems
    assert [c.id for c in conferences] == ["2026-03-26-autre"]


def test_file_name_must_start_with_the_date(tmp_path):
    _, problems = load(tmp_path, {"upconf/debat.yml": GOOD})
    assert problems == ["upconf/debat.yml: the file name 'debat.yml' is not '<yyyy-mm-dd>-<slug>.yml' "
                        "(name it after the start date and a short slug, e.g. 2026-03-26-medias.yml)"]


def test_postponed_conference_takes_place_at_its_new_date(tmp_path):
    text = GOOD + "status: postponed\nnew_start: 2026-04-09 18:30\nnew_end: 2026-04-09 20:00\n"
    [conference], problems = load(tmp_path, {"upconf/2026-03-26-debat.yml": text})
    assert problems == []
    assert conference.when[0].isoformat() == "2026-04-09T18:30:00+02:00"
    assert conference.is_upcoming(dt.datetime(2026, 4, 1, tzinfo=dt.UTC))


def test_updated_dates_the_latest_revision(tmp_path):
    revised = GOOD + "revision: 2\nupdated: 2026-03-10 09:30\n"
    [conference], problems = load(tmp_path / "a", {"upconf/2026-03-26-debat.yml": revised})
    assert problems == [] and conference.modified.isoformat() == "2026-03-10T09:30:00+01:00"
    # Without 'updated', a new revision still reads as newer (one second per revision), from the content only.
    [plain], _ = load(tmp_path / "b", {"upconf/2026-03-26-debat.yml": GOOD + "revision: 2\n"})
    assert plain.modified - plain.announced == dt.timedelta(seconds=2)
    _, problems = load(tmp_path / "c", {"upconf/2026-03-26-debat.yml": GOOD + "updated: 2026-02-01\n"})
    assert problems == ["upconf/2026-03-26-debat.yml:9: updated: is before 'announced' "
                        "(give the date of the latest change)"]


def test_a_persons_name_stays_as_written_and_a_teams_name_is_per_language(tmp_path):
    text = GOOD + ("speakers:\n  - name: Ana Martin\n    role: {fr: Autrice, en: Author}\n"
                   "  - name: {fr: Équipe de H7, en: The H7 team}\n")
    [conference], problems = load(tmp_path, {"upconf/2026-03-26-debat.yml": text})
    assert problems == []
    assert [(s.name_in("fr"), s.name_in("en")) for s in conference.speakers] == [
        ("Ana Martin", "Ana Martin"), ("Équipe de H7", "The H7 team")]
