"""Checks of a built site as validators and crawlers see it, shared by the real-site and broken-site tests."""

from __future__ import annotations

import json
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from lxml import etree, html
from vnu_filters import ACCEPTED_ERRORS

from support import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCHEMAS = Path(__file__).resolve().parent / "schemas"


def vnu_errors(files: Iterable[Path], root: Path) -> list[str]:
    """Errors of the Nu Html Checker for ``files``, as 'path:line: message', minus the accepted ones."""
    files = sorted(files)
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                          capture_output=True, text=True, timeout=600)
    report = json.loads(done.stderr or done.stdout)
    errors = []
    for message in report["messages"]:
        if any(pattern.search(message["message"]) for pattern, _ in ACCEPTED_ERRORS):
            continue
        path = Path(urlsplit(message.get("url", "")).path)
        where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        errors.append(f"{where}:{message.get('lastLine', '?')}: {message['message']}")
    return errors


@dataclass
class CrawlReport:
    """What a crawl found: pages visited, broken links and anchors, links to other hosts."""

    pages: set[str] = field(default_factory=set)
    broken: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)


def crawl(base: str, start: Iterable[str]) -> CrawlReport:
    """Follow every link, script, stylesheet and image from ``start`` pages on the site at ``base``.

    Each same-host target must answer 200; each '#fragment' must name an element
    of its target page. Other hosts are listed, not fetched (the checks run offline).
    """
    report = CrawlReport()
    ids: dict[str, set[str] | None] = {}  # page URL -> ids (None when not HTML)
    status: dict[str, int] = {}
    queue = [urljoin(base, path) for path in start]
    origin = urlsplit(base).netloc

    def fetch(url: str) -> int:
        if url not in status:
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    body = response.read()
                    status[url] = response.status
                    if "html" in response.headers.get("Content-Type", ""):
                        tree = html.fromstring(body)
                        ids[url] = set(tree.xpath("//@id")) | set(tree.xpath("//a/@name"))
                        if url not in report.pages:
                            report.pages.add(url)
                            queue.extend(links_of(tree, url))
                    else:
                        ids[url] = None
            except urllib.error.HTTPError as error:
                status[url] = error.code
        return status[url]

    while queue:
        url = queue.pop()
        referrer, target = url.split("\n", 1) if "\n" in url else ("", url)
        page, fragment = urldefrag(target)
        if urlsplit(page).netloc != origin:
            report.external.add(page)
            continue
        code = fetch(page)
        if code != 200:
            report.broken.append(f"{referrer or 'start'} -> {target}: HTTP {code}")
        elif fragment and ids.get(page) is not None and fragment not in ids[page]:
            report.broken.append(f"{referrer} -> {target}: no element with id '{fragment}'")
    report.broken.sort()
    return report


def links_of(tree: html.HtmlElement, url: str) -> list[str]:
    """Every followed reference of a page, as 'referrer\\ntarget' strings."""
    refs = tree.xpath("//a/@href | //link[@rel!='preconnect']/@href | //script/@src | //img/@src | //source/@srcset")
    targets = []
    for ref in refs:
        ref = ref.strip().split(" ")[0]
        if not ref or ref.startswith(("mailto:", "tel:", "javascript:", "data:")):
            continue
        if ref.startswith("webcal://"):  # a calendar subscription: the same file over http
            ref = urlsplit(url).scheme + "://" + ref.removeprefix("webcal://")
        targets.append(f"{url}\n{urljoin(url, ref)}")
    return targets


def sitemap_errors(path: Path) -> list[str]:
    """Errors of a sitemap against the sitemaps.org schema (with XHTML alternates)."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap.xsd")))
    document = etree.parse(str(path))
    if schema.validate(document):
        return []
    return [f"{path.name}:{error.line}: {error.message}" for error in schema.error_log]


def tree_digest(root: Path) -> dict[str, bytes]:
    """Every file of a built site and its bytes, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
