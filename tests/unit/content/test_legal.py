"""The legal notice's data: known values shown, unknown ones left out and listed to fill, bad shapes reported."""

from portal.content.legal import legal_view, load_legal, to_fill

LEGAL = """\
publisher:
  title: {fr: Éditeur, en: Publisher}
  fields:
    name:
      label: {fr: Éditeur, en: Publisher}
      value: "Groupe SOS"
    seat:
      label: {fr: Siège, en: Registered office}
      value: ""
    mail:
      label: {fr: Courriel, en: Email}
      value: "contact@example.org"
host:
  title: {fr: Hébergement, en: Hosting}
  fields:
    name:
      label: {fr: Hébergeur, en: Host}
      value: ""
"""


def write(tmp_path, text):
    (tmp_path / "content" / "_data").mkdir(parents=True)
    (tmp_path / "content" / "_data" / "legal.yml").write_text(text, encoding="utf-8")
    return tmp_path / "content"


def test_known_values_are_shown_unknown_ones_left_out(tmp_path):
    content = write(tmp_path, LEGAL)
    sections, problems = load_legal(content, tmp_path)
    assert problems == []
    view = legal_view(sections, "en")
    assert [title for title, _ in view.sections] == ["Publisher"], "a section with no known value is left out"
    rows = view.sections[0][1]
    assert [(r.label, r.value, r.link) for r in rows] == [
        ("Publisher", "Groupe SOS", ""), ("Email", "contact@example.org", "mailto:contact@example.org")]


def test_unknown_values_are_listed_with_their_line(tmp_path):
    content = write(tmp_path, LEGAL)
    assert to_fill(content, tmp_path) == ("content/_data/legal.yml:7: publisher.seat",
                                          "content/_data/legal.yml:16: host.name")


def test_a_bad_shape_is_a_problem_not_a_crash(tmp_path):
    content = write(tmp_path, "publisher:\n  title: {fr: Éditeur}\n  fields:\n    name: Groupe SOS\n")
    sections, problems = load_legal(content, tmp_path)
    assert sections == ()
    assert [(p.line, p.field, p.message) for p in problems] == [
        (4, "publisher.name", "must hold 'label' (fr, en) and 'value'"),
        (1, "publisher.title", "must give the title in fr and en")]


def test_no_file_no_problem(tmp_path):
    assert load_legal(tmp_path, tmp_path) == ((), [])
    assert to_fill(tmp_path, tmp_path) == ()
