"""Lighthouse scores of the site as a phone reader gets it, in both languages.

    python bench/lighthouse.py [--site DIR | --source CHECKOUT] [--runs 3] [--keep DIR] [--failures]

Without ``--site``, the repository's site is built first (``mkdocs build --strict`` into a
temporary folder, with the address it is served at as ``SITE_URL``). The folder is served on 127.0.0.1 by Python's ``http.server`` in a thread,
gzip-compressing text as a static host does (``Content-Encoding: gzip`` when the browser asks
for it), and Lighthouse (``node_modules/lighthouse``, pinned in package-lock.json) runs in
Debian's Chromium with its default mobile settings (Moto G Power emulation, simulated slow
4G and 4× CPU slowdown) on four pages per language:

- home: the language's home page;
- article: the first article of the language's sitemap with a cover (the cover is then the
  largest paint, the heaviest case);
- conference: the first conference page of the language's sitemap;
- structure: the first structure page of the language's sitemap with a photo.

Printed, one row per page: the four category scores (performance, accessibility, best
practices, SEO; the median of ``--runs`` runs), the bytes transferred, and the bytes
transferred before images (HTML, CSS, JavaScript, fonts: everything but images), compressed
as sent and uncompressed (as a host without compression would send them).
``--failures`` also lists, per page, the audits that did not pass. ``--keep DIR`` keeps
every Lighthouse JSON report.

Goal of issue 16: ≥ 95 in every category on every page; an article ≤ 250 KB before images.
It is a benchmark: scores move with the machine's load (CPU-bound metrics above all), so
no test asserts them.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LANGUAGES = {"fr": "", "en": "en/"}
#: Types a static host compresses (the others are compressed already: images, WOFF2).
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".ics", ".webmanifest"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder, gzip-compressing text when asked (as nginx's gzip_static or a CDN)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


class Server(http.server.ThreadingHTTPServer):
    """The local server; a browser that hangs up before the end of a file is no error."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def build_site(source: Path, into: Path, site_url: str) -> Path:
    """Build the site of the checkout ``source``, strict, into ``into`` for ``site_url``; the folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(into)],
                          cwd=source, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(done.stdout[-3000:] + done.stderr[-3000:])
    return into


def sitemap_paths(site: Path, prefix: str) -> list[str]:
    """The site paths of a language's sitemap, in its order (``prefix`` is "" or "en/")."""
    text = (site / prefix / "sitemap.xml").read_text(encoding="utf-8")
    paths = []
    for url in re.findall(r"<loc>([^<]+)</loc>", text):
        found = re.match(r"https?://[^/]+/(.*)", url)
        if found:
            paths.append(found.group(1))
    return paths


def pages_of(site: Path, lang: str) -> dict[str, str]:
    """The four pages measured in ``lang``: kind → path under the site root."""
    prefix = LANGUAGES[lang]
    paths = sitemap_paths(site, prefix)

    def first(pattern: str, holding: str = "") -> str:
        found = [p for p in paths if re.match(rf"^{re.escape(prefix)}{pattern}$", p)]
        with_it = [p for p in found if holding in (site / p / "index.html").read_text(encoding="utf-8")]
        return (with_it or found)[0]

    return {"home": prefix, "article": first(r"magazine/\d{4}/[^/]+/", 'class="portal-photo portal-cover"'),
            "conference": first(r"upconf/\d{4}-[^/]+/"), "structure": first(r"structures/[^/]+/", "<picture>")}


def lighthouse(url: str, output: Path) -> dict[str, Any]:
    """Run Lighthouse (mobile, the four categories) on ``url``; its report as a dict."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode or not output.is_file():
        sys.exit(f"lighthouse failed on {url}:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return report


def transfer(report: dict[str, Any]) -> tuple[int, int, int]:
    """(all bytes transferred, bytes transferred but images, the same uncompressed) of one report."""
    items = report["audits"]["network-requests"]["details"]["items"]
    total = sum(int(item.get("transferSize") or 0) for item in items)
    images = sum(int(item.get("transferSize") or 0) for item in items if item.get("resourceType") == "Image")
    raw = sum(int(item.get("resourceSize") or 0) for item in items if item.get("resourceType") != "Image")
    return total, total - images, raw


def failures(report: dict[str, Any]) -> list[str]:
    """The audits of the four categories that did not pass, with their score."""
    failed = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("scoreDisplayMode") in {"binary", "numeric", "metricSavings"} and audit.get("score") is not None \
                    and audit["score"] < 0.9:
                value = audit.get("displayValue") or ""
                failed.append(f"{category}: {ref['id']} ({audit['score']:.2f}) {value}".rstrip())
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site folder (default: build the repository's site)")
    parser.add_argument("--source", type=Path, default=REPO,
                        help="the checkout whose site is built (default: this one; another to compare)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; scores are their median")
    parser.add_argument("--keep", type=Path, help="keep the Lighthouse JSON reports in this folder")
    parser.add_argument("--failures", action="store_true", help="list the audits that did not pass")
    parser.add_argument("--lang", choices=sorted(LANGUAGES), nargs="+", default=list(LANGUAGES))
    parser.add_argument("--kinds", choices=["home", "article", "conference", "structure"], nargs="+",
                        default=["home", "article", "conference", "structure"])
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        sys.exit(f"{LIGHTHOUSE} is missing: run scripts/setup --dev (npm ci installs Lighthouse)")
    work = Path(tempfile.mkdtemp(prefix="bench-lighthouse-"))
    reports = args.keep or work / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    try:
        site = args.site.resolve() if args.site else work / "site"
        server = Server(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        if not args.site:
            build_site(args.source.resolve(), site, base)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print("| lang | page | path | performance | accessibility | best practices | SEO "
              "| transferred KB | before images KB | before images KB uncompressed |")
        print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
        notes: list[str] = []
        try:
            for lang in args.lang:
                for kind, path in pages_of(site, lang).items():
                    if kind not in args.kinds:
                        continue
                    runs = [lighthouse(base + path, reports / f"{lang}-{kind}-{n}.json") for n in range(args.runs)]
                    scores = [statistics.median(round(100 * (r["categories"][c]["score"] or 0)) for r in runs)
                              for c in CATEGORIES]
                    total, before_images, raw = transfer(runs[0])
                    print(f"| {lang} | {kind} | /{path} | " + " | ".join(f"{s:.0f}" for s in scores)
                          + f" | {total / 1000:.0f} | {before_images / 1000:.0f} | {raw / 1000:.0f} |", flush=True)
                    if args.failures:
                        notes += [f"{lang} {kind}: {failure}" for failure in failures(runs[0])]
        finally:
            server.shutdown()
        for note in notes:
            print(note)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
