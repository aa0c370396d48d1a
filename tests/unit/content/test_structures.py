import os
from pathlib import Path

import pytest
from PIL import Image

from portal.content.figures import KeyFigure
from portal.content.site import SiteSettings, check_counted_figures
from portal.content.structures import Coordinates, load_structures
from portal.editors.messages_fr import in_french, is_translated
from support import write

VALID = """\
name: Alpha
category: production
city: Lyon
website: https://alpha.example/
summary: {fr: Un lieu., en: A venue.}
description: {fr: Texte., en: Text.}
"""


def load(root: Path):
    structures, problems = load_structures(root / "structures", root)
    return structures, [str(p) for p in problems]


def test_a_valid_structure_loads(tmp_path):
    write(tmp_path, "structures/alpha.yml", VALID)
    [alpha], problems = load(tmp_path)
    assert problems == []
    assert (alpha.slug, alpha.name, alpha.city, alpha.summary["en"]) == ("alpha", "Alpha", "Lyon", "A venue.")


@pytest.mark.parametrize("change, message", [
    ("category: produktion", "structures/alpha.yml:2: category: unknown value 'produktion' (did you mean 'production'?)"),
    ("summary: {fr: Un lieu.}", "structures/alpha.yml:5: summary: the en text is missing (add 'en:' under 'summary')"),
    ("website: javascript:alert(1)", "structures/alpha.yml:4: website: 'javascript:alert(1)' has the scheme 'javascript'; "
                                     "only http, https and mailto are allowed (use an http, https or mailto address)"),
    ("website: ftp://alpha.example/", "structures/alpha.yml:4: website: 'ftp://alpha.example/' has the scheme 'ftp'; "
                                      "only http, https and mailto are allowed (use an http, https or mailto address)"),
    ("cty: Lyon", "structures/alpha.yml:7: cty: unknown key (did you mean 'city'?)"),
    ("founded: deux mille", "structures/alpha.yml:7: founded: must be a whole number, not text"),
    ("city: [Lyon]", "structures/alpha.yml:3: city: must be text, not a list"),
])
def test_each_problem_is_located_and_the_structure_skipped(tmp_path, change, message):
    key = change.split(":", 1)[0]
    lines = VALID.splitlines()
    keys = [line.split(":", 1)[0] for line in lines]
    if key in keys:
        lines[keys.index(key)] = change
    else:
        lines.append(change)
    write(tmp_path, "structures/alpha.yml", "\n".join(lines) + "\n")
    write(tmp_path, "structures/beta.yml", VALID.replace("Alpha", "Beta"))
    structures, problems = load(tmp_path)
    assert problems == [message]
    assert [s.slug for s in structures] == ["beta"], "the valid structure is still published"


def test_duplicate_slug(tmp_path):
    write(tmp_path, "structures/alpha.yml", VALID)
    write(tmp_path, "structures/other.yml", VALID + "slug: alpha\n")
    structures, problems = load(tmp_path)
    assert [s.source for s in structures] == ["structures/alpha.yml"]
    assert problems == ["structures/other.yml:1: slug: 'alpha' is already used by structures/alpha.yml "
                        "(give the structure another file name or slug)"]


def image_yaml(src: str, alt: str = "{fr: Logo, en: Logo}") -> str:
    return VALID + f"logo:\n  src: {src}\n  alt: {alt}\n"


