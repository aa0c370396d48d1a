"""#UpConf conferences: one YAML file each, ``upconf/<yyyy-mm-dd>-<slug>.yml``.

A conference's id is its file stem: pages, feed items and calendar UIDs
derive from it, so it must not change once announced (a new date goes in
``new_start``, with ``status: postponed``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from portal.text.languages import LANGUAGES

from .fields import Broken, Fields, describe
from .images import ContentImage, read_image
from .problems import Problem
from .sources import repository_files
from .yamlsource import SourceError, read_data_file

CONFERENCE_KEYS = ("title", "summary", "description", "start", "end", "format", "venue", "online", "speakers",
                   "registration", "status", "new_start", "new_end", "announced", "revision", "structures", "tags",
                   "image", "updated")
VENUE_KEYS = ("name", "address", "city")
SPEAKER_KEYS = ("name", "role", "link")
STATUSES = ("scheduled", "cancelled", "postponed")
#: The closed list of formats, with their names per language.
FORMATS: dict[str, dict[str, str]] = {
    "debate": {"fr": "Débat", "en": "Debate"},
    "exchange": {"fr": "Échange d’idées", "en": "Exchange of ideas"},
    "collective-experience": {"fr": "Expérience collective", "en": "Collective experience"},
}
_STEM = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")


@dataclass(frozen=True)
class Venue:
    name: str
    city: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class Speaker:
    """One speaker. A person's own name is the same in every language; a collective described in
    words ("Équipe de H7") is written per language, ``name: {fr: …, en: …}``."""

    name: dict[str, str]  #: per language (the same text in each for a person's name)
    role: dict[str, str] | None = None
    link: str | None = None

    def name_in(self, lang: str) -> str:
        """The speaker's name as readers of ``lang`` see it."""
        return self.name[lang]


@dataclass(frozen=True)
class Conference:
    """One #UpConf conference, in both languages."""

    id: str  #: the file stem, e.g. '2026-03-26-medias-et-confiance'
    source: str
    title: dict[str, str]
    summary: dict[str, str]
    description: dict[str, str]
    start: dt.datetime  #: Europe/Paris
    end: dt.datetime
    format: str
    announced: dt.datetime
    venue: Venue | None = None
    online: str | bool = False  #: True, or the URL of the online session
    speakers: tuple[Speaker, ...] = ()
    registration: str | None = None
    status: str = "scheduled"
    new_start: dt.datetime | None = None
    new_end: dt.datetime | None = None
    revision: int = 0
    structures: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    image: ContentImage | None = None
    updated: dt.datetime | None = None  #: when the latest revision was published (optional)

    @property
    def modified(self) -> dt.datetime:
        """When the latest revision was published, for feeds' ``updated`` and calendars' DTSTAMP/LAST-MODIFIED.

        ``updated:`` when given; otherwise the announcement, plus one second per
        revision: still a date from the content (never the build's clock), and a
        new revision always reads as newer to a feed reader or a calendar app.
        """
        if self.updated is not None:
            return self.updated
        return self.announced + dt.timedelta(seconds=self.revision)

    @property
    def when(self) -> tuple[dt.datetime, dt.datetime]:
        """When it takes place: the new date of a postponed conference when known."""
        if self.status == "postponed" and self.new_start and self.new_end:
            return self.new_start, self.new_end
        return self.start, self.end

    def is_upcoming(self, now: dt.datetime) -> bool:
        return self.when[1] > now

    @property
    def src_uri(self) -> str:
        return f"upconf/{self.id}.md"


def load_conferences(folder: Path, repo_root: Path, structure_slugs: Collection[str],
                     tag_keys: Collection[str], broken_tags: Broken | None = None) -> tuple[list[Conference], list[Problem]]:
    """Read every conference file; one with a problem is left out, the others kept.

    ``broken_tags``: the entries of magazine/tags.yml that have a problem of their own.
    """
    conferences: list[Conference] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return conferences, problems
    for path in repository_files(folder.glob("*.y*ml"), repo_root):
        conference = _read(path, repo_root, problems, structure_slugs, tag_keys, broken_tags)
        if conference:
            conferences.append(conference)
    return conferences, problems


