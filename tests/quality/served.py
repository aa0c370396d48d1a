"""The real site built for checking, served on 127.0.0.1 with its own address as site URL.

Building with ``SITE_URL=http://127.0.0.1:<port>/`` makes every absolute link
(switcher, hreflang, sitemaps) point at the served copy, so crawlers and the
browser never leave the machine.
"""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from support import SOURCE_DATE_EPOCH


@dataclass
class ServedSite:
    """A built site and the local address it is served at."""

    root: Path
    url: str  #: ends with '/'
    log: str

    def pages(self) -> list[str]:
        """Every HTML page of both languages, as paths relative to the root."""
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]

def build_site(source: Path, out: Path, site_url: str, config: str = "mkdocs.yml") -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "SITE_URL": site_url}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(out)],
                          capture_output=True, text=True, env=env, cwd=source, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

def serve(root: Path, port: int) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()
