"""The map of the structures: metropolitan France and a point per located structure, as SVG data.

Drawn at build time, so the reader's browser fetches nothing (no tile server, no script): the
outline is Natural Earth's 1:50m France (public domain), simplified once and committed as
``data/france.json`` (longitude/latitude rings; ``scripts/france-outline`` made it). Both the
outline and the points go through the same projection, written here by hand: an equirectangular
projection whose longitudes are shortened by the cosine of France's middle latitude (46.5° N), so
that at that latitude a kilometre east is as long on the map as a kilometre north. Over the
width of France this stays within a few per cent of a conformal conic, which is plenty for
placing a dozen cities.

The view is pure data: the template writes the ``<svg>`` from it, and the same places as a list.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from portal.content.structures import Structure
from portal.text import l10n
from portal.text.typography import french_spacing

OUTLINE_FILE = Path(__file__).parent / "data" / "france.json"

MIDDLE_LATITUDE = 46.5  #: degrees north; the parallel where the projection keeps true proportions
SCALE = 60.0  #: map units per degree of latitude (the outline comes out about 600 units wide)
MARGIN = 12.0  #: map units of sea around the outline
POINT_RADIUS = 7.0
LABEL_GAP = 10.0  #: between a point and its label
SPREAD = 2.4 * POINT_RADIUS  #: how far apart points of the same place are drawn


@dataclass(frozen=True)
class Frame:
    """Where the map's longitude/latitude box lands: the projection's origin and the drawing's size."""

    west: float
    north: float
    width: float
    height: float

    def project(self, longitude: float, latitude: float) -> tuple[float, float]:
        """Map units (x right, y down) of a point in degrees."""
        x = (longitude - self.west) * math.cos(math.radians(MIDDLE_LATITUDE)) * SCALE + MARGIN
        y = (self.north - latitude) * SCALE + MARGIN
        return x, y

    def contains(self, x: float, y: float) -> bool:
        return 0 <= x <= self.width and 0 <= y <= self.height


@dataclass(frozen=True)
class MapPoint:
    """One structure on the map, and in the list beside it."""

    slug: str
    name: str
    city: str  #: the structure's city, or its free-text location
    path: str  #: the structure's page, relative to the language root
    x: float
    y: float
    label: str  #: the city, written once per spot ('' for the other structures of the same spot)
    spoken: str  #: the link's name inside the drawing: 'H7, Lyon'
    label_x: float
    label_anchor: str  #: 'start' (label on the right) or 'end' (on the left, near the east edge)


@dataclass(frozen=True)
class StructureMap:
    """What the template draws: the outline, the points, and the words that name them."""

    view_box: str
    width: int
    height: int
    outline: str  #: SVG path data of the coast and borders
    points: tuple[MapPoint, ...]
    title: str
    description: str
    note: str  #: how many structures the map places, of how many
    radius: float = POINT_RADIUS


def load_outline(path: Path = OUTLINE_FILE) -> tuple[tuple[tuple[float, float], ...], ...]:
    """The committed rings of metropolitan France, as (longitude, latitude) pairs."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(tuple((float(lon), float(lat)) for lon, lat in ring) for ring in data["rings"])


def frame_of(rings: Sequence[Sequence[tuple[float, float]]]) -> Frame:
    """The frame that holds every ring, with a margin of sea."""
    longitudes = [lon for ring in rings for lon, _ in ring]
    latitudes = [lat for ring in rings for _, lat in ring]
    west, east = min(longitudes), max(longitudes)
    south, north = min(latitudes), max(latitudes)
    width = (east - west) * math.cos(math.radians(MIDDLE_LATITUDE)) * SCALE + 2 * MARGIN
    height = (north - south) * SCALE + 2 * MARGIN
    return Frame(west, north, math.ceil(width), math.ceil(height))


def outline_path(frame: Frame, rings: Iterable[Sequence[tuple[float, float]]]) -> str:
    """SVG path data, one closed subpath per ring, to a tenth of a unit (smaller than a pixel)."""
    parts = []
    for ring in rings:
        points = [_number(v) for lon, lat in ring for v in frame.project(lon, lat)]
        pairs = [f"{points[i]} {points[i + 1]}" for i in range(0, len(points), 2)]
        parts.append("M" + "L".join(pairs) + "Z")
    return "".join(parts)


def place_points(frame: Frame, structures: Iterable[Structure], lang: str,
                 page_path: Callable[[str], str]) -> tuple[MapPoint, ...]:
    """A point per structure with coordinates inside the frame, sorted by city then name.

    Structures at the same spot (two in one city) are drawn side by side, so each keeps a point
    of its own that can be clicked.
    """
    located = []
    for structure in structures:
        if structure.coordinates is None:
            continue
        x, y = frame.project(structure.coordinates.longitude, structure.coordinates.latitude)
        if frame.contains(x, y):  # outside metropolitan France (overseas, abroad): not on this map
            located.append((structure, x, y))
    located.sort(key=lambda item: (_place(item[0], lang).casefold(), item[0].name.casefold()))
    spots: dict[tuple[float, float], int] = {}
    for _, x, y in located:
        spots[(round(x), round(y))] = spots.get((round(x), round(y)), 0) + 1
    seen: dict[tuple[float, float], int] = {}
    points = []
    for structure, x, y in located:
        spot = (round(x), round(y))
        index = seen.get(spot, 0)
        seen[spot] = index + 1
        shift = (index - (spots[spot] - 1) / 2) * SPREAD
        east = x > frame.width * 0.7
        # The label sits beyond the spot's last point on its side, so no point covers it.
        edge = x + (spots[spot] - 1) / 2 * SPREAD * (-1 if east else 1)
        label_x = edge - LABEL_GAP if east else edge + LABEL_GAP
        label = _spaced((structure.city or structure.name) if index == 0 else "", lang)
        spoken = _spaced(f"{structure.name}, {_place(structure, lang)}" if _place(structure, lang) else structure.name,
                         lang)
        points.append(MapPoint(structure.slug, structure.name, _place(structure, lang), page_path(structure.slug),
                               _round(x + shift), _round(y), label, spoken, _round(label_x),
                               "end" if east else "start"))
    return tuple(points)


def structure_map(structures: Sequence[Structure], lang: str, page_path: Callable[[str], str],
                  rings: Sequence[Sequence[tuple[float, float]]] | None = None) -> StructureMap:
    """The map of ``structures`` for ``lang``; ``page_path`` gives a structure's page from its slug."""
    rings = load_outline() if rings is None else rings
    frame = frame_of(rings)
    points = place_points(frame, structures, lang, page_path)
    count = len(points)
    note_key = "map.note.one" if count == 1 else "map.note.many"
    return StructureMap(
        view_box=f"0 0 {int(frame.width)} {int(frame.height)}",
        width=int(frame.width),
        height=int(frame.height),
        outline=outline_path(frame, rings),
        points=points,
        title=_spaced(l10n.text(lang, "map.title"), lang),
        description=_spaced(l10n.text(lang, "map.description"), lang),
        note=l10n.text(lang, note_key, count=str(count), total=str(len(structures))),
    )


def _spaced(text: str, lang: str) -> str:
    """French spacing for the drawing's own words: the page's pass leaves the inside of <svg> alone."""
    return french_spacing(text) if lang == "fr" else text


def _place(structure: Structure, lang: str) -> str:
    return structure.city or (structure.location or {}).get(lang, "")


def _round(value: float) -> float:
    return round(value, 1)


def _number(value: float) -> str:
    """'12.5', and '12' rather than '12.0': a few hundred bytes fewer on every page that shows the map."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text
