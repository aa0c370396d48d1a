"""Benchmark cold strict builds of synthetic sites of growing size, against Material's own blog.

    python bench/run.py [--sizes 200 1000 5000] [--repeat 3] [--keep DIR] [--seed S] [--covers K] [--no-anchor]

For each size N, ``bench/generate.py`` writes a site with N articles in both
languages (into a temporary folder, or ``DIR/n<N>`` with ``--keep``) and
``bench/anchor.py`` writes, beside it (``n<N>-material``), the anchor: the French
articles only, as a plain Material for MkDocs blog (its blog plugin, no hooks, no
overrides). Every article has a cover, taking turns among ``--covers`` images
(default 6; 0: no covers), each copied beside the article under its own name
(the same bytes in many places, as editors reuse a photo). Social cards are on,
as the site ships them; step 2 builds with them off too. Every build is
``mkdocs build --strict`` in a subprocess, with
``NO_MKDOCS_2_WARNING=1``, ``SOURCE_DATE_EPOCH=1767225600`` and
``PORTAL_NOW=2026-01-01`` (so every article, dated up to 2025-12-31, is
published). A cold build starts from an empty ``site/`` and no ``.cache/``.

Per size, in this order:

1. ours, sequential (``PORTAL_SEQUENTIAL=1``: English after French in one
   process), cold, once, into ``site-sequential/``;
2. ``--repeat`` paired rounds of: ours, parallel, cold, with social cards off
   (``extra.portal.social_cards: false``), into ``site-cards-off/`` (what the
   cards cost); then
3. ours, parallel (the default: English in a second process), cold, into
   ``site/``; the last output is compared with the sequential one,
   file by file, byte by byte ("identical", or the first differing path);
4. ours, warm: one sentence appended to one French article, then the same
   command again with ``.cache/`` and ``site/`` kept (the edit is checked in the
   output; the log tells how many French pages were rendered again); then the
   same command once more with nothing changed ("no change"); then the
   same sources built with the cache off (``PORTAL_PAGE_CACHE=off``) into
   another folder, compared byte by byte with the warm output ("warm = clean");
5. ours, under ``mkdocs serve``: once it serves (its first build fills the
   preview cache), one sentence appended to another article; measured: MkDocs'
   own "Documentation built in" figure for the rebuild that follows, which is
   what an editor waits for after saving (the file watcher adds a fraction of a
   second);
6. the anchor, cold, ``--repeat`` times (skipped with ``--no-anchor``).

Measured:

- wall time of each build subprocess, seen from here (medians of the repeats);
- peak memory: the RSS high-water mark of the largest single process of the
  build, from GNU ``/usr/bin/time -f %M -o FILE`` (the ``ru_maxrss`` that
  ``wait4`` returns: Linux gives the maximum over the process and its waited-for
  descendants, not their sum). ``resource.getrusage(RUSAGE_CHILDREN)`` cannot be
  used: it is the maximum over *all* children ever waited for. Where GNU time is
  missing, a small Python launcher runs MkDocs in-process with ``runpy`` and
  writes its own ``getrusage(RUSAGE_SELF)`` at exit (same number, a few MiB of
  launcher included, the English process not covered). Since the parallel build
  runs two processes at once, the sum of the RSS of the whole process tree is
  also sampled every 100 ms from ``/proc`` (Linux only; a sample can miss a
  short peak): the table shows ``largest (Σ sum)``;
- CPU time: user + system seconds of the build and of every process it waited for (the
  English build's process, Pagefind, the card drawers), from GNU time's ``%U %S`` (or the
  launcher's ``getrusage`` of itself and its children); a second table gives them beside
  the wall times, since on a shared machine wall time measures the load as much as the build;
- HTML pages written (``*.html`` under ``site/``, both languages, including 404
  pages and listings), ms per article page (ours / 2N);
- social cards and content images published (files under ``assets/cards/`` and
  ``assets/images/``, both languages; the theme's own images are SVG).

It prints a Markdown table (N | ours s (median) | ms/article | pages | peak MiB |
Material FR-only s (median) | ratio ours/Material | sequential s | identical |
warm s | warm/cold | rendered again | warm = clean | no change s | no change/cold | serve rebuild s |
serve/cold | cards off s (median) | cards on/off | cards | images, "warm/cold", "no change/cold" and
"serve/cold" being divided by ours' median cold, with cards), then the
"flatness": ms per article at the largest N divided by ms per article at the
smallest (1.0 = the cost per article does not grow with the magazine). Each size
logs the load average before and after: on two cores, well above 2 means
something else shared the machine and the times are not to be trusted. Any
failed build stops the run with exit code 1 after printing the end of its log.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import queue
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from anchor import write_material_blog
from generate import generate

ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600", "PORTAL_NOW": "2026-01-01"}
SEQUENTIAL_ENV = "PORTAL_SEQUENTIAL"  #: hooks/portal_mkdocs/multibuild.py
GNU_TIME = "/usr/bin/time"
LOG_TAIL = 60  #: lines of a failed build's log to print
SAMPLE_EVERY = 0.1  #: seconds between two samples of the process tree's RSS
WARM_SENTENCE = "Cette phrase ajoutée mesure la reconstruction après une modification."

#: Runs ``python -m mkdocs …`` in this process and writes its peak RSS (KiB) to argv[1] at exit.
LAUNCHER = """\
import atexit, resource, runpy, sys
out = sys.argv[1]
def report():
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime
    with open(out, "w") as handle:
        handle.write(f"{me.ru_maxrss} {cpu:.2f}")
