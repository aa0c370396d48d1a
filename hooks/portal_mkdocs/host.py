"""The program running the build: MkDocs 1.6, or ProperDocs, its drop-in continuation.

ProperDocs is MkDocs 1.6 under another package name. Objects we create (files)
and builds we start must come from the program that runs this build, so they
are looked up from the type of the build's config, never imported by name.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


def host_package(config: Any) -> str:
    """'mkdocs' or 'properdocs': the top package of the build's config class."""
    return type(config).__module__.split(".", 1)[0]


def host_module(config: Any, name: str) -> ModuleType:
    """A module of the running program, e.g. ``host_module(config, 'structure.files')``."""
    return importlib.import_module(f"{host_package(config)}.{name}")
