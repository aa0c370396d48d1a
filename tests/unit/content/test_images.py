"""Published pictures: upright, metadata-free, sRGB, never wider than the original, cached, drawn in parallel."""

from pathlib import Path

from PIL import Image

from portal.content.images import ContentImage
from portal.content.pictures import draw, jobs_for, plan_picture, widths_for

ALT = {"fr": "Une photo", "en": "A photo"}


def sideways_photo_with_gps(path: Path, size=(2000, 1000)) -> ContentImage:
    """A JPEG whose EXIF says 'rotate 90° clockwise' (orientation 6), with GPS, camera and a comment."""
    image = Image.new("RGB", size, (255, 0, 0))
    image.paste((0, 0, 255), (0, 0, size[0] // 2, size[1]))  # left half blue
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "Camera"
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    image.save(path, exif=exif.tobytes(), comment=b"shot at home")
    return ContentImage(path, path.name, ALT, size[1], size[0])  # upright: portrait


def renditions(image: ContentImage, cache: Path) -> dict[str, Path]:
    """The cache file of each rendition, by width and suffix ('480.jpg')."""
    jobs = jobs_for(image, plan_picture(image, "fr"), cache)
    draw([job for _, job in jobs], workers=2)
    assert all(rendition.path.startswith("assets/images/") for rendition, _ in jobs)
    return {rendition.path.rsplit("-", 1)[1]: job.target for rendition, job in jobs}


def test_widths_never_exceed_the_original():
    assert widths_for(4000) == (480, 960, 1600)
    assert widths_for(1000) == (480, 960, 1000)
    assert widths_for(300) == (300,)


def test_derivatives_are_upright_and_carry_no_metadata(tmp_path):
    image = sideways_photo_with_gps(tmp_path / "photo.jpg")
    made = renditions(image, tmp_path / "cache")
    assert sorted(made) == ["1000.jpg", "1000.webp", "480.jpg", "480.webp", "960.jpg", "960.webp"]
    for path in made.values():
        with Image.open(path) as out:
            assert out.height > out.width, "portrait, as shot"
            assert len(out.getexif()) == 0
            assert not {"exif", "comment", "icc_profile", "xmp"} & set(out.info), out.info
        data = path.read_bytes()
        assert b"GPS" not in data and b"Camera" not in data and b"shot at home" not in data
    with Image.open(made["480.jpg"]) as small:
        assert small.size == (480, 960)
        top, bottom = small.getpixel((240, 100)), small.getpixel((240, 860))
        assert top[2] > 200 and bottom[0] > 200, "rotated clockwise: the blue left half is on top"


def test_cmyk_becomes_srgb_and_png_keeps_transparency(tmp_path):
    Image.new("CMYK", (600, 400), (0, 255, 255, 0)).save(tmp_path / "print.jpg")
    made = renditions(ContentImage(tmp_path / "print.jpg", "print.jpg", ALT, 600, 400), tmp_path / "cache")
    with Image.open(made["600.jpg"]) as out:
        assert out.mode == "RGB"
        red, green, blue = out.getpixel((10, 10))
        assert red > 200 and green < 80 and blue < 80
    Image.new("RGBA", (500, 500), (10, 20, 30, 0)).save(tmp_path / "logo.png")
    made = renditions(ContentImage(tmp_path / "logo.png", "logo.png", ALT, 500, 500), tmp_path / "cache")
    for name in ("480.png", "480.webp"):
        with Image.open(made[name]) as out:
            assert out.mode == "RGBA" and out.getpixel((0, 0))[3] == 0


def test_second_build_is_a_cache_hit(tmp_path):
    image = sideways_photo_with_gps(tmp_path / "photo.jpg", (1200, 800))
    jobs = [job for _, job in jobs_for(image, plan_picture(image, "fr"), tmp_path / "cache")]
    assert draw(jobs, workers=2) == 4  # 480 and 800 (the upright width), in WebP and JPEG
    stamps = {job.target: job.target.stat().st_mtime_ns for job in jobs}
    assert draw(jobs, workers=2) == 0
    assert {job.target: job.target.stat().st_mtime_ns for job in jobs} == stamps
    (tmp_path / "photo.jpg").write_bytes((tmp_path / "photo.jpg").read_bytes() + b"\0")  # new content
    changed = [job for _, job in jobs_for(image, plan_picture(image, "fr"), tmp_path / "cache")]
    assert draw(changed, workers=2) == 4


def test_the_same_bytes_are_published_once_whatever_their_name_or_page(tmp_path):
    one = sideways_photo_with_gps(tmp_path / "photo.jpg", (1200, 800))
    (tmp_path / "copy.jpg").write_bytes((tmp_path / "photo.jpg").read_bytes())
    copy = ContentImage(tmp_path / "copy.jpg", "copy.jpg", {"fr": "Une autre légende"}, one.width, one.height)
    first, second = plan_picture(one, "fr"), plan_picture(copy, "fr")
    assert first.webp == second.webp and first.fallback == second.fallback and first.alt != second.alt
    other = sideways_photo_with_gps(tmp_path / "other.jpg", (1200, 801))
    assert not {r.path for r in plan_picture(other, "fr").webp} & {r.path for r in first.webp}
