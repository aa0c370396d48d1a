import datetime as dt

import pytest

from portal.yamlsource import SourceError, load_yaml, read_text, split_front_matter


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
