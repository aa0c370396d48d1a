"""Pages generated from data, per language: what MkDocs must build, as Markdown."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from . import l10n
from .site import Site

DIRECTORY = "structures/index.md"


@dataclass(frozen=True)
class PlannedPage:
    """A page the core asks the host to build: its path, translation key and Markdown."""

    src_uri: str
    lang: str
    key: str
    markdown: str
    in_nav: bool = False


def structure_src_uri(slug: str) -> str:
    return f"structures/{slug}.md"


def plan_pages(site: Site, lang: str) -> list[PlannedPage]:
    """Every generated page of one language, in a stable order."""
    if not site.structures:
        return []
    pages = [PlannedPage(DIRECTORY, lang, "page:structures", _markdown(
        {"title": l10n.text(lang, "structures.title"), "description": l10n.text(lang, "structures.description"),
         "template": "structures.html", "hide": ["navigation", "toc"]},
        l10n.text(lang, "structures.intro")), in_nav=True)]
    for structure in site.structures:
        pages.append(PlannedPage(structure_src_uri(structure.slug), lang, f"structure:{structure.slug}", _markdown(
            {"title": structure.name, "description": structure.summary[lang], "template": "structure.html",
             "hide": ["navigation"]},
            structure.description[lang])))
    return pages


def _markdown(meta: dict[str, object], body: str) -> str:
    # safe_dump quotes whatever needs quoting: a title can never break the front matter.
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000)
    return f"---\n{front}---\n\n{body.strip()}\n"
