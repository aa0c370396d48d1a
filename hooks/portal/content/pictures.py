"""Responsive pictures: derivatives of each content image at a few widths, in WebP and in the
original's format, described for templates as ``<picture>`` sources.

Planning a picture is pure (sizes come from the validated image); drawing the
derivatives is the only pixel work, cached outside the sources and ``site/`` by
a key made of everything that draws them (``portal.cache.cachekey``): the source's
bytes, the width and format, this module's code (and what it imports), the
libraries' versions. It is spread over the machine's cores.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from portal.cache.cachekey import cache_key, file_digest, fingerprint
from portal.cache.drawing import worker_pool, workers_for

from .images import FORMATS, ContentImage

WIDTHS = (480, 960, 1600)
IMAGES = "assets/images/"  #: where pictures are published, relative to a language root
_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
_QUALITY = {"JPEG": 84, "WEBP": 80}


@dataclass(frozen=True)
class Rendition:
    """One derivative: where it is published (relative to a language root) and what it is."""

    path: str
    width: int
    height: int
    format: str  #: 'WEBP', or the original's 'JPEG' / 'PNG'

    @property
    def mime(self) -> str:
        return _MIME[self.format]


@dataclass(frozen=True)
class Picture:
    """What a template needs for ``<picture>``: WebP sources, fallback sources, size, alt text."""

    alt: str
    width: int
    height: int
    src: str  #: the fallback image of middle width
    webp: tuple[Rendition, ...]
    fallback: tuple[Rendition, ...]
    sizes: str

    @property
    def webp_srcset(self) -> tuple[tuple[str, int], ...]:
        return tuple((r.path, r.width) for r in self.webp)

    @property
    def fallback_srcset(self) -> tuple[tuple[str, int], ...]:
        return tuple((r.path, r.width) for r in self.fallback)


def widths_for(width: int) -> tuple[int, ...]:
    """The derivative widths of an image ``width`` pixels wide: never wider than the original."""
    return tuple(sorted({min(w, width) for w in WIDTHS}))


def plan_picture(image: ContentImage, lang: str, sizes: str = "100vw") -> Picture:
    """The renditions of ``image``, published by content: 'assets/images/<digest>-960.webp'.

    The same bytes, used by any number of articles, structures, conferences or pages, are
    one set of files in each language, wherever the pages using them are.
    """
    stem = f"{IMAGES}{file_digest(image.source)[:20]}"
    original = _format_of(image)
    webp, fallback = [], []
    for width in widths_for(image.width):
        height = max(1, round(image.height * width / image.width))
        webp.append(Rendition(f"{stem}-{width}.webp", width, height, "WEBP"))
        fallback.append(Rendition(f"{stem}-{width}{FORMATS[original]}", width, height, original))
    middle = fallback[min(1, len(fallback) - 1)]
    return Picture(image.alt.get(lang) or next(iter(image.alt.values())), image.width, image.height, middle.path,
                   tuple(webp), tuple(fallback), sizes)


def _format_of(image: ContentImage) -> str:
    suffix = image.source.suffix.lower()
    return {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}.get(suffix, "JPEG")


# -- drawing ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Job:
    """One derivative to draw: the source file, its width and format, and its cache file."""

    source: Path
    width: int
    format: str
    target: Path


def drawing_key() -> str:
    """What every derivative is drawn with besides its source, width and format: this code, the libraries."""
    return cache_key(code=[__name__])


def jobs_for(image: ContentImage, picture: Picture, cache_dir: Path,
             drawing: str | None = None) -> list[tuple[Rendition, Job]]:
    """Each rendition of a picture with the cache file that holds it, named after all it is drawn from
    (``drawing``: ``drawing_key()``, computed when not given)."""
    drawing = drawing or drawing_key()
    source = file_digest(image.source)
    result = []
    for rendition in picture.webp + picture.fallback:
        digest = fingerprint(drawing, source, rendition.width, rendition.format)
        name = f"{digest[:32]}{FORMATS[rendition.format]}"
        result.append((rendition, Job(image.source, rendition.width, rendition.format, cache_dir / name)))
    return result


#: About what a rendition costs to draw (a 1600 px JPEG to WebP: 40–50 ms of CPU), to decide on a pool.
SECONDS_PER_RENDITION = 0.04


def draw(jobs: Iterable[Job], workers: int | None = None) -> int:
    """Draw every job whose cache file is missing, in parallel; return how many were drawn."""
    missing = sorted({job.target: job for job in jobs if not job.target.exists()}.values(), key=lambda j: j.target)
    if not missing:
        return 0
    missing[0].target.parent.mkdir(parents=True, exist_ok=True)
    workers = workers_for(len(missing), SECONDS_PER_RENDITION, workers)
    if workers == 1:
        for job in missing:
            draw_one(job)
    else:
        with worker_pool(workers) as pool:
            list(pool.map(draw_one, missing, chunksize=4))
    return len(missing)


def draw_one(job: Job) -> None:
    """Draw one derivative: upright, sRGB, resized, with no metadata at all."""
    with Image.open(job.source) as opened:
        image = ImageOps.exif_transpose(opened)
        image = to_srgb(image, opened.info.get("icc_profile"))
        if image.width > job.width:
            height = max(1, round(image.height * job.width / image.width))
            image = image.resize((job.width, height), Image.Resampling.LANCZOS)
        if job.format == "JPEG" and image.mode != "RGB":
            image = image.convert("RGB")
        image.info = {}  # nothing but pixels: no EXIF, GPS, XMP, ICC or comment is written
        temporary = job.target.with_name(f".{job.target.name}.{os.getpid()}.tmp")
        image.save(temporary, format=job.format, **({"quality": _QUALITY[job.format]} if job.format in _QUALITY
                                                       else {"optimize": True}))
        temporary.replace(job.target)


def to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """The image in an sRGB-compatible mode (RGB, RGBA, L, LA); CMYK through its ICC profile if any."""
    if icc and image.mode in ("CMYK", "RGB", "RGBA"):
        try:
            import io

            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            output = "RGBA" if image.mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=output)
            image = converted if converted is not None else image
        except (ImageCms.PyCMSError, OSError):
            pass  # a broken profile: fall back to Pillow's plain conversion below
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    has_alpha = "A" in image.getbands() or "transparency" in image.info
    return image.convert("RGBA" if has_alpha else "RGB")
