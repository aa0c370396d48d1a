"""Every case of the broken corpus: the exact message at the exact place, and the rest of the site still built."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from cases_files import FILE_CASES, Symlink
from corpus import CASES
from PIL import Image

from cases import IMAGE_HUGE, IMAGE_OK, IMAGE_TRUNCATED, Case
from portal.content.clock import PARIS
from portal.content.site import SiteSettings
from portal.editors.check import check
from portal.editors.messages_fr import in_french, is_translated
from support import FIXTURES, make_site, run_build, write

VALID_PAGES = ["index.html", "equipe/index.html", "structures/alpha/index.html", "magazine/2025/premier-article/index.html",
               "upconf/2026-03-26-avant-le-changement/index.html", "en/team/index.html", "en/structures/beta/index.html"]


def site_with(case: Case, root: Path) -> Path:
    return site_with_all([case], root)


def site_with_all(cases: list[Case], root: Path) -> Path:
    """The minimal fixture copied once into ``root``, then each case's files written in turn."""
    shutil.copytree(FIXTURES / "minimal", root, dirs_exist_ok=True)
    figures = root / "content/_data/key-figures.yml"  # the structure count has tests of its own
    figures.write_text(re.sub(r"\n  counts: structures\n  unlisted: 1", "", figures.read_text(encoding="utf-8")),
                       encoding="utf-8")
    for case in cases:
        _write_case(case, root)
    return root


def _write_case(case: Case, root: Path) -> None:
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


def _conflict(a: Case, b: Case) -> bool:
    """Two cases cannot share a build when they write one path (or a path inside the other's link), or when
    one's files or messages name a file the other writes (a page showing 'photo.jpg', and a 'photo.jpg')."""
    def names(case: Case) -> str:
        return " ".join([*case.problems, *(str(v) for v in case.files.values()), *case.files])

    def touches(x: Case, y: Case) -> bool:
        return any(path.rsplit("/", 1)[-1] in names(y) for path in x.files)

    same = any(x == y or x.startswith(y + "/") or y.startswith(x + "/") for x in a.files for y in b.files)
    return same or touches(a, b) or touches(b, a)


def batches(cases: list[Case]) -> list[list[Case]]:
    """The cases with problems, packed greedily into builds of cases that touch different files."""
    groups: list[list[Case]] = []
    for case in (c for c in cases if c.problems):
        group = next((g for g in groups if not any(_conflict(case, other) for other in g)), None)
        if group is None:
            groups.append([case])
        else:
            group.append(case)
    return groups


#: The files most cases write (a structure, an article, a conference), without their extensions.
_STEMS = ("structures/gamma", "magazine/2025/un-article", "upconf/2026-04-09-debat")


def relocated(case: Case, number: int) -> Case:
    """The case with its structure, article and conference (and the images named after them) given names of
    their own (``gamma-7.yml``…), in its files, messages and absent pages: so that many cases share one build."""
    def move(text: object) -> object:
        if not isinstance(text, str):
            return text
        for stem in _STEMS:
            text = text.replace(stem, f"{stem}-{number}")
        return text.replace("gamma.", f"gamma-{number}.")

    return dataclasses.replace(case, files={str(move(p)): move(v) for p, v in case.files.items()},
                               problems=[str(move(p)) for p in case.problems],
                               absent=[str(move(p)) for p in case.absent])


#: Issue 14's file cases are built in batches of their own (test_file_boundary.py). The others are built in a
#: few batches too, each case under names of its own: a build costs seconds, a case's messages are checked alone.
BUILT_HERE = [c for c in CASES if c.problems and c not in FILE_CASES]
BUILT_BATCHES = batches([relocated(case, number) for number, case in enumerate(BUILT_HERE)])


def test_every_case_with_problems_is_built():
    built = sorted(c.name for batch in BUILT_BATCHES for c in batch)
    assert built == sorted(c.name for c in BUILT_HERE) and len(built) >= 70
    assert len(BUILT_BATCHES) < len(built) // 5  # batched, not one build a case


@pytest.mark.parametrize("number", range(len(BUILT_BATCHES)), ids=[f"batch{n + 1}" for n in range(len(BUILT_BATCHES))])
def test_preview_build_reports_each_case_and_publishes_the_rest(number, tmp_path):
    cases = BUILT_BATCHES[number]
    source = site_with_all(cases, tmp_path / "src")
    # Cases that share a build do not change each other's messages: the check says exactly their union.
    assert sorted(str(p) for p in check(source, settings(source)).problems) == sorted(
        p for case in cases for p in case.problems)
    config = make_site(source, fixture="none", extra={"portal": {"page_size": 1, "social_cards": False}})
    build = run_build(config, tmp_path / "site", strict=False)
    assert build.returncode == 0, build.log
    assert "Traceback" not in build.log
    for case in cases:
        for problem in case.problems:
            assert problem in build.log, f"{case.name}: {problem}\n{build.log}"
        for page in case.absent:
            assert not (build.site / page).exists(), (case.name, page)
    for page in VALID_PAGES:
        assert (build.site / page).exists(), page


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
