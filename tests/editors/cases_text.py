"""Broken inputs at the text boundary (issue 14, items 1, 6, 7 and the editors' friction): invisible
control characters, registries with one broken entry, the YAML slips editors make most, empty fields,
drafts, and raw HTML in Markdown. Each case is checked like the others of cases.py."""

from __future__ import annotations

from cases import ARTICLE, CONFERENCE, STRUCTURE, A, C, Case, S, s

T, AU, IS = "magazine/tags.yml", "magazine/authors.yml", "magazine/issues.yml"
P = "content/notes.fr.md"
PAGE = "---\ntitle: Notes\ndescription: Une page de notes.\n---\n\nUn paragraphe.\n"
TAGS = ("patrimoine: {fr: Patrimoine, en: Heritage}\nmedias: {fr: Médias, en: Media}\n"
        "insertion: {fr: Insertion, en: Integration}\n")
AUTHORS = """\
redaction:
  name: La rédaction
  collective: true
  bio: {fr: L’équipe du magazine., en: The magazine's team.}
camille:
  name: Camille Essai
  bio: {fr: Autrice d’essai., en: A test writer.}
"""
ISSUES = """\
- number: 1
  date: 2025-03-01
  title: {fr: Premier numéro, en: First issue}
  editorial:
    fr: Un éditorial **court**.
    en: A **short** editorial.
"""
PASTED = "text pasted from a word processor often brings one: retype that spot"
ESCAPED = "written as a backslash escape in the quoted text: remove the escape"
HTML = "write Markdown: raw HTML is limited to the list in the editors' guide"
LINK = "links go to http, https or mailto addresses, or to pages and files of the site"
IMAGE = "put the image file next to the text: a reader's browser must not call another site"
ARTICLE_PAGE, CONFERENCE_PAGE, STRUCTURE_PAGE = ("magazine/2025/un-article/index.html",
                                                 "upconf/2026-04-09-debat/index.html", "structures/gamma/index.html")
#: An article of the fixture's tag, author and issue, to show what names a broken registry entry.
NAMING = s(s(ARTICLE, "[patrimoine]", "[culture]"), "rubric: report", "rubric: report\nissue: 2")

