"""Images referenced by content: checked where they are named (file, format, size, alt text).

Readers of the site include children and people in vulnerable situations, so
no original is ever published: pictures.py draws metadata-free derivatives.
"""

from __future__ import annotations

import functools
import io
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .fields import Fields

MAX_PIXELS = 40_000_000  # larger is refused as a possible decompression bomb
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
IMAGE_KEYS = ("src", "alt")


@dataclass(frozen=True)
class ContentImage:
    """An image of a content item: its checked source file and its alt text per language."""

    source: Path  #: absolute path of the original
    name: str  #: file name as published ('logo.png')
    alt: dict[str, str]
    width: int
    height: int


@dataclass(frozen=True)
class ImageFacts:
    """What checking an image file's bytes found: its upright size, or why it cannot be used."""

    width: int = 0
    height: int = 0
    reason: str = ""  #: after the file's name: "is not an image"; "" when the image can be used
    hint: str = ""


def image_facts(data: bytes) -> ImageFacts:
    """Check an image's bytes (format, pixel count, that it decodes whole): a pure function of ``data``."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            if opened.size[0] * opened.size[1] > MAX_PIXELS:
                raise Image.DecompressionBombError(opened.size)
            if opened.format not in FORMATS:
                return ImageFacts(reason=f"is a {opened.format} image", hint="use JPEG, PNG or WebP")
            width, height = opened.size[::-1] if _rotated(opened) else opened.size
            opened.load()
    except Image.DecompressionBombError:
        return ImageFacts(reason=f"has more than {MAX_PIXELS:,} pixels", hint="resize it before adding it")
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        if isinstance(error, UnidentifiedImageError):
            reason = "is not an image"
        elif "truncated" in str(error):
            reason = "is truncated (the file is incomplete)"
        else:
            reason = f"cannot be read ({error})"
        return ImageFacts(reason=reason, hint="export it again as JPEG or PNG")
    return ImageFacts(width, height)


def read_image_facts(path: Path) -> ImageFacts:
    """``image_facts`` of the file at ``path``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return ImageFacts(reason=f"cannot be read ({error})", hint="export it again as JPEG or PNG")
    return image_facts(data)


def read_image(fields: Fields, key: str, base_dir: Path, repo_root: Path) -> ContentImage | None:
    """Validate ``key: {src, alt: {fr, en}}`` whose src is relative to ``base_dir``."""
    if not fields.has(key):
        return None
    if not isinstance(fields.data[key], dict):
        fields.problem(key, "must be a mapping with 'src' and 'alt'")
        return None
    image = Fields(fields.source, fields.doc, fields.problems, (*fields.path, key))
    image.unknown_keys(IMAGE_KEYS)
    src = image.text("src")
    alt = image.localized("alt")
    found = check_image_file(image, "src", src, base_dir, repo_root)
    if found is None or alt is None:
        return None
    return ContentImage(found[0], found[0].name, alt, found[1], found[2])


def read_cover(fields: Fields, base_dir: Path, repo_root: Path, lang: str,
               facts_of: Callable[[Path], ImageFacts] = read_image_facts) -> ContentImage | None:
    """Validate an article's ``cover`` (file) with its ``cover_alt`` (text of the article's language)."""
    if not fields.has("cover"):
        if fields.has("cover_alt"):
            fields.problem("cover_alt", "is set but there is no 'cover'", "add 'cover:' or remove 'cover_alt:'")
        return None
    src = fields.text("cover")
    alt = fields.text("cover_alt", max_length=300)
    found = check_image_file(fields, "cover", src, base_dir, repo_root, facts_of)
    if found is None or alt is None:
        return None
    return ContentImage(found[0], found[0].name, {lang: alt}, found[1], found[2])


def check_image_file(fields: Fields, key: str, src: str | None, base_dir: Path, repo_root: Path,
                     facts_of: Callable[[Path], ImageFacts] = read_image_facts) -> tuple[Path, int, int] | None:
    """The image file ``src`` (relative to ``base_dir``) with its upright size; None after a problem.

    ``facts_of``: how the file's bytes are checked (``parsed.ParsedFiles.image_facts`` reuses what an
    earlier check of the same bytes found: a cover shared by many articles is decoded once).
    """
    if src is None:
        return None
    path = base_dir / src
    resolved = Path(os.path.realpath(path))  # once: resolving is most of the check's time for a known image
    message = _path_problem(path, resolved, repo_root)
    if message:
        fields.problem(key, message)
        return None
    facts = facts_of(path)
    if facts.reason:
        fields.problem(key, f"'{src}' {facts.reason}", facts.hint)
        return None
    return resolved, facts.width, facts.height


def _path_problem(path: Path, resolved: Path, repo_root: Path) -> str:
    """What is wrong with the image path ``path`` (``resolved``: its real path), or ""."""
    if not resolved.is_relative_to(_real_root(repo_root)):
        what = "a link pointing" if path.is_symlink() else "a path"
        return f"{what} outside the repository is not allowed"
    try:
        mode = os.stat(resolved).st_mode  # one system call: every article's cover is checked at every build
    except OSError:
        return f"'{path.name}' does not exist next to the file"
    if not stat.S_ISREG(mode):
        return f"'{path.name}' is not a file"
    return ""


@functools.lru_cache(maxsize=8)
def _real_root(repo_root: Path) -> Path:
    """The repository's real path (resolved once, not once per image)."""
    return repo_root.resolve()


def _rotated(image: Image.Image) -> bool:
    return image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
