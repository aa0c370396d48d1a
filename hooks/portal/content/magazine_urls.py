"""Where the magazine's pages live in a language build (paths as MkDocs sees them)."""

from __future__ import annotations

from .magazine import RUBRICS, Article

HOME = "magazine/"
#: Folder names of the listings, per language (French URLs read French).
SEGMENTS: dict[str, dict[str, str]] = {
    "fr": {"tags": "themes", "authors": "auteurs", "rubrics": "rubriques", "issues": "numeros"},
    "en": {"tags": "tags", "authors": "authors", "rubrics": "rubrics", "issues": "issues"},
}


def listing_page(folder: str, number: int) -> str:
    """Page ``number`` (from 1) of the listing in ``folder``: 'magazine/index.md', 'magazine/page/2.md'."""
    return f"{folder}index.md" if number == 1 else f"{folder}page/{number}.md"


def article_page(article: Article) -> str:
    return article.src_uri


def tag_folder(tag: str, lang: str) -> str:
    return f"{HOME}{SEGMENTS[lang]['tags']}/{tag}/"


def author_folder(author: str, lang: str) -> str:
    return f"{HOME}{SEGMENTS[lang]['authors']}/{author}/"


def rubric_folder(rubric: str, lang: str) -> str:
    return f"{HOME}{SEGMENTS[lang]['rubrics']}/{RUBRICS[rubric][lang][1]}/"


def issues_folder(lang: str) -> str:
    return f"{HOME}{SEGMENTS[lang]['issues']}/"


def issue_folder(number: int, lang: str) -> str:
    return f"{issues_folder(lang)}{number}/"


def issue_page(number: int, lang: str, page: int = 1) -> str:
    """Page ``page`` of a print issue's contents: 'magazine/numeros/3/index.md', 'magazine/numeros/3/page/2.md'.

    An issue is paginated like the listings (``listing_page``), so its largest page stays bounded.
    """
    return listing_page(issue_folder(number, lang), page)


def year_folder(year: int) -> str:
    return f"{HOME}{year}/"


def alias_file(article: Article, alias: str) -> str:
    """The redirect page that keeps a former slug's URL working."""
    return f"{HOME}{article.year}/{alias}/index.html"


def feed_file(kind: str, lang: str, tag: str | None = None) -> str:
    """A feed's path in a language build: 'magazine/rss.xml', 'magazine/themes/cinema/atom.xml'."""
    folder = tag_folder(tag, lang) if tag else HOME
    return f"{folder}{'rss' if kind == 'rss' else 'atom'}.xml"
