"""Benchmark the site's search as readers pay for it: what a first search downloads, per language.

    python bench/search.py [--sizes 1000 5000] [--keep DIR] [--files]

For each size N, ``bench/generate.py`` writes a site of N articles in both languages
(cards off: they do not touch the search), which is built cold with
``mkdocs build --strict``. Measured:

- indexing: the time of the Pagefind step (from the build's own log line), the
  peak RSS of the build's ``pagefind`` processes and of all the build's processes
  together (sampled from ``/proc`` every 50 ms) and the size of the index on disk;
- per language, per query: the bytes a reader's browser downloads for the first
  search of a fresh page (everything under ``/pagefind/`` and the dialog's script;
  raw and gzip-compressed, as a static host serving gzip sends them), measured in
  Debian's Chromium, and the number of results shown.

Goal of the scale issue: ≤ 300 KB per language for the first search at N = 5 000.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
QUERIES = {"fr": ["culture", "patrimoine"], "en": ["culture", "heritage"]}


def peak_rss_of(name: str, root: int, stop: threading.Event, peak: list[int]) -> None:
    """Sample, until ``stop`` is set, the RSS (KiB) of the processes descended from ``root``: ``peak[0]``
    the highest of those called ``name`` together, ``peak[1]`` the highest of all of them together
    (other programs' processes of the same name on the machine are not counted)."""
    while not stop.is_set():
        parents: dict[int, int] = {}
        sizes: dict[int, tuple[str, int]] = {}
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            parents[int(pid)] = int(fields.get("PPid", "0").strip() or 0)
            sizes[int(pid)] = (fields.get("Name", "").strip(), int(fields.get("VmRSS", "0 kB").split()[0]))

        tree = [sizes[pid] for pid in sizes if descends(pid, root, parents)]
        peak[0] = max(peak[0], sum(rss for label, rss in tree if label == name))
        peak[1] = max(peak[1], sum(rss for _, rss in tree))
        stop.wait(0.05)


def descends(pid: int, root: int, parents: dict[int, int]) -> bool:
    """Whether process ``pid`` is ``root`` or one of its descendants."""
    while pid > 1:
        if pid == root:
            return True
        pid = parents.get(pid, 0)
    return False


def build(config: Path) -> tuple[float, float, int, int]:
    """Build cold; return (build seconds, indexing seconds from the log, pagefind peak RSS KiB,
    peak RSS KiB of all the build's processes together)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600", "PORTAL_NOW": "2026-01-01"}
    stop, peak = threading.Event(), [0, 0]
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=config.parent)
    sampler = threading.Thread(target=peak_rss_of, args=("pagefind", process.pid, stop, peak), daemon=True)
    sampler.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode:
        sys.exit(output[-6000:])
    found = re.search(r"search index of \d+ pages written to \S+ in ([\d.]+) s", output)
    return seconds, float(found.group(1)) if found else float("nan"), peak[0], peak[1]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def first_search(site: Path, lang: str, query: str) -> tuple[int, int, int, list[tuple[str, int, int]]]:
    """(raw bytes, gzip bytes, results, [(file, raw, gzip)…]) downloaded by a fresh page's first search for ``query``."""
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    sizes: list[tuple[str, int, int]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + ("" if lang == "fr" else "en/"))

            def counted(response) -> None:
                if "/pagefind/" in response.url or response.url.endswith("/search.js"):
                    body = response.body()
                    sizes.append((response.url.rsplit("/", 1)[-1], len(body), len(gzip.compress(body, 9))))

            page.on("response", counted)
            page.click(".portal-search__open")
            page.fill("#portal-search-query", query)
            page.wait_for_selector(".portal-search__result, .portal-search__status:has-text('0')", timeout=60000)
            page.wait_for_load_state("networkidle")
            results = page.locator(".portal-search__result").count()
            browser.close()
    finally:
        server.shutdown()
    return sum(s[1] for s in sizes), sum(s[2] for s in sizes), results, sorted(sizes)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--keep", type=Path, help="keep the generated sites in this folder")
    parser.add_argument("--files", action="store_true", help="list each file a first search downloads (on stderr)")
    args = parser.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-search-"))
    print("| N | build s | index s | pagefind peak MiB | all processes peak MiB | index on disk MB | lang | query "
          "| results | first search KB raw | gzip KB |")
    print("|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|")
    for size in args.sizes:
        config = generate(size, base / f"n{size}")
        root = config.parent
        seconds, indexing, peak, everything = build(config)
        disk = folder_size(root / "site" / "pagefind") / 1e6
        for lang, queries in QUERIES.items():
            for query in queries:
                raw, packed, results, files = first_search(root / "site", lang, query)
                if args.files:
                    for name, plain, zipped in files:
                        print(f"  N={size} {lang} {query}: {name} {plain / 1000:.1f} KB raw, {zipped / 1000:.1f} KB gzip",
                              file=sys.stderr)
                print(f"| {size} | {seconds:.1f} | {indexing:.2f} | {peak / 1024:.0f} | {everything / 1024:.0f} | {disk:.1f} "
                      f"| {lang} | {query} "
                      f"| {results} | {raw / 1000:.0f} | {packed / 1000:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
