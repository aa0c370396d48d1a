"""Placeholder text in content sources: found by phrase, reported with its line, translated."""

from portal.editors.messages_fr import in_french, is_translated
from portal.editors.placeholders import find, placeholder_problems


def test_finds_placeholders_in_both_languages_once_each():
    assert find("Une présentation plus complète sera proposée ultérieurement.") == [
        "plus complète sera proposée ultérieurement"]
    assert find("A fuller presentation will follow. TODO: photo") == ["A fuller presentation will follow", "TODO"]
    assert find("Lorem ipsum dolor sit amet") == ["Lorem ipsum"]


def test_real_text_is_not_a_placeholder():
    text = ("La Citadelle ouvrira ses portes progressivement ; le site entier sera accessible en 2030. "
            "Todos los públicos. Tout au long de l’année, #UpConf prend un thème.")
    assert find(text) == []


def test_problems_point_at_the_line_and_are_translated(tmp_path):
    (tmp_path / "structures").mkdir()
    (tmp_path / "structures" / "x.yml").write_text(
        "name: X\nsummary:\n  fr: Une présentation sera proposée ultérieurement.\n  en: Real text.\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "page.fr.md").write_text("---\ntitle: Page\n---\n\nTexte à venir.\n", encoding="utf-8")
    problems = placeholder_problems(tmp_path)
    assert [str(p) for p in problems] == [
        "content/page.fr.md:5: text: placeholder text 'Texte à venir' would be published "
        "(write the real text, or leave the field out until it is known)",
        "structures/x.yml:3: text: placeholder text 'sera proposée ultérieurement' would be published "
        "(write the real text, or leave the field out until it is known)"]
    assert all(is_translated(p.message) for p in problems)
    assert "le texte provisoire « Texte à venir » serait publié" in str(in_french(problems[0]))
