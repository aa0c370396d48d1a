"""Social cards and pictures as a reader (and a sharing site) finds them: one card per page worth sharing,
the later pages of a listing showing their first page's; each image published once per language, whatever
number of pages use it."""

from __future__ import annotations

import re
import shutil

import pytest
from lxml import html
from PIL import Image

from support import SITE_URL, Build, make_site, run_build

pytestmark = pytest.mark.slow


def og_image(build: Build, page: str) -> str:
    tree = html.fromstring(build.read(page))
    [content] = tree.xpath("//head/meta[@property='og:image']/@content")
    return content


def test_the_later_pages_of_a_listing_share_their_first_pages_card(minimal_build):
    later = sorted(p.relative_to(minimal_build.site).as_posix()
                   for p in minimal_build.site.glob("**/page/[0-9]*/index.html"))
    assert later, "the fixture paginates (one article a page)"
    for page in later:
        first = re.sub(r"page/[0-9]+/index\.html$", "index.html", page)
        assert og_image(minimal_build, page) == og_image(minimal_build, first), page
    cards = sorted(p.relative_to(minimal_build.site).as_posix() for p in minimal_build.site.rglob("assets/cards/**/*")
                   if p.is_file())
    assert cards and not [card for card in cards if "/page/" in card]  # none drawn for them
    for card in cards:
        with Image.open(minimal_build.site / card) as image:
            assert (image.format, image.size) == ("JPEG", (1200, 630)), card
    pages = [p for p in minimal_build.site.rglob("*.html") if "og:image" in p.read_text(encoding="utf-8")]
    shown = {og_image(minimal_build, p.relative_to(minimal_build.site).as_posix()) for p in pages}
    assert {SITE_URL + card for card in cards} == shown  # every card drawn is some page's, every page's is drawn


def test_an_image_used_by_many_articles_is_published_once_per_language(tmp_path):
    config = make_site(tmp_path / "src")
    magazine = config.parent / "magazine/2025"
    for name, article, alt in (("une.jpg", "premier-article.fr.md", "Un atelier"),
                               ("la-meme.jpg", "seulement-fr.fr.md", "Le même atelier"),
                               ("cover.jpg", "first-article.en.md", "A workshop")):
        shutil.copyfile(magazine / "atelier.jpg", magazine / name)
        text = (magazine / article).read_text(encoding="utf-8")
        (magazine / article).write_text(text.replace("\ndate:", f"\ncover: {name}\ncover_alt: {alt}\ndate:", 1),
                                        encoding="utf-8")
    build = run_build(config, tmp_path / "site")
    assert build.returncode == 0, build.log
    published = sorted(p.relative_to(build.site).as_posix() for p in build.site.rglob("*")
                       if p.suffix in (".jpg", ".webp", ".png") and "/cards/" not in p.as_posix())
    assert {p.removeprefix("en/").rsplit("/", 1)[0] for p in published} == {"assets/images"}
    shown: dict[str, set[str]] = {"fr": set(), "en": set()}  # the files the three pictures show, per language
    for page in ("magazine/2025/premier-article/index.html", "magazine/2025/seulement-fr/index.html",
                 "en/magazine/2025/first-article/index.html"):
        tree = html.fromstring(build.read(page))
        # libxml2 does not know <source> is empty: the <img> ends up inside it.
        sources = tree.xpath("//picture//img/@src | //picture//img/@srcset | //picture//source/@srcset")
        assert sources, page
        for source in sources:
            for candidate in source.split(", "):
                target = ((build.site / page).parent / candidate.split(" ")[0]).resolve()
                assert target.is_file(), candidate
                shown["en" if page.startswith("en/") else "fr"].add(target.relative_to(build.site).as_posix())
    # atelier.jpg (640 px wide) under three names is one picture: 480 and 640 px, WebP and JPEG, once per language.
    assert len(shown["fr"]) == 4 and shown["en"] == {"en/" + path for path in shown["fr"]}, shown
