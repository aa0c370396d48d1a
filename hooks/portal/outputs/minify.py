"""Whitespace minification of written HTML pages: the templates' indentation, not what readers see.

A run of ASCII whitespace (space, tab, newline, carriage return, form feed) in text between tags
is one space to a browser laying out normal text, so such a run becomes one character: a newline
when it held one (the source stays readable line by line), else a space. Whitespace is never
removed altogether (between two inline elements it is a word space), and nothing else is touched:

- tags and comments are kept byte for byte, so attribute values (URLs, ``srcset``, ``content``,
  JSON in ``data-`` attributes) are unchanged;
- the content of ``pre``, ``textarea``, ``code``, ``kbd``, ``samp``, ``script`` and ``style``
  elements is kept whole (preformatted text, scripts, and Material's ``white-space: pre-wrap``
  on code and keyboard keys);
- no-break spaces (U+00A0, the narrow U+202F of French typography) and other Unicode spaces are
  text, not markup whitespace: they are kept.

The result is the same for the same input, and minifying twice gives the same bytes.
"""

from __future__ import annotations

import re

#: Elements whose content is kept as written.
_KEPT = ("pre", "textarea", "code", "kbd", "samp", "script", "style")
#: Inside a tag: runs of other characters, or quoted attribute values (which may hold '>').
#: Possessive (Python 3.11): nothing to backtrack into, so a '<' that opens no tag costs a single pass.
_ATTRIBUTES = r"(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+"
#: A kept element (up to its own end tag), a comment, or any other tag; a kept element of the same
#: name is never nested in HTML.
_TOKEN = re.compile(
    r"(<(" + "|".join(_KEPT) + r")(?=[\s/>])" + _ATTRIBUTES + r">.*?</\2\s*>"
    r"|<!--.*?-->"
    r"|<" + _ATTRIBUTES + r">)",
    re.S | re.I,
)
#: A run of markup whitespace holding a line break (it becomes one newline), taken whole; a lone
#: newline, already what it would become, is not matched (most runs of a minified page).
_RUN_WITH_NEWLINE = re.compile(r"[ \t\f]+[\n\r][ \t\n\r\f]*|[\n\r][ \t\n\r\f]+|\r")
#: What is left to make one space: a run of two or more, or a lone tab or form feed.
_RUN = re.compile(r"[ \t\f]{2,}|[\t\f]")


def _collapsed(text: str) -> str:
    return _RUN.sub(" ", _RUN_WITH_NEWLINE.sub("\n", text))


def minified_html(html: str) -> str:
    """``html`` with each run of markup whitespace in its text made one character."""
    # re.split keeps the tokens (group 1) and the kept element's name (group 2): text, token, name, text…
    parts = _TOKEN.split(html)
    parts[::3] = [_collapsed(text) if text else text for text in parts[::3]]
    parts[2::3] = [""] * len(parts[2::3])
    return "".join(parts)
