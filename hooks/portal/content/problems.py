"""Content problems as data: where, which field, what is wrong, and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one source file, printed as ``path:line: field: message (hint)``."""

    path: str
    line: int | None
    field: str
    message: str
    hint: str = ""
    #: A text still to write (a required field missing or empty, a '# TO FILL' left): a draft may have these.
    unfinished: bool = dataclass_field(default=False, compare=False)
    #: In a file others depend on (a registry): printed before every other problem, as their cause.
    leads: bool = dataclass_field(default=False, compare=False)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean …?' hint for a misspelt key or value, or '' when nothing is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.75)
    return f"did you mean '{close[0]}'?" if close else ""


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in a stable order: those of registries first (they explain others), then by file, line, field."""
    return sorted(problems, key=lambda p: (not p.leads, p.path, p.line or 0, p.field, p.message))