def test_images_are_checked(tmp_path):
    Image.new("RGB", (10, 10)).save(tmp_path / "outside.png")
    (tmp_path / "structures").mkdir()
    Image.new("RGB", (10, 10)).save(tmp_path / "structures/ok.png")
    (tmp_path / "structures/fake.png").write_bytes(b"not an image")
    write(tmp_path, "structures/a.yml", image_yaml("missing.png"))
    write(tmp_path, "structures/b.yml", image_yaml("ok.png", "{fr: Logo}"))
    write(tmp_path, "structures/c.yml", image_yaml("../../secret/passwd.png"))
    write(tmp_path, "structures/d.yml", image_yaml("fake.png"))
    write(tmp_path, "structures/e.yml", image_yaml("ok.png"))
    outside = tmp_path.parent / f"{tmp_path.name}-elsewhere.png"
    Image.new("RGB", (10, 10)).save(outside)
    os.symlink(outside, tmp_path / "structures/link.png")
    write(tmp_path, "structures/f.yml", image_yaml("link.png"))
    structures, problems = load(tmp_path)
    assert [s.slug for s in structures] == ["e"]
    assert problems == [
        "structures/a.yml:8: logo.src: 'missing.png' does not exist next to the file",
        "structures/b.yml:9: logo.alt: the en text is missing (add 'en:' under 'alt')",
        "structures/c.yml:8: logo.src: a path outside the repository is not allowed",
        "structures/d.yml:8: logo.src: 'fake.png' is not an image (export it again as JPEG or PNG)",
        "structures/f.yml:8: logo.src: a link pointing outside the repository is not allowed",
    ]


def test_counted_figure_must_match_the_structure_files(tmp_path):
    settings = SiteSettings(tmp_path, tmp_path / "content", "https://x.org/")
    figure = KeyFigure("structures", 12, "count", {"fr": "s", "en": "s"}, counts="structures", unlisted=2, line=4)
    assert check_counted_figures([figure], settings, 10) == []
    [problem] = check_counted_figures([figure], settings, 11)
    assert str(problem) == ("content/_data/key-figures.yml:4: value: says 12 structures, but structures/ has 11 files "
                            "and 'unlisted' is 2 (update the figure, or 'unlisted' (structures of the group without a file yet))")


def test_coordinates_are_read_in_decimal_degrees(tmp_path):
    write(tmp_path, "structures/alpha.yml", VALID + "latitude: 45.764\nlongitude: 4\n")
    write(tmp_path, "structures/beta.yml", VALID.replace("Alpha", "Beta"))
    structures, problems = load(tmp_path)
    assert problems == []
    assert [(s.slug, s.coordinates) for s in structures] == [("alpha", Coordinates(45.764, 4.0)), ("beta", None)]


DEGREES_HINT = "write decimal degrees, e.g. latitude: 45.764 and longitude: 4.836"


@pytest.mark.parametrize("lines, message", [
    ("latitude: 45.7\n", "structures/alpha.yml:7: latitude: give both 'latitude' and 'longitude' (add 'longitude:')"),
    ("longitude: 4.8\n", "structures/alpha.yml:7: longitude: give both 'latitude' and 'longitude' (add 'latitude:')"),
    ("latitude: 145.7\nlongitude: 4.8\n",
     f"structures/alpha.yml:7: latitude: must be between -90 and 90, not 145.7 ({DEGREES_HINT})"),
    ("latitude: 45.7\nlongitude: -200\n",
     f"structures/alpha.yml:8: longitude: must be between -180 and 180, not -200 ({DEGREES_HINT})"),
    ("latitude: 45° 45' N\nlongitude: 4.8\n",
     f"structures/alpha.yml:7: latitude: '45° 45' N' is not a number of degrees ({DEGREES_HINT})"),
    ("latitude: true\nlongitude: 4.8\n",
     f"structures/alpha.yml:7: latitude: 'True' is not a number of degrees ({DEGREES_HINT})"),
    ("latitude: .nan\nlongitude: 4.8\n",
     f"structures/alpha.yml:7: latitude: must be between -90 and 90, not nan ({DEGREES_HINT})"),
])
def test_bad_coordinates_are_located_and_translated(tmp_path, lines, message):
    write(tmp_path, "structures/alpha.yml", VALID + lines)
    write(tmp_path, "structures/beta.yml", VALID.replace("Alpha", "Beta"))
    structures, problems = load(tmp_path)
    assert problems == [message]
    assert [s.slug for s in structures] == ["beta"], "the valid structure is still published"
    raw = load_structures(tmp_path / "structures", tmp_path)[1]
    assert all(is_translated(p.message) for p in raw)
    french = str(in_french(raw[0]))
    assert "between" not in french and "give both" not in french and "decimal" not in french, french
