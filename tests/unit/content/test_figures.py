from portal.content.figures import figure_view, format_number, load_key_figures
from support import write


def plain(text: str) -> str:
    """Digit-group spaces differ by locale data (U+202F, U+00A0); compare them as spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_numbers_follow_the_locale():
    assert plain(format_number(430000, "count", "fr")) == "430 000"
    assert format_number(430000, "count", "en") == "430,000"
    assert plain(format_number(85, "percent", "fr")) == "85 %"
    assert format_number(85, "percent", "en") == "85%"
    assert plain(format_number(5000, "m2", "fr")) == "5 000 m²"
    assert plain(format_number(5000, "m2", "en")) == "5,000 m²"
    assert format_number(2024, "year", "fr") == "2024"


def test_figures_load_and_render(tmp_path):
    write(tmp_path, "figures.yml", """
        - id: reached
          value: 430000
          qualifier: {fr: plus de, en: more than}
          label: {fr: personnes, en: people}
        """)
    figures, problems = load_key_figures(tmp_path / "figures.yml", tmp_path)
    assert problems == []
    view = figure_view(figures[0], "en")
    assert (view.qualifier, view.number, view.label) == ("more than", "430,000", "people")


def test_bad_figures_are_reported_and_skipped(tmp_path):
    write(tmp_path, "figures.yml", """
        - id: ok
          value: 1
          label: {fr: un, en: one}
        - id: bad
          value: "12"
          unit: percents
          label: {fr: douze}
        - id: ok
          value: 2
          label: {fr: deux, en: two}
          colour: red
        """)
    figures, problems = load_key_figures(tmp_path / "figures.yml", tmp_path)
    assert [f.id for f in figures] == ["ok"]
    assert [str(p) for p in problems] == [
        "figures.yml:5: value: must be a whole number, not text",
        "figures.yml:6: unit: unknown value 'percents' (did you mean 'percent'?)",
        "figures.yml:7: label: the en text is missing (add 'en:' under 'label')",
        "figures.yml:8: id: 'ok' is used twice (give each figure its own id)",
    ]
