"""A language's builds for `mkdocs serve`, in one process that stays up between rebuilds.

A build of another language in a new process spends most of a warm rebuild
starting: Python, MkDocs, Material and our hooks are imported again (≈ 0.8 s
on this project's machines) before any page is looked at. Under `mkdocs
serve` each language other than the default one therefore gets a worker: a
child process started at the first rebuild, which builds whenever asked, with
everything imported once, like the serving process itself.

The protocol is one JSON line each way, over the worker's standard input and
output: the request names the configuration file, the output folder, whether
the build is strict and the environment of the build; the answer carries the
exit code and the log lines (warnings and errors, as MkDocs prints them). A
worker that dies, or a rebuild that fails, costs only a new worker at the
next rebuild.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

from . import internals

_HOOKS = str(Path(__file__).resolve().parent.parent)


class LanguageWorker:
    """The serving process's handle on one worker."""

    def __init__(self, host: str, cwd: str) -> None:
        code = f"import sys; sys.path.insert(0, {_HOOKS!r}); from portal_mkdocs.worker import serve; serve({host!r})"
        self.process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, cwd=cwd, text=True, encoding="utf-8")

    def alive(self) -> bool:
        return self.process.poll() is None

    def start(self, config_file: str, site_dir: str, strict: bool, env: dict[str, str]) -> None:
        """Ask for a build (answered by ``wait``)."""
        assert self.process.stdin is not None
        request = {"config_file": config_file, "site_dir": site_dir, "strict": strict, "env": env}
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
        except OSError:  # it died since it was last asked: ``wait`` says so
            self.stop()

    def wait(self) -> tuple[int, list[str]]:
        """The exit code and log lines of the build asked for (a dead worker: code 1 and why)."""
        assert self.process.stdout is not None
        try:
            line = self.process.stdout.readline()
            answer = json.loads(line)
            return int(answer["code"]), [str(entry) for entry in answer["log"]]
        except (OSError, ValueError, KeyError, TypeError):
            self.stop()
            return 1, [f"ERROR    -  the language worker stopped (exit {self.process.poll()})"]

    def stop(self) -> None:
        if self.alive():
            self.process.kill()
        self.process.wait()


class _Lines(logging.Handler):
    """Keeps the build's warnings and errors as MkDocs prints them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def serve(host: str, requests: IO[str] = sys.stdin, answers: IO[str] = sys.stdout) -> None:
    """The worker's loop: one build per request line, until the serving process closes the pipe."""
    sys.stdout = sys.stderr  # whatever a plugin prints must not mix with the answers
    load_config = internals.load_config_function(host)
    build = internals.build_function(host)
    exceptions = importlib.import_module(f"{host}.exceptions")
    logger = logging.getLogger(host)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    for line in requests:
        request: dict[str, Any] = json.loads(line)
        os.environ.update(request["env"])
        lines = _Lines()
        logger.addHandler(lines)
        code = 0
        try:
            config = load_config(config_file=request["config_file"], site_dir=request["site_dir"],
                                               strict=request["strict"])
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except exceptions.Abort as error:
            code = 1
            lines.lines.append(f"ERROR    -  {error}")
        except Exception as error:  # reported to the serving process, which says the build failed
            code = 1
            lines.lines.append(f"ERROR    -  {type(error).__name__}: {error}")
        finally:
            logger.removeHandler(lines)
        answers.write(json.dumps({"code": code, "log": lines.lines}) + "\n")
        answers.flush()
