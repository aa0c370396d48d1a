"""Material's stylesheet without the rules no page of the site can use.

Material's ``main.css`` styles every feature of the theme (137 KB; about four fifths of it unused
here: right-to-left scripts, the dark scheme, the blog plugin, code annotations…) and blocks the
first paint of every page. The build keeps a rule only if one of its selectors may match on a page
of the site: every class, id, element and attribute the selector names must occur in the site's
HTML (or in the portal's scripts, which create elements and set classes at view time). That is the
conservative direction: a rule is dropped only when some name it requires appears nowhere, so it
matches no element of any page; what a pseudo-class, ``:not()``, ``:is()`` or ``:has()`` adds is not
required (it can only narrow the match). At-rules other than ``@media`` and ``@supports`` (whose
rules are trimmed the same way) are kept as they are.

Deterministic: the output depends only on the stylesheet and the set of names, not on the order of
the pages; the rules keep their order and their text, so the cascade is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import tinycss2
from tinycss2 import ast

_START_TAG = re.compile(r"<[a-zA-Z][a-zA-Z0-9-]*(?:\s[^>]*)?>")
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^>]*)?>", re.S)
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/`]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
#: Pseudo-classes whose arguments are not required names (they only narrow, or list alternatives).
_OPTIONAL_ARGUMENTS = {"not", "is", "where", "has", "matches", "-webkit-any", "-moz-any", "nth-child",
                       "nth-last-child", "nth-of-type", "nth-last-of-type", "lang", "dir", "host", "host-context"}


@dataclass
class UsedNames:
    """The names the site's pages and scripts use: what a selector may require."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    values: set[tuple[str, str]] = field(default_factory=set)  #: (attribute, value) as written
    words: set[str] = field(default_factory=set)  #: from scripts: may be any of the above, with any value

    seen: set[str] = field(default_factory=set)  #: start tags already read (headers and footers repeat)

    def add_html(self, html: str) -> None:
        """Every element, class, id and attribute (with its value) of one HTML document."""
        for tag in set(_START_TAG.findall(html)) - self.seen:
            self.seen.add(tag)
            match = _TAG.match(tag)
            if match is None:
                continue
            self.tags.add(match.group(1).lower())
            for attribute in _ATTRIBUTE.finditer(match.group(2) or ""):
                name = attribute.group(1).lower()
                value = attribute.group(2) or ""
                if value[:1] in ("'", '"'):
                    value = value[1:-1]
                self.attributes.add(name)
                self.values.add((name, value))
                if name == "class":
                    self.classes.update(value.split())
                elif name == "id":
                    self.ids.add(value)

    def add_script(self, text: str) -> None:
        """Every word of a script: it may create an element, set a class, an id or an attribute."""
        self.words.update(_WORD.findall(text))


def used_names(documents: Iterable[str], scripts: Iterable[str] = ()) -> UsedNames:
    """The names used by ``documents`` (HTML) and ``scripts`` (JavaScript)."""
    names = UsedNames()
    for document in documents:
        names.add_html(document)
    for script in scripts:
        names.add_script(script)
    return names


def trimmed(css: str, names: UsedNames) -> str:
    """``css`` (minified or not) without the rules none of whose selectors can match; comments dropped."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return _rules(rules, names)


def _rules(rules: Iterable[ast.Node], names: UsedNames) -> str:
    out = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            selectors = [s for s in _split_selectors(rule.prelude) if _may_match(s, names)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                out.append(prelude + "{" + tinycss2.serialize(rule.content or []).strip() + "}")
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), names)
            if inner:
                out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{inner}}}")
        elif isinstance(rule, ast.AtRule):
            out.append(rule.serialize().strip())
    return "".join(out)


def _split_selectors(prelude: list[ast.Node]) -> list[list[ast.Node]]:
    selectors: list[list[ast.Node]] = [[]]
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [s for s in selectors if any(not isinstance(t, (ast.WhitespaceToken, ast.Comment)) for t in s)]


def _may_match(selector: list[ast.Node], names: UsedNames) -> bool:
    """Whether every name the selector requires is used somewhere (a script's words count as any name)."""
    previous: ast.Node | None = None
    for token in selector:
        after_dot = isinstance(previous, ast.LiteralToken) and previous.value == "."
        after_colon = isinstance(previous, ast.LiteralToken) and previous.value == ":"
        if isinstance(token, ast.IdentToken) and not after_colon:
            if after_dot:
                if token.value not in names.classes and token.value not in names.words:
                    return False
            elif token.lower_value not in names.tags and token.value not in names.words:
                return False
        elif isinstance(token, ast.HashToken) and token.is_identifier:
            if token.value not in names.ids and token.value not in names.words:
                return False
        elif isinstance(token, ast.SquareBracketsBlock) and not _attribute_may_match(token, names):
            return False
        previous = token
    return True


def _attribute_may_match(block: ast.SquareBracketsBlock, names: UsedNames) -> bool:
    parts = [t for t in block.content if not isinstance(t, ast.WhitespaceToken)]
    if not parts or not isinstance(parts[0], ast.IdentToken):
        return True  # a namespace or something unusual: kept
    name = parts[0].lower_value
    if name in names.words:
        return True
    if name not in names.attributes:
        return False
    # [name=value] needs that exact value; the other operators (^= *= ~= |= $=) only the attribute.
    if len(parts) >= 3 and isinstance(parts[1], ast.LiteralToken) and parts[1].value == "=":
        value = parts[2]
        text = value.value if isinstance(value, (ast.IdentToken, ast.StringToken)) else None
        flags = [t for t in parts[3:] if isinstance(t, ast.IdentToken)]
        if text is not None and not flags:
            return (name, text) in names.values
    return True
