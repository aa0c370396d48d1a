"""What MkDocs tells once per process (on_startup): the command being run.

This is the one process-wide record of the adapter: the command, written once
by on_startup, the child processes of parallel builds still running, so that
on_build_error (which gets no config) can stop them, and under `mkdocs serve`
the language workers kept between rebuilds (``worker.py``) and the search
indexing still running after the last rebuild (``search.py``). Never build data.
(Besides it, ``rendercache`` installs one warning counter and one log filter
per process, and ``portal.memo`` keeps each memo open for `mkdocs serve`'s
next rebuild: results of pure functions, not build data either.)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

#: Set for the other languages' builds started by `mkdocs serve`: they preview too (drafts shown).
PREVIEW_ENV = "PORTAL_PREVIEW"
#: `PORTAL_PAGE_CACHE=off` builds without reusing anything from earlier builds but images and cards.
CACHE_ENV = "PORTAL_PAGE_CACHE"


@dataclass
class Process:
    command: str = "build"
    dirty: bool = False
    children: list = field(default_factory=list)  #: (popen or worker, output folder, log) of running builds
    workers: dict = field(default_factory=dict)  #: lang -> worker.LanguageWorker, under `mkdocs serve`
    indexing: Any = None  #: under `mkdocs serve`, the thread indexing the last rebuild for the search

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


PROCESS = Process()


def record_startup(command: str, dirty: bool) -> None:
    PROCESS.command = command
    PROCESS.dirty = dirty
