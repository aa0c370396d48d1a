"""The drawing workers start clean, as the build's own children (portal.cache.drawing)."""

from __future__ import annotations

import sys
import types

from portal.cache.drawing import worker_pool, workers_for

CHECK = "'portal_test_parent_only' in __import__('sys').modules"


def test_a_worker_does_not_start_as_a_copy_of_the_build(monkeypatch):
    # A module only this process has: a forked worker would have it too.
    monkeypatch.setitem(sys.modules, "portal_test_parent_only", types.ModuleType("portal_test_parent_only"))
    assert eval(CHECK)
    with worker_pool(2) as pool:
        assert list(pool.map(eval, [CHECK, CHECK])) == [False, False]


def test_a_worker_can_import_the_portal():
    with worker_pool(1) as pool:
        assert pool.submit(eval, "__import__('portal.content.pictures').__name__").result() == "portal"


def test_a_program_read_from_standard_input_still_draws(tmp_path):
    """Such a program has no file a clean worker could import again: the workers are forked then."""
    import subprocess

    code = ("from portal.cache.drawing import worker_pool, clean_start_possible\n"
            "assert not clean_start_possible()\n"
            "with worker_pool(2) as pool:\n"
            "    print(sum(pool.map(abs, [-1, -2, -3])))\n")
    done = subprocess.run([sys.executable, "-"], input=code, capture_output=True, text=True, cwd=tmp_path)
    assert (done.returncode, done.stdout.strip()) == (0, "6"), done.stderr


def test_the_workers_cpu_time_is_the_builds(tmp_path):
    """The workers are the build's own children: a caller measuring the build (wait4, GNU time) counts them."""
    import subprocess

    code = ("import resource\n"
            "from portal.cache.drawing import worker_pool\n"
            "if __name__ == '__main__':\n"
            "    with worker_pool(2) as pool:\n"
            "        list(pool.map(sum, [range(6_000_000)] * 4))\n"
            "    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime)\n")
    (tmp_path / "draw.py").write_text(code, encoding="utf-8")
    done = subprocess.run([sys.executable, str(tmp_path / "draw.py")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) > 0.1  # four sums of six million numbers, done by the workers


def test_a_small_batch_is_drawn_in_the_builds_process_and_a_large_one_on_every_core(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert workers_for(3, 0.04) == 1  # 0.12 s of drawing: less than starting one clean worker is worth
    assert workers_for(100, 0.04) == 4
    assert workers_for(10, 0.5) == 4
    assert workers_for(3, 0.5) == 3  # never more workers than jobs
    assert workers_for(3, 0.04, workers=2) == 2  # asked for: kept
