"""What MkDocs tells once per process (on_startup): the command being run.

This is the one process-wide record of the adapter: the command, written once
by on_startup, and the child processes of parallel builds still running, so
that on_build_error (which gets no config) can stop them. Never build data.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Process:
    command: str = "build"
    dirty: bool = False
    children: list = field(default_factory=list)  #: (popen, output folder, log) of running builds

    @property
    def serving(self) -> bool:
        return self.command == "serve"


PROCESS = Process()


def record_startup(command: str, dirty: bool) -> None:
    PROCESS.command = command
    PROCESS.dirty = dirty
