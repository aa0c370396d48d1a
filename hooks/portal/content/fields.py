"""Field-by-field validation of YAML data, collecting located problems.

A ``Fields`` reads one mapping of one source file. Each accessor returns the
converted value, or None after recording a Problem that names the file, the
line, the field and the fix; it never raises, so every problem of a file is
reported at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from portal.text.languages import LANGUAGES

from .clock import local
from .problems import Problem, did_you_mean
from .yamlsource import CONTROL, Control, Document, ordered

PLACEHOLDER = "TO FILL"  #: what `portal new` writes where an editor must write
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_SCHEMES = ("http", "https", "mailto")

_TYPE_NAMES = {bool: "true or false", str: "text", int: "a whole number", list: "a list", dict: "a mapping"}


@dataclass(frozen=True)
class Broken:
    """The entries of a registry that are written but have a problem, so that what names them says so.

    ``entries``: key -> line of the entry's first problem; ``whole``: the line of the problem that
    makes the whole file unreadable (then every key is broken).
    """

    where: str  #: the registry's path, e.g. 'magazine/tags.yml'
    entries: Mapping[Hashable, int] = field(default_factory=dict)
    whole: int | None = None

    def line_of(self, key: Hashable) -> int | None:
        """The line to fix before ``key`` can be used, or None when ``key`` is simply unknown."""
        if self.whole is not None:
            return self.whole
        return self.entries.get(key)

    def problem(self, fields: Fields, name: str, key: Hashable, *sub: Hashable) -> bool:
        """Report at ``name`` that ``key`` cannot be used because of its entry's problem; was it broken?"""
        line = self.line_of(key)
        if line is None:
            return False
        fields.problem(name, f"'{key}' has a problem in {self.where}", f"fix {self.where}:{line} first", *sub)
        return True


