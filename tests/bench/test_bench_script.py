"""bench/run.py works end to end on a small corpus, with the Material anchor (no timing assertion:
it only proves the script runs, and that the parallel and sequential builds write the same bytes)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.bench
def test_bench_script_builds_a_small_corpus():
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "bench/run.py", "--sizes", "50", "--repeat", "1"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    # | N | ours s | ms/article | pages | peak MiB | Material FR-only s | ratio | sequential s | identical | warm s |
    #   warm/cold | rendered again | warm = clean | no change s | no change/cold | serve rebuild s | serve/cold |
    #   cards off s | cards on/off | cards | images |
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in done.stdout.splitlines() if re.match(r"^\|\s*50\s*\|", line)]
    assert len(rows) == 1, done.stdout
    row = rows[0]
    assert len(row) == 21, done.stdout
    assert int(row[3]) >= 100, done.stdout
    assert float(row[5]) > 0, done.stdout  # the Material blog was built
    assert row[8] == "identical", done.stdout
    rendered, pages = (int(n) for n in row[11].split("/"))  # the warm build reused the pages the edit left alone
    assert 0 < rendered < pages, done.stdout
    assert row[12] == "identical", done.stdout
    assert float(row[13]) > 0 and 0 < float(row[14]) < 1, done.stdout  # rebuilt with nothing changed: quicker
    assert float(row[15]) > 0, done.stdout
    assert float(row[17]) > 0 and float(row[18]) > 0, done.stdout  # built with the cards on and off
    # Every article has a cover, among 6 images: published once per language (74 files with the structures'
    # images), not once per article and language (600 files for the covers alone).
    assert int(row[19]) > 100 and 0 < int(row[20]) < 150, done.stdout
