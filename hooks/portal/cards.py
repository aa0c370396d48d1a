"""Social cards (Open Graph / Twitter, 1200×630) drawn offline with Pillow and the committed fonts.

A card shows the page's section, its title and, when it has one, its cover,
in the site's colours. Cards are cached outside ``site/`` by a key made of
everything that draws them (``portal.cachekey``): their text, the cover's bytes,
the fonts' bytes, this module's code and the libraries' versions. They are
drawn in parallel.
"""

from __future__ import annotations

import dataclasses
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from .cachekey import cache_key, file_digest, fingerprint

SIZE = (1200, 630)
INK, PLUM, SUN, PAPER, VERMILION = (35, 26, 46), (59, 35, 80), (243, 179, 61), (251, 247, 241), (179, 58, 31)
TITLE_FONT = "fraunces-latin-700-normal.woff2"
TEXT_FONT = "source-sans-3-latin-600-normal.woff2"


@dataclass(frozen=True)
class CardSpec:
    """What one page's card shows."""

    path: str  #: where the card is published, relative to the language root
    title: str
    section: str
    footer: str
    cover: Path | None = None


def card_path(page_path: str) -> str:
    """The card of the page at ``page_path`` (relative to its language root): 'assets/cards/mission.png'."""
    stem = page_path.strip("/") or "index"
    return f"assets/cards/{stem}.png"


def design_key(fonts: Path) -> str:
    """What every card is drawn with besides its own text and cover: this code, the libraries, the fonts."""
    return cache_key(code=[__name__], folders=[fonts])


def cache_file(spec: CardSpec, cache_dir: Path, design: str) -> Path:
    """Where the card of ``spec`` is kept: named after all it is drawn from (``design``: ``design_key``)."""
    # Every field of the spec but where the card is published, and the cover by its bytes.
    shown = dataclasses.replace(spec, path="", cover=None)
    digest = fingerprint(design, shown, file_digest(spec.cover) if spec.cover else None)
    return cache_dir / f"{digest[:32]}.png"


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
        jobs = [(spec, target, fonts) for target, spec in sorted(missing.items())]
        workers = min(workers or os.cpu_count() or 1, len(jobs))
        if workers <= 1:
            for job in jobs:
                _draw_job(job)
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                list(pool.map(_draw_job, jobs, chunksize=8))
    return files


def _draw_job(job: tuple[CardSpec, Path, Path]) -> None:
    spec, target, fonts = job
    image = draw_card(spec, fonts)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    image.save(temporary, format="PNG", optimize=True)
    temporary.replace(target)


def draw_card(spec: CardSpec, fonts: Path) -> Image.Image:
    """The 1200×630 card of a page."""
    width, height = SIZE
    card = Image.new("RGB", SIZE, INK)
    draw = ImageDraw.Draw(card)
    for x in range(width):  # a diagonal-ish gradient, ink to plum
        t = x / width
        draw.line([(x, 0), (x, height)], fill=tuple(int(INK[i] * (1 - t) + PLUM[i] * t) for i in range(3)))
    text_right = width - 80
    if spec.cover:
        with Image.open(spec.cover) as cover:
            cover = ImageOps.exif_transpose(cover).convert("RGB")
            cover = ImageOps.fit(cover, (420, height), Image.Resampling.LANCZOS)
        card.paste(cover, (width - 420, 0))
        text_right = width - 420 - 60
    draw.rectangle([(0, 0), (18, height)], fill=VERMILION)
    section_font = ImageFont.truetype(str(fonts / TEXT_FONT), 34)
    footer_font = ImageFont.truetype(str(fonts / TEXT_FONT), 30)
    draw.text((80, 70), spec.section.upper(), font=section_font, fill=SUN)
    size, lines = _fit_title(spec.title, fonts, text_right - 80)
    title_font = ImageFont.truetype(str(fonts / TITLE_FONT), size)
    y = 140
    for line in lines:
        draw.text((80, y), line, font=title_font, fill=(255, 255, 255))
        y += int(size * 1.18)
    draw.text((80, height - 90), spec.footer, font=footer_font, fill=PAPER)
    return card


def _fit_title(title: str, fonts: Path, max_width: int) -> tuple[int, list[str]]:
    """The largest title size (72 down to 40 px) whose wrapped lines fit in 4 lines."""
    for size in (72, 64, 56, 48, 40):
        font = ImageFont.truetype(str(fonts / TITLE_FONT), size)
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
