import datetime as dt

import pytest

from portal.content.yamlsource import SourceError, load_yaml, read_text, split_front_matter


def test_values_and_key_lines():
    doc = load_yaml("title: x\nwhen: 2024-05-01\nlist:\n  - a\n  - b\n")
    assert doc.data == {"title": "x", "when": dt.date(2024, 5, 1), "list": ["a", "b"]}
    assert doc.line("when") == 2
    assert doc.line("list", 1) == 5
    assert doc.line("missing") == 1


@pytest.mark.parametrize("text, line, message", [
    ("a: !!python/object/apply:os.system [ls]\n", 1, "the YAML tag tag:yaml.org,2002:python/object/apply:os.system is not allowed"),
    ("a:\n\t- b\n", 2, "YAML syntax error: a tab is used for indentation; indent with spaces"),
    ("a: 1\nb: 2\na: 3\n", 3, "key 'a' appears twice"),
    ("a: [1, 2\n", 2, "YAML syntax error: expected ',' or ']', but got '<stream end>'"),
])
def test_bad_yaml_is_located(text, line, message):
    with pytest.raises(SourceError) as error:
        load_yaml(text)
    assert (error.value.line, error.value.message) == (line, message)


def test_deep_nesting_is_refused():
    with pytest.raises(SourceError, match="nesting deeper than 20 levels"):
        load_yaml("a: " + "[" * 30 + "]" * 30)


def test_alias_bomb_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 9)]
    with pytest.raises(SourceError, match="more than 200000 values"):
        load_yaml("\n".join(lines))


def test_bom_is_tolerated_and_non_utf8_refused():
    assert read_text("\ufefftitle: x".encode("utf-8")) == "title: x"
    with pytest.raises(SourceError) as error:
        read_text("a: 1\ntitle: \xe9t\xe9\n".encode("latin-1"))
    assert error.value.line == 2 and "UTF-8" in error.value.message


def test_front_matter_lines_are_file_lines():
    front = split_front_matter("---\ntitle: x\nslug: y\n---\n\nBody\n")
    assert front.meta.line("slug") == 3
    assert front.body == "\nBody\n" and front.body_line == 5


def test_front_matter_never_closed():
    with pytest.raises(SourceError, match="never closed"):
        split_front_matter("---\ntitle: x\n")


def test_no_front_matter():
    front = split_front_matter("Just text\n")
    assert front.meta.data == {} and front.body == "Just text\n"


# -- invisible control characters -----------------------------------------------------------------

from portal.content.yamlsource import Control, read_registry  # noqa: E402


def test_control_characters_are_removed_and_placed_at_their_value():
    doc = load_yaml('title: "a\\vb"\nx: {fr: "c\x0bd", en: e}\nz: [1, "\\x1b"]\n')
    assert doc.data == {"title": "ab", "x": {"fr": "cd", "en": "e"}, "z": [1, ""]}
    assert doc.controls == (Control(1, "U+000B", ("title",), True), Control(2, "U+000B", ("x", "fr")),
                            Control(3, "U+001B", ("z", 1), True))
    assert doc.controls_under(("x",)) == [Control(2, "U+000B", ("x", "fr"))]


def test_a_control_character_in_a_key_is_placed_at_its_key():
    doc = load_yaml('"ti\\vtle": x\n')
    assert doc.data == {"title": "x"} and doc.controls == (Control(1, "U+000B", ("title",), True),)


def test_front_matter_and_body_controls_keep_the_editors_lines():
    front = split_front_matter("---\ntitle: a\x0bb\n---\n\nBody \x0c here\u2028same line\nline\x1b\n")
    assert front.meta.data == {"title": "ab"} and front.meta.controls == (Control(2, "U+000B", ("title",)),)
    assert front.body == "\nBody  here\u2028same line\nline\n" and front.body_line == 4
    assert front.body_controls == (Control(5, "U+000C"), Control(6, "U+001B"))


