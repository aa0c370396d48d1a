"""ASCII slugs that read right in French: 'L’été à l’écran' -> 'l-ete-a-l-ecran', 'œuvre' -> 'oeuvre'."""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into an ASCII base letter.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss", "ø": "o", "Ø": "O",
                            "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
                            # Typographic apostrophes and quotes separate words, like "'".
                            "’": " ", "‘": " ", "ʼ": " ", "«": " ", "»": " "})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str, separator: str = "-") -> str:
    """Lowercase ASCII words of ``text`` joined by ``separator``; apostrophes separate words."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_text = text.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_ALNUM.sub(separator, ascii_text).strip(separator)


def heading_slug(value: str, separator: str) -> str:
    """Python-Markdown's toc ``slugify`` signature, for French-correct heading anchors."""
    return slugify(value, separator)
