"""The group's cultural structures: one YAML file each in ``structures/``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .fields import SLUG, Fields
from .figures import KeyFigure, read_figure
from .images import ContentImage, read_image
from .problems import Problem
from .sources import repository_files
from .yamlsource import SourceError, read_data_file

STRUCTURE_KEYS = ("name", "slug", "category", "city", "location", "address", "website", "founded",
                  "summary", "description", "facts", "logo", "photo", "latitude", "longitude")
FACT_KEYS = ("value", "unit", "label")

#: The closed list of categories, in the directory's order, with their names.
CATEGORIES: dict[str, dict[str, str]] = {
    "production": {"fr": "Lieux de production culturelle et d’expérimentation",
                   "en": "Places of cultural production and experimentation"},
    "education": {"fr": "Éducation aux arts, à la culture et aux médias",
                  "en": "Education in the arts, culture and media"},
    "integration": {"fr": "Insertion et formation", "en": "Integration and training"},
    "engineering": {"fr": "Ingénierie culturelle et accompagnement des créateurs",
                    "en": "Cultural engineering and support for creators"},
    "other": {"fr": "Autres structures culturelles", "en": "Other cultural structures"},
}


@dataclass(frozen=True)
class Structure:
    """A cultural structure of the group; texts per language, facts shared."""

    slug: str
    source: str
    name: str
    category: str
    summary: dict[str, str]
    description: dict[str, str]
    city: str | None = None
    location: dict[str, str] | None = None
    address: str | None = None
    website: str | None = None
    founded: int | None = None
    facts: tuple[KeyFigure, ...] = ()
    logo: ContentImage | None = None
    photo: ContentImage | None = None
    coordinates: Coordinates | None = None  #: where the map puts it; None when not written


@dataclass(frozen=True)
class Coordinates:
    """A point on the Earth in decimal degrees (WGS 84), north and east positive."""

    latitude: float
    longitude: float


def load_structures(folder: Path, repo_root: Path) -> tuple[list[Structure], list[Problem]]:
    """Read every ``*.yml`` of ``folder``; a structure with any problem is left out."""
    structures: list[Structure] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return structures, problems
    for path in repository_files(folder.glob("*.y*ml"), repo_root):
        structure = _read_structure(path, repo_root, problems)
        if structure is None:
            continue
        first = next((s for s in structures if s.slug == structure.slug), None)
        if first:
            problems.append(Problem(structure.source, 1, "slug", f"'{structure.slug}' is already used by {first.source}",
                                    "give the structure another file name or slug"))
            continue
        structures.append(structure)
    return structures, problems


def _read_structure(path: Path, repo_root: Path, problems: list[Problem]) -> Structure | None:
    source = path.relative_to(repo_root).as_posix()
    try:
        doc = read_data_file(path, source)
    except SourceError as error:
        problems.append(error.problem(source))
        return None
    before = len(problems)
    fields = Fields(source, doc, problems)
    fields.controls()
    fields.unknown_keys(STRUCTURE_KEYS)
    stem_slug = path.stem if SLUG.match(path.stem) else None
    slug = fields.slug("slug", required=False) or stem_slug
    if slug is None and not fields.has("slug"):
        problems.append(Problem(source, None, "", f"the file name '{path.name}' is not a slug",
                                "rename it with lowercase ASCII letters, digits and hyphens"))
    name = fields.text("name", max_length=120)
    category = fields.choice("category", CATEGORIES)
    summary = fields.localized("summary")
    description = fields.localized("description")
    city = fields.text("city", required=False)
    location = fields.localized("location", required=False)
    address = fields.text("address", required=False)
    website = fields.url("website", required=False)
    founded = fields.integer("founded", required=False, minimum=1000)
    facts = _read_facts(fields, slug or "structure")
    logo = read_image(fields, "logo", path.parent, repo_root)
    photo = read_image(fields, "photo", path.parent, repo_root)
    coordinates = _read_coordinates(fields)
    if len(problems) > before or not (slug and name and category and summary and description):
        return None
    return Structure(slug, source, name, category, summary, description, city, location, address, website,
                     founded, facts, logo, photo, coordinates)


#: The range of each coordinate, in degrees.
DEGREES = {"latitude": 90, "longitude": 180}


def _read_coordinates(fields: Fields) -> Coordinates | None:
    """``latitude`` and ``longitude``, both or neither, in decimal degrees."""
    values = {key: _degrees(fields, key) for key in DEGREES}
    written = [key for key in DEGREES if fields.has(key)]
    if len(written) == 1:
        other = next(key for key in DEGREES if key not in written)
        fields.problem(written[0], "give both 'latitude' and 'longitude'", f"add '{other}:'")
        return None
    latitude, longitude = values["latitude"], values["longitude"]
    if latitude is None or longitude is None:
        return None
    return Coordinates(latitude, longitude)


def _degrees(fields: Fields, key: str) -> float | None:
    if not fields.has(key):
        return None
    value = fields.data[key]
    hint = "write decimal degrees, e.g. latitude: 45.764 and longitude: 4.836"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        fields.problem(key, f"'{value}' is not a number of degrees", hint)
        return None
    limit = DEGREES[key]
    if not -limit <= value <= limit:
        fields.problem(key, f"must be between -{limit} and {limit}, not {value}", hint)
        return None
    return float(value)


def _read_facts(fields: Fields, slug: str) -> tuple[KeyFigure, ...]:
    if not fields.has("facts"):
        return ()
    items = fields.data["facts"]
    if not isinstance(items, list):
        fields.problem("facts", "must be a list of facts, each starting with '- value:'")
        return ()
    facts = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            fields.problem("facts", "each fact must be a mapping with value, unit and label", "", index)
            continue
        fact = read_figure(Fields(fields.source, fields.doc, fields.problems, ("facts", index)),
                           f"{slug}-{index + 1}", FACT_KEYS)
        if fact:
            facts.append(fact)
    return tuple(facts)


def category_name(category: str, lang: str) -> str:
    return CATEGORIES[category][lang]
