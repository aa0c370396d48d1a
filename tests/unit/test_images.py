"""Published images keep no metadata, stand upright and are cached by content."""

from pathlib import Path

from PIL import Image

from portal.images import ContentImage, published_copy

ALT = {"fr": "Une photo", "en": "A photo"}


def sideways_photo_with_gps(path: Path) -> None:
    """A 40×20 JPEG whose EXIF says 'rotate 90° clockwise' (orientation 6), with GPS and a camera."""
    image = Image.new("RGB", (40, 20), (255, 0, 0))
    image.paste((0, 0, 255), (0, 0, 20, 20))  # left half blue
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "Camera"
    exif[0x8825] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    image.save(path, exif=exif.tobytes(), comment=b"shot at home")


def test_orientation_applied_and_every_metadata_removed(tmp_path):
    source = tmp_path / "photo.jpg"
    sideways_photo_with_gps(source)
    with Image.open(source) as original:
        assert original.getexif()[0x0112] == 6 and original.getexif().get_ifd(0x8825)
    out = published_copy(ContentImage(source, "photo.jpg", ALT, 20, 40), tmp_path / "cache")
    with Image.open(out) as published:
        assert published.size == (20, 40), "upright: portrait"
        assert len(published.getexif()) == 0
        assert "exif" not in published.info and "comment" not in published.info and "xmp" not in published.info
        # Rotated clockwise, the blue left half is now on top.
        assert published.getpixel((10, 5))[2] > 200 and published.getpixel((10, 35))[0] > 200
    assert b"GPS" not in out.read_bytes() and b"Camera" not in out.read_bytes()


def test_cmyk_becomes_rgb_and_png_keeps_transparency(tmp_path):
    cmyk = tmp_path / "print.jpg"
    Image.new("CMYK", (8, 8), (0, 255, 255, 0)).save(cmyk)
    out = published_copy(ContentImage(cmyk, "print.jpg", ALT, 8, 8), tmp_path / "cache")
    with Image.open(out) as published:
        assert published.mode == "RGB"
    png = tmp_path / "logo.png"
    Image.new("RGBA", (8, 8), (10, 20, 30, 0)).save(png)
    out = published_copy(ContentImage(png, "logo.png", ALT, 8, 8), tmp_path / "cache")
    with Image.open(out) as published:
        assert published.mode == "RGBA" and published.getpixel((0, 0))[3] == 0


def test_second_publication_is_a_cache_hit(tmp_path):
    source = tmp_path / "photo.jpg"
    sideways_photo_with_gps(source)
    image = ContentImage(source, "photo.jpg", ALT, 20, 40)
    first = published_copy(image, tmp_path / "cache")
    stamp = first.stat().st_mtime_ns
    second = published_copy(image, tmp_path / "cache")
    assert second == first and second.stat().st_mtime_ns == stamp
