"""The corpus of broken inputs: each case adds or replaces files in a copy of the minimal fixture
site and names the exact problems `portal check` (and the build) must report, at their lines.

Files are text unless given as bytes; `None` deletes a file. Images are drawn by the test when the
value is one of the IMAGE_* markers (so no binary sits in the repository).
"""

from __future__ import annotations

from dataclasses import dataclass, field

IMAGE_OK, IMAGE_TRUNCATED, IMAGE_HUGE = "<ok image>", "<truncated image>", "<huge image>"

STRUCTURE = """\
name: Gamma
category: production
city: Lyon
summary: {fr: Un lieu., en: A venue.}
description: {fr: Texte., en: Text.}
"""
ARTICLE = """\
---
title: Un article
date: 2025-05-02
authors: [camille]
tags: [patrimoine]
rubric: report
description: Une description.
---

Texte.
"""
CONFERENCE = """\
title: {fr: Un débat, en: A debate}
summary: {fr: Résumé., en: Summary.}
description: {fr: Texte., en: Text.}
start: 2026-04-09 18:30
end: 2026-04-09 20:00
format: debate
venue: {name: Salle, city: Lyon}
announced: 2026-03-01
"""


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str | bytes | None]
    problems: list[str]
    absent: list[str] = field(default_factory=list)  #: built pages that must not exist (the bad item)


