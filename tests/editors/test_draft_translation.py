"""The guides' workflow: `portal translate`, then `draft: true` while translating, passes `portal check` (exit 0),
the file listed under the drafts; the same file without `draft: true` is an error (exit 1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support import FIXTURES, REPO


def portal(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "PORTAL_NOW": "2026-06-01", "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable, "-m", "portal.editors.cli", *args], cwd=site, capture_output=True, text=True,
                          env=env, timeout=60)


def test_a_half_done_translation_marked_draft_passes_the_check(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "minimal", site)
    shutil.copy(REPO / "mkdocs.yml", site / "mkdocs.yml")
    figures = site / "content/_data/key-figures.yml"  # the structure count is not this test's business
    figures.write_text(figures.read_text(encoding="utf-8").replace("  counts: structures\n", ""), encoding="utf-8")
    assert portal(site, "translate", "magazine/2025/seulement-fr.fr.md", "--to", "en").returncode == 0
    created = site / "magazine/2025/seulement-fr.en.md"
    unfinished = portal(site, "check")
    assert unfinished.returncode == 1
    assert "magazine/2025/seulement-fr.en.md:2: title: is empty (write the title)" in unfinished.stdout
    created.write_text(created.read_text(encoding="utf-8").replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8")
    draft = portal(site, "check")
    assert draft.returncode == 0, draft.stdout
    assert "Drafts (preview only):\n  magazine/2025/seulement-fr.en.md\n" in draft.stdout
    french = portal(site, "check", "--lang", "fr")
    assert french.returncode == 0 and "  magazine/2025/seulement-fr.en.md\n" in french.stdout
