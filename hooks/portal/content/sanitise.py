"""What HTML an editor's text may hold once it is Markdown no more: an allow-list, applied with nh3.

Markdown lets an editor write raw HTML, attributes (``{ … }``) and links to any
address. Every body (articles, hand-written pages, the Markdown fields of YAML:
descriptions of structures and conferences, editorials of print issues) goes,
after Markdown and before pages, feeds and search get it, through ``clean``:

- tags: text structure and phrasing only (paragraphs, headings, lists, tables,
  quotes, code, emphasis, links, images, figures, ``details``); no script,
  style, iframe, object, embed, form, input, button, svg, math, base, meta;
- attributes: ``class``, ``id``, ``title``, ``lang``, ``dir`` anywhere, and
  each tag's own (``href``, ``src``, ``alt``, ``colspan``…); no ``on…`` event,
  no ``style`` but ``text-align`` in table cells (what Markdown tables write);
- addresses: http, https, mailto and relative ones (pages and files of the site);
  no ``javascript:``, ``data:`` or any other scheme;
- images: from the site only. An image from another site makes every reader's
  browser call that site (an address and a time for each reader): it is removed.

HTML comments are dropped without a word (they are the editor's notes). The
theme's own blocks that the page holds (the shortcodes' key figures and videos,
the slots of the article's pictures) are passed in ``keep`` and come out
untouched. Whatever else is removed is returned, so that it is reported where
it was written, and a strict build fails.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import nh3

from .problems import Problem

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir"})
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
_STYLE_PROPERTIES = frozenset({"text-align"})
#: Removed with their content (the rest keep their text: an <iframe>'s fallback, a <form>'s labels).
_CONTENT_TAGS = frozenset({"script", "style"})

HINT = "write Markdown: raw HTML is limited to the list in the editors' guide"
LINK_HINT = "links go to http, https or mailto addresses, or to pages and files of the site"
IMAGE_HINT = "put the image file next to the text: a reader's browser must not call another site"


@dataclass(frozen=True, order=True)
class Removed:
    """One thing the allow-list removed: what to say, and how to find it in the source."""

    message: str
    hint: str
    evidence: str  #: a regular expression that finds where it was written


def _scheme(url: str) -> str | None:
    """The scheme as a browser reads it (tabs and line breaks inside ignored), or None for a relative URL."""
    url = re.sub(r"[\t\n\r]", "", url).lstrip("\x00- ")
    found = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", url)
    return found.group(1).lower() if found else None


def _is_remote(url: str) -> bool:
    url = re.sub(r"[\t\n\r]", "", url).lstrip("\x00- ")
    return _scheme(url) is not None or url.startswith(("//", "\\\\", "/\\", "\\/"))


def _short(url: str) -> str:
    return url if len(url) <= 60 else url[:57] + "…"


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """nh3's last word on a kept attribute: an image from another site loses its source."""
    if tag == "img" and attribute == "src" and _is_remote(value):
        return None
    return value


class _Finder(HTMLParser):
    """Lists what the allow-list refuses, as the editor wrote it (for the report; nh3 does the removing)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removed: list[Removed] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.removed.append(Removed(f"HTML element <{tag}> removed", HINT, rf"<\s*{re.escape(tag)}\b"))
            return
        allowed = GLOBAL_ATTRIBUTES | ALLOWED_ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                self.removed.append(Removed(f"HTML attribute '{name}' removed from <{tag}>", HINT,
                                            rf"\b{re.escape(name)}\b"))
            elif name == "style" and not _only_allowed_style(value):
                self.removed.append(Removed(f"HTML attribute 'style' removed from <{tag}>", HINT, r"\bstyle\b"))
            elif name in _URL_ATTRIBUTES:
                scheme = _scheme(value)
                evidence = re.escape(value[:40]) if value.strip() else re.escape(name)
                if tag == "img" and _is_remote(value):
                    self.removed.append(Removed(f"image from another site removed: '{_short(value)}'", IMAGE_HINT,
                                                evidence))
                elif scheme is not None and scheme not in URL_SCHEMES:
                    self.removed.append(Removed(f"link to '{_short(value)}' removed", LINK_HINT,
                                                evidence if value.strip() else rf"{re.escape(scheme)}:"))

    handle_startendtag = handle_starttag


def _only_allowed_style(style: str) -> bool:
    properties = [part.split(":", 1)[0].strip().lower() for part in style.split(";") if part.strip()]
    return all(p in _STYLE_PROPERTIES for p in properties)


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS), clean_content_tags=set(_CONTENT_TAGS),
    attributes={"*": set(GLOBAL_ATTRIBUTES), **{tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}},
    attribute_filter=_attribute_filter, url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True,
    filter_style_properties=set(_STYLE_PROPERTIES))

_TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?""")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _plainly_allowed(html: str) -> bool:
    """A quick look: True when every tag, attribute and address is plainly on the list (the usual page),
    so the slower, thorough look that names what is removed can be skipped. False means 'look closer'."""
    html = _COMMENT.sub("", html)
    tags = 0
    for found in _TAG.finditer(html):
        tags += 1
        name = found.group(2).lower()
        if name not in ALLOWED_TAGS:
            return False
        allowed = GLOBAL_ATTRIBUTES | ALLOWED_ATTRIBUTES.get(name, frozenset())
        for attribute in _ATTRIBUTE.finditer(found.group(3)):
            key, value = attribute.group(1).lower(), (attribute.group(2) or "").strip("\"'")
            if key not in allowed or key == "style" and not _only_allowed_style(value):
                return False
            if key in _URL_ATTRIBUTES and ("&" in value or _scheme(value) not in (None, *URL_SCHEMES)
                                           or name == "img" and _is_remote(value)):
                return False
    return tags == html.count("<")  # no '<' that the quick look did not read


