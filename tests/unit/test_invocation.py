"""Each MkDocs invocation has its own record (formerly one per process, ``process.PROCESS``)."""

from __future__ import annotations

from types import SimpleNamespace

from portal_mkdocs.invocation import Invocation, Invocations, handed_down


def config(**extra: object) -> SimpleNamespace:
    return SimpleNamespace(extra=dict(extra))


class Worker:
    def __init__(self) -> None:
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


def test_a_serve_invocation_is_not_seen_by_the_next_build_of_the_process():
    invocations = Invocations()
    invocations.start("serve", dirty=False)
    serving = invocations.for_build(config())
    worker = serving.workers["en"] = Worker()
    assert serving.serving and invocations.for_build(config()) is serving  # every rebuild of `mkdocs serve`
    invocations.end()
    assert worker.stopped
    after = invocations.for_build(config())  # a build that no on_startup announced (a test calling build())
    assert after is not serving
    assert after.command == "build" and not after.serving and after.workers == {} and after.children == []


def test_a_build_no_startup_announced_ends_with_it():
    invocations = Invocations()
    first = invocations.for_build(config())
    first.children.append("a child build")
    invocations.build_ended(config())
    second = invocations.for_build(config())
    assert second is not first and second.children == []
    invocations.build_failed()
    assert invocations.running() is None


def test_a_language_built_inside_a_build_gets_that_builds_invocation():
    invocations = Invocations()
    invocations.start("build", dirty=True)
    outer = invocations.for_build(config())
    nested = config(**handed_down(outer))
    assert invocations.for_build(nested) is outer and outer.dirty and not outer.reusing
    invocations.build_ended(nested)  # the nested build's end is not its invocation's
    assert invocations.running() is outer
    invocations.start("build", dirty=False)  # the next `mkdocs build` of the process
    assert invocations.for_build(config()) is not outer


def test_an_announced_invocation_outlives_its_builds():
    invocations = Invocations()
    invocations.start("serve", dirty=False)
    running = invocations.for_build(config())
    invocations.build_failed()
    invocations.build_ended(config())
    assert invocations.for_build(config()) is running
    assert isinstance(running, Invocation)
