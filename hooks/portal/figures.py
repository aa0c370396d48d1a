"""Key figures of culture within the group: kept once, as data, shown in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal, format_percent

from .fields import SLUG, Fields
from .problems import Problem
from .yamlsource import SourceError, load_yaml, read_text

FIGURE_KEYS = ("id", "value", "unit", "qualifier", "label")
UNITS = ("count", "percent")


@dataclass(frozen=True)
class KeyFigure:
    """A figure such as '430,000 people reached', with its texts per language."""

    id: str
    value: int
    unit: str
    label: dict[str, str]
    qualifier: dict[str, str] | None = None


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
    return format_decimal(value, locale=lang)


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
        return [], [Problem(source, error.line, "", error.message)]
    if not isinstance(doc.data, list):
        return [], [Problem(source, doc.first_line, "", "must be a list of figures, each starting with '- id:'")]
    figures: list[KeyFigure] = []
    for index, item in enumerate(doc.data):
        if not isinstance(item, dict):
            problems.append(Problem(source, doc.line(index), f"[{index}]", "each figure must be a mapping"))
            continue
        before = len(problems)
        fields = Fields(source, doc, problems, (index,))
        fields.unknown_keys(FIGURE_KEYS)
        fid = fields.slug("id")
        value = fields.integer("value", minimum=0)
        unit = fields.choice("unit", UNITS, required=False) or "count"
        label = fields.localized("label")
        qualifier = fields.localized("qualifier", required=False)
        if fid and any(f.id == fid for f in figures):
            fields.problem("id", f"'{fid}' is used twice", "give each figure its own id")
        if len(problems) == before and fid and value is not None and label:
            figures.append(KeyFigure(fid, value, unit, label, qualifier))
    return figures, problems


__all__ = ["KeyFigure", "FigureView", "figure_view", "format_number", "load_key_figures", "SLUG"]
