"""French typography on rendered pages: a narrow no-break space before : ; ? ! and inside « »,
and the curly apostrophe (’) for a straight one between two letters (« d'images » → « d’images »).

Applied to the text of a page's HTML only, never inside tags (so never in attribute
values or URLs), nor in code, preformatted text, scripts, styles or form fields. Only
the space that separates the mark from its word is changed (or added, for « » and
; ? !), so times (18:30), URLs in text (https://…) and ratios are left alone. The
apostrophe is also curled in the attributes a reader meets as text (``alt``, ``title``,
``aria-label``, a ``<meta>``'s ``content`` unless it is an address), and
``french_apostrophes`` serves the texts that are not HTML (JSON-LD, calendars, cards).
"""

from __future__ import annotations

import re

NNBSP = "\u202f"  #: narrow no-break space (espace fine insécable)
_SKIPPED = ("code", "pre", "script", "style", "textarea", "kbd", "samp", "svg", "math")
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_SPACE = r"[ \u00a0\u2009]"
_NBSP_ENTITY = re.compile(r"&nbsp;|&#160;|&#xa0;", re.I)
_ENTITY = re.compile(r"(&#?[A-Za-z0-9]+;)")
#: A space (plain, no-break, thin) before a high mark: becomes narrow and no-break.
_BEFORE_MARK = re.compile(rf"(?:(?<=\S)|^){_SPACE}+(?=[:;?!](?:\s|$|[<»)\]\"'’.,…]))")
#: A word glued to ; ? ! (not : — times, URLs, ratios): a narrow space is added.
_GLUED_MARK = re.compile(r"(?<=[A-Za-zÀ-ÖØ-öø-ÿœŒ0-9»)])(?=[;?!](?:\s|$|[<»)]))")
#: What any of the substitutions below needs in a text to change it (an entity starts with '&'; the apostrophe
#: is curled here too, so it counts).
_MARKS = re.compile(r"[&:;?!«»']")
_AFTER_OPENING = re.compile(rf"«{_SPACE}*")
_LETTER = r"[^\W\d_]"
#: A straight apostrophe between two letters, as typed or as the templates escape it (&#39;).
_APOSTROPHE = re.compile(rf"(?<={_LETTER})(?:'|&#0*39;|&#x0*27;|&apos;)(?={_LETTER})", re.I)
#: The attributes read as text; a <meta>'s content is one too unless it holds an address.
_TEXT_ATTRIBUTE = re.compile(r"""(\s(?:alt|title|aria-label|placeholder|content)=)("[^"]*"|'[^']*')""", re.I)
_BEFORE_CLOSING = re.compile(rf"{_SPACE}*»")


def french_apostrophes(text: str) -> str:
    """``text`` with a curly apostrophe (’) for each straight one between two letters."""
    return _APOSTROPHE.sub("’", text)


def french_spacing(html: str) -> str:
    """``html`` with French spacing and apostrophes in its text; tags, code and scripts untouched."""
    parts = _TOKENS.split(html)
    skipping: list[str] = []
    for index, part in enumerate(parts):
        if index % 2:  # a tag or a comment
            match = _TAG.match(part)
            if match and not match.group(1) and not part.startswith("<!--"):
                parts[index] = part = _TEXT_ATTRIBUTE.sub(_attribute_text, part)
            if match and match.group(2).lower() in _SKIPPED and not part.endswith("/>"):
                name = match.group(2).lower()
                if match.group(1):
                    if skipping and skipping[-1] == name:
                        skipping.pop()
                else:
                    skipping.append(name)
            continue
        if skipping or not part or not _MARKS.search(part):  # most text between tags holds no mark at all
            continue
        parts[index] = _space_text(french_apostrophes(part))
    return "".join(parts)


def _attribute_text(match: re.Match[str]) -> str:
    value = match.group(2)
    if match.group(1).strip().lower().startswith("content=") and value[1:].startswith(("http:", "https:", "/", ".")):
        return match.group(0)  # an address (og:url, og:image): never touched
    return match.group(1) + value[0] + french_apostrophes(value[1:-1]) + value[-1]


def _space_text(text: str) -> str:
    text = _NBSP_ENTITY.sub("\u00a0", text)  # the same character, so that it can be narrowed
    # Character references (&amp; &lt; &#8217;) end with ';': keep them whole, space the text between.
    pieces = _ENTITY.split(text)
    for index in range(0, len(pieces), 2):
        piece = _BEFORE_MARK.sub(NNBSP, pieces[index])
        piece = _GLUED_MARK.sub(NNBSP, piece)
        piece = _AFTER_OPENING.sub("«" + NNBSP, piece)
        pieces[index] = _BEFORE_CLOSING.sub(NNBSP + "»", piece)
    return "".join(pieces)
