"""The map of the structures: projection, outline, points and the words around them."""

from __future__ import annotations

import math
import re

import pytest

from portal.content.structures import Coordinates, Structure
from portal.sections.structure_map import (
    MIDDLE_LATITUDE,
    POINT_RADIUS,
    SCALE,
    frame_of,
    load_outline,
    outline_path,
    place_points,
    structure_map,
)

TEXT = {"fr": "Texte.", "en": "Text."}


def structure(slug: str, city: str | None, where: tuple[float, float] | None, name: str = "") -> Structure:
    return Structure(slug, f"structures/{slug}.yml", name or slug.title(), "production", TEXT, TEXT, city=city,
                     coordinates=Coordinates(*where) if where else None)


def inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    """Ray casting: is the point inside the polygon?"""
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
    return result


@pytest.fixture(scope="module")
def rings():
    return load_outline()


def test_the_committed_outline_is_metropolitan_france(rings):
    mainland = rings[0]
    lons = [lon for lon, _ in mainland]
    lats = [lat for _, lat in mainland]
    assert -5.2 < min(lons) < -4.5 and 8.0 < max(lons) < 8.3, "Pointe de Corsen to the Rhine"
    assert 42.3 < min(lats) < 42.6 and 51.0 < max(lats) < 51.2, "the Pyrenees to Dunkirk"
    corsica = [ring for ring in rings if all(lon > 8.4 for lon, _ in ring)]
    assert len(corsica) == 1 and min(lat for _, lat in corsica[0]) < 41.5
    assert all(-6 < lon < 10 and 41 < lat < 52 for ring in rings for lon, lat in ring), "no overseas region"


def test_projection_keeps_proportions_at_the_middle_latitude(rings):
    frame = frame_of(rings)
    x0, y0 = frame.project(2.0, 46.0)
    x1, y1 = frame.project(3.0, 47.0)
    assert y0 - y1 == pytest.approx(SCALE), "a degree north is SCALE units up"
    assert x1 - x0 == pytest.approx(SCALE * math.cos(math.radians(MIDDLE_LATITUDE)))
    xs, ys = zip(*(frame.project(lon, lat) for ring in rings for lon, lat in ring))
    assert min(xs) > 0 and max(xs) < frame.width and min(ys) > 0 and max(ys) < frame.height


@pytest.mark.parametrize("city, lat, lon, on_land", [
    ("Lyon", 45.764, 4.836, True), ("Paris", 48.857, 2.352, True), ("Clermont-Ferrand", 45.78, 3.08, True),
    ("Bay of Biscay", 45.5, -3.0, False), ("Geneva", 46.2, 6.14, False), ("Brussels", 50.85, 4.35, False),
])
def test_points_and_outline_share_one_projection(rings, city, lat, lon, on_land):
    frame = frame_of(rings)
    mainland = [frame.project(x, y) for x, y in rings[0]]
    assert inside(frame.project(lon, lat), mainland) is on_land, city


def test_outline_path_is_one_closed_subpath_per_ring(rings):
    path = outline_path(frame_of(rings), rings)
    assert path.count("M") == path.count("Z") == len(rings)
    numbers = re.findall(r"-?\d+(?:\.\d+)?", path)
    assert len(numbers) == 2 * sum(len(r) for r in rings)
    assert not re.search(r"\.\d\d|\.0\b", path), "a tenth of a unit at most, no '.0'"
    assert len(path) < 6000


def page(slug: str) -> str:
    return f"structures/{slug}/"


def test_points_leave_out_structures_without_coordinates_or_off_the_map(rings):
    frame = frame_of(rings)
    points = place_points(frame, [
        structure("h7", "Lyon", (45.764, 4.836)),
        structure("nowhere", None, None),
        structure("reunion", "Saint-Denis", (-20.88, 55.45)),
        structure("citadelle", "Marseille", (43.297, 5.37)),
        structure("jad", "Sèvres", (48.823, 2.21)),
    ], "fr", page)
    assert [(p.slug, p.city, p.path) for p in points] == [
        ("h7", "Lyon", "structures/h7/"), ("citadelle", "Marseille", "structures/citadelle/"),
        ("jad", "Sèvres", "structures/jad/")]
    assert all(frame.contains(p.x, p.y) for p in points)
    assert [p.label for p in points] == ["Lyon", "Marseille", "Sèvres"]


def test_two_structures_in_one_city_get_two_points_and_one_label(rings):
    points = place_points(frame_of(rings), [
        structure("b", "Lyon", (45.764, 4.836), "Beta"), structure("a", "Lyon", (45.764, 4.836), "Alpha")], "en", page)
    assert [p.slug for p in points] == ["a", "b"], "by city, then name"
    assert points[0].y == points[1].y and points[1].x - points[0].x >= 2 * POINT_RADIUS
    assert [p.label for p in points] == ["Lyon", ""]
    assert points[0].label_x > points[1].x, "the label is beyond the last point of the spot"


def test_labels_near_the_east_edge_go_on_the_left(rings):
    [nice] = place_points(frame_of(rings), [structure("n", "Nice", (43.70, 7.27))], "fr", page)
    assert nice.label_anchor == "end" and nice.label_x < nice.x


def test_the_view_names_the_map_and_counts_its_places(rings):
    structures = [structure("h7", "Lyon", (45.764, 4.836)), structure("beta", None, None)]
    view = structure_map(structures, "en", page, rings)
    assert view.view_box == f"0 0 {view.width} {view.height}"
    assert view.title == "Map of the cultural structures of Groupe SOS in mainland France"
    assert view.note == "The map places 1 of the 2 structures: the one whose city is known."
    french = structure_map(structures + [structure("jad", "Sèvres", (48.823, 2.21))], "fr", page, rings)
    assert french.note == "La carte situe 2 structures sur 3 : celles dont la ville est connue."
    assert french.description == "Chaque point est une structure, placée dans sa ville\u202f; la liste à côté de la "\
        "carte donne les mêmes lieux.", "French spacing inside the drawing, which the page's pass leaves alone"
    assert [p.spoken for p in french.points] == ["Jad, Sèvres", "H7, Lyon"][::-1]
    assert structure_map(structures, "en", page, rings) == view, "same input, same map"
