"""The French catalogue of content problems (hooks/portal/text/locale/fr/LC_MESSAGES/problems.po), read with Babel:
every shape of the template translated, in the template's order, each translation a template its shape can fill."""

from __future__ import annotations

import string

from babel.messages.pofile import read_po

from portal.content.problems import Problem
from portal.editors import messages_fr

#: Shapes whose French leaves out what the English quotes (a YAML parser's own words).
SAID_IN_GENERAL_WORDS = {r"invalid value: (.+)", r"YAML syntax error: (?!a tab is used)(.+)"}


def entries(path) -> list[tuple[str, str, str, bool]]:
    with path.open("rb") as handle:
        return [(m.context, m.id, m.string, m.fuzzy) for m in read_po(handle, ignore_obsolete=True) if m.id]


def test_the_french_catalogue_has_every_shape_of_the_template_in_its_order_translated():
    template = [(context, msgid) for context, msgid, _, _ in entries(messages_fr.TEMPLATE)]
    french = entries(messages_fr.CATALOGUE)
    assert [(context, msgid) for context, msgid, _, _ in french] == template  # the order decides which shape wins
    assert not [msgid for _, msgid, string_, fuzzy in french if fuzzy or not string_]
    assert len(messages_fr.catalogue().shapes) == sum(context in ("message", "hint") for context, _ in template)


def test_each_translation_fills_in_only_the_groups_its_shape_has():
    for shape in messages_fr.catalogue().shapes:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(shape.french) if name is not None]
        for name, spec in fields:
            assert name.isdigit() and 1 <= int(name) <= shape.pattern.groups, (shape.pattern.pattern, shape.french)
            assert spec in ("", "type", "field"), (shape.pattern.pattern, spec)
        if shape.pattern.pattern not in SAID_IN_GENERAL_WORDS:
            assert sorted({int(name) for name, _ in fields}) == list(range(1, shape.pattern.groups + 1)), (
                shape.pattern.pattern, shape.french)


def test_types_and_fields_are_named_from_the_catalogue_and_an_unknown_one_quoted():
    def french(message: str, hint: str = "") -> Problem:
        return messages_fr.in_french(Problem("a.yml", 1, "x", message, hint))

    assert french("must be text, not a whole number (5)").message == "doit être un texte, pas un nombre entier (5)"
    assert french("must be a list, not bytes").message == "doit être une liste, pas des données binaires"
    assert french("must be text, not frozenset").message == "doit être un texte, pas « frozenset »"
    assert french("is empty", "write the title").hint == "écrivez le titre"
    assert french("is empty", "write the colour").hint == "écrivez « colour »"
    assert french("x", "put the name in quotes: name: \"@x\"").hint == 'mettez le nom entre guillemets : name: "@x"'
    assert french("x", "write \\\\ for a backslash, or put the text in single quotes").hint.startswith("écrivez \\\\ pour")


def test_an_unknown_shape_stays_in_english():
    problem = Problem("a.yml", 1, "x", "a shape nobody wrote down", "nor this hint")
    assert messages_fr.in_french(problem) == problem
    assert not messages_fr.is_translated(problem.message)
    assert messages_fr.in_french(Problem("a.yml", 1, "x", "unknown key", "")).message == "clé inconnue"
