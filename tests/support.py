"""Test helpers: build small sites (and the real one) in a subprocess, read their output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01: builds must not depend on the clock
SITE_URL = "https://portal.test/"
NOW = "2026-06-01"  # the fixtures' 'now': decides what is scheduled


@dataclass
class Build:
    """The result of one `mkdocs build`: its exit code, its log and its output folder."""

    returncode: int
    log: str
    site: Path

    def read(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


def site_config(root: Path, **overrides: object) -> dict:
    """A test site's mkdocs.yml: the real site's settings, with our hooks and overrides by absolute path."""
    real = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    real.update(
        site_url=SITE_URL,
        docs_dir=str(root / "content"),
        hooks=[str(REPO / "hooks" / "site_hooks.py")],
        watch=[],
    )
    real["theme"]["custom_dir"] = str(REPO / "overrides")
    real["extra"]["portal"] = {"page_size": 1}  # one article a page, so listings paginate
    if "extra" in overrides:
        real["extra"].update(overrides.pop("extra"))
    real.update(overrides)
    return real


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as its default."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def make_site(root: Path, fixture: str = "minimal", **overrides: object) -> Path:
    """Copy a fixture site into ``root`` and write its mkdocs.yml; return the config path."""
    if (FIXTURES / fixture).exists():
        shutil.copytree(FIXTURES / fixture, root, dirs_exist_ok=True)
    (root / "content").mkdir(parents=True, exist_ok=True)
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(site_config(root, **overrides), allow_unicode=True), encoding="utf-8")
    return config


def run_build(config: Path, site_dir: Path, strict: bool = True, extra_env: dict | None = None) -> Build:
    """Run `mkdocs build` in a subprocess (hook modules must not outlive one build)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PORTAL_NOW": NOW,
           **(extra_env or {})}
    env.pop("SITE_URL", None)
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config.parent, timeout=600)
    return Build(done.returncode, done.stdout + done.stderr, site_dir)


def search_records(site: Path) -> dict[str, list[dict]]:
    """The pages of the site's search index (Pagefind's fragments, read as its script reads them), by language."""
    import gzip
    import json

    records: dict[str, list[dict]] = {}
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment
        records.setdefault(fragment.name.split("_", 1)[0], []).append(json.loads(data[len(b"pagefind_dcd"):]))
    return records


def write(root: Path, path: str, text: str) -> None:
    """Write a dedented file under ``root``."""
    import textwrap

    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
