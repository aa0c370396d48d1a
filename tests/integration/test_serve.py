"""`mkdocs serve` as an editor uses it: both languages previewed, drafts shown, an edit rebuilt."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from served import free_port
from support import NOW, SOURCE_DATE_EPOCH, make_site

pytestmark = pytest.mark.slow

DEADLINE = 120  #: seconds a build may take before the test gives up
_REUSED = re.compile(r"^INFO\s+-\s+Page cache: (\d+) page\(s\) reused .*?(\d+) rendered")


class Server:
    """A running `mkdocs serve` whose log lines are read as they come."""

    def __init__(self, config: Path, port: int) -> None:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PORTAL_NOW": NOW}
        env.pop("SITE_URL", None)
        self.url = f"http://127.0.0.1:{port}/"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=config.parent)
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str) -> re.Match[str]:
        """The next log line matching ``pattern`` (fails after DEADLINE seconds or if serve stops)."""
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, "\n".join(self.log)
                continue
            self.log.append(line)
            match = re.search(pattern, line)
            if match:
                return match
        raise AssertionError(f"no line matching {pattern!r} in:\n" + "\n".join(self.log))

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    config = make_site(tmp_path / "src", watch=["magazine", "structures", "upconf"])
    running = Server(config, free_port())
    try:
        yield running, config
    finally:
        running.stop()


def test_serve_previews_both_languages_then_rebuilds_an_edit_reusing_the_rest(server):
    serve, config = server
    serve.wait_for(r"Serving on")
    status, home = serve.get("")
    assert status == 200 and '<html lang="fr"' in home
    status, english = serve.get("en/")
    assert status == 200 and '<html lang="en"' in english
    status, draft = serve.get("magazine/2026/brouillon/")
    assert status == 200 and "Un brouillon secret" in draft  # drafts are previewed, never published

    article = config.parent / "magazine/2025/premier-article.fr.md"
    article.write_text(article.read_text(encoding="utf-8").replace("title: Un premier article",
                                                                   "title: Un article retitré", 1), encoding="utf-8")
    reused, rendered = (int(n) for n in serve.wait_for(_REUSED.pattern).groups())
    serve.wait_for(r"Documentation built in")
    assert reused > 0 and rendered > 0
    status, page = serve.get("magazine/2025/premier-article/")
    assert status == 200 and "Un article retitré" in page
    status, english = serve.get("en/")
    assert status == 200 and '<html lang="en"' in english


def language_workers(parent: int) -> set[int]:
    """The pids of the language workers `mkdocs serve` (pid ``parent``) runs (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == parent and b"portal_mkdocs.worker" in command:
            found.add(int(entry.name))
    return found


def test_the_english_build_stays_up_between_rebuilds_and_its_warnings_are_shown(server):
    serve, config = server
    serve.wait_for(r"Serving on")
    workers = language_workers(serve.process.pid)
    assert len(workers) == 1  # English

    article = config.parent / "magazine/2025/first-article.en.md"
    text = article.read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", text, re.MULTILINE).group(1)
    article.write_text(text.replace(f"title: {title}", "title: A retitled article", 1)
                       + "\nSee [nothing](nowhere.md).\n", encoding="utf-8")
    serve.wait_for(r"WARNING .*\[en\] .*nowhere\.md")
    serve.wait_for(r"Documentation built in")
    status, page = serve.get("en/magazine/2025/first-article/")
    assert status == 200 and "A retitled article" in page
    assert language_workers(serve.process.pid) == workers  # the same process built again
