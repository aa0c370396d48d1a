"""Text from content that a theme prints without escaping.

Material prints a page's title and description raw (it allows markup in
them): in text, in <title>, in attributes. Neutralising '<', '>' and '"' keeps
that output safe; '&' is left alone, so a title reads "Alpha & Cie" everywhere.
"""

from __future__ import annotations


def neutralise(text: str) -> str:
    """``text`` with '<', '>' and '"' as character references."""
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
