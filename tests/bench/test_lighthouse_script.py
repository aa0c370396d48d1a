"""bench/lighthouse.py: which pages it measures, how it serves them, what it adds up; and, with -m bench,
that it runs Lighthouse end to end on a tiny site (no score is asserted: it is a benchmark)."""

from __future__ import annotations

import gzip
import importlib.util
import os
import subprocess
import sys
import threading
import urllib.request
from functools import partial
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "bench" / "lighthouse.py"
_spec = importlib.util.spec_from_file_location("bench_lighthouse", SCRIPT)
assert _spec and _spec.loader
lighthouse = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lighthouse)

PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="description" content="A page.">
<title>{title}</title></head><body><main><h1>{title}</h1>{extra}<p>Some text for the page.</p></main></body></html>
"""


def tiny_site(root: Path) -> Path:
    """A two-language site of the shape the script expects: sitemaps, home, articles, conference, structures."""
    pages = {
        "": "", "magazine/2026/no-cover/": "", "magazine/2026/with-cover/": '<figure class="portal-photo portal-cover"></figure>',
        "upconf/2026-01-02-talk/": "", "structures/plain/": "", "structures/pictured/": "<picture></picture>",
    }
    for prefix, lang in (("", "fr"), ("en/", "en")):
        for path, extra in pages.items():
            folder = root / prefix / path
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.html").write_text(PAGE.format(lang=lang, title=path or "Home", extra=extra), encoding="utf-8")
        locs = "".join(f"<url><loc>https://example.org/{prefix}{path}</loc></url>" for path in pages)
        (root / prefix / "sitemap.xml").write_text(f'<?xml version="1.0"?><urlset>{locs}</urlset>', encoding="utf-8")
    return root


def test_measures_home_an_article_with_cover_a_conference_and_a_structure_with_photo(tmp_path):
    site = tiny_site(tmp_path)
    assert lighthouse.pages_of(site, "fr") == {"home": "", "article": "magazine/2026/with-cover/",
                                               "conference": "upconf/2026-01-02-talk/", "structure": "structures/pictured/"}
    assert lighthouse.pages_of(site, "en")["article"] == "en/magazine/2026/with-cover/"


def test_serves_text_compressed_as_a_static_host_does(tmp_path):
    site = tiny_site(tmp_path)
    server = lighthouse.Server(("127.0.0.1", 0), partial(lighthouse.GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        request = urllib.request.Request(base + "en/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as answer:
            assert answer.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(answer.read()) == (site / "en" / "index.html").read_bytes()
        with urllib.request.urlopen(base + "en/") as answer:  # a client that does not ask for it
            assert answer.headers["Content-Encoding"] is None
            assert answer.read() == (site / "en" / "index.html").read_bytes()
    finally:
        server.shutdown()


def test_weight_before_images_leaves_out_images_only():
    report = {"audits": {"network-requests": {"details": {"items": [
        {"resourceType": "Document", "transferSize": 1000, "resourceSize": 4000},
        {"resourceType": "Stylesheet", "transferSize": 500, "resourceSize": 2000},
        {"resourceType": "Font", "transferSize": 300, "resourceSize": 300},
        {"resourceType": "Image", "transferSize": 9000, "resourceSize": 9000},
        {"resourceType": "Image", "transferSize": 0},
    ]}}}}
    assert lighthouse.transfer(report) == (10800, 1800, 6300)


@pytest.mark.slow
@pytest.mark.bench
def test_runs_lighthouse_on_a_tiny_site(tmp_path):
    site = tiny_site(tmp_path / "site")
    done = subprocess.run([sys.executable, str(SCRIPT), "--site", str(site), "--lang", "en", "--kinds", "home"],
                          cwd=REPO, env={**os.environ}, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    rows = [line.strip("|").split("|") for line in done.stdout.splitlines() if line.startswith("| en | home |")]
    assert len(rows) == 1, done.stdout
    cells = [cell.strip() for cell in rows[0]]
    assert all(0 <= int(score) <= 100 for score in cells[3:7]), cells
    assert all(cell.isdigit() for cell in cells[7:10]), cells  # KB transferred, before images, uncompressed
