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
#: A kept element (up to its own end tag), a comment, or any other tag. Attribute values in
#: quotes may hold '>'; a kept element of the same name is never nested in HTML.
_TOKEN = re.compile(
    r"<(" + "|".join(_KEPT) + r")(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>"
    r"|<!--.*?-->"
    r"|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S | re.I,
)
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


def _collapsed(run: re.Match[str]) -> str:
    return "\n" if "\n" in run.group(0) or "\r" in run.group(0) else " "


def minified_html(html: str) -> str:
    """``html`` with each run of markup whitespace in its text made one character."""
    parts: list[str] = []
    start = 0
    for token in _TOKEN.finditer(html):
        parts.append(_WHITESPACE.sub(_collapsed, html[start:token.start()]))
        parts.append(token.group(0))
        start = token.end()
    parts.append(_WHITESPACE.sub(_collapsed, html[start:]))
    return "".join(parts)