atexit.register(report)
sys.argv = ["mkdocs", *sys.argv[2:]]
runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
"""


@dataclass
class Run:
    returncode: int
    wall: float  #: seconds
    peak_kib: int | None  #: largest single process
    tree_kib: int | None  #: largest sampled sum over the process tree
    pages: int
    log: str
    cards: int = 0  #: social cards published
    images: int = 0  #: content images published (renditions)
    cpu: float | None = None  #: user + system seconds of the build and every process it waited for


class BuildFailed(Exception):
    def __init__(self, what: str, run: Run) -> None:
        super().__init__(what)
        self.what = what
        self.run = run


@dataclass
class Result:
    size: int
    wall: float  #: median seconds, ours (parallel), cold
    peak_kib: int | None  #: largest of the repeats
    tree_kib: int | None  #: largest of the repeats
    pages: int
    sequential: float  #: seconds, ours sequential, cold, once
    identical: str  #: "identical" or what differs first
    warm: float  #: seconds, ours parallel, one article edited, caches kept
    rendered_again: str  #: French pages rendered by the warm build, of all French pages ("12/1891")
    warm_identical: str  #: warm output vs the same sources built with the cache off
    serve: float  #: seconds, MkDocs' figure for `mkdocs serve`'s rebuild after one edit
    cards_off: float = 0.0  #: median seconds, ours (parallel), cold, social cards off
    cards: int = 0  #: social cards published by a cold build
    images: int = 0  #: content images published by a cold build
    unchanged: float = 0.0  #: seconds, ours parallel, rebuilt with nothing changed, caches kept
    anchor: float | None = None  #: median seconds, Material blog, French only, cold
    anchor_pages: int | None = None
    anchor_peak_kib: int | None = None
    #: CPU seconds (user + system, the build and the processes it waited for), medians where repeated:
    #: "cold", "cards off", "sequential", "warm", "no change", "anchor"
    cpu: dict[str, float | None] = field(default_factory=dict)

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.wall / (2 * self.size)


# -- measuring one build -------------------------------------------------------------------------

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


class TreeSampler(threading.Thread):
    """Samples the summed RSS of a process and all its descendants from /proc until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib: int | None = None
        self.done = threading.Event()
        self.page_kib = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4

    def run(self) -> None:
        if not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists():
            return
        while not self.done.wait(SAMPLE_EVERY):
            total = sum(self._rss(pid) for pid in self._tree())
            if total and (self.peak_kib is None or total > self.peak_kib):
                self.peak_kib = total

    def _tree(self) -> list[int]:
        """The process and its descendants, from /proc/PID/task/TID/children (only their own files: cheap)."""
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            try:
                for task in os.scandir(f"/proc/{pid}/task"):
                    todo.extend(int(child) for child in Path(task.path, "children").read_text().split())
            except (OSError, ValueError):
                continue
        return tree

    def _rss(self, pid: int) -> int:
        try:
            return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * self.page_kib
        except (OSError, ValueError, IndexError):
            return 0