class Fields:
    """Typed access to the fields of one mapping in one source file."""

    def __init__(self, source: str, doc: Document, problems: list[Problem], path: tuple[Hashable, ...] = ()) -> None:
        self.source = source
        self.doc = doc
        self.problems = problems
        self.path = path
        value = doc.data
        for part in path:
            value = value[part]
        self.data: Mapping[Any, Any] = value if isinstance(value, Mapping) else {}

    # -- reporting -------------------------------------------------------------------------

    def problem(self, key: str, message: str, hint: str = "", *sub: Hashable, unfinished: bool = False) -> None:
        """Record a problem at ``key`` (and optional sub-path) of this mapping.

        ``unfinished``: a text still to write (missing, empty, placeholder), which a draft may have.
        """
        name = field_name((*self.path, key, *sub))
        line = self.doc.line(*self.path, key, *sub) if key else self.doc.line(*self.path)
        self.problems.append(Problem(self.source, line, name, message, hint, unfinished=unfinished))

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def is_empty(self, key: str) -> bool:
        """The key is written with nothing after it ('title:'), or only blanks."""
        return key in self.data and (self.data[key] is None or
                                     isinstance(self.data[key], str) and not self.data[key].strip())

    def missing(self, key: str, hint: str, empty_hint: str = "") -> None:
        """Report a required field that is absent, or written but empty."""
        if self.is_empty(key):
            self.problem(key, "is empty", empty_hint or hint, unfinished=True)
        else:
            self.problem(key, "required field is missing", hint, unfinished=True)

    def controls(self, *sub: Hashable) -> bool:
        """Report each invisible control character of the values under this mapping (or ``sub``); any?"""
        found = self.doc.controls_under((*self.path, *sub))
        self.problems += control_problems(self.source, found)
        return bool(found)

    def unknown_keys(self, allowed: Collection[str]) -> None:
        """Report every key that the schema does not know, with a 'did you mean' hint."""
        for key in self.data:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed) or f"allowed keys: {', '.join(sorted(allowed))}"
                self.problem(str(key), "unknown key", hint)

    def _typed(self, key: str, kind: type, required: bool, empty_hint: str = "") -> Any:
        if not self.has(key):
            if required:
                self.missing(key, f"add '{key}:'", empty_hint)
            return None
        value = self.data[key]
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            self.problem(key, f"must be {_TYPE_NAMES[kind]}, not {_describe(value)}")
            return None
        return value

    # -- accessors -------------------------------------------------------------------------

    def text(self, key: str, required: bool = True, max_length: int | None = None) -> str | None:
        """A non-empty single string."""
        value = self._typed(key, str, required, f"write the {key}")
        if value is None:
            return None
        value = value.strip()
        if not value:
            if required:
                self.problem(key, "is empty", f"write the {key}", unfinished=True)
            return None
        if PLACEHOLDER in value:
            self.problem(key, "still holds the '# TO FILL' placeholder", "replace it with the real text",
                         unfinished=True)
            return None
        if max_length and len(value) > max_length:
            self.problem(key, f"is {len(value)} characters long; keep it under {max_length}")
        return value

    def integer(self, key: str, required: bool = True, minimum: int | None = None) -> int | None:
        value = self._typed(key, int, required)
        if value is not None and minimum is not None and value < minimum:
            self.problem(key, f"must be at least {minimum}, not {value}")
            return None
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._typed(key, bool, False)
        return default if value is None else value

    def choice(self, key: str, choices: Collection[str], required: bool = True) -> str | None:
        value = self._typed(key, str, required, f"choose one of: {', '.join(sorted(choices))}")
        if value is not None and value not in choices:
            hint = did_you_mean(value, choices) or f"choose one of: {', '.join(sorted(choices))}"
            self.problem(key, f"unknown value '{value}'", hint)
            return None
        return value

    def slug(self, key: str, required: bool = True) -> str | None:
        value = self._typed(key, str, required)
        if value is not None and not SLUG.match(value):
            self.problem(key, f"'{value}' is not a slug", "use lowercase ASCII letters, digits and hyphens")
            return None
        return value

    def url(self, key: str, required: bool = True) -> str | None:
        value = self.text(key, required)
        if value is not None:
            message = url_problem(value)
            if message:
                self.problem(key, message, "use an http, https or mailto address")
                return None
        return value

    def date(self, key: str, required: bool = True) -> dt.date | None:
        if not self.has(key):
            if required:
                self.missing(key, "add a date as YYYY-MM-DD")
            return None
        value = self.data[key]
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        self.problem(key, f"'{value}' is not a date", "write it as YYYY-MM-DD")
        return None

    def moment(self, key: str, required: bool = True, with_time: bool = False) -> dt.datetime | None:
        """A date, or a date and time, read as Europe/Paris local time."""
        hint = "write it as 'YYYY-MM-DD HH:MM' (Paris time)" if with_time else \
            "write it as YYYY-MM-DD or 'YYYY-MM-DD HH:MM'"
        if not self.has(key):
            if required:
                self.missing(key, hint if with_time else "add a date as YYYY-MM-DD")
            return None
        value = self.data[key]
        if isinstance(value, (dt.date, dt.datetime)):
            return local(value)
        if isinstance(value, str):
            try:
                return local(dt.datetime.fromisoformat(value.strip()))
            except ValueError:
                pass
        self.problem(key, f"'{value}' is not a date and time" if with_time else f"'{value}' is not a date", hint)
        return None

    def keys(self, key: str, known: Collection[str], where: str, required: bool = False,
             broken: Broken | None = None) -> tuple[str, ...]:
        """A list of keys that must exist in ``known`` (authors, tags, structures…); () after a problem.

        ``broken``: the registry's entries that have a problem of their own (named as such, not as unknown).
        """
        if not self.has(key):
            if required:
                self.missing(key, f"list keys of {where}")
            return ()
        value = self.data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, "must be a list of keys", f"write {key}: [key-one, key-two]")
            return ()
        good = []
        for index, item in enumerate(value):
            if item in known:
                good.append(item)
            elif broken and broken.problem(self, key, item, index):
                continue
            else:
                hint = did_you_mean(item, known) or f"add it to {where} or fix the spelling"
                self.problem(key, f"'{item}' is not in {where}", hint, index)
        if len(set(good)) != len(good):
            self.problem(key, "lists the same key twice")
        if required and not value:
            self.problem(key, "must list at least one key", f"list keys of {where}", unfinished=True)
        return tuple(good) if len(good) == len(value) else ()

    def localized(self, key: str, required: bool = True) -> dict[str, str] | None:
        """A ``{fr: …, en: …}`` text with every language of the site present."""
        value = self._typed(key, dict, required, f"add {' and '.join(LANGUAGES)} under '{key}'")
        if value is None:
            return None
        result: dict[str, str] = {}
        for lang in value:
            if lang not in LANGUAGES:
                hint = did_you_mean(str(lang), LANGUAGES) or f"languages are: {', '.join(LANGUAGES)}"
                self.problem(key, f"unknown language '{lang}'", hint, lang)
        for lang in LANGUAGES:
            text = value.get(lang)
            if text is None and lang in value or isinstance(text, str) and not text.strip():
                self.problem(key, f"the {lang} text is empty", f"write it after '{lang}:'", lang, unfinished=True)
            elif not isinstance(text, str):
                what = "is missing" if text is None else f"must be text, not {_describe(text)}"
                self.problem(key, f"the {lang} text {what}", f"add '{lang}:' under '{key}'", unfinished=text is None)
            elif PLACEHOLDER in text:
                self.problem(key, f"the {lang} text still holds the '# TO FILL' placeholder",
                             "replace it with the real text", lang, unfinished=True)
            else:
                result[lang] = text.strip()
        return result if len(result) == len(LANGUAGES) else None


