import pytest

from portal.text.languages import Language, language, other_languages, reserved_prefix, split_language_suffix


@pytest.mark.parametrize("path, expected", [
    ("mission.fr.md", ("mission", "fr")),
    ("guide/index.en.md", ("guide/index", "en")),
    ("a.b.fr.md", ("a.b", "fr")),
    ("mission.md", None),
    ("mission.fr.txt", None),
])
def test_language_suffix(path, expected):
    assert split_language_suffix(path) == expected


def test_language_codes_are_reserved_at_the_top_of_content():
    assert reserved_prefix("en/mission.en.md") == "en"
    assert reserved_prefix("fr/x.fr.md") == "fr"
    assert reserved_prefix("enfance/x.fr.md") is None
    assert reserved_prefix("en.fr.md") is None


def test_prefix_and_names():
    assert language("fr").prefix == ""
    assert language("en").prefix == "en/"
    assert Language("fr").native_name == "Français"
    assert Language("en").native_name == "English"
    assert other_languages("fr") == ("en",)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'de'"):
        language("de")
