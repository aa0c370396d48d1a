"""`portal` as an editor runs it: check (exit codes, lines, French), new and translate."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import FIXTURES, REPO


def portal(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "PORTAL_NOW": "2026-06-01", "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable, "-m", "portal.editors.cli", *args], cwd=site, capture_output=True, text=True,
                          env=env, timeout=60)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "minimal", tmp_path / "site")
    (tmp_path / "site" / "mkdocs.yml").write_text("docs_dir: content\n", encoding="utf-8")
    return tmp_path / "site"


def test_check_passes_on_good_content(site):
    done = portal(site, "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"No problem in \d+ files", done.stdout)
    assert "Drafts (preview only):\n  magazine/2026/brouillon.fr.md" in done.stdout
    assert "Scheduled (published on or after its date):\n  magazine/2099/futur.fr.md: 2099-01-01 00:00+01:00" in done.stdout
    # Links out the content does not give are listed for editors to find, without failing the check: the
    # postponed conference (upcoming, no registration) and the structure without a website; not the
    # cancelled one, the past ones, nor the one with its registration link.
    listed = done.stdout.split("To fill (left out of the pages until known")[1].splitlines()[1:]
    assert [line.strip() for line in listed if line.startswith("  ") and not line.startswith("  content/")] == [
        "upconf/2026-05-20-reportee.yml: registration", "structures/beta.yml: website"]


def test_check_fails_with_located_lines_in_english_and_french(site):
    target = site / "structures/alpha.yml"
    target.write_text(target.read_text(encoding="utf-8").replace("category: production", "category: produktion"),
                      encoding="utf-8")
    done = portal(site, "check")
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == ("structures/alpha.yml:2: category: unknown value 'produktion' "
                                           "(did you mean 'production'?)")
    assert "1 problem(s) in 1 file(s)." in done.stdout
    french = portal(site, "--lang", "fr", "check")
    assert french.stdout.splitlines()[0] == ("structures/alpha.yml:2: category: valeur inconnue « produktion » "
                                             "(vouliez-vous dire « production » ?)")
    assert "1 problème(s) dans 1 fichier(s)." in french.stdout
    only_magazine = portal(site, "check", "magazine")
    assert only_magazine.returncode == 0


def test_french_locale_is_the_default_for_french_editors(site):
    (site / "upconf/2026-06-20-en-ligne.yml").write_text("title: [", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "LANG": "fr_FR.UTF-8", "PORTAL_NOW": "2026-06-01"}
    done = subprocess.run([sys.executable, "-m", "portal.editors.cli", "check"], cwd=site, capture_output=True, text=True,
                          env=env)
    assert "erreur de syntaxe YAML" in done.stdout


def test_new_article_then_filled_passes(site):
    done = portal(site, "new", "article", "--lang", "fr", "--title", "L’été à l’écran")
    assert done.returncode == 0, done.stderr
    created = next((site / "magazine").rglob("l-ete-a-l-ecran.fr.md"))
    check = portal(site, "check", str(created.relative_to(site)))
    assert check.returncode == 1
    assert {line.split(": ")[1] for line in check.stdout.splitlines() if line.startswith("magazine/")} >= {
        "authors", "rubric", "description"}
    text = created.read_text(encoding="utf-8")
    text = re.sub(r"authors: \[\].*", "authors: [camille]", text)
    text = re.sub(r"rubric:.*", "rubric: report", text)
    text = re.sub(r"description:.*", "description: Une description.", text)
    created.write_text(text, encoding="utf-8")
    assert portal(site, "check").returncode == 0
    again = portal(site, "new", "article", "--lang", "fr", "--title", "L’été à l’écran")
    assert again.returncode == 2 and "already exists" in again.stderr


def test_translate_pairs_with_the_original(site):
    done = portal(site, "translate", "magazine/2025/seulement-fr.fr.md", "--to", "en", "--slug", "french-only")
    assert done.returncode == 0, done.stderr
    created = site / "magazine/2025/french-only.en.md"
    text = created.read_text(encoding="utf-8")
    assert "translation_key: seulement-fr" in text and "authors: [camille]" in text
    assert portal(site, "check").returncode == 1  # title and description to translate
    text = re.sub(r"title:.*", "title: French only", text)
    text = re.sub(r"description:.*", "description: An article.", text)
    created.write_text(text, encoding="utf-8")
    assert portal(site, "check").returncode == 0


def test_new_conference_and_structure(site):
    assert portal(site, "new", "conference", "--title", "Un débat", "--start", "2026-09-17 18:30").returncode == 0
    conference = site / "upconf/2026-09-17-un-debat.yml"
    unfilled = portal(site, "check")
    assert unfilled.returncode == 1
    assert "description.fr: the fr text still holds the '# TO FILL' placeholder" in unfilled.stdout
    text = conference.read_text(encoding="utf-8")
    for pattern, value in [(r"  en:  # TO FILL: the title in English", "  en: A debate"),
                           (r"  fr:  # TO FILL: one sentence", "  fr: Une phrase."),
                           (r"  en:  # TO FILL: one sentence", "  en: A sentence."),
                           (r"    # TO FILL: a few paragraphs \(Markdown\)", "    Du texte."),
                           (r"format:  # TO FILL.*", "format: debate"),
                           (r"  name:  # TO FILL.*", "  name: Salle"),
                           (r"announced: .*", "announced: 2026-05-01")]:
        text = re.sub(pattern, value, text)
    conference.write_text(text, encoding="utf-8")
    done = portal(site, "check")
    assert done.returncode == 0, done.stdout
    assert portal(site, "new", "structure", "--name", "Delta Œuvres", "--category", "production").returncode == 0
    assert (site / "structures/delta-oeuvres.yml").exists()


def test_setup_installs_the_portal_command():
    launcher = REPO / ".venv" / "bin" / "portal"
    if not launcher.exists():
        pytest.fail("scripts/setup did not create .venv/bin/portal")
    done = subprocess.run([str(launcher), "check"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout


# -- the edges (issue 14): every fault a clear message and a non-zero exit, never a traceback ----------

def test_new_refuses_a_slug_that_leaves_the_repository(site):
    before = sorted(p.name for p in site.parent.iterdir())
    for kind in (["article", "--title", "X"], ["structure", "--name", "X"],
                 ["conference", "--title", "X", "--start", "2026-09-17 18:30"]):
        done = portal(site, "new", *kind, "--slug", "../../..")
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr == ("portal: --slug '../../..' is not a slug; "
                               "use lowercase ASCII letters, digits and hyphens\n")
    assert sorted(p.name for p in site.parent.iterdir()) == before
    done = portal(site, "translate", "magazine/2025/seulement-fr.fr.md", "--to", "en", "--slug", "../../x")
    assert done.returncode == 2 and "is not a slug" in done.stderr


def test_new_refuses_to_write_through_a_link_out_of_the_repository(site, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (site / "structures").rename(site / "structures-old")
    (site / "structures").symlink_to(outside)
    done = portal(site, "new", "structure", "--name", "Delta")
    assert done.returncode == 2 and "is outside the repository; nothing was written" in done.stderr
    assert list(outside.iterdir()) == []


def test_translate_refuses_a_file_outside_the_repository(site, tmp_path):
    outside = tmp_path / "elsewhere" / "x.fr.md"
    outside.parent.mkdir()
    outside.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    done = portal(site, "translate", str(outside), "--to", "en")
    assert done.returncode == 2 and done.stderr == f"portal: {outside} is not an article file of this repository\n"
    assert not (outside.parent / "x.en.md").exists()


def test_new_conference_needs_a_time(site):
    done = portal(site, "new", "conference", "--title", "Un débat", "--start", "2026-09-17")
    assert done.returncode == 2
    assert done.stderr == ("portal: --start '2026-09-17' needs a date and a time: write it as 'YYYY-MM-DD HH:MM' "
                           "(Paris time), e.g. --start '2026-09-17 18:30'\n")
    assert not list((site / "upconf").glob("2026-09-17-*"))


def test_check_refuses_paths_outside_the_repository_or_mistyped(site):
    done = portal(site, "check", "/etc")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr == f"portal: /etc is outside the repository ({site}); give a file or folder inside it\n"
    done = portal(site, "check", "magazin")
    assert done.returncode == 2 and done.stderr == "portal: magazin does not exist (did you mean 'magazine'?)\n"
    done = portal(site, "check", "structures/alpha.yml", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_names_files_it_would_otherwise_ignore(site):
    (site / "magazine/2025/seulement-fr.fr.md").rename(site / "magazine/2025/seulement-fr.fr.MD")
    (site / "magazine/2025/first-article.en.md").rename(site / "magazine/first-article.en.md")
    done = portal(site, "check")
    assert done.returncode == 1
    assert done.stdout.splitlines()[:2] == [
        "magazine/2025/seulement-fr.fr.MD: the extension '.MD' is not '.md' (rename the file 'seulement-fr.fr.md')",
        "magazine/first-article.en.md: an article must be in a year folder "
        "(move it to magazine/<year>/first-article.en.md)"]


def test_check_into_a_reader_that_leaves_ends_quietly(site):
    for number in range(1500):  # far more than a pipe holds
        (site / f"structures/broken-{number}.yml").write_text("name: [\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "PORTAL_NOW": "2026-06-01", "LANG": "C.UTF-8"}
    process = subprocess.Popen([sys.executable, "-m", "portal.editors.cli", "check"], cwd=site, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.readline()  # what `portal check | head -1` reads, before it goes away
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1
    assert first.startswith(b"content/_data/key-figures.yml:10: value: says 3 structures")
    assert stderr == "", stderr