def clean(html: str, keep: Sequence[str] = ()) -> tuple[str, list[Removed]]:
    """``html`` with only what the allow-list accepts, and what was removed (each thing once).

    ``keep``: exact pieces of ``html`` written by the theme's own templates; they come out untouched.
    """
    kept: list[str] = []
    for number, block in enumerate(dict.fromkeys(b for b in keep if b and b in html)):
        token = f"\ue000portal-keep-{number}\ue000"  # text of the Private Use Area: nh3 leaves it alone
        html = html.replace(block, token)
        kept.append(block)
    removed: list[Removed] = []
    if not _plainly_allowed(html):
        finder = _Finder()
        finder.feed(html)
        finder.close()
        removed = finder.removed
    cleaned = _CLEANER.clean(html)
    for number, block in enumerate(kept):
        cleaned = cleaned.replace(f"\ue000portal-keep-{number}\ue000", block)
    return cleaned, list(dict.fromkeys(removed))


def located(removed: Sequence[Removed], source: str, field: str, text: str, first_line: int) -> list[Problem]:
    """Each removal as a problem of ``source``, at the line of ``text`` (which starts at ``first_line``)
    where it is written; at ``first_line`` when it cannot be found (an entity, a reference link)."""
    problems = []
    for item in removed:
        found = re.search(item.evidence, text, re.IGNORECASE)
        line = first_line + text.count("\n", 0, found.start()) if found else first_line
        problems.append(Problem(source, line, field, item.message, item.hint))
    return problems


# -- what `portal check` converts ------------------------------------------------------------------

#: The Markdown extensions of the build: MkDocs' own (toc, tables, fenced_code) and mkdocs.yml's (a test keeps
#: them in step), so that `portal check` sees the HTML the build makes.
MARKDOWN_EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition", "smarty")

_RISKY = re.compile(r"<[A-Za-z/!?]|&|\{[^}\n]*\}|!\[[^\]]*\]\s*\[")
_LINK = re.compile(r"(!?)\[[^\]]*\]\s*\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)


def may_be_cleaned(markdown: str) -> bool:
    """Whether ``markdown`` can make anything ``clean`` removes (converting every body would cost seconds)."""
    if _RISKY.search(markdown):
        return True
    for found in _LINK.finditer(markdown):
        scheme = _scheme(found.group(2))
        if scheme is not None and scheme not in URL_SCHEMES or found.group(1) and _is_remote(found.group(2)):
            return True
    return any(_scheme(found.group(1)) not in (None, *URL_SCHEMES) for found in _REFERENCE.finditer(markdown))


# One converter per process: making one loads its extensions (milliseconds, for each of thousands of bodies),
# and ``reset()`` before each use clears what a conversion left in it, so no text or build sees another's.
@functools.cache
def _converter() -> Any:
    import markdown as md  # here: a check with nothing to convert never loads it

    return md.Markdown(extensions=list(MARKDOWN_EXTENSIONS))


def markdown_problems(markdown: str, source: str, field: str, text: str, first_line: int) -> list[Problem]:
    """What the build's sanitising would report for ``markdown`` (a body, or a Markdown field of ``text``)."""
    if not may_be_cleaned(markdown):
        return []
    _, removed = clean(_converter().reset().convert(markdown))
    return located(removed, source, field, text, first_line)
