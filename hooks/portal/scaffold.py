"""New content files with every field in place: what `portal new` and `portal translate` write.

Required fields an editor must fill are left empty with a '# TO FILL' comment,
so `portal check` points at each of them until they are filled.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .clock import PARIS
from .languages import LANGUAGES
from .magazine import RUBRICS
from .conferences import FORMATS
from .slugs import slugify
from .structures import CATEGORIES
from .yamlsource import read_text, split_front_matter

TODO = "# TO FILL"


class ScaffoldError(Exception):
    """A file cannot be created (it exists, or the request is incomplete)."""


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path} already exists; choose another title or slug")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def new_article(repo: Path, lang: str, title: str, today: dt.date | None = None, slug: str | None = None) -> Path:
    """magazine/<year>/<slug>.<lang>.md with today's date and every field."""
    today = today or dt.datetime.now(PARIS).date()
    slug = slug or slugify(title)
    if not slug:
        raise ScaffoldError("the title gives an empty slug; pass --slug")
    text = f"""---
title: {_quote(title)}
date: {today.isoformat()}
authors: []  {TODO}: keys of magazine/authors.yml, e.g. [redaction-respect]
tags: []  # keys of magazine/tags.yml
rubric:  {TODO}: one of {", ".join(RUBRICS)}
description:  {TODO}: one sentence, shown in listings and search results
# cover: image.jpg  # an image next to this file
# cover_alt: ""     # what the cover shows, for people who cannot see it
# issue: 1          # number of the print issue (magazine/issues.yml)
# structures: []    # file names of structures/ this article is about
# updated: {today.isoformat()}
# draft: true       # shown by the preview only, never published
---

Premier paragraphe : il sert d’extrait dans les listes.

## Un intertitre
"""
    if lang == "en":
        text = text.replace("Premier paragraphe : il sert d’extrait dans les listes.",
                            "First paragraph: it is the excerpt shown in listings.").replace("Un intertitre", "A heading")
    return _write(repo / "magazine" / str(today.year) / f"{slug}.{lang}.md", text)


def translate_article(repo: Path, source: Path, to: str, slug: str | None = None) -> Path:
    """The ``to`` language version of an article: same facts, texts to translate, paired with the original."""
    if to not in LANGUAGES:
        raise ScaffoldError(f"unknown language '{to}'; use one of {', '.join(LANGUAGES)}")
    name = source.name
    parts = name.rsplit(".", 2)
    if len(parts) != 3 or parts[1] not in LANGUAGES or parts[2] != "md":
        raise ScaffoldError(f"{source} is not an article file named like 'my-article.fr.md'")
    stem, lang = parts[0], parts[1]
    if lang == to:
        raise ScaffoldError(f"{source} is already in {to}")
    front = split_front_matter(read_text(source.read_bytes()))
    meta = front.meta.data if isinstance(front.meta.data, dict) else {}
    key = meta.get("translation_key") or stem
    target_stem = slug or stem
    lines = ["---", f"title:  {TODO}: the title in {to}", f"date: {meta.get('date', '')}"]
    for field in ("updated", "authors", "tags", "rubric", "issue", "structures", "cover", "draft"):
        if field in meta:
            value = meta[field]
            lines.append(f"{field}: {_inline(value)}")
    if "cover" in meta:
        lines.append(f"cover_alt:  {TODO}: what the cover shows, in {to}")
    lines.append(f"description:  {TODO}: one sentence in {to}")
    if target_stem != stem or "translation_key" in meta:
        lines.append(f"translation_key: {key}")
    lines += ["---", "", f"<!-- Translate the article {source.name} here. -->", ""]
    return _write(source.parent / f"{target_stem}.{to}.md", "\n".join(lines))


def _inline(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(" ") if isinstance(value, dt.datetime) else value.isoformat()
    return str(value)


def new_conference(repo: Path, title: str, start: str, slug: str | None = None, today: dt.date | None = None) -> Path:
    """upconf/<date>-<slug>.yml with both languages' texts to fill."""
    try:
        when = dt.datetime.fromisoformat(start)
    except ValueError:
        raise ScaffoldError(f"--start '{start}' is not 'YYYY-MM-DD HH:MM'") from None
    today = today or dt.datetime.now(PARIS).date()
    slug = slug or slugify(title)
    end = when + dt.timedelta(hours=1, minutes=30)
    text = f"""title:
  fr: {_quote(title)}
  en:  {TODO}: the title in English
summary:
  fr:  {TODO}: one sentence
  en:  {TODO}: one sentence
description:
  fr: |
    {TODO}: a few paragraphs (Markdown)
  en: |
    {TODO}: a few paragraphs (Markdown)
start: {when.strftime('%Y-%m-%d %H:%M')}
end: {end.strftime('%Y-%m-%d %H:%M')}  # Paris time; check it
format:  {TODO}: one of {", ".join(FORMATS)}
venue:
  name:  {TODO}: the place (or remove venue and write online: true)
  city:
# online: true                  # or the URL of the online session
speakers: []                    # - name: …  role: {{fr: …, en: …}}
# registration: https://…
status: scheduled               # scheduled, cancelled or postponed
announced: {today.isoformat()}  # the day it appears in the feeds
revision: 0                     # add 1 after every change once announced
structures: []
tags: []                        # keys of magazine/tags.yml, e.g. [upconf]
"""
    return _write(repo / "upconf" / f"{when.date().isoformat()}-{slug}.yml", text)


def new_structure(repo: Path, name: str, category: str | None = None, slug: str | None = None) -> Path:
    """structures/<slug>.yml with both languages' texts to fill."""
    slug = slug or slugify(name)
    if category and category not in CATEGORIES:
        raise ScaffoldError(f"unknown category '{category}'; use one of {', '.join(CATEGORIES)}")
    text = f"""name: {_quote(name)}
category: {category or f" {TODO}: one of " + ", ".join(CATEGORIES)}
# city: …                     # only if known
# website: https://…
# founded: 2002
summary:
  fr:  {TODO}: one sentence
  en:  {TODO}: one sentence
description:
  fr: |
    {TODO}: a few paragraphs (Markdown)
  en: |
    {TODO}: a few paragraphs (Markdown)
# logo:
#   src: {slug}-logo.png
#   alt: {{fr: Logo de …, en: … logo}}
"""
    return _write(repo / "structures" / f"{slug}.yml", text)
