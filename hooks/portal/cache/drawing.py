"""Worker processes that draw files into the cache (image renditions, social cards) on every core."""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor

#: Less drawing than this (CPU seconds, estimated) is done in the build's own process: starting a clean
#: worker costs about 0.1–0.2 s of CPU, more than a few renditions or cards (a rebuild after an edit).
POOL_WORTH_SECONDS = 0.3


def workers_for(jobs: int, seconds_each: float, workers: int | None = None) -> int:
    """How many processes draw ``jobs`` jobs of about ``seconds_each``: ``workers`` when given (at most one
    per job), else one per core, or 1 (the build's own process) when the batch is not worth a pool."""
    if workers is None:
        if jobs * seconds_each < POOL_WORTH_SECONDS:
            return 1
        workers = os.cpu_count() or 1
    return max(1, min(workers, jobs))


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes started clean (``spawn``), not forked from the build.

    A forked worker starts as a copy of the build's process, with the whole site loaded:
    at 5 000 articles about 300 MiB per worker, which the system shares with the build only
    until Python's reference counts and garbage collector write to those pages. A clean
    worker imports only what drawing needs (about 0.2 s of CPU each, once per pool).
    Not ``forkserver``: its workers are not the build's children, so their CPU time is
    missing from what the build's caller measures (``bench/run.py`` reads it from
    ``wait4``) and its server outlives the pool. ``fork`` when the program that runs the
    build cannot be imported again by a clean worker (``clean_start_possible``).
    """
    method = "spawn" if clean_start_possible() else "fork"
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))


def clean_start_possible() -> bool:
    """Whether a clean worker can import the main program again, as multiprocessing does before any work:
    by its module name (``python -m mkdocs``), or by its file (the ``mkdocs`` command); not a program read
    from standard input, whose "file" does not exist (the worker would fail and the pool break)."""
    main = sys.modules.get("__main__")
    if main is None or getattr(getattr(main, "__spec__", None), "name", None):
        return True
    path = getattr(main, "__file__", None)
    return path is None or os.path.isfile(path) or "fork" not in multiprocessing.get_all_start_methods()