def control_problems(source: str, controls: list[Control] | tuple[Control, ...], field: str = "") -> list[Problem]:
    """One problem per line and field, naming its first control character: '…: invisible control character
    U+000B; remove it' (the next one, if any, is named once that one is gone)."""
    problems = []
    first: dict[tuple[int, Hashable], Control] = {}
    for control in ordered(controls):
        first.setdefault((control.line, control.path), control)
    for control in first.values():
        hint = ("written as a backslash escape in the quoted text: remove the escape" if control.escaped else
                "text pasted from a word processor often brings one: retype that spot")
        problems.append(Problem(source, control.line, field or field_name(control.path),
                                f"invisible control character {control.code}; remove it", hint))
    return problems


def file_name_problem(source: str) -> Problem | None:
    """A file whose name holds a control character: its name would reach URLs, ids and feeds."""
    found = CONTROL.search(source)
    if found is None:
        return None
    return Problem(CONTROL.sub("\ufffd", source), None, "",
                   f"the file name holds an invisible control character U+{ord(found.group()):04X}", "rename the file")


def field_name(path: tuple[Hashable, ...]) -> str:
    """'speakers[0].name' for ('speakers', 0, 'name'); a leading list index is left out (the line says it)."""
    name = ""
    for part in path:
        if part == "":
            continue
        if isinstance(part, int):
            name += f"[{part}]" if name else ""
        else:
            name += f".{part}" if name else str(part)
    return name


def url_problem(value: str) -> str:
    """Why ``value`` is not an acceptable link from data, or '' when it is."""
    parts = urlsplit(value)
    if parts.scheme not in URL_SCHEMES:
        return f"'{value}' has the scheme '{parts.scheme or 'none'}'; only http, https and mailto are allowed"
    if parts.scheme != "mailto" and not parts.netloc:
        return f"'{value}' has no host"
    return ""


def _describe(value: Any) -> str:
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind):
            return f"{name} ({value!r})" if kind in (int, bool) else name
    if isinstance(value, (dt.date, float)):
        return f"{type(value).__name__} ({value})"
    return type(value).__name__


def describe(value: Any) -> str:
    """How a problem names a value's kind: 'a list', 'a whole number (3)'…"""
    return _describe(value)
