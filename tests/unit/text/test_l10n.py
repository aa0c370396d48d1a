"""The interface strings' gettext catalogues (hooks/portal/text/locale/), read with Babel as a translator's tool
writes them: complete in every language, the same placeholders, in step with the keys the code uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from portal.text import l10n, l10n_keys
from portal.text.languages import LANGUAGES

REPO = Path(__file__).resolve().parents[3]
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def catalogue(lang: str) -> Catalog:
    return l10n.read_catalogue(lang)


def entries(lang: str) -> dict[str, tuple[str, str]]:
    """key -> (English msgid, msgstr) of one language's catalogue."""
    return {m.context: (m.id, m.string) for m in catalogue(lang) if m.id and m.context}


def used_keys() -> dict[str, set[str]]:
    """Every key the code uses, with the files it is used in, as `scripts/translations extract` finds them."""
    with (REPO / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found: dict[str, set[str]] = {}
    for folder in ("hooks", "overrides"):
        for path, _line, _message, _comments, context in extract_from_dir(REPO / folder, method_map, options_map):
            found.setdefault(context, set()).add(f"{folder}/{path}")
    return found


def test_every_language_has_every_string_translated_and_none_left_to_check():
    source = entries(l10n.SOURCE_LANGUAGE)
    assert source, "the English catalogue holds no string"
    for lang in LANGUAGES:
        found = entries(lang)
        assert set(found) == set(source), f"{lang}: missing {set(source) - set(found)}, extra {set(found) - set(source)}"
        fuzzy = sorted(m.context for m in catalogue(lang) if m.id and m.fuzzy)
        assert not fuzzy, f"{lang}: translations to check after their English changed (fuzzy): {fuzzy}"
        if lang != l10n.SOURCE_LANGUAGE:
            untranslated = sorted(key for key, (_, string) in found.items() if not string)
            assert not untranslated, f"{lang}: not translated: {untranslated}"
            stale = sorted(key for key, (english, _) in found.items() if english != source[key][0])
            assert not stale, f"{lang}: translates another English text than the English catalogue's: {stale}"
        assert set(l10n.strings(lang)) == set(source)


def test_a_placeholder_is_the_same_in_every_language():
    english = l10n.strings(l10n.SOURCE_LANGUAGE)
    for lang in LANGUAGES:
        for key, text in l10n.strings(lang).items():
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(english[key])), (lang, key, text)


def test_every_key_has_the_form_area_dot_name():
    for key in l10n.strings(l10n.SOURCE_LANGUAGE):
        assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", key), key


def test_the_catalogues_hold_exactly_the_keys_the_code_uses():
    """A key the code stopped using is left out of the catalogues (`scripts/translations` makes it obsolete),
    and every text handed to ``text(…)`` in our Python is a key of them."""
    known = set(l10n.strings(l10n.SOURCE_LANGUAGE))
    assert set(used_keys()) == known, f"not used by the code: {known - set(used_keys())}"
    unknown = [f"{path.relative_to(REPO)}:{line}: {literal}"
               for path in sorted((REPO / "hooks").rglob("*.py"))
               for line, literal in l10n_keys.text_call_literals(path.read_bytes()) if literal not in known]
    assert not unknown, "keys missing from the catalogues:\n" + "\n".join(unknown)


def test_the_template_is_in_step_with_the_catalogues():
    """``portal.pot`` (what translators' tools start from) holds each key with its English text."""
    with (l10n.LOCALE_DIR / "portal.pot").open("rb") as handle:
        template = {m.context: m.id for m in read_po(handle) if m.id}
    assert template == {key: english for key, (english, _) in entries(l10n.SOURCE_LANGUAGE).items()}


def test_text_fills_in_the_placeholders_and_a_missing_key_is_an_error():
    assert l10n.text("fr", "magazine.page_of", number="2", count="5") == "Page 2 sur 5"
    assert l10n.text("en", "magazine.page_of", number="2", count="5") == "Page 2 of 5"
    with pytest.raises(KeyError):
        l10n.text("fr", "no.such_key")


def test_a_fuzzy_or_untranslated_entry_is_left_out(tmp_path, monkeypatch):
    (tmp_path / "fr" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "fr" / "LC_MESSAGES" / "portal.po").write_text(
        'msgctxt "a.kept"\nmsgid "Kept"\nmsgstr "Gardé"\n\n'
        '#, fuzzy\nmsgctxt "a.fuzzy"\nmsgid "Changed"\nmsgstr "Ancien"\n\n'
        'msgctxt "a.empty"\nmsgid "Empty"\nmsgstr ""\n', encoding="utf-8")
    monkeypatch.setattr(l10n, "LOCALE_DIR", tmp_path)
    l10n.strings.cache_clear()
    try:
        assert dict(l10n.strings("fr")) == {"a.kept": "Gardé"}
    finally:
        monkeypatch.undo()
        l10n.strings.cache_clear()


def test_keys_are_found_in_python_and_templates():
    known = {"a.one", "a.two", "b.in_fr", "b.in_en"}
    python = 'x = text(lang, "a.one")\ny = f"b.in_{lang}"\nz = "a.one.html"\n'
    assert sorted(l10n_keys.keys_in_python(python, known)) == [(1, "a.one"), (2, "b.in_en"), (2, "b.in_fr")]
    template = """<p data-x="{{ s['a.two'] }}">{{ t["a.one"] }} l'a.one</p>"""
    assert sorted(l10n_keys.keys_in_template(template, known)) == [(1, "a.one"), (1, "a.two")]
    assert list(l10n_keys.text_call_literals('text("x.y")\nl10n.text(lang, "z.w", a="b")\n')) == [
        (1, "x.y"), (2, "z.w")]


def test_update_gives_a_key_whose_english_changed_its_former_translation_to_check(tmp_path):
    po = tmp_path / "portal.po"
    po.write_text('msgctxt "a.when"\nmsgid "When it is"\nmsgstr ""\n\n'
                  'msgctxt "a.new"\nmsgid "New"\nmsgstr ""\n\n'
                  '#~ msgctxt "a.when"\n#~ msgid "When"\n#~ msgstr "Quand"\n', encoding="utf-8")
    assert l10n_keys.carry_over_by_key(po) == ["a.when"]
    with po.open("rb") as handle:
        catalogue = read_po(handle)
    when = catalogue.get("When it is", context="a.when")
    assert (when.string, when.fuzzy) == ("Quand", True)
    assert '#| msgid "When"\nmsgctxt "a.when"' in po.read_text(encoding="utf-8")  # the former English, shown
    assert catalogue.get("New", context="a.new").string == ""
    assert not catalogue.obsolete
