"""Quality gates on the built real site, with real validators; each is also seen failing on broken input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from checkers import crawl, sitemap_errors, tree_digest, vnu_errors
from served import build_site, free_port, serve
from support import REPO, SOURCE_DATE_EPOCH, _EnvLoader

BROKEN = Path(__file__).resolve().parent / "broken_site"
#: The address of the session's `real_build`: mkdocs.yml's default (it is built with no SITE_URL set).
SITE_URL = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)["site_url"]


# -- HTML validity -----------------------------------------------------------------------------

def test_every_page_is_valid_html(served_real_site):
    pages = list(served_real_site.root.rglob("*.html"))
    assert len(pages) >= 30
    errors = vnu_errors(pages, served_real_site.root)
    print(f"\nvnu: {len(pages)} pages checked, {len(errors)} errors")
    assert errors == []


def test_html_checker_reports_a_broken_page():
    errors = vnu_errors([BROKEN / "index.html"], BROKEN)
    assert any("Duplicate ID “twice”" in e for e in errors), errors
    assert any(e.startswith("index.html:6:") for e in errors), errors


# -- links and anchors ----------------------------------------------------------------------------

def test_every_internal_link_and_anchor_resolves(served_real_site):
    start = [p.relative_to(served_real_site.root).as_posix().removesuffix("index.html")
             for p in served_real_site.root.rglob("*.html")]
    report = crawl(served_real_site.url, start)
    print(f"\nlinks: {len(report.pages)} pages crawled, {len(report.broken)} broken, "
          f"{len(report.external)} links to other hosts")
    assert report.broken == []
    assert any(url.endswith("/en/") for url in report.pages) and any(url.endswith("/structures/h7/") for url in report.pages)


def test_crawler_reports_broken_links_and_anchors():
    port = free_port()
    for url in serve(BROKEN, port):
        report = crawl(url, [""])
    assert report.broken == [
        f"http://127.0.0.1:{port}/ -> http://127.0.0.1:{port}/#nowhere: no element with id 'nowhere'",
        f"http://127.0.0.1:{port}/ -> http://127.0.0.1:{port}/missing.png: HTTP 404",
        f"http://127.0.0.1:{port}/ -> http://127.0.0.1:{port}/missing/: HTTP 404",
    ]


# -- sitemaps and robots.txt ------------------------------------------------------------------

def test_sitemaps_are_valid_and_list_every_page_once(served_real_site):
    root = served_real_site.root
    for prefix in ("", "en/"):
        sitemap = root / prefix / "sitemap.xml"
        assert sitemap_errors(sitemap) == []
        from lxml import etree

        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        locs = etree.parse(str(sitemap)).xpath("//s:loc/text()", namespaces=ns)
        assert len(locs) == len(set(locs))
        pages = {p.relative_to(root).as_posix() for p in (root / prefix).rglob("index.html")
                 if prefix or not p.relative_to(root).as_posix().startswith("en/")}
        assert {loc.removeprefix(served_real_site.url) + "index.html" for loc in locs} == pages


def test_schema_rejects_a_broken_sitemap():
    errors = sitemap_errors(BROKEN / "sitemap.xml")
    assert any("link" in e and "loc" in e for e in errors), errors  # alternate before <loc>
    assert any("hreflang" in e for e in errors), errors


def test_robots_lists_both_sitemaps(served_real_site):
    lines = (served_real_site.root / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {served_real_site.url}sitemap.xml" in lines
    assert f"Sitemap: {served_real_site.url}en/sitemap.xml" in lines


# -- determinism and the ProperDocs escape hatch ----------------------------------------------

# The session's builds of the real site are reused where a test needs one more: `real_build` (the site's own
# address) and `served_real_site` (a local one). A real build costs half a minute of CPU.

def test_two_builds_are_byte_identical(real_build, tmp_path):
    assert real_build.returncode == 0, real_build.log
    second = tmp_path / "two"
    build_site(REPO, second, SITE_URL)
    one, two = tree_digest(real_build.site), tree_digest(second)
    assert sorted(one) == sorted(two)
    assert [path for path in one if one[path] != two[path]] == []


def test_determinism_check_sees_a_difference(real_build, served_real_site):
    assert real_build.returncode == 0, real_build.log
    assert served_real_site.url != SITE_URL  # two builds of one source for two addresses
    one, two = tree_digest(real_build.site), tree_digest(served_real_site.root)
    assert "sitemap.xml" in [path for path in one if one[path] != two.get(path)]


def test_properdocs_builds_the_same_site(real_build, tmp_path):
    """ProperDocs (MkDocs 1.x's continuation) builds the site; only the generator tag differs."""
    assert real_build.returncode == 0, real_build.log
    mkdocs_site, properdocs_site = real_build.site, tmp_path / "properdocs"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "SITE_URL": SITE_URL}
    done = subprocess.run([str(Path(sys.executable).parent / "properdocs"), "build", "-f", "mkdocs.yml", "--strict",
                           "-d", str(properdocs_site)], capture_output=True, text=True, env=env, cwd=REPO, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    english = (properdocs_site / "en" / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in english, "the English build runs under ProperDocs too"
    one, two = tree_digest(mkdocs_site), tree_digest(properdocs_site)
    assert sorted(one) == sorted(two)
    differences = set()
    for path in one:
        if one[path] != two[path]:
            old = [line for line in one[path].decode().splitlines() if line not in two[path].decode().splitlines()]
            differences |= {line.strip() for line in old}
    # The one explained difference: each program names itself in <meta name="generator">.
    assert differences <= {'<meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">'}, differences
