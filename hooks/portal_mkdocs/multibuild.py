"""The other languages' builds, run from the default language's build.

One MkDocs build per language (DESIGN.md §4): the default language's build
writes the site root, then builds each other language into ``<site>/<lang>/``
with its own config, so ``<html lang>``, Material's strings, the sitemap and
the 404 page are native to each language (the search index, made from the
written pages once every language is built, follows each page's ``<html lang>``).
``commands.build.build`` is not a documented plugin API: this module and the
serve worker (``worker.py``) are the only places that call it, through
``internals.build_function``, always from the program that runs the default
language's build.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from portal.content.urls import language_root
from portal.text.languages import DEFAULT_LANGUAGE, other_languages

from . import internals
from .host import host_package
from .invocation import PREVIEW_ENV, Invocation
from .state import LANG_ENV, ROOT_ENV, BuildState, language_and_root, language_config_overrides
from .worker import LanguageWorker

#: Set to build the languages one after the other in one process (the output is the same).
SEQUENTIAL_ENV = "PORTAL_SEQUENTIAL"


def start_other_languages(config: MkDocsConfig, invocation: Invocation) -> dict[str, Any]:
    """Start the other languages' builds in parallel processes (`mkdocs serve`'s rebuilds too).

    Called first thing in the default language's on_config, so that they read
    and check the content while this build does. Each writes into a folder of
    its own; on_post_build waits for them and moves their output into
    ``<site>/<lang>/``. The result is the same as building one language after
    the other, in less time on two cores. Returns lang -> (process, folder, log).
    """
    lang, root_url = language_and_root(config)
    if lang != DEFAULT_LANGUAGE or os.environ.get(SEQUENTIAL_ENV):
        return {}
    started: dict[str, tuple[Any, str, IO[str] | None]] = {}  # (worker or process, its folder, its log)
    for other in other_languages(lang):
        # Inside the site folder, hidden (so this build's cleaning leaves it alone), with the
        # language's previous output when pages may be reused: those left in place stay.
        out = os.path.join(config.site_dir, f".portal-{other}")
        shutil.rmtree(out, ignore_errors=True)
        previous = os.path.join(config.site_dir, other)
        if invocation.reusing and os.path.isdir(previous) and not os.path.islink(previous):
            os.rename(previous, out)
        else:
            os.makedirs(out)
        config_file = os.path.abspath(config.config_file_path)
        env = {LANG_ENV: other, ROOT_ENV: root_url, PREVIEW_ENV: "1" if invocation.serving else ""}
        if invocation.command == "serve":  # a worker that stays up between rebuilds (worker.py)
            worker = invocation.workers.get(other)
            if worker is None or not worker.alive():
                worker = invocation.workers[other] = LanguageWorker(host_package(config), os.path.dirname(config_file))
            worker.start(config_file, out, config.strict, env)
            started[other] = (worker, out, None)
        else:
            command = [sys.executable, "-m", host_package(config), "build", "-f", config_file, "-d", out]
            if config.strict:
                command.append("--strict")
            # Its log goes to a file, read when it is done: a pipe could fill up and stall it.
            log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - closed when the worker is reaped
            process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **env},
                                       cwd=os.path.dirname(config_file))
            started[other] = (process, out, log)
        invocation.children.append(started[other])
    return started


def finish_other_languages(config: MkDocsConfig, state: BuildState) -> None:
    """Wait for the parallel builds, report their log lines here, and move their output in place."""
    logger = logging.getLogger(f"{host_package(config)}.plugins.portal")
    for lang, (runner, out, log) in sorted(state.parallel.items()):
        state.invocation.children.remove((runner, out, log))
        if isinstance(runner, LanguageWorker):
            code, lines = runner.wait()
        else:
            code = runner.wait()
            log.seek(0)
            lines = log.read().splitlines()
            log.close()
        for level, message in _records(lines):
            if level == "WARNING":
                logger.warning(f"[{lang}] {message}")
            elif level not in ("INFO", "DEBUG") and message.strip() and "Aborted with" not in message:
                logger.error(f"[{lang}] {message}")  # an error, or what the program printed besides its log
        target = os.path.join(config.site_dir, lang)
        if code == 0 or config.strict:
            shutil.rmtree(target, ignore_errors=True)
            if os.path.isdir(out):
                shutil.move(out, target)
        if code != 0:
            shutil.rmtree(out, ignore_errors=True)
            raise PluginError(f"the {lang} build failed (exit {code}); its messages are above")


_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _records(lines: list[str]) -> list[tuple[str, str]]:
    """(level, message) of each log record in a build's output (level '' for anything else it printed).

    A record goes on over the indented lines that follow it (MkDocs' lists of pages).
    """
    records: list[tuple[str, str]] = []
    for line in lines:
        level, separator, message = line.partition(" -  ")
        if separator and level.strip() in _LEVELS:
            records.append((level.strip(), message))
        elif records and line[:1].isspace():
            records[-1] = (records[-1][0], records[-1][1] + "\n" + line)
        else:
            records.append(("", line))
    return records


def stop_other_languages(invocation: Invocation) -> None:
    """After a failed build: stop the parallel builds still running and remove their folders."""
    while invocation.children:
        runner, out, log = invocation.children.pop()
        if isinstance(runner, LanguageWorker):  # stopped mid-build: a new one at the next rebuild
            runner.stop()
            invocation.workers = {lang: w for lang, w in invocation.workers.items() if w is not runner}
        else:
            runner.kill()
            runner.wait()
            log.close()
        shutil.rmtree(out, ignore_errors=True)


def build_other_languages(config: MkDocsConfig, state: BuildState) -> None:
    """Build every language but the default one, each into its sub-folder of the site."""
    if not state.is_default_language:
        return  # a nested build never starts more builds
    if state.parallel:
        finish_other_languages(config, state)
        return
    load_config = internals.load_config_function(host_package(config))
    build = internals.build_function(host_package(config))
    for lang in other_languages(state.lang):
        sub = load_config(
            config_file=config.config_file_path,
            site_dir=os.path.join(config.site_dir, lang),
            site_url=language_root(state.root_url, lang),
            docs_dir=config.docs_dir,
            strict=config.strict,
            use_directory_urls=config.use_directory_urls,
        )
        sub.extra.update(language_config_overrides(lang, state.root_url, state.invocation))
        sub.theme["language"] = lang
        serve_url = sub.site_url if state.invocation.serving else None
        with _log_prefix(f"[{lang}] ", host_package(config)):
            build(sub, serve_url=serve_url, dirty=state.invocation.dirty)


class _Prefix(logging.Filter):
    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith(self.prefix):  # several handlers share a record
            record.msg = self.prefix + str(record.msg)
        return True


@contextmanager
def _log_prefix(prefix: str, logger: str) -> Iterator[None]:
    """Prefix the nested build's log lines with its language.

    The filter goes on the handlers: a filter on the program's logger would not
    see records of its child loggers.
    """
    handlers = logging.getLogger(logger).handlers
    prefix_filter = _Prefix(prefix)
    for handler in handlers:
        handler.addFilter(prefix_filter)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(prefix_filter)
