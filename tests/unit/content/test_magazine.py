"""Magazine loading: every field validated with its location; pairing, drafts, scheduling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from portal.content.articles import ArticleIndex, Publication, excerpt, reading_minutes
from portal.content.clock import PARIS, build_now
from portal.content.magazine import load_magazine
from support import write

REGISTRIES = {
    "magazine/authors.yml": "redaction:\n  name: La rédaction\n  bio: {fr: Équipe., en: Team.}\n",
    "magazine/tags.yml": "patrimoine: {fr: Patrimoine, en: Heritage}\nmedias: {fr: Médias, en: Media}\n",
    "magazine/issues.yml": "- number: 1\n  date: 2025-03-01\n  title: {fr: Un, en: One}\n  editorial: {fr: É., en: E.}\n",
}
GOOD = """\
---
title: Titre
date: 2025-03-12
authors: [redaction]
tags: [patrimoine]
rubric: report
description: Une description.
---

Premier paragraphe.
"""


def site(tmp_path: Path, articles: dict[str, str]) -> tuple[list, list[str]]:
    for path, text in {**REGISTRIES, **articles}.items():
        write(tmp_path, path, text)
    magazine, problems = load_magazine(tmp_path / "magazine", tmp_path, {"alpha"})
    return list(magazine.articles), [str(p) for p in problems]


def test_a_good_article(tmp_path):
    [article], problems = site(tmp_path, {"magazine/2025/un-titre.fr.md": GOOD})
    assert problems == []
    assert (article.id, article.slug, article.lang, article.src_uri) == ("un-titre", "un-titre", "fr",
                                                                         "magazine/2025/un-titre.md")
    assert article.date == dt.datetime(2025, 3, 12, tzinfo=PARIS)


@pytest.mark.parametrize("line, change, message", [
    (4, "authors: [redaktion]", "authors[0]: 'redaktion' is not in magazine/authors.yml (did you mean 'redaction'?)"),
    (5, "tags: [patrimoine, cinema]", "tags[1]: 'cinema' is not in magazine/tags.yml (add it to magazine/tags.yml or fix the spelling)"),
    (6, "rubric: reportage", "rubric: unknown value 'reportage' (did you mean 'report'?)"),
    (3, "date: 2025-13-01", "date: '2025-13-01' is not a date (write it as YYYY-MM-DD or 'YYYY-MM-DD HH:MM')"),
    (3, "date: 2024-12-31", "date: is in 2024 but the file is in 2025/ (move the file to magazine/2024/)"),
    (2, "titre: Titre", "titre: unknown key (did you mean 'title'?)"),
    (7, "description: [a, b]", "description: must be text, not a list"),
])
def test_each_problem_names_file_line_and_field(tmp_path, line, change, message):
    lines = GOOD.splitlines()
    lines[line - 1] = change
    articles, problems = site(tmp_path, {"magazine/2025/un-titre.fr.md": "\n".join(lines) + "\n",
                                         "magazine/2025/autre.fr.md": GOOD})
    assert f"magazine/2025/un-titre.fr.md:{line}: {message}" in problems, problems
    assert [a.id for a in articles] == ["autre"], "the other article is still published"


def test_cross_checks(tmp_path):
    text = GOOD.replace("rubric: report", "rubric: report\nissue: 3\nstructures: [beta]\nupdated: 2025-01-01\ncover_alt: x")
    _, problems = site(tmp_path, {"magazine/2025/un-titre.fr.md": text})
    assert sorted(problems) == [
        "magazine/2025/un-titre.fr.md:10: cover_alt: is set but there is no 'cover' (add 'cover:' or remove 'cover_alt:')",
        "magazine/2025/un-titre.fr.md:7: issue: print issue 3 is not in magazine/issues.yml (known issues: 1)",
        "magazine/2025/un-titre.fr.md:8: structures[0]: 'beta' is not in structures/ (add it to structures/ or fix the spelling)",
        "magazine/2025/un-titre.fr.md:9: updated: is before the publication date (an update comes after 'date')",
    ]


def test_translations_pair_by_stem_or_key_and_clash(tmp_path):
    en = GOOD.replace("Titre", "Title") + ""
    articles, problems = site(tmp_path, {
        "magazine/2025/un-titre.fr.md": GOOD,
        "magazine/2025/a-title.en.md": en.replace("rubric: report", "rubric: report\ntranslation_key: un-titre"),
        "magazine/2025/copie.fr.md": GOOD.replace("rubric: report", "rubric: report\ntranslation_key: un-titre"),
        "magazine/2025/autre.fr.md": GOOD.replace("rubric: report", "rubric: report\nslug: un-titre"),
    })
    assert sorted((a.id, a.lang, a.slug) for a in articles) == [("un-titre", "en", "a-title"), ("un-titre", "fr", "un-titre")]
    assert sorted(problems) == [
        "magazine/2025/autre.fr.md:7: slug: 'un-titre' gives the same URL as magazine/2025/un-titre.fr.md "
        "(the article named by its file, or else published first, keeps it; choose another slug)",
        "magazine/2025/copie.fr.md:7: translation_key: 'un-titre' already has a fr version: magazine/2025/un-titre.fr.md "
        "(the article named by its file, or else published first, keeps it; give this one its own stem or "
        "translation_key)",
    ]


def test_file_names(tmp_path):
    _, problems = site(tmp_path, {"magazine/2025/sans-langue.md": GOOD, "magazine/brouillons/x.fr.md": GOOD})
    assert problems == [
        "magazine/2025/sans-langue.md: the file name has no language suffix (name it like 'my-article.fr.md' or "
        "'my-article.en.md')",
        "magazine/brouillons/x.fr.md: 'brouillons/' is not a year folder (put the article in magazine/<year>/)",
    ]


def test_drafts_only_in_preview_and_future_dates_are_scheduled(tmp_path):
    articles = {
        "magazine/2025/publie.fr.md": GOOD,
        "magazine/2025/brouillon.fr.md": GOOD.replace("rubric: report", "rubric: report\ndraft: true"),
        "magazine/2025/demain.fr.md": GOOD.replace("date: 2025-03-12", "date: 2025-06-02 08:00"),
    }
    for path, text in {**REGISTRIES, **articles}.items():
        write(tmp_path, path, text)
    magazine, _ = load_magazine(tmp_path / "magazine", tmp_path, ())
    now = dt.datetime(2025, 6, 2, 7, 59, tzinfo=PARIS)
    built = ArticleIndex(magazine, Publication(now, show_drafts=False))
    assert [a.id for a in built.published] == ["publie"]
    assert [a.id for a in built.scheduled] == ["demain"]
    preview = ArticleIndex(magazine, Publication(now, show_drafts=True))
    assert sorted(a.id for a in preview.published) == ["brouillon", "publie"]
    later = ArticleIndex(magazine, Publication(now + dt.timedelta(minutes=1), show_drafts=False))
    assert [a.id for a in later.published] == ["demain", "publie"]


def test_now_is_injectable():
    assert build_now({"PORTAL_NOW": "2026-03-29T02:30"}).isoformat() == "2026-03-29T02:30:00+01:00"
    assert build_now({"PORTAL_NOW": "2026-07-01"}).utcoffset() == dt.timedelta(hours=2)
    with pytest.raises(ValueError, match="PORTAL_NOW='demain' is not a date"):
        build_now({"PORTAL_NOW": "demain"})


def test_reading_time_and_excerpt():
    assert reading_minutes("mot " * 100) == 1 and reading_minutes("mot " * 1000) == 5
    body = "## Titre\n\nUn *premier* paragraphe\nsur deux lignes &amp; plus.\n\n- une liste\n"
    assert excerpt(body) == "Un premier paragraphe sur deux lignes & plus."


def test_an_author_name_may_be_given_per_language(tmp_path):
    write(tmp_path, "magazine/authors.yml", """
        redaction:
          name: {fr: La rédaction, en: The editorial team}
          bio: {fr: L’équipe., en: The team.}
        camille:
          name: Camille Essai
          bio: {fr: Autrice., en: Writer.}
        """)
    write(tmp_path, "magazine/tags.yml", "cinema: {fr: Cinéma, en: Cinema}\n")
    magazine, problems = load_magazine(tmp_path / "magazine", tmp_path, set())
    assert problems == []
    assert [magazine.authors["redaction"].display_name(lang) for lang in ("fr", "en")] == [
        "La rédaction", "The editorial team"]
    assert magazine.authors["redaction"].name == "La rédaction"
    assert magazine.authors["camille"].display_name("en") == "Camille Essai"
# -- drafts' unfinished fields, registries entry by entry --------------------------------------------

from portal.content.problems import sorted_problems  # noqa: E402

UNFINISHED = "---\ntitle:  # TO FILL\ndate: 2025-03-12\nauthors: [redaction]\nrubric: report\ndescription: \"\"\n" \
             "draft: true\n---\n\n<!-- à traduire -->\n"


def test_an_unfinished_draft_is_a_note_not_an_error(tmp_path):
    for path, text in {**REGISTRIES, "magazine/2025/titre.en.md": UNFINISHED}.items():
        write(tmp_path, path, text)
    magazine, problems = load_magazine(tmp_path / "magazine", tmp_path, {"alpha"})
    assert problems == [] and magazine.articles == ()
    assert [str(n) for n in magazine.notes] == ["magazine/2025/titre.en.md:2: title: is empty (write the title)",
                                                "magazine/2025/titre.en.md:6: description: is empty (write the description)"]


def test_an_unfinished_article_that_is_not_a_draft_is_an_error(tmp_path):
    _, problems = site(tmp_path, {"magazine/2025/titre.en.md": UNFINISHED.replace("draft: true\n", "")})
    assert problems == ["magazine/2025/titre.en.md:2: title: is empty (write the title)",
                        "magazine/2025/titre.en.md:6: description: is empty (write the description)"]


def test_an_emptied_registry_leads_and_each_article_says_why(tmp_path):
    write(tmp_path, "magazine/2025/autre.fr.md", GOOD)
    articles, _ = site(tmp_path, {"magazine/2025/titre.fr.md": GOOD})
    write(tmp_path, "magazine/authors.yml", "")
    magazine, problems = load_magazine(tmp_path / "magazine", tmp_path, {"alpha"})
    assert articles and magazine.articles == ()
    assert [str(p) for p in sorted_problems(problems)] == [
        "magazine/authors.yml:1: must be a mapping of 'key: value' lines",
        "magazine/2025/autre.fr.md:4: authors[0]: 'redaction' has a problem in magazine/authors.yml "
        "(fix magazine/authors.yml:1 first)",
        "magazine/2025/titre.fr.md:4: authors[0]: 'redaction' has a problem in magazine/authors.yml "
        "(fix magazine/authors.yml:1 first)"]


def test_a_broken_tag_costs_only_the_articles_naming_it(tmp_path):
    files = {**REGISTRIES, "magazine/2025/a.fr.md": GOOD, "magazine/2025/b.fr.md": GOOD.replace("[patrimoine]", "[culture]")}
    files["magazine/tags.yml"] += "culture:\n\tfr: Culture\n"
    for path, text in files.items():
        write(tmp_path, path, text)
    magazine, problems = load_magazine(tmp_path / "magazine", tmp_path, {"alpha"})
    assert [a.source for a in magazine.articles] == ["magazine/2025/a.fr.md"]
    assert sorted(magazine.tags) == ["medias", "patrimoine"]
    assert [str(p) for p in sorted_problems(problems)] == [
        "magazine/tags.yml:4: YAML syntax error: a tab is used for indentation; indent with spaces",
        "magazine/2025/b.fr.md:5: tags[0]: 'culture' has a problem in magazine/tags.yml (fix magazine/tags.yml:4 first)"]


def with_cover(extra: str, cover: bool = True) -> str:
    head = "cover: une.png\ncover_alt: Un atelier\n" if cover else ""
    return GOOD.replace("description: Une description.\n", f"description: Une description.\n{head}{extra}")


def test_cover_caption_and_credit_are_read_with_the_cover(tmp_path):
    from PIL import Image
    (tmp_path / "magazine/2025").mkdir(parents=True)
    Image.new("RGB", (20, 10)).save(tmp_path / "magazine/2025/une.png")
    [article], problems = site(tmp_path, {"magazine/2025/un-titre.fr.md": with_cover(
        "cover_caption: L’atelier de céramique, à Sèvres.\ncover_credit: Jeanne Martin / respect\n")})
    assert problems == []
    assert (article.cover_caption, article.cover_credit) == ("L’atelier de céramique, à Sèvres.", "Jeanne Martin / respect")


@pytest.mark.parametrize("extra, cover, message", [
    ("cover_caption: Une légende.\n", False, "magazine/2025/un-titre.fr.md:8: cover_caption: is set but there is no "
                                             "'cover' (add 'cover:' or remove 'cover_caption:')"),
    ("cover_credit: Jeanne Martin\n", False, "magazine/2025/un-titre.fr.md:8: cover_credit: is set but there is no "
                                             "'cover' (add 'cover:' or remove 'cover_credit:')"),
    ("cover_credit: [Jeanne, Paul]\n", False, "magazine/2025/un-titre.fr.md:8: cover_credit: must be text, not a list"),
    ("cover_credit: " + "x" * 121 + "\n", True, "magazine/2025/un-titre.fr.md:10: cover_credit: is 121 characters "
                                                 "long; keep it under 120"),
])
def test_cover_caption_and_credit_problems_are_located(tmp_path, extra, cover, message):
    from PIL import Image

    from portal.editors.messages_fr import in_french, is_translated
    (tmp_path / "magazine/2025").mkdir(parents=True)
    Image.new("RGB", (20, 10)).save(tmp_path / "magazine/2025/une.png")
    articles, problems = site(tmp_path, {"magazine/2025/un-titre.fr.md": with_cover(extra, cover),
                                         "magazine/2025/autre.fr.md": GOOD})
    assert problems == [message]
    assert [a.id for a in articles] == ["autre"], "the other article is still published"
    raw = load_magazine(tmp_path / "magazine", tmp_path, {"alpha"})[1]
    assert all(is_translated(p.message) for p in raw)
    french = str(in_french(raw[0]))
    assert "remove" not in french and "set but" not in french and "characters" not in french, french
