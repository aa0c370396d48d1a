"""Prepared views of the structures: the directory, one structure's page, the home section."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portal.content.figures import FigureView, figure_view
from portal.content.pictures import Picture, plan_picture
from portal.content.site import Site
from portal.content.structures import CATEGORIES, Structure, category_name
from portal.content.urls import absolute, language_relative_path, page_path
from portal.text.languages import language
from portal.text.slugs import slugify

from .jsonld import organization, script_json
from .structure_map import StructureMap, structure_map


@dataclass(frozen=True)
class StructureCard:
    """A structure in a listing."""

    slug: str
    name: str
    summary: str
    category: str
    city: str  #: '' when unknown; the filter's value
    place: str  #: the city, or the free-text location, for display
    path: str  #: relative to the language root


@dataclass(frozen=True)
class CategoryGroup:
    key: str
    name: str
    structures: tuple[StructureCard, ...]


@dataclass(frozen=True)
class DirectoryView:
    groups: tuple[CategoryGroup, ...]
    categories: tuple[tuple[str, str], ...]  #: (key, name) of non-empty categories
    cities: tuple[str, ...]
    total: int
    map: StructureMap | None = None  #: None when no structure has coordinates


@dataclass(frozen=True)
class StructureView:
    name: str
    summary: str
    category: str
    category_name: str
    category_path: str  #: the directory, at this category's group
    place: str
    address: str
    website: str
    founded: str
    facts: tuple[FigureView, ...]
    logo: Picture | None
    photo: Picture | None
    directory_path: str
    json_ld: str
    mentions: tuple[Any, ...] = ()  #: magazine articles about the structure
    conferences: tuple[Any, ...] = ()  #: #UpConf conferences about the structure, newest first


DIRECTORY = "structures/index.md"
MENTIONS = 6


def structure_src_uri(slug: str) -> str:
    return f"structures/{slug}.md"


SIZES = {"logo": "8rem", "photo": "(min-width: 76em) 45rem, 100vw"}


def card(structure: Structure, lang: str) -> StructureCard:
    place = structure.city or (structure.location or {}).get(lang, "")
    return StructureCard(structure.slug, structure.name, structure.summary[lang], structure.category,
                         structure.city or "", place, language_relative_path(structure_src_uri(structure.slug)))


def directory_view(site: Site, lang: str) -> DirectoryView:
    """Structures grouped by category in the vocabulary's order, by name within a group."""
    groups = []
    for key in CATEGORIES:
        members = sorted((s for s in site.structures if s.category == key), key=lambda s: _sort_name(s.name))
        if members:
            groups.append(CategoryGroup(key, category_name(key, lang), tuple(card(s, lang) for s in members)))
    cities = sorted({s.city for s in site.structures if s.city}, key=_sort_name)
    return DirectoryView(tuple(groups), tuple((g.key, g.name) for g in groups), tuple(cities), len(site.structures),
                         directory_map(site, lang))


def directory_map(site: Site, lang: str) -> StructureMap | None:
    """The map of the structures (the directory's, and the home's smaller copy); None when none is located."""
    drawn = structure_map(site.structures, lang, structure_path)
    return drawn if drawn.points else None


def structure_path(slug: str) -> str:
    """A structure's page, relative to the language root."""
    return language_relative_path(structure_src_uri(slug))


def structure_view(site: Site, structure: Structure, lang: str) -> StructureView:
    from .conference_views import card as conference_card  # those views import this module
    from .magazine_views import card
    page_url = absolute(site.translations.root_url, page_path(structure_src_uri(structure.slug), lang))
    images = {kind: img for kind, img in (("logo", structure.logo), ("photo", structure.photo)) if img}
    views = {kind: plan_picture(img, lang, SIZES[kind]) for kind, img in images.items()}
    image_urls = {kind: site.translations.root_url + language(lang).prefix + view.fallback[-1].path
                  for kind, view in views.items()}
    directory = language_relative_path(DIRECTORY)
    return StructureView(
        name=structure.name,
        summary=structure.summary[lang],
        category=structure.category,
        category_name=category_name(structure.category, lang),
        category_path=f"{directory}#{structure.category}",
        place=structure.city or (structure.location or {}).get(lang, ""),
        address=structure.address or "",
        website=structure.website or "",
        founded=str(structure.founded) if structure.founded else "",
        facts=tuple(figure_view(f, lang) for f in structure.facts),
        logo=views.get("logo"),
        photo=views.get("photo"),
        directory_path=directory,
        json_ld=script_json(organization(structure, lang, page_url, image_urls), lang),
        mentions=tuple(card(site, a, lang) for a in site.articles.listed_in(lang)
                       if structure.slug in a.structures)[:MENTIONS],
        conferences=tuple(conference_card(site, c, lang) for c in site.upcoming() + site.past()
                          if structure.slug in c.structures)[:MENTIONS],
    )


def home_structures(site: Site, lang: str) -> tuple[StructureCard, ...]:
    """Every structure, by name, for the home page."""
    return tuple(card(s, lang) for s in sorted(site.structures, key=lambda s: _sort_name(s.name)))


def _sort_name(name: str) -> str:
    """Sort 'Le Troisième Pôle' under T and 'La Citadelle' under C, accents aside."""
    words = slugify(name).split("-")
    if len(words) > 1 and words[0] in ("le", "la", "les", "l"):
        words = words[1:]
    return "-".join(words)