# -- registries read entry by entry ---------------------------------------------------------------

def test_a_registry_entry_with_a_syntax_error_costs_only_itself(tmp_path):
    path = tmp_path / "tags.yml"
    path.write_text("# Topics\na: {fr: A, en: A}\nb:\n  fr: B : b\n  en: B\nc: {fr: C, en: C}\n", encoding="utf-8")
    doc, errors = read_registry(path)
    assert doc.data == {"a": {"fr": "A", "en": "A"}, "c": {"fr": "C", "en": "C"}}
    assert doc.line("c") == 6
    [(error, key)] = errors
    assert (key, error.line, error.field) == ("b", 4, "fr")


def test_a_list_registry_keeps_its_items_and_their_lines(tmp_path):
    path = tmp_path / "issues.yml"
    path.write_text("- number: 1\n  title: ok\n- number: 2\n  title: \"a \"b\" c\"\n- number: 3\n  title: ok\n",
                    encoding="utf-8")
    doc, errors = read_registry(path, list)
    assert doc.data == [{"number": 1, "title": "ok"}, {"number": 3, "title": "ok"}]
    assert doc.line(1, "title") == 6
    assert [(key, error.line) for error, key in errors] == [(2, 4)]


def test_an_unreadable_registry_is_one_error(tmp_path):
    path = tmp_path / "authors.yml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(SourceError, match="must be a mapping"):
        read_registry(path)


# -- the YAML slips editors make most, in their words -----------------------------------------------

@pytest.mark.parametrize("text, line, field, message, hint", [
    ("title: Culture : un droit\n", 1, "title", "': ' inside a text that is not in quotes",
     'put the title in quotes: title: "Culture : un droit"'),
    ('title: Le "grand" soir : demain\n', 1, "title", "': ' inside a text that is not in quotes",
     "put the title in quotes: title: 'Le \"grand\" soir : demain'"),
    ('title: "Le "grand" soir"\n', 1, "title", "a \" inside a text in double quotes ends it too early",
     "inside, use « » or ’ instead, or put the text in single quotes"),
    ("title: 'L'été'\n", 1, "title", "an apostrophe inside a text in single quotes ends it too early",
     "write the apostrophe as ’ or put the text in double quotes"),
    ('a: 1\ntitle: "Le soir\nb: 2\n', 2, "title", "a quote is never closed", "close it at the end of the text"),
    ("title: @home\n", 1, "title", "a text cannot start with '@' unless it is in quotes",
     'put the title in quotes: title: "@home"'),
    ("a: 1\n  b: 2\n", 2, "", "this line is indented more than the key above it", "line up keys of the same level"),
    ("a: 1\nfoo\nb: 2\n", 2, "", "this line is not 'key: value'",
     "add ': ' after the key, or indent the line if it goes on with the text above"),
    ("a: 1\n- b\n", 2, "", "a list item '-' where a key was expected", "indent the list under its key"),
    ('a: {fr: "Le "x" y", en: z}\n', 1, "a", "a text inside { } or [ ] holds a quote, a comma or ': '",
     "put each text in double quotes, or write one 'key: value' per line"),
])
def test_yaml_slips_say_what_to_do(text, line, field, message, hint):
    with pytest.raises(SourceError) as error:
        load_yaml(text)
    assert (error.value.line, error.value.field, error.value.message, error.value.hint) == \
        (line, field, f"YAML syntax error: {message}", hint)


def test_a_file_full_of_control_characters_is_read_in_one_pass():
    """20 000 keys with one each: placing them key by key would take minutes."""
    doc = load_yaml("\n".join(f"k{i}: a\x0bb" for i in range(20_000)))
    assert len(doc.controls) == 20_000 and doc.controls[-1] == Control(20_000, "U+000B", ("k19999",))
    front = split_front_matter("---\ntitle: x\n---\n" + "a\x0b" * 200_000)
    assert front.body == "a" * 200_000 and front.body_controls == (Control(4, "U+000B"),)
