"""The legal notice's facts (LCEN art. 6): publisher, seat, director of publication, host.

They live in one data file, ``content/_data/legal.yml``, each field ``{label: {fr, en}, value}``
in a section. A value nobody has confirmed yet is left empty (``value: ""``): it is never
guessed, the page leaves it out, and `portal check` lists it under "to fill" with its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .yamlsource import SourceError, read_data_file

LEGAL_FILE = "_data/legal.yml"
LANGS = ("fr", "en")


@dataclass(frozen=True)
class LegalField:
    key: str
    label: dict[str, str]
    value: str  #: '' while unknown
    line: int


@dataclass(frozen=True)
class LegalSection:
    key: str
    title: dict[str, str]
    fields: tuple[LegalField, ...]


@dataclass(frozen=True)
class LegalRow:
    label: str
    value: str
    link: str  #: 'mailto:…' or 'https://…' when the value is an address to follow, else ''


@dataclass(frozen=True)
class LegalView:
    """The legal notice's sections in one language, with only the values that are known."""

    sections: tuple[tuple[str, tuple[LegalRow, ...]], ...]


def load_legal(content_dir: Path, repo_root: Path) -> tuple[tuple[LegalSection, ...], list[Problem]]:
    """Read the legal notice's data; problems of shape are reported, never raised."""
    path = content_dir / LEGAL_FILE
    if not path.is_file():
        return (), []
    source = path.relative_to(repo_root).as_posix()
    try:
        doc = read_data_file(path, source)
    except SourceError as error:
        return (), [Problem(source, error.line, "", error.message)]
    sections, problems = [], []
    for key, section in doc.data.items():
        line = doc.lines.get((key,), 1)
        if not isinstance(section, dict) or not isinstance(section.get("fields"), dict):
            problems.append(Problem(source, line, str(key), "must hold 'title' and 'fields'"))
            continue
        fields = []
        for name, spec in section["fields"].items():
            where = doc.lines.get((key, "fields", name), line)
            if not isinstance(spec, dict) or not _per_language(spec.get("label")) or not isinstance(spec.get("value", ""), str):
                problems.append(Problem(source, where, f"{key}.{name}", "must hold 'label' (fr, en) and 'value'"))
                continue
            fields.append(LegalField(str(name), dict(spec["label"]), spec.get("value", "").strip(), where))
        title = section.get("title")
        if not _per_language(title):
            problems.append(Problem(source, line, f"{key}.title", "must give the title in fr and en"))
            continue
        sections.append(LegalSection(str(key), dict(title or {}), tuple(fields)))
    return tuple(sections), problems


def to_fill(content_dir: Path, repo_root: Path) -> tuple[str, ...]:
    """'path:line: section.field' of every value still unknown (listed by `portal check`, not an error)."""
    sections, _ = load_legal(content_dir, repo_root)
    source = (content_dir / LEGAL_FILE).relative_to(repo_root).as_posix() if sections else ""
    return tuple(f"{source}:{f.line}: {s.key}.{f.key}" for s in sections for f in s.fields if not f.value)


def legal_view(sections: tuple[LegalSection, ...], lang: str) -> LegalView:
    """The known values of each section, labelled in ``lang``; a section with none is left out."""
    shown = []
    for section in sections:
        rows = tuple(LegalRow(f.label[lang], f.value, _link(f.value)) for f in section.fields if f.value)
        if rows:
            shown.append((section.title[lang], rows))
    return LegalView(tuple(shown))


def _per_language(value: object) -> bool:
    return isinstance(value, dict) and all(isinstance(value.get(lang), str) and value[lang].strip() for lang in LANGS)


def _link(value: str) -> str:
    if value.startswith(("https://", "http://")):
        return value
    if "@" in value and " " not in value:
        return "mailto:" + value
    return ""