def s(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


S, A, C = "structures/gamma.yml", "magazine/2025/un-article.fr.md", "upconf/2026-04-09-debat.yml"

FIELD_CASES = [
    # -- structures ------------------------------------------------------------------------
    Case("structure unknown category", {S: s(STRUCTURE, "production", "theatre")},
         [f"{S}:2: category: unknown value 'theatre' (choose one of: education, engineering, integration, other, production)"],
         ["structures/gamma/index.html"]),
    Case("structure missing English text", {S: s(STRUCTURE, "summary: {fr: Un lieu., en: A venue.}", "summary: {fr: Un lieu.}")},
         [f"{S}:4: summary: the en text is missing (add 'en:' under 'summary')"], ["structures/gamma/index.html"]),
    Case("structure javascript URL", {S: STRUCTURE + "website: javascript:alert(1)\n"},
         [f"{S}:6: website: 'javascript:alert(1)' has the scheme 'javascript'; only http, https and mailto are allowed "
          "(use an http, https or mailto address)"]),
    Case("structure key typo", {S: STRUCTURE + "webiste: https://gamma.example/\n"},
         [f"{S}:6: webiste: unknown key (did you mean 'website'?)"]),
    Case("structure wrong type", {S: STRUCTURE + "founded: [2002]\n"}, [f"{S}:6: founded: must be a whole number, not a list"]),
    Case("structure duplicate slug", {S: STRUCTURE + "slug: alpha\n"},
         [f"{S}:1: slug: 'alpha' is already used by structures/alpha.yml (give the structure another file name or slug)"]),
    Case("structure image missing", {S: STRUCTURE + "photo:\n  src: gamma.jpg\n  alt: {fr: Une photo, en: A photo}\n"},
         [f"{S}:7: photo.src: 'gamma.jpg' does not exist next to the file"]),
    Case("structure image without alt", {S: STRUCTURE + "photo:\n  src: gamma.jpg\n", "structures/gamma.jpg": IMAGE_OK},
         [f"{S}:6: photo.alt: required field is missing (add 'alt:')"]),
    Case("structure YAML syntax", {S: STRUCTURE + "address: [Lyon\n"},
         [f"{S}:7: YAML syntax error: expected ',' or ']', but got '<stream end>'"]),
    Case("structure tab indentation", {S: "name: Gamma\nsummary:\n\tfr: Un lieu.\n"},
         [f"{S}:3: YAML syntax error: a tab is used for indentation; indent with spaces"]),
    Case("structure not UTF-8", {S: STRUCTURE.replace("Texte", "Télé").encode("latin-1")},
         [f"{S}:5: not valid UTF-8 text; save the file as UTF-8"]),
    Case("structure with a byte-order mark is fine", {S: "\ufeff" + STRUCTURE}, []),
    Case("structure deeply nested", {S: STRUCTURE + "facts: " + "[" * 30 + "]" * 30 + "\n"},
         [f"{S}:6: nesting deeper than 20 levels"]),
    Case("structure YAML object tag", {S: STRUCTURE + "address: !!python/object/apply:os.system [ls]\n"},
         [f"{S}:6: the YAML tag tag:yaml.org,2002:python/object/apply:os.system is not allowed"]),
    # -- articles --------------------------------------------------------------------------
    Case("article unknown author", {A: s(ARTICLE, "[camille]", "[camile]")},
         [f"{A}:4: authors[0]: 'camile' is not in magazine/authors.yml (did you mean 'camille'?)"],
         ["magazine/2025/un-article/index.html"]),
    Case("article unknown tag", {A: s(ARTICLE, "[patrimoine]", "[heritage]")},
         [f"{A}:5: tags[0]: 'heritage' is not in magazine/tags.yml (add it to magazine/tags.yml or fix the spelling)"]),
    Case("article unknown rubric", {A: s(ARTICLE, "rubric: report", "rubric: chronique")},
         [f"{A}:6: rubric: unknown value 'chronique' (choose one of: interview, investigation, news, opinion, portrait, report)"]),
    Case("article impossible date", {A: s(ARTICLE, "2025-05-02", "2025-02-30")},
         [f"{A}:3: date: '2025-02-30' is not a date (write it as YYYY-MM-DD or 'YYYY-MM-DD HH:MM')"]),
    Case("article updated before date", {A: s(ARTICLE, "rubric: report", "rubric: report\nupdated: 2025-01-01")},
         [f"{A}:7: updated: is before the publication date (an update comes after 'date')"]),
    Case("article in the wrong year folder", {A: s(ARTICLE, "2025-05-02", "2024-05-02")},
         [f"{A}:3: date: is in 2024 but the file is in 2025/ (move the file to magazine/2024/)"]),
    Case("article without front matter", {A: "Juste du texte.\n"},
         [f"{A}:1: an article starts with front matter between '---' lines (copy the fields of another article)"]),
    Case("article front matter never closed", {A: ARTICLE.replace("---\n\nTexte", "\nTexte")},
         [f"{A}:1: front matter opened with '---' on line 1 is never closed"]),
    Case("article unknown print issue", {A: s(ARTICLE, "rubric: report", "rubric: report\nissue: 9")},
         [f"{A}:7: issue: print issue 9 is not in magazine/issues.yml (known issues: 1)"]),
    Case("article unknown structure", {A: s(ARTICLE, "rubric: report", "rubric: report\nstructures: [delta]")},
         [f"{A}:7: structures[0]: 'delta' is not in structures/ (add it to structures/ or fix the spelling)"]),
    Case("article translation clash", {A: s(ARTICLE, "rubric: report", "rubric: report\ntranslation_key: seulement-fr")},
         [f"{A}:7: translation_key: 'seulement-fr' already has a fr version: magazine/2025/seulement-fr.fr.md "
          "(the article named by its file, or else published first, keeps it; give this one its own stem or "
          "translation_key)"]),
    Case("article slug clash", {A: s(ARTICLE, "rubric: report", "rubric: report\nslug: seulement-fr")},
         [f"{A}:7: slug: 'seulement-fr' gives the same URL as magazine/2025/seulement-fr.fr.md "
          "(the article named by its file, or else published first, keeps it; choose another slug)"]),
    Case("article cover missing", {A: s(ARTICLE, "rubric: report", "rubric: report\ncover: une.jpg\ncover_alt: Une image")},
         [f"{A}:7: cover: 'une.jpg' does not exist next to the file"]),
    Case("article cover without alt", {A: s(ARTICLE, "rubric: report", "rubric: report\ncover: une.jpg"),
                                       "magazine/2025/une.jpg": IMAGE_OK},
         [f"{A}:2: cover_alt: required field is missing (add 'cover_alt:')"]),
    Case("article no authors", {A: s(ARTICLE, "[camille]", "[]")},
         [f"{A}:4: authors: must list at least one key (list keys of magazine/authors.yml)"]),
    Case("article file without language", {"magazine/2025/un-article.md": ARTICLE},
         ["magazine/2025/un-article.md: the file name has no language suffix (name it like 'my-article.fr.md' or "
          "'my-article.en.md')"]),
    Case("article script in the title is only text", {A: s(ARTICLE, "title: Un article",
                                                          "title: \"</script><script>alert(1)</script>\"")}, []),
    # -- conferences -----------------------------------------------------------------------
    Case("conference ends before it starts", {C: s(CONFERENCE, "end: 2026-04-09 20:00", "end: 2026-04-09 17:00")},
         [f"{C}:5: end: is not after 'start' (check the end time)"], ["upconf/2026-04-09-debat/index.html"]),
    Case("conference unknown format", {C: s(CONFERENCE, "format: debate", "format: table-ronde")},
         [f"{C}:6: format: unknown value 'table-ronde' (choose one of: collective-experience, debate, exchange)"]),
    Case("conference date and file name disagree", {C: s(CONFERENCE, "2026-04-09 ", "2026-04-10 ")},
         [f"{C}:4: start: is on 2026-04-10 but the file name says 2026-04-09 (rename the file after the start date "
          "(a new date of a postponed conference goes in 'new_start'))"]),
    Case("conference nowhere", {C: s(CONFERENCE, "venue: {name: Salle, city: Lyon}\n", "")},
         [f"{C}:1: venue: a conference needs a venue, or 'online: true', or both (add 'venue:' or 'online:')"]),
    Case("conference new date without postponing", {C: CONFERENCE + "new_start: 2026-05-01 18:00\nnew_end: 2026-05-01 19:00\n"},
         [f"{C}:9: new_start: is only for a postponed conference (set 'status: postponed' or remove it)"]),
    Case("conference status typo", {C: CONFERENCE + "status: canceled\n"},
         [f"{C}:9: status: unknown value 'canceled' (did you mean 'cancelled'?)"]),
    Case("conference bad time", {C: s(CONFERENCE, "start: 2026-04-09 18:30", "start: 2026-04-09 25:30")},
         [f"{C}:4: start: '2026-04-09 25:30' is not a date and time (write it as 'YYYY-MM-DD HH:MM' (Paris time))"]),
    # -- images ----------------------------------------------------------------------------
    Case("image truncated", {S: STRUCTURE + "photo:\n  src: gamma.jpg\n  alt: {fr: Photo, en: Photo}\n",
                             "structures/gamma.jpg": IMAGE_TRUNCATED},
         [f"{S}:7: photo.src: 'gamma.jpg' is truncated (the file is incomplete) (export it again as JPEG or PNG)"]),
    Case("image not an image", {S: STRUCTURE + "photo:\n  src: gamma.jpg\n  alt: {fr: Photo, en: Photo}\n",
                                "structures/gamma.jpg": b"not an image at all"},
         [f"{S}:7: photo.src: 'gamma.jpg' is not an image (export it again as JPEG or PNG)"]),
    Case("image over the pixel limit", {S: STRUCTURE + "photo:\n  src: gamma.png\n  alt: {fr: Photo, en: Photo}\n",
                                        "structures/gamma.png": IMAGE_HUGE},
         [f"{S}:7: photo.src: 'gamma.png' has more than 40,000,000 pixels (resize it before adding it)"]),
    Case("image path leaving the repository", {S: STRUCTURE + "photo:\n  src: ../../../etc/passwd\n  alt: {fr: Photo, en: Photo}\n"},
         [f"{S}:7: photo.src: a path outside the repository is not allowed"]),
    Case("body image without alt text", {A: ARTICLE + "\n![](vue.jpg)\n", "magazine/2025/vue.jpg": IMAGE_OK},
         [f"{A}:12: image: 'vue.jpg' has no alt text (describe the image between the brackets: ![what it shows](file))"]),
    Case("body image inside a sentence", {A: ARTICLE + "\nVoici ![une vue](vue.jpg) du lieu.\n",
                                          "magazine/2025/vue.jpg": IMAGE_OK},
         [f"{A}:12: image: 'vue.jpg' must stand alone on its line (put the image in a paragraph of its own)"]),
    Case("body image missing", {A: ARTICLE + "\n![Une vue](vue.jpg)\n"},
         [f"{A}:12: image: 'vue.jpg' does not exist next to the file"]),
    # -- pages and figures -----------------------------------------------------------------
    Case("page unknown marker", {"content/notes.fr.md": "---\ntitle: Notes\ndescription: D.\n---\n\n<!-- portal:key-figure -->\n"},
         ["content/notes.fr.md:6: portal:key-figure: unknown marker (did you mean 'key-figures'?)"]),
    Case("key figure wrong type", {"content/_data/key-figures.yml": "- id: x\n  value: beaucoup\n  label: {fr: x, en: x}\n"},
         ["content/_data/key-figures.yml:2: value: must be a whole number, not text"]),
    Case("conference updated before its announcement", {C: CONFERENCE + "updated: 2026-01-02\n"},
         [f"{C}:9: updated: is before 'announced' (give the date of the latest change)"]),
]

# -- the map's coordinates and the cover's caption (issue 16) ------------------------------------
FIELD_CASES += [
    Case("structure latitude without longitude", {S: STRUCTURE + "latitude: 45.76\n"},
         [f"{S}:6: latitude: give both 'latitude' and 'longitude' (add 'longitude:')"], ["structures/gamma/index.html"]),
    Case("article cover caption without cover", {A: s(ARTICLE, "description: Une description.\n",
                                                      "description: Une description.\ncover_caption: Une légende.\n")},
         [f"{A}:8: cover_caption: is set but there is no 'cover' (add 'cover:' or remove 'cover_caption:')"],
         ["magazine/2025/un-article/index.html"]),
]
