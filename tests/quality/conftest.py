"""Fixtures of the quality gates: the real site built for a local address and served there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from served import ServedSite, build_site, free_port, serve
from support import REPO


@pytest.fixture(scope="session")
def served_real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The repository's site, built once with a local site URL and served on it."""
    port = free_port()
    out = tmp_path_factory.mktemp("served-real") / "site"
    log = build_site(REPO, out, f"http://127.0.0.1:{port}/")
    for url in serve(out, port):
        yield ServedSite(out, url, log)
