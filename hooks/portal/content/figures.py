"""Key figures of culture within the group: kept once, as data, shown in both languages."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from babel.numbers import format_decimal, format_percent

from .fields import Fields
from .problems import Problem
from .yamlsource import SourceError, load_yaml, read_text

FIGURE_KEYS = ("id", "value", "unit", "qualifier", "label", "counts", "unlisted")
#: What a figure may declare that it counts, so the build can check it against the data.
COUNTABLE = ("structures",)
UNITS = ("count", "percent", "m2", "year")


@dataclass(frozen=True)
class KeyFigure:
    """A figure such as '430,000 people reached', with its texts per language."""

    id: str
    value: int
    unit: str
    label: dict[str, str]
    qualifier: dict[str, str] | None = None
    counts: str | None = None  #: 'structures': the value must match the structure files
    unlisted: int = 0  #: how many of those counted have no file yet
    line: int = 0  #: line of the value, for messages


@dataclass(frozen=True)
class FigureView:
    """A key figure ready for a template, in one language."""

    id: str
    number: str  #: locale-formatted: '430 000' in French, '430,000' in English
    qualifier: str
    label: str


def format_number(value: int, unit: str, lang: str) -> str:
    """Format a figure's value with the locale's digit grouping and percent sign."""
    if unit == "percent":
        return format_percent(value / 100, locale=lang)
    if unit == "year":
        return str(value)  # a year is never grouped: 2024, not 2 024
    number = format_decimal(value, locale=lang)
    return f"{number}\u00a0m²" if unit == "m2" else number


def figure_view(figure: KeyFigure, lang: str) -> FigureView:
    qualifier = figure.qualifier[lang] if figure.qualifier else ""
    return FigureView(figure.id, format_number(figure.value, figure.unit, lang), qualifier, figure.label[lang])


def load_key_figures(path: Path, repo_root: Path) -> tuple[list[KeyFigure], list[Problem]]:
    """Read the key figures file: a list of figures; a missing file means no figures."""
    source = path.relative_to(repo_root).as_posix()
    problems: list[Problem] = []
    if not path.exists():
        return [], problems
    try:
        doc = load_yaml(read_text(path.read_bytes()))
    except SourceError as error:
        return [], [error.problem(source)]
    if not isinstance(doc.data, list):
        return [], [Problem(source, doc.first_line, "", "must be a list of figures, each starting with '- id:'")]
    figures: list[KeyFigure] = []
    for index, item in enumerate(doc.data):
        if not isinstance(item, dict):
            problems.append(Problem(source, doc.line(index), f"[{index}]", "each figure must be a mapping"))
            continue
        fields = Fields(source, doc, problems, (index,))
        if fields.controls():
            continue
        fid = fields.slug("id")
        if fid and any(f.id == fid for f in figures):
            fields.problem("id", f"'{fid}' is used twice", "give each figure its own id")
            continue
        counts = fields.choice("counts", COUNTABLE, required=False)
        unlisted = fields.integer("unlisted", required=False, minimum=0) or 0
        figure = read_figure(fields, fid or "", FIGURE_KEYS)
        if figure and fid:
            figures.append(replace(figure, counts=counts, unlisted=unlisted, line=doc.line(index, "value")))
    return figures, problems


def read_figure(fields: Fields, fid: str, keys: tuple[str, ...]) -> KeyFigure | None:
    """Validate one figure mapping (value, unit, label, qualifier); None if it has a problem."""
    before = len(fields.problems)
    fields.unknown_keys(keys)
    value = fields.integer("value", minimum=0)
    unit = fields.choice("unit", UNITS, required=False) or "count"
    label = fields.localized("label")
    qualifier = fields.localized("qualifier", required=False)
    if len(fields.problems) > before or value is None or label is None:
        return None
    return KeyFigure(fid, value, unit, label, qualifier)

