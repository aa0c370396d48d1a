"""Content problems to MkDocs' log: warnings, which a strict build turns into a failure."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from portal.problems import Problem

log = logging.getLogger("mkdocs.plugins.portal")


def report(problems: Iterable[Problem]) -> int:
    """Log every problem as one ``path:line: field: message`` warning; return how many."""
    count = 0
    for problem in problems:
        log.warning(str(problem))
        count += 1
    if count:
        log.warning(f"{count} content problem(s): the items above are left out of the site "
                    "(a strict build fails).")
    return count
