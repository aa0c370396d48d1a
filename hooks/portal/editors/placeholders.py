"""Placeholder text left in content: "sera proposée ultérieurement", "lorem ipsum", "TODO"…

A reader must never see a promise of text to come. `portal check` reports every
line of a content source (hand pages, structures, articles, conferences, the
magazine's registries) that holds one, as ``path:line: text: …``. The same
patterns are used by the browser tests on the built pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from portal.content.problems import Problem

#: Phrases that only ever stand in for text not written yet (French and English).
PATTERNS: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"\bsera (?:proposée?|présentée?|complétée?|ajoutée?|précisée?) (?:ultérieurement|plus tard|prochainement)",
    r"\bviendra compléter cette (?:fiche|page)",
    r"\bcette (?:page|fiche) ne présente pas encore",
    r"\bplus complète[^.]{0,80}\b(?:ultérieurement|dans un second temps)",
    r"\bà compléter\b",
    r"\btexte à venir\b",
    r"\blorem ipsum\b",
    r"\bTODO\b",
    r"\bTBD\b",
    r"\bcoming soon\b",
    r"\ba fuller presentation\b[^.]{0,60}\b(?:will follow|later)",
    r"\bwill be added to this page\b",
    r"\bthis page does not yet describe\b",
    r"\bto be (?:completed|confirmed)\b",
))

#: The content folders and the files in them that hold reader-facing text.
SOURCES = (("content", "*.md"), ("structures", "*.yml"), ("magazine", "*.md"), ("magazine", "*.yml"),
           ("upconf", "*.yml"))


def find(text: str) -> list[str]:
    """The placeholder phrases found in ``text``, as written there (overlapping matches once, the longest)."""
    matches = sorted((m for pattern in PATTERNS for m in pattern.finditer(text)), key=lambda m: (m.start(), -m.end()))
    found, end = [], -1
    for match in matches:
        if match.start() >= end:
            found.append(match.group(0))
            end = match.end()
    return found


def placeholder_problems(repo: Path) -> list[Problem]:
    """One problem per line of a content source that holds a placeholder phrase."""
    problems = []
    for path in _sources(repo):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # unreadable files are reported by the loaders
        for number, line in enumerate(lines, 1):
            for phrase in find(line):
                problems.append(Problem(path.relative_to(repo).as_posix(), number, "text",
                                        f"placeholder text '{phrase}' would be published",
                                        "write the real text, or leave the field out until it is known"))
    return problems


def _sources(repo: Path) -> Iterator[Path]:
    seen: set[Path] = set()
    for folder, pattern in SOURCES:
        for path in sorted((repo / folder).rglob(pattern)):
            if path not in seen and path.is_file():
                seen.add(path)
                yield path
