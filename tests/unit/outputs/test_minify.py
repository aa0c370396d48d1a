"""Whitespace minification of pages: fewer bytes, the same page for a reader and a parser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from portal.outputs.minify import minified_html

PAGE = """<!doctype html>
<html lang="fr">
  <head>
    <meta name="description" content="Deux  espaces   gardés,
    même un saut de ligne">
    <script>
      if (a  >  b) { console.log("  <p>  ") }
    </script>
    <style>
      pre  { color:  red }
    </style>
  </head>
  <body>
    <p title="a  >  b">Texte    avec\tdes
        espaces   <em>en</em>   trop\u00a0\u00a0: «\u202fœuvre\u202f»</p>
    <pre>  ligne 1
      ligne 2  </pre>
    <PRE class="x">  MAJUSCULES  </PRE >
    <p>du <code>code  garde   ses espaces</code> et <kbd>Ctrl  +  C</kbd></p>
    <textarea name="t">  saisi
  tel quel </textarea>
    <!--  un   commentaire
    gardé  -->
    <img src="a.png" srcset="a.png 480w,
         b.png 960w" alt="x">
  </body>
</html>
"""


class _Parsed(HTMLParser):
    """What a parser gets from a page: tags with attributes and the text, whitespace-normalised."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple] = []
        self._raw = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.events.append(("start", tag, tuple(attrs)))
        if tag in {"pre", "textarea", "code", "kbd", "script", "style"}:
            self._raw += 1

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))
        if tag in {"pre", "textarea", "code", "kbd", "script", "style"}:
            self._raw -= 1

    def handle_data(self, data: str) -> None:
        if self._raw:
            self.events.append(("raw", data))
        elif data.strip(" \t\n\r\f"):
            self.events.append(("text", re.sub(r"[ \t\n\r\f]+", " ", data)))  # as a browser lays it out

    def handle_comment(self, data: str) -> None:
        self.events.append(("comment", data))


def parsed(html: str) -> list[tuple]:
    parser = _Parsed()
    parser.feed(html)
    parser.close()
    return parser.events


def test_indentation_and_runs_of_spaces_become_one_character():
    out = minified_html(PAGE)
    assert len(out) < len(PAGE)
    assert "\n  <body>" not in out and "\n    <p" not in out and "\n<body>\n<p title" in out
    assert "Texte avec des\nespaces <em>en</em> trop" in out
    assert "<html lang=\"fr\">\n<head>\n<meta" in out


def test_a_word_space_is_never_removed():
    assert minified_html("<p><em>a</em>   <strong>b</strong></p>") == "<p><em>a</em> <strong>b</strong></p>"
    assert minified_html("<p>a\n   <a href=x>b</a>\n</p>") == "<p>a\n<a href=x>b</a>\n</p>"


def test_preformatted_code_scripts_styles_forms_comments_and_attributes_are_kept():
    out = minified_html(PAGE)
    for kept in ["<pre>  ligne 1\n      ligne 2  </pre>", '<PRE class="x">  MAJUSCULES  </PRE >',
                 "<code>code  garde   ses espaces</code>", "<kbd>Ctrl  +  C</kbd>",
                 '<textarea name="t">  saisi\n  tel quel </textarea>',
                 '      if (a  >  b) { console.log("  <p>  ") }\n', "      pre  { color:  red }\n",
                 "<!--  un   commentaire\n    gardé  -->",
                 'content="Deux  espaces   gardés,\n    même un saut de ligne"', 'title="a  >  b"',
                 'srcset="a.png 480w,\n         b.png 960w"']:
        assert kept in out, kept


def test_no_break_and_narrow_spaces_are_text():
    assert "trop\u00a0\u00a0: «\u202fœuvre\u202f»" in minified_html(PAGE)


def test_a_parser_reads_the_same_page():
    assert parsed(minified_html(PAGE)) == parsed(PAGE)


def test_minifying_twice_changes_nothing():
    once = minified_html(PAGE)
    assert minified_html(once) == once


def test_an_unclosed_kept_element_does_not_swallow_the_page():
    # A stray "<code" with no end tag: the tag is kept, the text after it is still minified.
    assert minified_html("<p><code>x</p>\n\n   <p>y   z</p>") == "<p><code>x</p>\n<p>y z</p>"