TEXT_CASES = [
    # -- 1. invisible control characters ------------------------------------------------------
    Case("control: vertical tab pasted in an article body", {A: ARTICLE + "Une ligne\x0bcoupée.\n"},
         [f"{A}:11: body: invisible control character U+000B; remove it ({PASTED})"], [ARTICLE_PAGE]),
    Case("control: form feed and escape in an article body", {A: ARTICLE + "Page\x0c\nCouleur \x1b[31m\n"},
         [f"{A}:11: body: invisible control character U+000C; remove it ({PASTED})",
          f"{A}:12: body: invisible control character U+001B; remove it ({PASTED})"], [ARTICLE_PAGE]),
    Case("control: escaped vertical tab in an article title",
         {A: s(ARTICLE, "title: Un article", 'title: "Un\\varticle"')},
         [f"{A}:2: title: invisible control character U+000B; remove it ({ESCAPED})"], [ARTICLE_PAGE]),
    Case("control: lone surrogate escaped in an article description",
         {A: s(ARTICLE, "description: Une description.", 'description: "Une description\\ud800."')},
         [f"{A}:7: description: invisible control character U+D800; remove it ({ESCAPED})"], [ARTICLE_PAGE]),
    Case("control: escaped vertical tab in a conference title",
         {C: s(CONFERENCE, "title: {fr: Un débat, en: A debate}", 'title: {fr: "Un\\vdébat", en: A debate}')},
         [f"{C}:1: title.fr: invisible control character U+000B; remove it ({ESCAPED})"], [CONFERENCE_PAGE]),
    Case("control: escape character typed in a structure name", {S: s(STRUCTURE, "name: Gamma", "name: Gam\x1bma")},
         [f"{S}:1: name: invisible control character U+001B; remove it ({PASTED})"], [STRUCTURE_PAGE]),
    Case("control: C1 next-line escaped in a structure summary",
         {S: s(STRUCTURE, "en: A venue.}", 'en: "A\\Nvenue."}')},
         [f"{S}:4: summary.en: invisible control character U+0085; remove it ({ESCAPED})"], [STRUCTURE_PAGE]),
    Case("control: noncharacter U+FFFE in a hand page", {P: PAGE + "Fin\ufffe.\n"},
         [f"{P}:7: body: invisible control character U+FFFE; remove it ({PASTED})"], ["notes/index.html"]),
    Case("control: delete character in one author's bio loses only that author",
         {AU: AUTHORS + "zoe:\n  name: Zoé\n  bio: {fr: \"Autrice\x7f.\", en: A writer.}\n",
          A: s(ARTICLE, "[camille]", "[zoe]")},
         [f"{AU}:10: zoe.bio.fr: invisible control character U+007F; remove it ({PASTED})",
          f"{A}:4: authors[0]: 'zoe' has a problem in {AU} (fix {AU}:10 first)"], [ARTICLE_PAGE]),
    # -- 6. registries: one broken entry costs only itself ------------------------------------
    Case("registry: YAML slip in one tag is reported first and costs only that tag",
         {T: TAGS + "culture:\n  fr: Culture : un droit\n  en: Culture\n", A: s(ARTICLE, "[patrimoine]", "[culture]")},
         [f"{T}:5: fr: YAML syntax error: ': ' inside a text that is not in quotes "
          "(put the fr in quotes: fr: \"Culture : un droit\")",
          f"{A}:5: tags[0]: 'culture' has a problem in {T} (fix {T}:5 first)"], [ARTICLE_PAGE]),
    Case("registry: a tag without English costs only that tag",
         {T: TAGS + "culture: {fr: Culture}\n", A: s(ARTICLE, "[patrimoine]", "[culture]")},
         [f"{T}:4: culture: the en text is missing (add 'en:' under 'culture')",
          f"{A}:5: tags[0]: 'culture' has a problem in {T} (fix {T}:4 first)"], [ARTICLE_PAGE]),
    Case("registry: an author with a tab costs only that author",
         {AU: AUTHORS + "zoe:\n  name: Zoé\n\tbio: {fr: Autrice., en: A writer.}\n", A: s(ARTICLE, "[camille]", "[zoe]")},
         [f"{AU}:10: YAML syntax error: a tab is used for indentation; indent with spaces",
          f"{A}:4: authors[0]: 'zoe' has a problem in {AU} (fix {AU}:10 first)"], [ARTICLE_PAGE]),
    Case("registry: a broken print issue costs only that issue",
         {IS: ISSUES + "- number: 2\n  date: 2025-13-01\n  title: {fr: Deux, en: Two}\n"
                      "  editorial: {fr: Texte., en: Text.}\n",
          A: s(ARTICLE, "rubric: report", "rubric: report\nissue: 2")},
         [f"{IS}:8: date: '2025-13-01' is not a date (write it as YYYY-MM-DD)",
          f"{A}:7: issue: '2' has a problem in {IS} (fix {IS}:8 first)"], [ARTICLE_PAGE]),
    Case("registry: a conference naming a broken tag is told so",
         {T: TAGS + "culture: {fr: Culture, en: }\n", C: CONFERENCE + "tags: [culture]\n"},
         [f"{T}:4: culture.en: the en text is empty (write it after 'en:')",
          f"{C}:9: tags[0]: 'culture' has a problem in {T} (fix {T}:4 first)"], [CONFERENCE_PAGE]),
    # -- friction: the YAML slips editors make most, empty fields, drafts ----------------------
    Case("yaml: unquoted ': ' in an article title",
         {A: s(ARTICLE, "title: Un article", "title: Culture : un droit")},
         [f"{A}:2: title: YAML syntax error: ': ' inside a text that is not in quotes "
          "(put the title in quotes: title: \"Culture : un droit\")"], [ARTICLE_PAGE]),
    Case("yaml: double quotes inside a title in double quotes",
         {A: s(ARTICLE, "title: Un article", 'title: "Le "grand" soir"')},
         [f"{A}:2: title: YAML syntax error: a \" inside a text in double quotes ends it too early "
          "(inside, use « » or ’ instead, or put the text in single quotes)"], [ARTICLE_PAGE]),
    Case("yaml: apostrophe inside a title in single quotes",
         {S: s(STRUCTURE, "name: Gamma", "name: 'L'atelier'")},
         [f"{S}:1: name: YAML syntax error: an apostrophe inside a text in single quotes ends it too early "
          "(write the apostrophe as ’ or put the text in double quotes)"], [STRUCTURE_PAGE]),
    Case("yaml: a quote never closed", {C: s(CONFERENCE, "format: debate", 'format: "debate')},
         [f"{C}:6: format: YAML syntax error: a quote is never closed (close it at the end of the text)"],
         [CONFERENCE_PAGE]),
    Case("yaml: a Windows path in double quotes", {S: STRUCTURE + 'address: "C:\\dossier"\n'},
         [f"{S}:6: address: YAML syntax error: '\\d' is not allowed in a text in double quotes "
          "(write \\\\ for a backslash, or put the text in single quotes)"], [STRUCTURE_PAGE]),
    Case("empty title is said empty", {A: s(ARTICLE, "title: Un article", "title:")},
         [f"{A}:2: title: is empty (write the title)"], [ARTICLE_PAGE]),
    Case("empty structure summary language is said empty", {S: s(STRUCTURE, "en: A venue.}", "en: }")},
         [f"{S}:4: summary.en: the en text is empty (write it after 'en:')"], [STRUCTURE_PAGE]),
    Case("draft translation still to write passes the check",
         {"magazine/2025/un-article.en.md": "---\ntitle:  # TO FILL: the title in en\ndate: 2025-05-02\n"
          "authors: [camille]\ntags: [patrimoine]\nrubric: report\ndescription:  # TO FILL: one sentence in en\n"
          "draft: true\n---\n\n<!-- Translate the article here. -->\n"}, []),
    Case("draft with a wrong key is still an error",
         {A: s(ARTICLE, "rubric: report", "rubric: report\ndraft: true\nautors: [camille]")},
         [f"{A}:8: autors: unknown key (did you mean 'authors'?)"]),
    Case("'# TO FILL' under 'description: |' is flagged",
         {S: s(STRUCTURE, "description: {fr: Texte., en: Text.}",
               "description:\n  fr: |\n    # TO FILL: a few paragraphs (Markdown)\n  en: Text.")},
         [f"{S}:6: description.fr: the fr text still holds the '# TO FILL' placeholder (replace it with the real text)"],
         [STRUCTURE_PAGE]),
    # -- 7. raw HTML in Markdown: removed, reported; the page is published without it -----------
    Case("html: script in an article body", {A: ARTICLE + "\n<script>alert(1)</script>\n"},
         [f"{A}:12: body: HTML element <script> removed ({HTML})"]),
    Case("html: event attribute on an image", {A: ARTICLE + "\n<img src=atelier.jpg onerror=alert(1)>\n"},
         [f"{A}:12: body: HTML attribute 'onerror' removed from <img> ({HTML})"]),
    Case("html: javascript and data links", {A: ARTICLE + "\n[un](javascript:alert(1))\n\n"
                                                          "[deux](data:text/html;base64,PHNjcmlwdD4=)\n"},
         [f"{A}:12: body: link to 'javascript:alert(1)' removed ({LINK})",
          f"{A}:14: body: link to 'data:text/html;base64,PHNjcmlwdD4=' removed ({LINK})"]),
    Case("html: remote image", {A: ARTICLE + "\n![Une vue](https://tracker.example/vue.png)\n"},
         [f"{A}:12: body: image from another site removed: 'https://tracker.example/vue.png' ({IMAGE})"]),
    Case("html: iframe and attribute list handler in a hand page",
         {P: PAGE + "\n<iframe src=\"https://evil.example/\"></iframe>\n\n[Lien](contact.md){ onclick=alert(1) }\n"},
         [f"{P}:8: body: HTML element <iframe> removed ({HTML})",
          f"{P}:10: body: HTML attribute 'onclick' removed from <a> ({HTML})"]),
    Case("html: script in a structure's Markdown description",
         {S: s(STRUCTURE, "description: {fr: Texte., en: Text.}",
               "description:\n  fr: |\n    Texte.\n\n    <script>alert(1)</script>\n  en: Text.")},
         [f"{S}:9: description.fr: HTML element <script> removed ({HTML})"]),
    Case("html: what Markdown and its extensions make is kept",
         {P: PAGE + "\n!!! note \"À savoir\"\n    Un *encadré*.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
                    "[Contact](contact.md){ .md-button }\n\n<abbr title=\"Groupe SOS\">GSOS</abbr> <mark>ok</mark>\n"},
         []),
]
