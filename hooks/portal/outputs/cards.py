"""Social cards (Open Graph / Twitter, 1200×630) drawn offline with Pillow and the committed fonts.

A card shows the page's section, its title and, when it has one, its cover,
in the site's colours. Cards are cached outside ``site/`` by a key made of
everything that draws them (``portal.cache.cachekey``): their text, the cover's bytes,
the fonts' bytes, this module's code and the libraries' versions.

What a card costs, measured (bench/run.py, cards on and off): drawing the
background gradient line by line, loading the fonts from WOFF2 several times
per card and PNG's ``optimize`` took ≈ 105 ms of CPU per card, one card per
page: a build with cards took 4.7 times the CPU of one without (N = 200). So
the background is made once per
process and the text drawn over a copy of it, fonts and fitted covers are kept
per process, the card is a JPEG (≈ 2 ms to encode, the size of the PNG), and
the later pages of a listing ('magazine/page/2/') show their first page's card
instead of drawing one each (half the pages of a large magazine). Cards are
drawn in parallel, on every core: ≈ 7 ms of CPU per card now.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from portal.cache.cachekey import cache_key, file_digest, fingerprint
from portal.cache.drawing import worker_pool, workers_for

SIZE = (1200, 630)
COVER_WIDTH = 420
INK, PLUM, SUN, PAPER, VERMILION = (35, 26, 46), (59, 35, 80), (243, 179, 61), (251, 247, 241), (179, 58, 31)
TITLE_FONT = "fraunces-latin-700-normal.woff2"
TEXT_FONT = "source-sans-3-latin-600-normal.woff2"
JPEG_QUALITY = 90
#: The later pages of a listing (``magazine_urls.listing_page``): 'magazine/page/2/' -> 'magazine/'.
_LATER_PAGE = re.compile(r"(?:^|(?<=/))page/[0-9]+/?$")


@dataclass(frozen=True)
class CardSpec:
    """What one page's card shows."""

    path: str  #: where the card is published, relative to the language root
    title: str
    section: str
    footer: str
    cover: Path | None = None


def card_path(page_path: str) -> str:
    """The card of the page at ``page_path`` (relative to its language root): 'assets/cards/mission.jpg'.

    A listing's later pages show their first page's card ('magazine/page/3/' -> 'assets/cards/magazine.jpg').
    """
    stem = _LATER_PAGE.sub("", page_path.lstrip("/")).strip("/") or "index"
    return f"assets/cards/{stem}.jpg"


def has_own_card(page_path: str) -> bool:
    """Whether the page at ``page_path`` has a card of its own (not a listing's later page)."""
    return not _LATER_PAGE.search(page_path.lstrip("/"))


def design_key(fonts: Path) -> str:
    """What every card is drawn with besides its own text and cover: this code, the libraries, the fonts."""
    return cache_key(code=[__name__], folders=[fonts])


def cache_file(spec: CardSpec, cache_dir: Path, design: str) -> Path:
    """Where the card of ``spec`` is kept: named after all it is drawn from (``design``: ``design_key``)."""
    # Every field of the spec but where the card is published, and the cover by its bytes.
    shown = dataclasses.replace(spec, path="", cover=None)
    digest = fingerprint(design, shown, file_digest(spec.cover) if spec.cover else None)
    return cache_dir / f"{digest[:32]}.jpg"


#: About what a card costs to draw (N = 1 000: 2 202 cards for 10 s of CPU), to decide on a pool.
SECONDS_PER_CARD = 0.0045


def draw_cards(specs: list[CardSpec], cache_dir: Path, fonts: Path, workers: int | None = None) -> dict[str, Path]:
    """Each card's cache file (drawn if missing, in parallel), by its published path."""
    design = design_key(fonts)
    files = {spec.path: cache_file(spec, cache_dir, design) for spec in specs}
    missing = {}
    for spec in specs:
        target = files[spec.path]
        if not target.exists():
            missing[target] = spec
    if missing:
        cache_dir.mkdir(parents=True, exist_ok=True)
        # One path per cover's bytes: a photo copied beside many articles is read and fitted once per process.
        covers: dict[str, Path] = {}
        jobs = [(dataclasses.replace(spec, cover=covers.setdefault(file_digest(spec.cover), spec.cover))
                 if spec.cover else spec, target, fonts) for target, spec in sorted(missing.items())]
        workers = workers_for(len(jobs), SECONDS_PER_CARD, workers)
        if workers <= 1:
            for job in jobs:
                _draw_job(job)
        else:
            with worker_pool(workers) as pool:
                list(pool.map(_draw_job, jobs, chunksize=8))
    return files


