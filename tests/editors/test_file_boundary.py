"""Issue 14's edges as a reader sees the built site: the file cases of the corpus built a few at a time, nothing
under the site folder that comes from outside the repository, no published image with EXIF, GPS or XMP."""

from __future__ import annotations

import gzip
import io
import os
import shutil
from pathlib import Path

import lxml.html
import pytest
from cases_files import FILE_CASES, OUTSIDE_PAGE, SECRET
from PIL import Image
from test_broken_corpus import VALID_PAGES, batches, settings, site_with_all

from cases import ARTICLE, CONFERENCE, STRUCTURE, Case, s
from portal.editors.check import check
from support import FIXTURES, make_site, run_build, write

BATCHES = batches(FILE_CASES)


def _site(cases: list[Case], root: Path) -> Path:
    return site_with_all(cases, root)


@pytest.mark.parametrize("number", range(len(BATCHES)), ids=[f"batch{n + 1}" for n in range(len(BATCHES))])
def test_preview_build_reports_each_case_and_publishes_the_rest(number, tmp_path):
    cases = BATCHES[number]
    source = _site(cases, tmp_path / "src")
    expected = sorted(p for case in cases for p in case.problems)
    # Cases that share a build do not change each other's messages: the check says exactly their union.
    assert sorted(str(p) for p in check(source, settings(source)).problems) == expected
    config = make_site(source, fixture="none", extra={"portal": {"page_size": 1, "social_cards": False}})
    build = run_build(config, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    for problem in expected:
        assert problem in build.log, f"{problem}\n{build.log}"
    for page in VALID_PAGES:
        assert (build.site / page).exists(), page
    for case in cases:
        for page in case.absent:
            assert not os.path.lexists(build.site / page), (case.name, page)
    for path in build.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".ics", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            # Every hand page of these cases is refused: none took over an address (/magazine/, /en/…).
            assert "Une page." not in text, path
            assert SECRET not in text, path


def test_strict_build_fails_on_the_file_cases(tmp_path):
    source = _site(BATCHES[0], tmp_path / "src")
    config = make_site(source, fixture="none", extra={"portal": {"page_size": 1, "social_cards": False}})
    build = run_build(config, tmp_path / "site", strict=True)
    assert build.returncode != 0 and "Traceback" not in build.log
    for case in BATCHES[0]:
        for problem in case.problems:
            assert problem in build.log


def test_every_file_case_is_built():
    built = [c.name for batch in BATCHES for c in batch]
    assert sorted(built) == sorted(c.name for c in FILE_CASES if c.problems)
    assert len(FILE_CASES) >= 40


# -- a hostile contributor's links, and a phone's photos -------------------------------------------

def _photo(size: tuple[int, int] = (1000, 700)) -> bytes:
    """A JPEG as a phone writes it: camera, GPS position, XMP and a comment."""
    image = Image.new("RGB", size, (30, 120, 200))
    exif = image.getexif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 7.0)}  # GPS IFD
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"taken at home")
    data = out.getvalue()
    xmp = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><rdf:Description exif:GPSLatitude='48,51N'/></x:xmpmeta>"
    return data[:2] + b"\xff\xe1" + (len(xmp) + 2).to_bytes(2, "big") + xmp + data[2:]


