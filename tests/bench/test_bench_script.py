"""bench/run.py works end to end on a tiny corpus (no timing assertion: it only proves the script runs)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bench_script_builds_a_small_corpus():
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "bench/run.py", "--sizes", "20", "--repeat", "1"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    # | N | median wall s | ms/article | ms/page | pages | peak MiB |
    rows = [line.strip("|").split("|") for line in done.stdout.splitlines() if re.match(r"^\|\s*20\s*\|", line)]
    assert len(rows) == 1, done.stdout
    pages = int(rows[0][4])
    assert pages >= 40, done.stdout
