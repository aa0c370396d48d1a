"""Benchmark cold strict builds of synthetic sites of growing size.

    python bench/run.py [--sizes 200 1000 5000] [--repeat 3] [--keep DIR] [--seed S]

For each size N, ``bench/generate.py`` writes a site with N articles in both
languages (into a temporary folder, or ``DIR/n<N>`` with ``--keep``), then
``mkdocs build --strict`` runs ``--repeat`` times in a subprocess, each from an
empty ``site/`` (and no image cache): a cold build, as CI runs it, with
``NO_MKDOCS_2_WARNING=1``, ``SOURCE_DATE_EPOCH=1767225600`` and
``PORTAL_NOW=2026-01-01`` (so every article, dated up to 2025-12-31, is published).

Measured per size:

- wall time of the build subprocess (median of the repeats), seen from here;
- peak memory of the build process: its RSS high-water mark (the largest of the
  repeats). ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` is the maximum over
  *all* children ever waited for, so it cannot tell one build from the previous,
  larger one. Instead each build runs under GNU ``/usr/bin/time -f %M -o FILE``,
  which writes the ``ru_maxrss`` (KiB) that ``wait4`` returns for that one process
  (the French build runs the English one in the same process, so this covers both).
  Where ``/usr/bin/time`` is missing or is not GNU time, a small Python launcher
  runs MkDocs in-process with ``runpy`` and writes its own
  ``getrusage(RUSAGE_SELF).ru_maxrss`` at exit (same number, a few MiB of launcher
  included);
- HTML pages written (``*.html`` under ``site/``, both languages, including 404
  pages and listings), ms per article page (wall / 2N) and ms per output page.

It prints a Markdown table, then the "flatness": ms per article at the largest N
divided by ms per article at the smallest (1.0 = the cost per article does not
grow with the magazine). Any failed build stops the run with exit code 1 after
printing the end of its log.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600", "PORTAL_NOW": "2026-01-01"}
GNU_TIME = "/usr/bin/time"
LOG_TAIL = 60  #: lines of a failed build's log to print

#: Runs ``python -m mkdocs …`` in this process and writes its peak RSS (KiB) to argv[1] at exit.
LAUNCHER = """\
import atexit, resource, runpy, sys
out = sys.argv[1]
def report():
    with open(out, "w") as handle:
        handle.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
atexit.register(report)
sys.argv = ["mkdocs", *sys.argv[2:]]
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


@dataclass
class Run:
    returncode: int
    wall: float  #: seconds
    peak_kib: int | None
    pages: int
    log: str


@dataclass
class Result:
    size: int
    wall: float  #: median seconds
    peak_kib: int | None  #: largest of the repeats
    pages: int

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.wall / (2 * self.size)

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.wall / self.pages if self.pages else float("nan")


def gnu_time_works() -> bool:
    """True when /usr/bin/time is GNU time (it understands -f %M -o FILE)."""
    if not os.access(GNU_TIME, os.X_OK):
        return False
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "rss"
        try:
            done = subprocess.run([GNU_TIME, "-f", "%M", "-o", str(out), sys.executable, "-c", "pass"],
                                  capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return False
        return done.returncode == 0 and out.exists() and out.read_text().strip().isdigit()


def build_once(config: Path, use_gnu_time: bool, timeout: float) -> Run:
    """One cold build of ``config`` into the folder beside it; wall time, peak RSS, pages, log."""
    root = config.parent
    site = root / "site"
    for folder in (site, root / ".cache"):
        shutil.rmtree(folder, ignore_errors=True)
    rss_file = root / ".bench-rss"
    rss_file.unlink(missing_ok=True)
    mkdocs = ["build", "--strict", "-f", str(config), "-d", str(site)]
    if use_gnu_time:
        command = [GNU_TIME, "-f", "%M", "-o", str(rss_file), sys.executable, "-m", "mkdocs", *mkdocs]
    else:
        command = [sys.executable, "-c", LAUNCHER, str(rss_file), *mkdocs]
    env = {**os.environ, **ENV}
    env.pop("SITE_URL", None)
    start = time.perf_counter()
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                              cwd=root, timeout=timeout)
        returncode, log = done.returncode, done.stdout
    except subprocess.TimeoutExpired as error:
        out = error.stdout or b""
        log = out.decode(errors="replace") if isinstance(out, bytes) else out
        returncode, log = -1, log + f"\n(timed out after {timeout:.0f} s)"
    wall = time.perf_counter() - start
    peak = None
    if rss_file.exists():
        text = rss_file.read_text().strip().splitlines()
        # GNU time writes "Command exited with non-zero status N" before %M on failure.
        peak = int(text[-1]) if text and text[-1].strip().isdigit() else None
        rss_file.unlink()
    pages = sum(1 for _ in site.rglob("*.html")) if site.is_dir() else 0
    return Run(returncode, wall, peak, pages, log)


