"""Subset the committed web fonts to the characters French and English text needs.

    scripts/subset-fonts            # rewrites overrides/assets/fonts/*.woff2 in place

Run once when a font is added or replaced (the subsets are committed: the build never runs
this). The fonts came from Fontsource's "latin" subsets (commit 54ad84d); this keeps, of them:

- the characters: Basic Latin, Latin-1 (French accents, « », °, ·, nbsp), Œ œ Ÿ, the thin space,
  dashes, curly quotes, single guillemets, bullet, ellipsis, euro and minus — not the combining
  marks, spacing modifiers and symbols no page of either language uses;
- the layout features text needs: kerning, ligatures, figures (proportional, tabular,
  lining) and ``rvrn``, which browsers always apply; not fractions, localised forms (Romanian,
  Turkish…) or mark positioning for decomposed accents (the site's text is NFC);
- the hinting, so that Windows renders them as before.

The fonts lacked the narrow no-break space (U+202F) that French typography puts before
``: ; ? !`` and inside « » (``hooks/portal/text/typography.py``): the browser drew each one from
another font. Each font gets it here, as a blank glyph one tenth of an em wide (Source Sans 3's
own thin space, U+2009, which it reuses when the font has it).

Subsetting a subset with the same list gives the same bytes, so running it again is harmless.
The social cards are drawn with two of these files (``hooks/portal/outputs/cards.py``): their text
is the pages' text, within the same characters.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

FONTS = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "fonts"
UNICODES = ("U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+2009,U+2013-2014,U+2018-2019,"
            "U+201C-201D,U+2022,U+2026,U+2039-203A,U+202F,U+20AC,U+2212")
FEATURES = "kern,liga,rvrn,pnum,tnum,lnum"
NARROW_NBSP, THIN_SPACE = 0x202F, 0x2009


def add_narrow_no_break_space(path: Path) -> None:
    """Map U+202F to the font's thin space, or to a new blank glyph 0.1 em wide; nothing if mapped."""
    font = TTFont(path)
    cmap = font.getBestCmap()
    if NARROW_NBSP in cmap:
        return
    name = cmap.get(THIN_SPACE)
    if name is None:  # a blank glyph at the end: no glyph index of the layout tables moves
        name = "uni202F"
        font.setGlyphOrder([*font.getGlyphOrder(), name])
        font["glyf"][name] = Glyph()
        font["hmtx"][name] = (font["head"].unitsPerEm // 10, 0)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[NARROW_NBSP] = name
    font.flavor = "woff2"
    font.save(path)


def subset_font(path: Path) -> tuple[int, int]:
    """Subset one WOFF2 file in place; (bytes before, bytes after)."""
    before = path.stat().st_size
    subset.main([str(path), f"--unicodes={UNICODES}", f"--layout-features={FEATURES}", "--flavor=woff2",
                 f"--output-file={path}"])
    add_narrow_no_break_space(path)
    return before, path.stat().st_size


def main() -> int:
    fonts = sorted(FONTS.glob("*.woff2"))
    for path in fonts:
        before, after = subset_font(path)
        print(f"{path.name}: {before} -> {after} bytes")
    return 0 if fonts else 1


if __name__ == "__main__":
    sys.exit(main())