GALLERY = "---\ntitle: {title}\ndescription: Photos.\n---\n\nTexte.\n\n![{alt}](../photos/groupe.jpg)\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    """The minimal site with phone photos beside pages, articles and structures, and links to outside."""
    root = tmp_path_factory.mktemp("hostile")
    source = root / "src"
    shutil.copytree(FIXTURES / "minimal", source)
    outside = root / "outside"
    outside.mkdir()
    secrets = {
        "secret.txt": SECRET.encode(),
        "secret.md": OUTSIDE_PAGE.encode(),
        "structure.yml": STRUCTURE.replace("Gamma", SECRET).encode(),
        "conference.yml": CONFERENCE.replace("Un débat", SECRET).encode(),
        "article.md": ARTICLE.replace("Texte.", SECRET).encode(),
        "photo.jpg": _photo((900, 600)),
    }
    for name, data in secrets.items():
        (outside / name).write_bytes(data)
    (outside / "folder").mkdir()
    (outside / "folder" / "x.fr.md").write_bytes(OUTSIDE_PAGE.encode())
    (outside / "folder" / "inside.jpg").write_bytes(secrets["photo.jpg"])
    links = {
        "content/notes.txt": "/etc/passwd",
        "content/secret.txt": outside / "secret.txt",
        "content/linked": outside / "folder",
        "content/secret.fr.md": outside / "secret.md",
        "content/_data/more.yml": outside / "structure.yml",
        "content/outside.jpg": outside / "photo.jpg",
        "structures/gamma.yml": outside / "structure.yml",
        "structures/zero.yml": "/dev/zero",
        "magazine/2024": outside / "folder",
        "magazine/2025/copie.fr.md": outside / "article.md",
        "magazine/2025/outside.jpg": outside / "photo.jpg",
        "upconf/2026-07-01-ailleurs.yml": outside / "conference.yml",
    }
    for link, target in links.items():
        (source / link).parent.mkdir(parents=True, exist_ok=True)
        (source / link).symlink_to(target)
    photo = _photo()
    for path in ("content/photos/groupe.jpg", "magazine/2025/cover.jpg", "structures/gamma-photo.jpg"):
        (source / path).parent.mkdir(parents=True, exist_ok=True)
        (source / path).write_bytes(photo)
    write(source, "content/galerie/index.fr.md", GALLERY.format(title="Galerie", alt="Le groupe"))
    write(source, "content/galerie/index.en.md", GALLERY.format(title="Gallery", alt="The group"))
    write(source, "content/dehors.fr.md", "---\ntitle: Dehors\ndescription: D.\n---\n\n![Dehors](outside.jpg)\n")
    write(source, "magazine/2025/photos.fr.md", s(ARTICLE, "rubric: report", "rubric: report\ncover: cover.jpg\n"
                                                   "cover_alt: Le groupe") + "\n![Dehors](outside.jpg)\n")
    write(source, "magazine/2025/reportage.fr.md", s(ARTICLE, "rubric: report", "rubric: report\ncover: cover.jpg\n"
                                                      "cover_alt: Le groupe"))
    write(source, "structures/delta.yml", STRUCTURE.replace("Gamma", "Delta")
          + "photo:\n  src: gamma-photo.jpg\n  alt: {fr: Photo, en: Photo}\n")
    # Social cards are drawn afresh by our code (covered by tests of their own): left out, for time.
    config = make_site(source, fixture="none", extra={"portal": {"page_size": 10, "social_cards": False}})
    build = run_build(config, root / "site", strict=False)
    assert build.returncode == 0 and "Traceback" not in build.log, build.log
    return build, outside


def _published(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if not p.is_dir())


def test_nothing_under_the_site_comes_from_outside_the_repository(hostile):
    build, outside = hostile
    site = Path(os.path.realpath(build.site))
    foreign = [p.read_bytes() for p in outside.rglob("*") if p.is_file()]
    passwd = Path("/etc/passwd").read_bytes()
    files = _published(build.site)
    assert len(files) > 100
    for path in files:
        assert not path.is_symlink(), path
        assert Path(os.path.realpath(path)).is_relative_to(site), path
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        assert SECRET.encode() not in data, path
        assert data not in foreign and data != passwd, path
        assert passwd.splitlines()[0] not in data, path
    for gone in ("notes.txt", "secret.txt", "linked", "secret", "structures/gamma", "magazine/2024",
                 "magazine/2025/copie", "upconf/2026-07-01-ailleurs", "en/notes.txt"):
        assert not os.path.lexists(build.site / gone), gone
    for problem in ("content/notes.txt: a link pointing outside the repository is not allowed",
                    "content/linked: a link pointing outside the repository is not allowed",
                    "structures/zero.yml: a link pointing outside the repository is not allowed",
                    "magazine/2024: a link pointing outside the repository is not allowed",
                    "content/dehors.fr.md:6: image: a link pointing outside the repository is not allowed",
                    "magazine/2025/photos.fr.md:14: image: a link pointing outside the repository is not allowed"):
        assert problem in build.log, problem


def test_images_beside_pages_are_published_as_renditions_only(hostile):
    build, _ = hostile
    for folder in ("galerie", "en/galerie"):
        assert [p.name for p in (build.site / folder).iterdir()] == ["index.html"]  # nothing beside the page
        page = build.read(f"{folder}/index.html")
        tree = lxml.html.fromstring(page)
        [picture] = tree.xpath("//picture")
        [webp] = picture.xpath("./source[@type='image/webp']/@srcset")
        candidates = [c.split(" ") for c in webp.split(", ") + picture.xpath(".//img/@srcset")[0].split(", ")]
        assert sorted(width for _, width in candidates) == ["1000w", "1000w", "480w", "480w", "960w", "960w"]
        for url, _ in candidates:  # published by content, once for all pages that show the same bytes
            published = (build.site / folder / url).resolve()
            assert published.is_file() and "/assets/images/" in published.as_posix(), url
        assert 'width="1000" height="700"' in page and "portal-picture-slot" not in page
    assert not [p for p in _published(build.site) if p.name in ("groupe.jpg", "cover.jpg", "outside.jpg")]
    assert not (build.site / "dehors").exists()


def test_no_published_image_carries_exif_gps_or_xmp(hostile):
    build, _ = hostile
    images = [p for p in _published(build.site) if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".gif")]
    published = {p.resolve() for p in images}
    for page in ("magazine/2025/reportage/index.html", "structures/delta/index.html"):  # pages with camera photos
        shown = lxml.html.fromstring(build.read(page)).xpath("//main//img/@src")
        assert any((build.site / page).parent.joinpath(src).resolve() in published for src in shown), page
    for path in images:
        with Image.open(path) as image:
            assert not image.getexif(), path
            assert image.getexif().get_ifd(0x8825) == {}, path  # no GPS
            leaked = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop"} & set(image.info)
            assert not leaked, (path, leaked)
        assert b"PhoneMaker" not in path.read_bytes() and b"xmpmeta" not in path.read_bytes(), path