def _draw_job(job: tuple[CardSpec, Path, Path]) -> None:
    spec, target, fonts = job
    image = draw_card(spec, fonts)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    # 4:4:4: the section's coloured letters keep sharp edges.
    image.save(temporary, format="JPEG", quality=JPEG_QUALITY, subsampling=0)
    temporary.replace(target)


def draw_card(spec: CardSpec, fonts: Path) -> Image.Image:
    """The 1200×630 card of a page."""
    width, height = SIZE
    card = _background().copy()
    draw = ImageDraw.Draw(card)
    text_right = width - 80
    if spec.cover:
        card.paste(_fitted_cover(str(spec.cover), file_digest(spec.cover)), (width - COVER_WIDTH, 0))
        text_right = width - COVER_WIDTH - 60
    draw.text((80, 70), spec.section.upper(), font=_font(fonts / TEXT_FONT, 34), fill=SUN)
    size, lines = _fit_title(spec.title, fonts, text_right - 80)
    title_font = _font(fonts / TITLE_FONT, size)
    y = 140
    for line in lines:
        draw.text((80, y), line, font=title_font, fill=(255, 255, 255))
        y += int(size * 1.18)
    draw.text((80, height - 90), spec.footer, font=_font(fonts / TEXT_FONT, 30), fill=PAPER)
    return card


# What every card of a process shares is made once per process (cards are drawn by the thousand): pure
# functions of constants or of a file's bytes (``digest``); the images returned are only copied or pasted from.

@functools.lru_cache(maxsize=1)
def _background() -> Image.Image:
    """The gradient from ink to plum, left to right, with the vermilion bar on the left edge."""
    width, height = SIZE
    row = Image.new("RGB", (width, 1))
    row.putdata([tuple(int(INK[i] * (1 - x / width) + PLUM[i] * x / width) for i in range(3)) for x in range(width)])
    card = row.resize(SIZE, Image.Resampling.NEAREST)
    ImageDraw.Draw(card).rectangle([(0, 0), (18, height)], fill=VERMILION)
    return card


@functools.lru_cache(maxsize=32)
def _fitted_cover(path: str, digest: str) -> Image.Image:
    """The cover cut to the card's right band (``digest``: its bytes', so a replaced file is read again)."""
    band = (COVER_WIDTH, SIZE[1])
    with Image.open(path) as cover:
        # A JPEG is decoded at the smallest scale that still fills the band (much faster on a large photo).
        scale = max(band) / min(cover.size)
        cover.draft("RGB", (math.ceil(cover.size[0] * scale), math.ceil(cover.size[1] * scale)))
        upright = ImageOps.exif_transpose(cover).convert("RGB")
        return ImageOps.fit(upright, band, Image.Resampling.LANCZOS)


def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return _loaded_font(str(path), size, file_digest(path))


@functools.lru_cache(maxsize=32)
def _loaded_font(path: str, size: int, digest: str) -> ImageFont.FreeTypeFont:
    """A font (``digest``: its bytes', so a font replaced under the same name is loaded again)."""
    return ImageFont.truetype(path, size)


def _fit_title(title: str, fonts: Path, max_width: int) -> tuple[int, list[str]]:
    """The largest title size (72 down to 40 px) whose wrapped lines fit in 4 lines."""
    for size in (72, 64, 56, 48, 40):
        font = _font(fonts / TITLE_FONT, size)
        lines = _wrap(title, font, max_width)
        if len(lines) <= 4:
            return size, lines
    lines = _wrap(title, font, max_width)
    return 40, lines[:3] + [lines[3].rstrip(" ,;:") + "…"]


def _wrap(text: str, font: ImageFont.FreeTypeFont, max_width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= max_width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines
