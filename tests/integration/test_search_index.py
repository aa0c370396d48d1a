"""What the fixture site's search index holds: each item's own text, never the page furniture around it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from portal.text import l10n
from support import Build, search_records

FR_ARTICLE = "magazine/2025/premier-article/index.html"
EN_ARTICLE = "en/magazine/2025/first-article/index.html"

#: An article's furniture: what every article page shows around its own text.
FURNITURE = ("portal-kicker", "portal-article-meta", "portal-translation", "portal-article-topics", "portal-bylines",
             "portal-share", "portal-related", "portal-sequence", "portal-subscribe")


def body(build: Build, path: str) -> html.HtmlElement:
    """The page's region Pagefind indexes (``data-pagefind-body``)."""
    regions = html.fromstring(build.read(path)).xpath("//*[@data-pagefind-body]")
    assert len(regions) == 1, path
    return regions[0]


def record(build: Build, lang: str, path: str) -> dict:
    url = "/" + path.removesuffix("index.html")
    found = [r for r in search_records(build.site)[lang] if r["url"] == url]
    assert len(found) == 1, (url, [r["url"] for r in search_records(build.site)[lang]])
    return found[0]


def normal(text: str) -> str:
    """Text with its white space as Pagefind keeps it (one space)."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.mark.parametrize("lang, path", [("fr", FR_ARTICLE), ("en", EN_ARTICLE)])
def test_article_furniture_carries_pagefind_ignore(minimal_build, lang, path):
    region = body(minimal_build, path)
    shown = {name for name in FURNITURE if region.xpath(f".//*[contains(concat(' ', @class, ' '), ' {name} ')]")}
    # The fixture's article shows most of it: the test would pass vacuously otherwise.
    assert {"portal-kicker", "portal-article-meta", "portal-article-topics", "portal-bylines"} <= shown, shown
    for name in shown:
        for element in region.xpath(f".//*[contains(concat(' ', @class, ' '), ' {name} ')]"):
            ignored = element.xpath("ancestor-or-self::*[@data-pagefind-ignore]")
            assert ignored, f"{path}: .{name} is indexed"


@pytest.mark.parametrize("lang, path", [("fr", FR_ARTICLE), ("en", EN_ARTICLE)])
def test_article_record_is_its_title_standfirst_and_body(minimal_build, lang, path):
    """The record holds the article's own text and none of its furniture's (byline, topics, bios, rubric)."""
    region = body(minimal_build, path)
    found = record(minimal_build, lang, path)
    content = normal(found["content"])
    title = normal(region.xpath(".//h1")[0].text_content())
    assert found["meta"]["title"] == title
    assert title in content
    standfirst = normal(region.xpath(".//p[contains(@class,'portal-standfirst')]")[0].text_content())
    first = normal(region.xpath(".//div[contains(@class,'portal-article-body')]/p")[0].text_content())
    assert standfirst in content and first in content
    for element in region.xpath(".//*[@data-pagefind-ignore]"):
        text = normal(element.text_content())
        assert not text or text not in content, f"{path}: furniture indexed: {text!r}"
    # Written out, so that the test fails on a template that loses its attribute.
    words = {"fr": ["Camille Essai", "Autrice d’essai", "Médias"], "en": ["Camille Essai", "A test writer", "Media"]}
    assert not [word for word in words[lang] if word in content], content
    assert found["meta"]["section"] == l10n.text(lang, "magazine.title")


def test_search_index_holds_no_draft_or_scheduled_article(minimal_build):
    """The magazine's indexed pages are its published articles, each in its own language."""
    records = search_records(minimal_build.site)
    magazine = {lang: sorted(r["url"] for r in records[lang] if "/magazine/" in r["url"]) for lang in records}
    assert magazine == {"fr": ["/magazine/2025/premier-article/", "/magazine/2025/seulement-fr/"],
                        "en": ["/en/magazine/2025/first-article/"]}
    text = " ".join(r["content"] for rs in records.values() for r in rs)
    assert "Un brouillon secret" not in text and "Un article programmé" not in text


def test_each_language_bundle_is_merged_into_one_entry(minimal_build):
    """Each language is indexed by its own Pagefind process; the site gets one entry listing both."""
    import json

    entry = json.loads((minimal_build.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    records = search_records(minimal_build.site)
    assert {lang: data["page_count"] for lang, data in entry["languages"].items()} == \
        {lang: len(found) for lang, found in records.items()} == {"fr": len(records["fr"]), "en": len(records["en"])}
    for lang, data in entry["languages"].items():
        assert (minimal_build.site / "pagefind" / f"pagefind.{data['hash']}.pf_meta").is_file()
        assert (minimal_build.site / "pagefind" / f"wasm.{lang}.pagefind").is_file()
    assert sorted(p.name for p in minimal_build.site.iterdir() if p.name.startswith("pagefind")) == ["pagefind"]


def test_the_index_made_from_search_copies_is_the_one_made_from_the_written_pages(minimal_build, tmp_path):
    """The build gives Pagefind cut-down copies of the pages (``search_copy``); given the whole written site
    instead, Pagefind makes the same files, byte for byte (once cut again into the build's chunks, its filters
    sorted)."""
    from pagefind.service import get_executable

    from portal.outputs.search_chunks import rechunk_index
    from portal.outputs.search_filters import stable_filters
    from portal_mkdocs import search

    output = tmp_path / "pagefind"
    output.mkdir()
    for lang, glob in search.language_globs(str(minimal_build.site)).items():
        search.index_language(str(get_executable()), str(minimal_build.site), glob, lang, str(output))
    search._tidy(str(output))
    rechunk_index(str(output))
    stable_filters(str(output))

    def files(folder: Path) -> dict[str, bytes]:
        return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}

    from_pages, from_copies = files(output), files(minimal_build.site / "pagefind")
    assert len([name for name in from_pages if name.startswith("fragment/")]) > 10
    assert from_pages.keys() == from_copies.keys()
    assert [name for name in from_pages if from_pages[name] != from_copies[name]] == []


def test_a_fact_list_is_indexed_with_its_words_apart(minimal_build):
    """A structure's or a conference's facts (a definition list): each label and its value stay two words in
    the record ('Format Débat', not 'FormatDébat'), as in the excerpts readers see."""
    checked = 0
    for lang, records in search_records(minimal_build.site).items():
        for found in records:
            path = found["url"].lstrip("/") + "index.html"
            region = body(minimal_build, path)
            content = normal(found["content"])
            for term in region.xpath(".//dl[not(ancestor-or-self::*[@data-pagefind-ignore])]/dt"):
                value = term.getnext()
                label, first = normal(term.text_content()), normal(value.text_content()).split(" ")[0]
                assert f"{label} {first}" in content, (lang, path, label, content)
                checked += 1
    assert checked > 4, "the fixture shows too few facts: the test would prove little"
