"""French messages hold no English: each shape the text boundary raises, and the types and hints they carry."""

from __future__ import annotations

import re

import pytest

from portal.content.problems import Problem
from portal.editors.messages_fr import in_french, is_translated

ENGLISH = re.compile(r"\b(the|or|is|not|must|remove|write|add|put|inside|text|quotes|line|error|a|an|of|in|"
                     r"empty|missing|fix|first|removed|link|element|attribute|from|escape)\b")
SAMPLES = [
    ("invisible control character U+000B; remove it", "text pasted from a word processor often brings one: retype that spot"),
    ("invisible control character U+0085; remove it", "written as a backslash escape in the quoted text: remove the escape"),
    ("is empty", "write the title"),
    ("is empty", "write the description"),
    ("the en text is empty", "write it after 'en:'"),
    ("'culture' has a problem in magazine/tags.yml", "fix magazine/tags.yml:5 first"),
    ("must be text, not a whole number (5)", ""),
    ("must be a whole number, not a list", ""),
    ("must be true or false, not date (2025-01-01)", ""),
    ("must be a mapping of 'key: value' lines", ""),
    ("'2025-02-30' is not a date", "write it as YYYY-MM-DD or 'YYYY-MM-DD HH:MM'"),
    ("print issue 9 is not in magazine/issues.yml", "known issues: none"),
    ("the file name has no language suffix", "name it like 'my-article.fr.md' or 'my-article.en.md'"),
    ("YAML syntax error: ': ' inside a text that is not in quotes", 'put the title in quotes: title: "a : b"'),
    ("YAML syntax error: a \" inside a text in double quotes ends it too early",
     "inside, use « » or ’ instead, or put the text in single quotes"),
    ("YAML syntax error: an apostrophe inside a text in single quotes ends it too early",
     "write the apostrophe as ’ or put the text in double quotes"),
    ("YAML syntax error: a quote is never closed", "close it at the end of the text"),
    ("YAML syntax error: a text cannot start with '@' unless it is in quotes", 'put the name in quotes: name: "@x"'),
    ("YAML syntax error: '\\d' is not allowed in a text in double quotes",
     "write \\\\ for a backslash, or put the text in single quotes"),
    ("YAML syntax error: this line is indented more than the key above it", "line up keys of the same level"),
    ("YAML syntax error: this line is not 'key: value'",
     "add ': ' after the key, or indent the line if it goes on with the text above"),
    ("YAML syntax error: a list item '-' where a key was expected", "indent the list under its key"),
    ("YAML syntax error: a text inside { } or [ ] holds a quote, a comma or ': '",
     "put each text in double quotes, or write one 'key: value' per line"),
    ("YAML syntax error: expected ',' or ']', but got '<stream end>'", ""),
    ("YAML syntax error: found undefined alias 'x'", ""),
    ("HTML element <script> removed", "write Markdown: raw HTML is limited to the list in the editors' guide"),
    ("HTML attribute 'onerror' removed from <img>", ""),
    ("link to 'javascript:alert(1)' removed", "links go to http, https or mailto addresses, or to pages and files of the site"),
    ("image from another site removed: 'https://x.example/a.png'",
     "put the image file next to the text: a reader's browser must not call another site"),
    ("must be text, or a text per language, not a list",
     "write a person's name as it is, or a team's name as {fr: …, en: …}"),
]


def without_code(text: str) -> str:
    """The French words only: quoted values, code and addresses are the editor's own."""
    text = re.sub(r"«[^»]*»|<[^>]*>|\S+:\S*|'[^']*'|\"[^\"]*\"", " ", text)
    return re.sub(r"\b(title|description|U\+[0-9A-F]+|en|fr|http|https|mailto|javascript)\b", " ", text)


@pytest.mark.parametrize("message, hint", SAMPLES, ids=[m for m, _ in SAMPLES])
def test_french_has_no_english(message, hint):
    assert is_translated(message)
    french = in_french(Problem("a.yml", 1, "field", message, hint))
    assert not ENGLISH.search(without_code(french.message)), french.message
    if hint:
        assert not ENGLISH.search(without_code(french.hint)), french.hint
