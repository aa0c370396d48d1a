"""Bad content: located messages, no traceback; strict fails, a preview keeps every valid page."""

from __future__ import annotations

import re

import pytest

from support import make_site, run_build, write

EXPECTED = [
    "content/broken.fr.md:3: descripton: unknown key (did you mean 'description'?)",
    "content/broken.fr.md:2: description: required field is missing (add 'description:')",
    "content/_data/key-figures.yml:2: value: must be a whole number, not text",
    "content/equipe.fr.md:17: portal:video: 'bad' is not a YouTube video id",
    "content/notes.md: the file name has no language suffix (name it like 'page.fr.md' or 'page.en.md')",
    "structures/gamma.yml:2: category: unknown value 'theatre' (choose one of: education, engineering, integration, other, production)",
    "structures/gamma.yml:4: website: 'javascript:alert(1)' has the scheme 'javascript'; only http, https and mailto are allowed (use an http, https or mailto address)",
    "content/_data/key-figures.yml:11: value: says 3 structures, but structures/ has 3 files and 'unlisted' is 1 (update the figure, or 'unlisted' (structures of the group without a file yet))",
]


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("broken")
    config = make_site(root / "src")
    write(root / "src", "content/broken.fr.md", """
        ---
        title: Page cassée
        descripton: faute de frappe
        ---
        Texte.
        """)
    write(root / "src", "content/notes.md", "Notes\n")
    write(root / "src", "structures/gamma.yml", """
        name: Gamma
        category: theatre
        summary: {fr: Un théâtre., en: A theatre.}
        website: javascript:alert(1)
        description: {fr: Texte., en: Text.}
        """)
    write(root / "src", "content/_data/key-figures.yml", """
        - id: people-reached
          value: "430000"
          label: {fr: personnes, en: people}
        - id: ok
          value: 1
          label: {fr: un, en: one}
        - id: structures
          counts: structures
          unlisted: 1
          label: {fr: structures, en: structures}
          value: 3
        """)
    equipe = root / "src/content/equipe.fr.md"
    equipe.write_text(equipe.read_text(encoding="utf-8") + "\n<!-- portal:video youtube=bad title=\"x\" -->\n",
                      encoding="utf-8")
    return root, config


def test_strict_build_fails_with_every_problem_located_and_no_traceback(broken_site):
    root, config = broken_site
    build = run_build(config, root / "strict-site", strict=True)
    assert build.returncode != 0
    assert "Traceback" not in build.log
    for line in EXPECTED:
        assert line in build.log, f"missing: {line}\n{build.log}"
    assert "Aborted with" in build.log


def test_preview_build_publishes_everything_valid(broken_site):
    root, config = broken_site
    build = run_build(config, root / "preview-site", strict=False)
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    assert not (build.site / "broken").exists()
    assert not (build.site / "structures/gamma").exists()
    for page in ["index.html", "equipe/index.html", "contact/index.html", "en/team/index.html", "en/guide/index.html",
                 "structures/alpha/index.html", "en/structures/beta/index.html"]:
        assert (build.site / page).exists(), page


@pytest.mark.parametrize("sequential", ["", "1"])
def test_a_warning_of_the_english_build_fails_the_strict_build_and_is_shown(tmp_path, sequential):
    config = make_site(tmp_path / "src")
    page = tmp_path / "src/content/equipe.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [nothing](nowhere.md).\n", encoding="utf-8")
    done = run_build(config, tmp_path / "site", extra_env={"PORTAL_SEQUENTIAL": sequential})
    assert done.returncode != 0
    assert re.search(r"WARNING .*\[en\] .*nowhere\.md", done.log), done.log
    lenient = run_build(config, tmp_path / "site", strict=False, extra_env={"PORTAL_SEQUENTIAL": sequential})
    assert lenient.returncode == 0 and "nowhere.md" in lenient.log
