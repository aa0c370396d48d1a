"""One MkDocs invocation: `mkdocs build`, `mkdocs serve` with all its rebuilds, or one request to a
serve worker (``worker.py``).

What MkDocs tells once per invocation (on_startup: the command, ``--dirty``) and what
outlives one build of it: the child processes of the parallel builds still running (so
that on_build_error, which gets no config, can stop them), and under `mkdocs serve` the
language workers kept between rebuilds (``worker.py``) and the search indexing still
running after the last rebuild (``search.py``). Never build data: that is ``state.BuildState``.

Each build reaches its invocation through its state (``BuildState.invocation``); no module
holds one. The hook file (``site_hooks.py``) keeps the ``Invocations`` that hands them out:
MkDocs keeps a hook file's module for the whole invocation, as it keeps a plugin object
that has an on_startup method, so that is a plugin's one attribute. An invocation starts
at on_startup and ends at on_shutdown; a build that no on_startup announced (a test
calling ``build()``) gets one of its own, which ends with it; a language built inside
another language's build gets that build's (through its config, ``handed_down``). Two
invocations of one process (tests, one `mkdocs serve` after another) share nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

#: Set for the other languages' builds started by `mkdocs serve`: they preview too (drafts shown).
PREVIEW_ENV = "PORTAL_PREVIEW"
#: `PORTAL_PAGE_CACHE=off` builds without reusing anything from earlier builds but images and cards.
CACHE_ENV = "PORTAL_PAGE_CACHE"
_KEY = "portal_invocation"


@dataclass
class Invocation:
    """What MkDocs runs (its command, ``--dirty``), and what outlives one of its builds."""

    command: str = "build"
    dirty: bool = False
    children: list = field(default_factory=list)  #: (popen or worker, output folder, log) of running builds
    workers: dict = field(default_factory=dict)  #: lang -> worker.LanguageWorker, under `mkdocs serve`
    indexing: Any = None  #: under `mkdocs serve`, the thread indexing the last rebuild for the search
    at_failure: list = field(default_factory=list)  #: what a build that fails leaves to undo (its log hooks)

    @property
    def reusing(self) -> bool:
        """Whether this build may reuse pages, feeds and parsed files of earlier builds (README, "Rebuilds")."""
        return not self.dirty and os.environ.get(CACHE_ENV, "").lower() not in ("off", "0", "no", "false")

    def cache_name(self, lang: str) -> str:
        """The name of a language's entries in .cache/: a preview shows drafts, so it keeps its own."""
        return f"{lang}-preview" if self.serving else lang

    @property
    def serving(self) -> bool:
        """Whether this build is a preview: `mkdocs serve`, or a language build it started."""
        return self.command == "serve" or os.environ.get(PREVIEW_ENV) == "1"

    def wait_for_search_index(self) -> None:
        """Let the last rebuild's indexing (`mkdocs serve`) end before anything touches the site again."""
        if self.indexing is not None:
            self.indexing.join()
            self.indexing = None

    def close(self) -> None:
        """The end of the invocation: the search index finished, the language workers stopped."""
        self.wait_for_search_index()
        for worker in self.workers.values():
            worker.stop()
        self.workers = {}


class Invocations:
    """Hands each build its invocation (held by the hook file; see the module's docstring)."""

    def __init__(self) -> None:
        self.current: Invocation | None = None
        self.announced = False  #: whether on_startup started ``current`` (else a build did, for itself)

    def start(self, command: str, dirty: bool) -> None:
        """on_startup: a new invocation (whatever an earlier one left is not seen)."""
        self.current, self.announced = Invocation(command, dirty), True

    def for_build(self, config: Any) -> Invocation:
        """on_config: the invocation of the build of ``config``."""
        handed = config.extra.get(_KEY)
        if isinstance(handed, Invocation):
            return handed
        if self.current is None:
            self.current, self.announced = Invocation(), False
        return self.current

    def running(self) -> Invocation | None:
        """The invocation of the build running (for on_build_error, which gets no config)."""
        return self.current

    def build_failed(self) -> None:
        """on_build_error: undo what the failed build left (``at_failure``); an invocation that no on_startup
        announced ends with its build."""
        if self.current is not None:
            while self.current.at_failure:
                self.current.at_failure.pop()()
        if not self.announced:
            self.current = None

    def build_ended(self, config: Any) -> None:
        """The end of a top-level build: an invocation that no on_startup announced ends with it."""
        if _KEY not in config.extra and not self.announced:
            self.current = None

    def end(self) -> None:
        """on_shutdown: the invocation ends."""
        if self.current is not None:
            self.current.close()
        self.current, self.announced = None, False


def handed_down(invocation: Invocation) -> dict[str, object]:
    """The ``extra`` entry that gives a language built inside another build that build's invocation."""
    return {_KEY: invocation}