def build_once(config: Path, use_gnu_time: bool, timeout: float, *, site: Path | None = None, cold: bool = True,
               env_extra: dict[str, str] | None = None) -> Run:
    """One build of ``config`` (cold: from no ``site`` and no ``.cache/``); wall time, peak RSS, pages, log."""
    root = config.parent
    site = site or root / "site"
    if cold:
        for folder in (site, root / ".cache"):
            shutil.rmtree(folder, ignore_errors=True)
    rss_file = root / ".bench-rss"
    rss_file.unlink(missing_ok=True)
    mkdocs = ["build", "--strict", "-f", str(config), "-d", str(site)]
    if use_gnu_time:
        command = [GNU_TIME, "-f", "%M %U %S", "-o", str(rss_file), sys.executable, "-m", "mkdocs", *mkdocs]
    else:
        command = [sys.executable, "-c", LAUNCHER, str(rss_file), *mkdocs]
    env = {**os.environ, **ENV, **(env_extra or {})}
    env.pop("SITE_URL", None)
    if SEQUENTIAL_ENV not in (env_extra or {}):
        env.pop(SEQUENTIAL_ENV, None)
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log_file:
        start = time.perf_counter()
        # A session of its own: on a timeout, its whole group (GNU time, MkDocs, the English build) is ended.
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, env=env, cwd=root,
                                   start_new_session=True)
        sampler = TreeSampler(process.pid)
        sampler.start()
        try:
            returncode = process.wait(timeout=timeout)
            note = ""
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            returncode, note = -1, f"\n(timed out after {timeout:.0f} s)"
        except BaseException:  # Ctrl-C, or SIGTERM (from `timeout`): end the build too, not only this script
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            sampler.done.set()
            raise
        wall = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        log_file.seek(0)
        log = log_file.read() + note
    peak, cpu = None, None
    if rss_file.exists():
        text = rss_file.read_text().strip().splitlines()
        # GNU time writes "Command exited with non-zero status N" before its figures on failure.
        figures = text[-1].split() if text else []
        if figures and figures[0].isdigit():
            peak = int(figures[0])
            # GNU time's %U %S (and the launcher's rusage) count the children the build waited for: the
            # English build's process, Pagefind, the card drawers.
            cpu = sum(float(value) for value in figures[1:]) if len(figures) > 1 else None
        rss_file.unlink()
    pages = sum(1 for _ in site.rglob("*.html")) if site.is_dir() else 0
    cards, images = published(site)
    return Run(returncode, wall, peak, sampler.peak_kib, pages, log, cards, images, cpu)


def published(site: Path) -> tuple[int, int]:
    """(social cards, content images) under ``site``, both languages."""
    if not site.is_dir():
        return 0, 0
    files = [path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()]
    cards = sum(1 for path in files if "assets/cards/" in path)
    images = sum(1 for path in files if "assets/images/" in path and not path.endswith(".svg"))
    return cards, images


def set_social_cards(config: Path, on: bool) -> None:
    """Switch the corpus' social cards on or off (``extra.portal.social_cards`` of its mkdocs.yml)."""
    import yaml

    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data.setdefault("extra", {}).setdefault("portal", {})["social_cards"] = on
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def load() -> str:
    """The 1-minute load average: well above 2 on two cores means something else was running too."""
    try:
        return f"load average {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)"
    except OSError:
        return "load average n/a"


def checked(what: str, run: Run) -> Run:
    if run.returncode != 0:
        raise BuildFailed(what, run)
    return run


def mib(kib: int | None) -> str:
    return f"{kib / 1024:.0f}" if kib else "n/a"


def memory(run: Run) -> str:
    cpu = f", CPU {run.cpu:.1f} s" if run.cpu is not None else ""
    return f"peak {mib(run.peak_kib)} MiB (Σ {mib(run.tree_kib)} MiB){cpu}"


# -- comparing outputs, editing an article ---------------------------------------------------------

def compare_trees(left: Path, right: Path) -> str:
    """"identical" when both folders hold the same files with the same bytes, else the first difference."""
    def files(root: Path) -> set[str]:
        return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}

    ours, theirs = files(left), files(right)
    for path in sorted(ours | theirs):
        if path not in theirs:
            return f"only in {left.name}: {path}"
        if path not in ours:
            return f"only in {right.name}: {path}"
        if not filecmp.cmp(left / path, right / path, shallow=False):
            return f"differs: {path}"
    return "identical"