def _read(path: Path, repo_root: Path, problems: list[Problem], structure_slugs: Collection[str],
          tag_keys: Collection[str], broken_tags: Broken | None = None) -> Conference | None:
    source = path.relative_to(repo_root).as_posix()
    stem = _STEM.match(path.stem)
    if stem is None:
        problems.append(Problem(source, None, "", f"the file name '{path.name}' is not '<yyyy-mm-dd>-<slug>.yml'",
                                "name it after the start date and a short slug, e.g. 2026-03-26-medias.yml"))
        return None
    try:
        doc = read_data_file(path, source)
    except SourceError as error:
        problems.append(error.problem(source))
        return None
    before = len(problems)
    fields = Fields(source, doc, problems)
    fields.controls()
    fields.unknown_keys(CONFERENCE_KEYS)
    title = fields.localized("title")
    summary = fields.localized("summary")
    description = fields.localized("description")
    start = fields.moment("start", with_time=True)
    end = fields.moment("end", with_time=True)
    if start and end and end <= start:
        fields.problem("end", "is not after 'start'", "check the end time")
    if start and start.date().isoformat() != stem.group("date"):
        fields.problem("start", f"is on {start.date()} but the file name says {stem.group('date')}",
                       "rename the file after the start date (a new date of a postponed conference goes in 'new_start')")
    format_ = fields.choice("format", FORMATS)
    announced = fields.moment("announced")
    if announced and start and announced > start:
        fields.problem("announced", "is after the start", "announce a conference before it takes place")
    venue = _venue(fields)
    online = _online(fields)
    if not venue and not online and not fields.has("venue"):
        fields.problem("venue", "a conference needs a venue, or 'online: true', or both", "add 'venue:' or 'online:'")
    speakers = _speakers(fields)
    registration = fields.url("registration", required=False)
    status = fields.choice("status", STATUSES, required=False) or "scheduled"
    new_start = fields.moment("new_start", required=False, with_time=True)
    new_end = fields.moment("new_end", required=False, with_time=True)
    if (new_start or new_end) and status != "postponed":
        fields.problem("new_start", "is only for a postponed conference", "set 'status: postponed' or remove it")
    if bool(new_start) != bool(new_end):
        fields.problem("new_end" if new_start else "new_start", "give both 'new_start' and 'new_end'")
    elif new_start and new_end and new_end <= new_start:
        fields.problem("new_end", "is not after 'new_start'")
    revision = fields.integer("revision", required=False, minimum=0) or 0
    structures = fields.keys("structures", structure_slugs, "structures/")
    tags = fields.keys("tags", tag_keys, "magazine/tags.yml", broken=broken_tags)
    image = read_image(fields, "image", path.parent, repo_root)
    updated = fields.moment("updated", required=False)
    if updated and announced and updated < announced:
        fields.problem("updated", "is before 'announced'", "give the date of the latest change")
    if len(problems) > before or not (title and summary and description and start and end and format_ and announced):
        return None
    return Conference(path.stem, source, title, summary, description, start, end, format_, announced, venue, online,
                      speakers, registration, status, new_start, new_end, revision, structures, tags, image,
                      updated)


def _venue(fields: Fields) -> Venue | None:
    if not fields.has("venue"):
        return None
    if not isinstance(fields.data["venue"], dict):
        fields.problem("venue", "must be a mapping with name, and city or address")
        return None
    venue = Fields(fields.source, fields.doc, fields.problems, ("venue",))
    venue.unknown_keys(VENUE_KEYS)
    name = venue.text("name")
    return Venue(name, venue.text("city", required=False), venue.text("address", required=False)) if name else None


def _online(fields: Fields) -> str | bool:
    if not fields.has("online"):
        return False
    value = fields.data["online"]
    if value is True or value is False:
        return value
    return fields.url("online") or False


def _speakers(fields: Fields) -> tuple[Speaker, ...]:
    if not fields.has("speakers"):
        return ()
    items = fields.data["speakers"]
    if not isinstance(items, list):
        fields.problem("speakers", "must be a list, each speaker starting with '- name:'")
        return ()
    speakers = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            fields.problem("speakers", "each speaker must be a mapping with a name", "", index)
            continue
        speaker = Fields(fields.source, fields.doc, fields.problems, ("speakers", index))
        speaker.unknown_keys(SPEAKER_KEYS)
        name = _speaker_name(speaker)
        role = speaker.localized("role", required=False)
        link = speaker.url("link", required=False)
        if name:
            speakers.append(Speaker(name, role, link))
    return tuple(speakers)


def _speaker_name(speaker: Fields) -> dict[str, str] | None:
    """A person's name (one text, never translated) or a collective's name per language."""
    value = speaker.data.get("name")
    if isinstance(value, dict):
        return speaker.localized("name")
    if value is not None and not isinstance(value, str):
        speaker.problem("name", f"must be text, or a text per language, not {describe(value)}",
                        "write a person's name as it is, or a team's name as {fr: …, en: …}")
        return None
    text = speaker.text("name")
    return {lang: text for lang in LANGUAGES} if text else None
