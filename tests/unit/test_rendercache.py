"""Each build's hooks into MkDocs' log are its own (formerly one warning counter and one filter per process,
``rendercache._COUNTERS`` and ``rendercache._QUIET``)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from portal_mkdocs.internals import SkippedPagesFilter
from portal_mkdocs.invocation import Invocations
from portal_mkdocs.rendercache import BuildLog, WarningCount

CONFIG = SimpleNamespace(extra={})  # host_package(config) reads the config's class's package
MKDOCS_CONFIG = type("MkDocsConfig", (), {"__module__": "mkdocs.config.defaults"})()


def hooks_left() -> list[object]:
    return ([h for h in logging.getLogger("mkdocs").handlers if isinstance(h, WarningCount)]
            + [f for f in logging.getLogger("mkdocs.commands.build").filters if isinstance(f, SkippedPagesFilter)])


def test_two_builds_count_their_own_warnings_and_quiet_their_own_pages():
    at_failure: list = []
    first = BuildLog(MKDOCS_CONFIG, at_failure)
    first.quiet_pages.add("kept.md")
    logging.getLogger("mkdocs.structure.pages").warning("a warning of the first build")
    first.close()
    second = BuildLog(MKDOCS_CONFIG, at_failure)
    logging.getLogger("mkdocs.plugins").warning("a warning of the second build")
    assert (first.warnings.count, second.warnings.count) == (1, 1)
    assert second.quiet_pages == set()
    assert at_failure == [second.close]
    second.close()
    assert at_failure == [] and hooks_left() == []


def test_a_failed_build_leaves_no_hook_in_the_log():
    invocations = Invocations()
    invocations.start("serve", dirty=False)
    running = invocations.for_build(CONFIG)
    BuildLog(MKDOCS_CONFIG, running.at_failure)
    assert len(hooks_left()) == 2
    invocations.build_failed()  # on_build_error
    assert hooks_left() == [] and running.at_failure == []