def edit_one_article(root: Path, index: int = 0) -> Path:
    """Append one sentence (a paragraph of its own) to the body of a French article (the first by name)."""
    article = sorted((root / "magazine").glob("[0-9][0-9][0-9][0-9]/*.fr.md"))[index]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.rstrip("\n") + f"\n\n{WARM_SENTENCE}\n", encoding="utf-8")
    return article


def edit_is_published(site: Path, article: Path) -> bool:
    stem = article.name[:-len(".fr.md")]
    pages = [page for page in site.rglob("*.html") if stem in page.as_posix() and "/en/" not in page.as_posix()]
    return any(WARM_SENTENCE in page.read_text(encoding="utf-8") for page in pages)


_CACHE_REPORT = re.compile(r"^INFO\s+-\s+Page cache: (\d+) page\(s\) reused .*?, (\d+) rendered", re.MULTILINE)


def rendered_again(log: str) -> str:
    """'rendered/all' French pages, from the warm build's page cache report."""
    match = _CACHE_REPORT.search(log)
    if not match:
        return "n/a"
    reused, rendered = int(match.group(1)), int(match.group(2))
    return f"{rendered}/{reused + rendered}"


def serve_rebuild(config: Path, root: Path, timeout: float) -> tuple[float, float]:
    """Run `mkdocs serve`, edit one article once it serves; (MkDocs' rebuild seconds, seconds from save to done)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, **ENV}
    env.pop("SITE_URL", None)
    env.pop(SEQUENTIAL_ENV, None)
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=root,
                               start_new_session=True)
    lines: queue.Queue[str] = queue.Queue()
    log: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)

    def wait_for(pattern: str) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if process.poll() is not None:
                    break
                continue
            log.append(line)
            match = re.search(pattern, line)
            if match:
                return match
        raise BuildFailed("ours, mkdocs serve", Run(process.poll() or -1, 0.0, None, None, 0, "".join(log)))

    threading.Thread(target=read, daemon=True).start()
    try:
        wait_for(r"Serving on")
        edit_one_article(root, index=1)
        saved = time.perf_counter()
        built = float(wait_for(r"Documentation built in ([\d.]+) seconds").group(1))
        return built, time.perf_counter() - saved
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# -- one size ------------------------------------------------------------------------------------

def bench_size(size: int, root: Path, anchor_root: Path | None, repeat: int, seed: int, use_gnu_time: bool,
               timeout: float, covers: int = 6) -> Result:
    """Generate the corpus (and the anchor) for ``size``, build them; raise BuildFailed on a failed build."""
    start = time.perf_counter()
    config = generate(size, root, seed, covers=size if covers else 0, social_cards=True, distinct_covers=covers)
    print(f"N={size}: corpus generated in {time.perf_counter() - start:.1f} s ({root}); {load()}", flush=True)
    anchor_config = None
    if anchor_root is not None:
        anchor_config = write_material_blog(root, anchor_root)
        print(f"N={size}: Material blog written ({anchor_root})", flush=True)

    sequential_site = root / "site-sequential"
    sequential = checked("ours, sequential", build_once(config, use_gnu_time, timeout, site=sequential_site,
                                                        env_extra={SEQUENTIAL_ENV: "1"}))
    print(f"N={size}: ours sequential: {sequential.wall:.1f} s, {sequential.pages} pages, {memory(sequential)}",
          flush=True)

    # Paired rounds, cards off then on: on a shared machine, both sides of the ratio see the same load.
    runs, off_runs = [], []
    for number in range(1, repeat + 1):
        set_social_cards(config, False)
        try:
            run = checked(f"ours, cards off, build {number}", build_once(config, use_gnu_time, timeout,
                                                                         site=root / "site-cards-off"))
        finally:
            set_social_cards(config, True)
            shutil.rmtree(root / "site-cards-off", ignore_errors=True)
        print(f"N={size}: ours cards off, build {number}/{repeat}: {run.wall:.1f} s, {run.pages} pages, "
              f"{memory(run)}", flush=True)
        off_runs.append(run)
        run = checked(f"ours, parallel, build {number}", build_once(config, use_gnu_time, timeout))
        print(f"N={size}: ours build {number}/{repeat}: {run.wall:.1f} s, {run.pages} pages, {run.cards} cards, "
              f"{run.images} images, {memory(run)}", flush=True)
        runs.append(run)
    if len({r.pages for r in runs}) != 1:
        print(f"N={size}: WARNING: page counts differ between builds: {[r.pages for r in runs]}", flush=True)
    identical = compare_trees(root / "site", sequential_site)
    print(f"N={size}: parallel vs sequential output: {identical}", flush=True)
    shutil.rmtree(sequential_site, ignore_errors=True)


    article = edit_one_article(root)
    warm = checked("ours, warm", build_once(config, use_gnu_time, timeout, cold=False))
    published = edit_is_published(root / "site", article)
    again = rendered_again(warm.log)
    print(f"N={size}: ours warm (edited {article.relative_to(root)}): {warm.wall:.1f} s, {memory(warm)}, "
          f"French pages rendered again: {again}"
          f"{'' if published else '; WARNING: the added sentence is not in the output'}", flush=True)
    unchanged = checked("ours, no change", build_once(config, use_gnu_time, timeout, cold=False))
    print(f"N={size}: ours rebuilt with nothing changed: {unchanged.wall:.1f} s, {memory(unchanged)}", flush=True)
    clean_site = root / "site-clean"
    checked("ours, cache off", build_once(config, use_gnu_time, timeout, site=clean_site, cold=False,
                                          env_extra={"PORTAL_PAGE_CACHE": "off"}))
    warm_identical = compare_trees(root / "site", clean_site)
    print(f"N={size}: warm output vs a build without cache: {warm_identical}", flush=True)
    shutil.rmtree(clean_site, ignore_errors=True)

    serve, serve_wall = serve_rebuild(config, root, timeout)
    print(f"N={size}: mkdocs serve, rebuild after one edit: {serve:.2f} s (MkDocs' figure), "
          f"{serve_wall:.2f} s from saving the file", flush=True)

    peaks = [r.peak_kib for r in runs if r.peak_kib]
    trees = [r.tree_kib for r in runs if r.tree_kib]
    result = Result(size, statistics.median(r.wall for r in runs), max(peaks) if peaks else None,
                    max(trees) if trees else None, runs[-1].pages, sequential.wall, identical, warm.wall, again,
                    warm_identical, serve, statistics.median(r.wall for r in off_runs), runs[-1].cards,
                    runs[-1].images, unchanged.wall)
    result.cpu = {"cold": _median_cpu(runs), "cards off": _median_cpu(off_runs), "sequential": sequential.cpu,
                  "warm": warm.cpu, "no change": unchanged.cpu}

    if anchor_config is not None:
        anchor_runs = []
        for number in range(1, repeat + 1):
            run = checked(f"Material blog, build {number}", build_once(anchor_config, use_gnu_time, timeout))
            print(f"N={size}: Material FR-only build {number}/{repeat}: {run.wall:.1f} s, {run.pages} pages, "
                  f"{memory(run)}", flush=True)
            anchor_runs.append(run)
        anchor_peaks = [r.peak_kib for r in anchor_runs if r.peak_kib]
        result.anchor = statistics.median(r.wall for r in anchor_runs)
        result.anchor_pages = anchor_runs[-1].pages
        result.anchor_peak_kib = max(anchor_peaks) if anchor_peaks else None
        result.cpu["anchor"] = _median_cpu(anchor_runs)
    print(f"N={size}: done; {load()}", flush=True)
    return result


# -- report --------------------------------------------------------------------------------------

def table(results: list[Result]) -> str:
    lines = ["| N | ours s (median) | ms/article | pages | peak MiB | Material FR-only s (median) | "
             "ratio ours/Material | sequential s | identical | warm s | warm/cold | rendered again | warm = clean | "
             "no change s | no change/cold | serve rebuild s | serve/cold | cards off s (median) | cards on/off | "
             "cards | images |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        peak = f"{mib(r.peak_kib)} (Σ {mib(r.tree_kib)})"
        anchor = f"{r.anchor:.2f}" if r.anchor is not None else "skipped"
        ratio = f"{r.wall / r.anchor:.2f}" if r.anchor else "n/a"
        lines.append(f"| {r.size} | {r.wall:.2f} | {r.ms_per_article:.1f} | {r.pages} | {peak} | {anchor} | {ratio} | "
                     f"{r.sequential:.2f} | {r.identical} | {r.warm:.2f} | {r.warm / r.wall:.2f} | "
                     f"{r.rendered_again} | {r.warm_identical} | {r.unchanged:.2f} | {r.unchanged / r.wall:.2f} | "
                     f"{r.serve:.2f} | {r.serve / r.wall:.2f} | "
                     f"{r.cards_off:.2f} | {r.wall / r.cards_off:.2f} | {r.cards} | {r.images} |")
    return "\n".join(lines)


def _median_cpu(runs: list[Run]) -> float | None:
    values = [r.cpu for r in runs if r.cpu is not None]
    return statistics.median(values) if values else None


def cpu_table(results: list[Result]) -> str:
    """CPU seconds (user + system of every process of the build), beside the wall times of ``table``."""
    def seconds(value: float | None) -> str:
        return f"{value:.1f}" if value is not None else "n/a"

    def ratio(top: float | None, bottom: float | None) -> str:
        return f"{top / bottom:.2f}" if top is not None and bottom else "n/a"

    lines = ["| N, CPU | ours cold CPU s | cards off CPU s | sequential CPU s | warm CPU s | no change CPU s | "
             "no change/cold (CPU) | Material FR-only CPU s | ours/Material (CPU) | cards on/off (CPU) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        cpu = r.cpu
        lines.append(f"| N = {r.size} | {seconds(cpu.get('cold'))} | {seconds(cpu.get('cards off'))} | "
                     f"{seconds(cpu.get('sequential'))} | {seconds(cpu.get('warm'))} | "
                     f"{seconds(cpu.get('no change'))} | {ratio(cpu.get('no change'), cpu.get('cold'))} | "
                     f"{seconds(cpu.get('anchor'))} | {ratio(cpu.get('cold'), cpu.get('anchor'))} | "
                     f"{ratio(cpu.get('cold'), cpu.get('cards off'))} |")
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
    if not results:
        return
    print()
    print(table(results))
    print()
    print(cpu_table(results))
    print()
    print(flatness(results))
    anchored = [r for r in results if r.anchor is not None]
    if anchored:
        print("Material FR-only: " + "; ".join(
            f"N={r.size}: {r.anchor_pages} pages, peak {mib(r.anchor_peak_kib)} MiB, "
            f"{1000 * r.anchor / r.size:.1f} ms/article" for r in anchored))
    print("ours = French + English (parallel, default), social cards on as the site ships (cards off: the same "
          "build without them); Material = French only, its blog plugin; "
          "peak MiB = largest process (Σ = sampled sum over the build's processes)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000], help="numbers of articles")
    parser.add_argument("--repeat", type=int, default=3, help="cold builds per size (default 3)")
    parser.add_argument("--keep", type=Path, help="write the corpora into DIR/n<N> (and DIR/n<N>-material) and keep them")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated text (default 1)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed per build (default 3600)")
    parser.add_argument("--covers", type=int, default=6,
                        help="distinct cover images the articles take turns with (default 6; 0: no covers)")
    parser.add_argument("--no-anchor", action="store_true", help="skip the Material blog builds (quicker)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or any(size < 2 for size in args.sizes):
        parser.error("--repeat must be at least 1 and every size at least 2")

    # SIGTERM (e.g. from `timeout`) ends the running build and removes the temporary corpora.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    use_gnu_time = gnu_time_works()
    print(f"peak RSS via {'GNU ' + GNU_TIME + ' -f %M' if use_gnu_time else 'in-process launcher (ru_maxrss)'}; "
          f"python {sys.executable}; {os.cpu_count()} CPUs", flush=True)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as temp:
        base = args.keep.resolve() if args.keep else Path(temp)
        for size in sorted(dict.fromkeys(args.sizes)):
            anchor_root = None if args.no_anchor else base / f"n{size}-material"
            try:
                results.append(bench_size(size, base / f"n{size}", anchor_root, args.repeat, args.seed,
                                          use_gnu_time, args.timeout, args.covers))
            except BuildFailed as error:
                failed = error.run
                tail = "\n".join(failed.log.rstrip().splitlines()[-LOG_TAIL:])
                print(f"\nN={size}: mkdocs build failed ({error.what}, exit {failed.returncode}) after "
                      f"{failed.wall:.1f} s; last lines of its log:\n{tail}", file=sys.stderr, flush=True)
                report(results)
                return 1
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
