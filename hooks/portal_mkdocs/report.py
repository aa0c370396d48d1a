"""Content problems to MkDocs' log: warnings, which a strict build turns into a failure."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from portal.content.problems import Problem

from .host import host_package


def logger(config: Any) -> logging.Logger:
    """Our logger under the running program's ('mkdocs.…' or 'properdocs.…'), so strict mode counts it."""
    return logging.getLogger(f"{host_package(config)}.plugins.portal")


def report(problems: Iterable[Problem], config: Any) -> int:
    """Log every problem as one ``path:line: field: message`` warning; return how many."""
    log = logger(config)
    count = 0
    for problem in problems:
        log.warning(str(problem))
        count += 1
    if count:
        log.warning(f"{count} content problem(s): the items above are left out of the site "
                    "(a strict build fails).")
    return count