def bench_size(size: int, root: Path, repeat: int, seed: int, use_gnu_time: bool,
               timeout: float) -> tuple[Result | None, Run | None]:
    """Generate the corpus for ``size`` under ``root`` and build it ``repeat`` times."""
    start = time.perf_counter()
    config = generate(size, root, seed)
    print(f"N={size}: corpus generated in {time.perf_counter() - start:.1f} s ({root})", flush=True)
    runs = []
    for number in range(1, repeat + 1):
        run = build_once(config, use_gnu_time, timeout)
        if run.returncode != 0:
            return None, run
        peak = f"{run.peak_kib / 1024:.0f} MiB" if run.peak_kib else "peak n/a"
        print(f"N={size}: build {number}/{repeat}: {run.wall:.1f} s, {run.pages} pages, {peak}", flush=True)
        runs.append(run)
    if len({r.pages for r in runs}) != 1:
        print(f"N={size}: WARNING: page counts differ between builds: {[r.pages for r in runs]}", flush=True)
    peaks = [r.peak_kib for r in runs if r.peak_kib]
    return Result(size, statistics.median(r.wall for r in runs), max(peaks) if peaks else None, runs[-1].pages), None


def table(results: list[Result]) -> str:
    lines = ["| N | median wall s | ms/article | ms/page | pages | peak MiB |",
             "|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        peak = f"{r.peak_kib / 1024:.0f}" if r.peak_kib else "n/a"
        lines.append(f"| {r.size} | {r.wall:.2f} | {r.ms_per_article:.1f} | {r.ms_per_page:.1f} | {r.pages} | {peak} |")
    return "\n".join(lines)


def flatness(results: list[Result]) -> str:
    if len(results) < 2:
        return "flatness: n/a (one size only)"
    small = min(results, key=lambda r: r.size)
    large = max(results, key=lambda r: r.size)
    ratio = large.ms_per_article / small.ms_per_article
    return (f"flatness: ms/article at N={large.size} ÷ N={small.size} = "
            f"{large.ms_per_article:.1f} / {small.ms_per_article:.1f} = {ratio:.2f}")


def report(results: list[Result]) -> None:
    if results:
        print()
        print(table(results))
        print()
        print(flatness(results))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000], help="numbers of articles")
    parser.add_argument("--repeat", type=int, default=3, help="cold builds per size (default 3)")
    parser.add_argument("--keep", type=Path, help="write the corpora into DIR/n<N> and keep them")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated text (default 1)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed per build (default 3600)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or any(size < 2 for size in args.sizes):
        parser.error("--repeat must be at least 1 and every size at least 2")

    use_gnu_time = gnu_time_works()
    print(f"peak RSS via {'GNU ' + GNU_TIME + ' -f %M' if use_gnu_time else 'in-process launcher (ru_maxrss)'}; "
          f"python {sys.executable}", flush=True)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as temp:
        base = args.keep.resolve() if args.keep else Path(temp)
        for size in sorted(dict.fromkeys(args.sizes)):
            result, failed = bench_size(size, base / f"n{size}", args.repeat, args.seed, use_gnu_time, args.timeout)
            if failed is not None:
                tail = "\n".join(failed.log.rstrip().splitlines()[-LOG_TAIL:])
                print(f"\nN={size}: mkdocs build failed (exit {failed.returncode}) after {failed.wall:.1f} s; "
                      f"last lines of its log:\n{tail}", file=sys.stderr, flush=True)
                report(results)
                return 1
            results.append(result)
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
