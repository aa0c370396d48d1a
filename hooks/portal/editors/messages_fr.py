"""French versions of the content problems, for `portal check --lang fr`.

Messages are written in English where they are raised; the gettext catalogue
``locale/fr/LC_MESSAGES/problems.po`` turns each known shape into French, where a
translator can work on it. Each entry's ``msgctxt`` says what it translates
(``message`` or ``hint``), its ``msgid`` is the shape: a regular expression the
whole English text must match (the template ``locale/problems.pot`` lists them,
in the order they are tried: the first that matches wins, so the specific
shapes come before the general ones). The French is a ``str.format`` template:
``{1}``, ``{2}``… are the expression's groups; ``{1:type}`` and ``{1:field}``
name a group's English word with the catalogue's ``type`` and ``field`` entries
("a whole number" → "un nombre entier"; a word not listed is shown «
quoted »). A shape missing, untranslated or fuzzy is shown in English (a unit
test keeps the catalogue in step with the messages the loaders raise).
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from portal.content.problems import Problem
from portal.text.l10n import LOCALE_DIR

TEMPLATE = LOCALE_DIR / "problems.pot"
CATALOGUE = LOCALE_DIR / "fr" / "LC_MESSAGES" / "problems.po"


@dataclass(frozen=True)
class Shape:
    """One English shape of a message or hint and its French template."""

    context: str
    pattern: re.Pattern[str]
    french: str


@dataclass(frozen=True)
class French:
    """The catalogue, read: shapes in the order they are tried, and the words of ``{n:type}``/``{n:field}``."""

    shapes: tuple[Shape, ...]
    words: Mapping[tuple[str, str], str]


@functools.cache
def catalogue() -> French:
    """The French catalogue of problems (read once per process): its translated, checked entries in file order."""
    from babel.messages.pofile import read_po  # only `portal check --lang fr` and the tests need it

    with CATALOGUE.open("rb") as handle:
        read = read_po(handle, locale="fr", domain="problems", ignore_obsolete=True)
    shapes, words = [], {}
    for message in read:
        if not message.id or message.fuzzy or not isinstance(message.string, str) or not message.string:
            continue
        if message.context in ("message", "hint"):
            shapes.append(Shape(message.context, re.compile(str(message.id)), message.string))
        elif message.context:
            words[(message.context, str(message.id))] = message.string
    return French(tuple(shapes), words)


class _Formatter(string.Formatter):
    """``str.format`` whose ``{n:type}`` and ``{n:field}`` put the group's English word into French."""

    def __init__(self, words: Mapping[tuple[str, str], str]) -> None:
        super().__init__()
        self.words = words

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "type":  # 'a whole number (5)' -> 'un nombre entier (5)'
            name, _, rest = str(value).partition(" (")
            return self.words.get(("type", name), f"« {name} »") + (f" ({rest}" if rest else "")
        if format_spec == "field":
            return self.words.get(("field", str(value)), f"« {value} »")
        return super().format_field(value, format_spec)


def _translate(text: str, context: str) -> str:
    french = catalogue()
    for shape in french.shapes:
        if shape.context == context:
            match = shape.pattern.fullmatch(text)
            if match:
                return _Formatter(french.words).format(shape.french, text, *match.groups())
    return text


def in_french(problem: Problem) -> Problem:
    """The same problem, its message and hint in French when their shape is known."""
    return Problem(problem.path, problem.line, problem.field, _translate(problem.message, "message"),
                   _translate(problem.hint, "hint") if problem.hint else "")


def is_translated(message: str) -> bool:
    """Whether a message's shape has a French translation."""
    return any(shape.context == "message" and shape.pattern.fullmatch(message) for shape in catalogue().shapes)
