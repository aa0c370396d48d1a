"""What MkDocs tells once per process (on_startup): the command being run.

This is the one process-wide record of the adapter; it is written once by
on_startup and only read afterwards, never build state.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Process:
    command: str = "build"
    dirty: bool = False

    @property
    def serving(self) -> bool:
        return self.command == "serve"


PROCESS = Process()


def record_startup(command: str, dirty: bool) -> None:
    PROCESS.command = command
    PROCESS.dirty = dirty
