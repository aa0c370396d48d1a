"""Image pipeline benchmark: a magazine whose articles have covers, built cold and warm.

``python bench/images.py [--images 200] [--articles 200]`` generates a corpus in
which ``--images`` articles have a 1600×1000 cover (each published in two
languages, in 3 widths × 2 formats, plus a social card per page), then prints:

- the cold build (empty image and card caches) and the warm build (caches
  kept, site rebuilt), in seconds;
- the same corpus without covers or cards, to give the share of the cold
  build spent on images: (cold − without images) / cold.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600", "PORTAL_NOW": "2026-01-01"}


def build(config: Path) -> float:
    """One strict build of ``config`` in a subprocess; its wall time in seconds."""
    site = config.parent / "site"
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
                          capture_output=True, text=True, env={**os.environ, **ENV})
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"build of {config} failed")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-images-") as tmp:
        with_images = generate(args.articles, Path(tmp) / "images", covers=args.images, social_cards=True)
        without = generate(args.articles, Path(tmp) / "plain", covers=0, social_cards=False)
        plain = build(without)
        cold = build(with_images)
        warm = build(with_images)
        site = with_images.parent / "site"
        pictures = sum(1 for p in site.rglob("*") if p.suffix in (".webp", ".jpg"))
        cards = sum(1 for _ in site.rglob("assets/cards/**/*.png"))
    share = (cold - plain) / cold if cold else 0.0
    print("| images | articles | cold s | warm s | without images s | share of cold build on images |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.images} | {args.articles} | {cold:.2f} | {warm:.2f} | {plain:.2f} | {share:.0%} |")
    print(f"published: {pictures} picture files, {cards} social cards")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
