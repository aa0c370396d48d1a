"""Fixtures of the quality gates: the real site built for a local address and served there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from served import ServedSite, build_site, free_port, serve
from support import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
BROKEN = Path(__file__).resolve().parent / "broken_pages"


@pytest.fixture(scope="session")
def served_real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The repository's site, built once with a local site URL and served on it."""
    port = free_port()
    out = tmp_path_factory.mktemp("served-real") / "site"
    log = build_site(REPO, out, f"http://127.0.0.1:{port}/")
    for url in serve(out, port):
        yield ServedSite(out, url, log)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """One headless Debian Chromium for the whole session (never a downloaded browser)."""
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()


@pytest.fixture(scope="session")
def broken_pages() -> Iterator[str]:
    """``broken_pages/`` served on 127.0.0.1; yields its base URL (ending with '/')."""
    yield from serve(BROKEN, free_port())
