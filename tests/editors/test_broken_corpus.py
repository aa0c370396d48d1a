"""Every case of the broken corpus: the exact message at the exact place, and the rest of the site still built."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from cases_files import FILE_CASES, Symlink
from corpus import CASES
from PIL import Image

from cases import IMAGE_HUGE, IMAGE_OK, IMAGE_TRUNCATED, Case
from portal.check import check
from portal.clock import PARIS
from portal.messages_fr import in_french, is_translated
from portal.site import SiteSettings
from support import FIXTURES, make_site, run_build, write

VALID_PAGES = ["index.html", "equipe/index.html", "structures/alpha/index.html", "magazine/2025/premier-article/index.html",
               "upconf/2026-03-26-avant-le-changement/index.html", "en/team/index.html", "en/structures/beta/index.html"]


def site_with(case: Case, root: Path) -> Path:
    shutil.copytree(FIXTURES / "minimal", root, dirs_exist_ok=True)
    figures = root / "content/_data/key-figures.yml"  # the structure count has tests of its own
    figures.write_text(re.sub(r"\n  counts: structures\n  unlisted: 1", "", figures.read_text(encoding="utf-8")),
                       encoding="utf-8")
    for path, content in case.files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            target.unlink()
        elif content == IMAGE_OK:
            Image.new("RGB", (64, 48), (200, 80, 40)).save(target)
        elif content == IMAGE_TRUNCATED:
            Image.new("RGB", (640, 480), (200, 80, 40)).save(target, quality=95)
            target.write_bytes(target.read_bytes()[:2000])
        elif content == IMAGE_HUGE:
            Image.new("1", (8000, 6000)).save(target)  # 48 million pixels, a few kilobytes
        elif isinstance(content, Symlink):
            content.make(target, root)
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            write(root, path, content)
    return root


def settings(root: Path) -> SiteSettings:
    return SiteSettings(root, root / "content", "https://portal.test/", now=dt.datetime(2026, 6, 1, tzinfo=PARIS))


def test_the_corpus_is_large_and_names_are_unique():
    assert len(CASES) >= 30
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_reports_exactly_the_problem(case, tmp_path):
    root = site_with(case, tmp_path / "site")
    report = check(root, settings(root))
    assert [str(p) for p in report.problems] == case.problems
    for problem in report.problems:  # and editors who read French get it in French
        assert is_translated(problem.message), problem.message
        assert not problem.hint or in_french(problem).hint != problem.hint, problem.hint


#: Issue 14's cases are built in batches (test_file_boundary.py): one build for several cases.
BUILT_ONE_BY_ONE = [c for c in CASES if c.problems and c not in FILE_CASES]


@pytest.mark.parametrize("case", BUILT_ONE_BY_ONE, ids=[c.name for c in BUILT_ONE_BY_ONE])
def test_preview_build_reports_it_and_publishes_the_rest(case, tmp_path):
    source = site_with(case, tmp_path / "src")
    config = make_site(source, fixture="none", extra={"portal": {"page_size": 1, "social_cards": False}})
    build = run_build(config, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    for problem in case.problems:
        assert problem in build.log, f"{problem}\n{build.log}"
    for page in VALID_PAGES:
        assert (build.site / page).exists(), page
    for page in case.absent:
        assert not (build.site / page).exists(), page


def test_strict_build_fails_and_names_every_problem(tmp_path):
    """All the cases that touch different files at once: one strict build lists them all."""
    chosen = [CASES[0], CASES[14], CASES[31]]  # a structure, an article, a conference
    source = tmp_path / "src"
    for case in chosen:
        site_with(case, source)
    config = make_site(source, fixture="none", extra={"portal": {"page_size": 1, "social_cards": False}})
    build = run_build(config, tmp_path / "site", strict=True)
    assert build.returncode != 0 and "Traceback" not in build.log
    for case in chosen:
        for problem in case.problems:
            assert problem in build.log
