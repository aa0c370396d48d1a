"""Shared fixtures: the minimal fixture site and the real site, each built once per session."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from support import REPO, SOURCE_DATE_EPOCH, Build, make_site, run_build


@pytest.fixture(scope="session")
def minimal_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The minimal fixture site, built once per session with --strict."""
    root = tmp_path_factory.mktemp("minimal")
    build = run_build(make_site(root / "src"), root / "site")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own site, built once per session with --strict."""
    out = tmp_path_factory.mktemp("real") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    env.pop("SITE_URL", None)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=900)
    return Build(done.returncode, done.stdout + done.stderr, out)
