"""The allow-list of editors' HTML: what it removes, what it keeps, and where it says it was."""

from __future__ import annotations

import markdown as md
import pytest
import yaml
from lxml import html as lxml_html

from portal.content.sanitise import MARKDOWN_EXTENSIONS, clean, located, markdown_problems, may_be_cleaned
from support import REPO


def converted(text: str) -> str:
    return md.Markdown(extensions=list(MARKDOWN_EXTENSIONS), extension_configs={"toc": {"permalink": "#"}}).convert(text)


@pytest.mark.parametrize("dirty, message", [
    ("<script>alert(1)</script>", "HTML element <script> removed"),
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "HTML element <script> removed"),
    ("<img src=x onerror=alert(1)>", "HTML attribute 'onerror' removed from <img>"),
    ("<iframe src=https://evil.example/></iframe>", "HTML element <iframe> removed"),
    ("<svg><script>alert(1)</script></svg>", "HTML element <svg> removed"),
    ("<a href=javascript:alert(1)>x</a>", "link to 'javascript:alert(1)' removed"),
    ("<a href='java\tscript:alert(1)'>x</a>", "link to 'java\tscript:alert(1)' removed"),
    ("<a href='&#106;avascript:alert(1)'>x</a>", "link to 'javascript:alert(1)' removed"),
    ("<a href='data:text/html,<script>'>x</a>", "link to 'data:text/html,<script>' removed"),
    ("<img src='https://tracker.example/p.gif' alt=''>", "image from another site removed: 'https://tracker.example/p.gif'"),
    ("<img src='//tracker.example/p.gif' alt=''>", "image from another site removed: '//tracker.example/p.gif'"),
    ("<p style='position:fixed'>x</p>", "HTML attribute 'style' removed from <p>"),
    ("<form action=/x><input name=q></form>", "HTML element <form> removed"),
    ("<base href=https://evil.example/>", "HTML element <base> removed"),
])
def test_what_is_removed_is_said_and_gone(dirty, message):
    cleaned, removed = clean(f"<p>a</p>{dirty}<p>b</p>")
    assert message in [r.message for r in removed]
    tree = lxml_html.fragment_fromstring(cleaned, create_parent="div")
    assert not tree.xpath("//script|//iframe|//svg|//form|//input|//base|//@*[starts-with(name(), 'on')]")
    assert not [h for h in tree.xpath("//@href|//@src") if ":" in h.split("/")[0] and not h.startswith(("http", "mailto"))]
    assert not tree.xpath("//img[@src and (starts-with(@src, 'http') or starts-with(@src, '//'))]")
    assert "<p>a</p>" in cleaned and "<p>b</p>" in cleaned


def test_markdown_and_its_extensions_pass_untouched_in_meaning():
    text = ("## Un titre\n\nDu *texte* et du **gras**, un [lien](https://example.org/ \"titre\"), un "
            "[courriel](mailto:a@example.org), une [page](autre.md#x) et ![une vue](vue.jpg).\n\n"
            "!!! note \"À savoir\"\n    Un encadré.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
            "[Contact](contact.md){ .md-button #contact }\n\n> Une citation\n\n```python\nx = '<b>'\n```\n")
    html = converted(text)
    cleaned, removed = clean(html)
    assert removed == []
    tree = lxml_html.fragment_fromstring(cleaned, create_parent="div")
    assert tree.xpath("//h2[@id='un-titre']/a[@class='headerlink'][@href='#un-titre']")
    assert tree.xpath("//div[@class='admonition note']/p[@class='admonition-title']")
    assert tree.xpath("//th[@style='text-align:left']") and tree.xpath("//td[@style='text-align:right']")
    assert tree.xpath("//a[@class='md-button'][@id='contact'][@href='contact.md']")
    assert tree.xpath("//a[@href='https://example.org/'][@title='titre']") and tree.xpath("//a[@href='mailto:a@example.org']")
    assert tree.xpath("//img[@src='vue.jpg'][@alt='une vue']")
    assert tree.xpath("//pre/code[@class='language-python']")[0].text_content() == "x = '<b>'\n"


def test_the_themes_blocks_are_kept_exactly():
    video = ('<figure class="portal-video" data-portal-video="https://www.youtube-nocookie.com/embed/x?autoplay=1">\n'
             '<button type="button" hidden><svg viewBox="0 0 24 24"><path d="M8 5v14l11-7z"/></svg></button>\n</figure>')
    forged = video.replace("youtube-nocookie.com", "evil.example")
    cleaned, removed = clean(f"<p>a</p>\n{video}\n{forged}\n", keep=[video])
    assert video in cleaned and "evil.example" not in cleaned
    assert {r.message for r in removed} == {"HTML element <button> removed", "HTML element <svg> removed",
                                            "HTML element <path> removed",
                                            "HTML attribute 'data-portal-video' removed from <figure>"}


def test_comments_go_without_a_word():
    cleaned, removed = clean("<p>a</p><!-- une note de l'éditeur -->")
    assert cleaned == "<p>a</p>" and removed == []


def test_removals_are_located_in_the_source():
    body = "Un paragraphe.\n\nEncore.\n\n<p onclick=x>c</p>\n"
    _, removed = clean(converted(body))
    [problem] = located(removed, "a.md", "body", body, 8)
    assert (problem.line, problem.field) == (12, "body")


def test_check_converts_only_what_may_hold_html():
    assert not may_be_cleaned("Un [lien](https://example.org) et ![une vue](vue.jpg), 3 < 4.\n\n[r]: https://x.org\n")
    for risky in ("<b>x</b>", "[x](javascript:alert(1))", "![x](https://x.org/a.png)", "![x](//x.org/a.png)",
                  "a { onclick=x }", "[x](&#106;avascript:1)", "[r]: javascript:alert(1)", "![x][r]"):
        assert may_be_cleaned(risky), risky
    assert markdown_problems("Texte.", "a.md", "body", "Texte.", 1) == []


def test_check_converts_with_the_builds_extensions():
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert set(MARKDOWN_EXTENSIONS) == {"toc", "tables", "fenced_code"} | set(names)  # MkDocs adds the first three
