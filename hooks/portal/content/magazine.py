"""The magazine respect: authors, tags, print issues and articles, read from ``magazine/``.

Articles are ``magazine/<year>/<stem>.<lang>.md``. The two languages of one
article pair by file stem, or by a shared ``translation_key`` when their stems
(and so their slugs) differ. An article's stable id is that key or stem: feeds
and translation links use it, never its URL.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from portal.text.languages import LANGUAGES, split_language_suffix
from portal.text.slugs import slugify

from .fields import SLUG, Broken, Fields, control_problems, file_name_problem
from .images import ContentImage, check_image_file, read_cover, read_image
from .parsed import ParsedFiles
from .problems import Problem
from .sources import readable, repository_files
from .yamlsource import Document, FrontMatter, SourceError, read_registry, read_text, split_front_matter

ARTICLE_KEYS = ("title", "date", "updated", "authors", "tags", "rubric", "description", "cover", "cover_alt",
                "issue", "structures", "draft", "translation_key", "slug", "aliases", "cover_caption", "cover_credit")
AUTHOR_KEYS = ("name", "bio", "photo", "collective")
ISSUE_KEYS = ("number", "date", "title", "editorial", "cover")

#: The closed list of rubrics, with their names and URL segments per language.
RUBRICS: dict[str, dict[str, tuple[str, str]]] = {
    "report": {"fr": ("Reportage", "reportage"), "en": ("Report", "report")},
    "portrait": {"fr": ("Portrait", "portrait"), "en": ("Portrait", "portrait")},
    "investigation": {"fr": ("Enquête", "enquete"), "en": ("Investigation", "investigation")},
    "opinion": {"fr": ("Tribune", "tribune"), "en": ("Opinion", "opinion")},
    "interview": {"fr": ("Entretien", "entretien"), "en": ("Interview", "interview")},
    "news": {"fr": ("Actualité", "actualite"), "en": ("News", "news")},
}
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class Author:
    key: str
    name: str
    bio: dict[str, str]
    collective: bool = False
    photo: ContentImage | None = None
    names: dict[str, str] | None = None  #: the name per language, when authors.yml gives one ({fr: …, en: …})

    def display_name(self, lang: str) -> str:
        """The name readers of ``lang`` see (a collective such as 'La rédaction' is translated)."""
        return (self.names or {}).get(lang, self.name)


@dataclass(frozen=True)
class PrintIssue:
    """A quarterly print issue of respect."""

    number: int
    date: dt.date
    title: dict[str, str]
    editorial: dict[str, str]
    cover: ContentImage | None = None


@dataclass(frozen=True)
class Article:
    """One language version of a magazine article."""

    id: str  #: stable id shared by the translations: translation_key or file stem
    lang: str
    source: str
    year: int
    slug: str
    title: str
    description: str
    date: dt.datetime  #: publication, Europe/Paris
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    rubric: str
    body: str
    body_line: int
    updated: dt.datetime | None = None
    issue: int | None = None
    structures: tuple[str, ...] = ()
    draft: bool = False
    aliases: tuple[str, ...] = ()
    cover: ContentImage | None = None
    images: tuple[BodyImage, ...] = ()  #: images of the body, published as responsive pictures
    lines: tuple[tuple[str, int], ...] = ()  #: line of 'slug', 'aliases' and 'translation_key' when set
    cover_caption: str | None = None  #: what the cover shows, under it (not its alt text: both are read)
    cover_credit: str | None = None  #: who made the cover image

    def line(self, key: str) -> int | None:
        """The front-matter line of ``key``, when the article sets it."""
        return dict(self.lines).get(key)

    @property
    def src_uri(self) -> str:
        """The page's path in its language build."""
        return f"magazine/{self.year}/{self.slug}.md"


@dataclass(frozen=True)
class BodyImage:
    """An image of an article's body: the Markdown that names it, and the checked file."""

    markdown: str  #: the exact '![alt](file)' text, replaced by a picture when the page is built
    image: ContentImage


IMAGE_MARKDOWN = re.compile(r'!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+"[^"]*")?\)')


def body_images(body: str, body_line: int, path: Path, repo_root: Path, lang: str,
                 fields: Fields) -> tuple[BodyImage, ...]:
    """Check each image of the body: the file, its alt text, and that it stands on a line of its own."""
    images = []
    for match in IMAGE_MARKDOWN.finditer(body):
        src = match.group("src")
        if re.match(r"^[a-z]+:", src):
            continue  # an image from another site: not ours to publish
        line = body_line + body.count("\n", 0, match.start())
        start = body.rfind("\n", 0, match.start()) + 1
        end = body.find("\n", match.end())
        line_text = body[start: end if end >= 0 else len(body)]
        before = len(fields.problems)
        if line_text.strip() != match.group(0):
            fields.problems.append(Problem(fields.source, line, "image", f"'{src}' must stand alone on its line",
                                           "put the image in a paragraph of its own"))
        if not match.group("alt").strip():
            fields.problems.append(Problem(fields.source, line, "image", f"'{src}' has no alt text",
                                           "describe the image between the brackets: ![what it shows](file)"))
        where = Fields(fields.source, fields.doc, [], ())
        found = check_image_file(where, "image", src, path.parent, repo_root)
        for problem in where.problems:
            fields.problems.append(Problem(problem.path, line, "image", problem.message, problem.hint))
        if found and len(fields.problems) == before:
            alt = {lang: match.group("alt").strip()}
            images.append(BodyImage(match.group(0), ContentImage(found[0], found[0].name, alt, found[1], found[2])))
    return tuple(images)


@dataclass(frozen=True)
class Magazine:
    """Everything of the magazine that passed validation."""

    authors: dict[str, Author] = field(default_factory=dict)
    tags: dict[str, dict[str, str]] = field(default_factory=dict)
    issues: dict[int, PrintIssue] = field(default_factory=dict)
    articles: tuple[Article, ...] = ()
    broken: dict[str, Broken] = field(default_factory=dict)  #: 'authors', 'tags', 'issues': entries with a problem
    notes: tuple[Problem, ...] = ()  #: what drafts still lack (not errors: a draft is never published)


def load_magazine(folder: Path, repo_root: Path, structure_slugs: Collection[str],
                  parsed: ParsedFiles | None = None) -> tuple[Magazine, list[Problem]]:
    """Read the registries, then every article; articles with a problem are left out.

    ``parsed``: front matter parsed by earlier builds, for the files that did not change.
    """
    problems: list[Problem] = []
    if not folder.is_dir():
        return Magazine(), problems
    parsed = parsed or ParsedFiles(None)
    authors, broken_authors = _registry(_load_authors, folder / "authors.yml", repo_root, problems)
    tags, broken_tags = _registry(_load_tags, folder / "tags.yml", repo_root, problems)
    issues, broken_issues = _registry(_load_issues, folder / "issues.yml", repo_root, problems)
    broken = {"authors": broken_authors, "tags": broken_tags, "issues": broken_issues}
    articles = []
    notes: list[Problem] = []
    for path in repository_files(folder.glob("*/*.md"), repo_root):
        article = _read_article(path, repo_root, problems, authors, tags, issues, structure_slugs, parsed, broken,
                                notes)
        if article:
            articles.append(article)
    parsed.save()
    articles = _paired(articles, problems)
    return Magazine(authors, tags, issues, tuple(articles), broken, tuple(notes)), problems


# -- registries --------------------------------------------------------------------------------
#
# A registry (authors, tags, print issues) is read entry by entry: an entry with a problem, even a
# YAML syntax error, is left out alone, and what names it is told so (``Broken``). Its problems lead
# the report, since they explain the others.

_Entries = TypeVar("_Entries")


def _registry(load: Callable[[Path, str, Path, list[Problem]], tuple[_Entries, Broken]], path: Path, repo_root: Path,
              problems: list[Problem]) -> tuple[_Entries, Broken]:
    """Run one registry's loader; its problems are marked to lead the report."""
    source = path.relative_to(repo_root).as_posix()
    before = len(problems)
    entries, broken = load(path, source, repo_root, problems)
    problems[before:] = [dataclasses.replace(p, leads=True) for p in problems[before:]]
    return entries, broken


def _document(path: Path, source: str, repo_root: Path, problems: list[Problem], kind: type,
              broken: dict[object, int]) -> tuple[Document | None, int | None]:
    """The registry's readable entries, and the line of the problem that makes the whole file unreadable."""
    if not readable(path, repo_root):  # missing, or a link that link_problems reports
        return None, None
    try:
        doc, errors = read_registry(path, kind)
    except SourceError as error:
        problems.append(error.problem(source))
        return None, error.line or 1
    for entry_error, key in errors:
        problems.append(entry_error.problem(source))
        if key is not None:
            broken.setdefault(key, entry_error.line or 1)
    return doc, None


def _entry_problems(problems: list[Problem], before: int, broken: dict[object, int], key: object) -> bool:
    """Note ``key`` as broken when its entry added problems since ``before``; did it?"""
    if len(problems) > before:
        broken.setdefault(key, min((p.line or 1) for p in problems[before:]))
        return True
    return False


def _load_authors(path: Path, source: str, repo_root: Path,
                  problems: list[Problem]) -> tuple[dict[str, Author], Broken]:
    entries: dict[object, int] = {}
    doc, whole = _document(path, source, repo_root, problems, dict, entries)
    authors: dict[str, Author] = {}
    if doc is None:
        return authors, Broken(source, entries, whole)
    for key in doc.data:
        fields = Fields(source, doc, problems, (key,))
        before = len(problems)
        if not SLUG.match(str(key)):
            fields.problem("", f"'{key}' is not a slug", "use lowercase ASCII letters, digits and hyphens")
            continue
        if not isinstance(doc.data[key], dict):
            fields.problem("", "each author must be a mapping with name and bio")
            _entry_problems(problems, before, entries, key)
            continue
        fields.controls()
        fields.unknown_keys(AUTHOR_KEYS)
        # 'name' is one text, or one per language (a collective's name is translated).
        names = fields.localized("name") if isinstance(doc.data[key].get("name"), dict) else None
        name = names[LANGUAGES[0]] if names else fields.text("name")
        bio = fields.localized("bio")
        collective = fields.boolean("collective")
        photo = read_image(fields, "photo", path.parent, repo_root)
        if not _entry_problems(problems, before, entries, key) and name and bio:
            authors[key] = Author(key, name, bio, collective, photo, names)
    return authors, Broken(source, entries)


def _load_tags(path: Path, source: str, repo_root: Path,
               problems: list[Problem]) -> tuple[dict[str, dict[str, str]], Broken]:
    entries: dict[object, int] = {}
    doc, whole = _document(path, source, repo_root, problems, dict, entries)
    tags: dict[str, dict[str, str]] = {}
    if doc is None:
        return tags, Broken(source, entries, whole)
    root = Fields(source, doc, problems)
    for key in doc.data:
        before = len(problems)
        if not SLUG.match(str(key)):
            root.problem(str(key), f"'{key}' is not a slug", "use lowercase ASCII letters, digits and hyphens")
            continue
        root.controls(key)
        names = root.localized(str(key))
        if not _entry_problems(problems, before, entries, key) and names:
            tags[key] = names
    return tags, Broken(source, entries)


def _load_issues(path: Path, source: str, repo_root: Path,
                 problems: list[Problem]) -> tuple[dict[int, PrintIssue], Broken]:
    entries: dict[object, int] = {}
    doc, whole = _document(path, source, repo_root, problems, list, entries)
    issues: dict[int, PrintIssue] = {}
    if doc is None:
        return issues, Broken(source, entries, whole)
    for index, item in enumerate(doc.data):
        fields = Fields(source, doc, problems, (index,))
        before = len(problems)
        if not isinstance(item, dict):
            fields.problem("", "each print issue must be a mapping starting with '- number:'")
            continue
        fields.controls()
        fields.unknown_keys(ISSUE_KEYS)
        number = fields.integer("number", minimum=1)
        date = fields.date("date")
        title = fields.localized("title")
        editorial = fields.localized("editorial")
        cover = read_image(fields, "cover", path.parent, repo_root)
        if number in issues:
            fields.problem("number", f"issue {number} is listed twice")
        elif not _entry_problems(problems, before, entries, number) and number and date and title and editorial:
            issues[number] = PrintIssue(number, date, title, editorial, cover)
    return issues, Broken(source, entries)


# -- articles ----------------------------------------------------------------------------------

def _read_article(path: Path, repo_root: Path, problems: list[Problem], authors: dict[str, Author],
                  tags: dict[str, dict[str, str]], issues: dict[int, PrintIssue],
                  structure_slugs: Collection[str], parsed: ParsedFiles, broken: dict[str, Broken],
                  notes: list[Problem]) -> Article | None:
    source = path.relative_to(repo_root).as_posix()
    if bad_name := file_name_problem(source):
        problems.append(bad_name)
        return None
    split = split_language_suffix(path.name)
    if split is None or split[1] not in LANGUAGES:
        problems.append(Problem(source, None, "", "the file name has no language suffix",
                                "name it like 'my-article.fr.md' or 'my-article.en.md'"))
        return None
    stem, lang = split
    if not _YEAR.match(path.parent.name):
        problems.append(Problem(source, None, "", f"'{path.parent.name}/' is not a year folder",
                                "put the article in magazine/<year>/"))
        return None
    try:
        front = parsed.front_matter(path, _parse_article)
    except SourceError as error:
        problems.append(error.problem(source))
        return None
    if not isinstance(front.meta.data, dict) or not front.meta.data:
        problems.append(Problem(source, 1, "", "an article starts with front matter between '---' lines",
                                "copy the fields of another article"))
        return None
    before = len(problems)
    fields = Fields(source, front.meta, problems)
    fields.controls()
    problems += control_problems(source, front.body_controls, "body")
    fields.unknown_keys(ARTICLE_KEYS)
    title = fields.text("title", max_length=160)
    description = fields.text("description", max_length=300)
    date = fields.moment("date")
    updated = fields.moment("updated", required=False)
    if date and updated and updated < date:
        fields.problem("updated", "is before the publication date", "an update comes after 'date'")
    rubric = fields.choice("rubric", RUBRICS)
    author_keys = fields.keys("authors", authors, "magazine/authors.yml", required=True, broken=broken["authors"])
    tag_keys = fields.keys("tags", tags, "magazine/tags.yml", broken=broken["tags"])
    structures = fields.keys("structures", structure_slugs, "structures/")
    issue = fields.integer("issue", required=False, minimum=1)
    if issue is not None and issue not in issues and not broken["issues"].problem(fields, "issue", issue):
        fields.problem("issue", f"print issue {issue} is not in magazine/issues.yml",
                       f"known issues: {', '.join(map(str, sorted(issues))) or 'none'}")
    draft = fields.boolean("draft")
    key = fields.slug("translation_key", required=False) or stem
    slug = fields.slug("slug", required=False) or slugify(stem)
    aliases = _aliases(fields)
    cover = read_cover(fields, path.parent, repo_root, lang, parsed.image_facts)
    cover_caption, cover_credit = _cover_words(fields)
    images = body_images(front.body, front.body_line, path, repo_root, lang, fields)
    if date and date.year != int(path.parent.name) and not problems[before:]:
        fields.problem("date", f"is in {date.year} but the file is in {path.parent.name}/",
                       f"move the file to magazine/{date.year}/")
    unfinished = [p for p in problems[before:] if p.unfinished] if draft else []
    if unfinished:  # what a draft still lacks is noted, not an error: a draft is never published
        notes += unfinished
        problems[before:] = [p for p in problems[before:] if not p.unfinished]
        return None
    if len(problems) > before or not (title and description and date and rubric and author_keys):
        return None
    lines = tuple((name, front.meta.line(name)) for name in ("slug", "aliases", "translation_key")
                  if fields.has(name))
    return Article(key, lang, source, int(path.parent.name), slug, title, description, date, author_keys,
                   tag_keys, rubric, front.body, front.body_line, updated, issue, structures, draft, aliases, cover,
                   images, lines, cover_caption, cover_credit)


def _cover_words(fields: Fields) -> tuple[str | None, str | None]:
    """``cover_caption`` and ``cover_credit``: plain texts shown under the cover, only with a cover."""
    caption = fields.text("cover_caption", required=False, max_length=300)
    credit = fields.text("cover_credit", required=False, max_length=120)
    if not fields.has("cover"):
        for key, value in (("cover_caption", caption), ("cover_credit", credit)):
            if value is not None:  # a text that is itself wrong is told so once, above
                fields.problem(key, "is set but there is no 'cover'", f"add 'cover:' or remove '{key}:'")
        return None, None
    return caption, credit


def _parse_article(raw: bytes) -> FrontMatter:
    return split_front_matter(read_text(raw))


def _aliases(fields: Fields) -> tuple[str, ...]:
    if not fields.has("aliases"):
        return ()
    value = fields.data["aliases"]
    if not isinstance(value, list) or not all(isinstance(v, str) and SLUG.match(v) for v in value):
        fields.problem("aliases", "must be a list of former slugs", "write aliases: [old-slug]")
        return ()
    return tuple(value)


#: Slugs an article cannot take: 'magazine/<year>/index' is the year's listing.
RESERVED_SLUGS = ("index",)
FIRST_KEEPS = "the article named by its file, or else published first, keeps it"


def _claim_order(article: Article) -> tuple[bool, bool, bool, dt.datetime, str]:
    """Who keeps an id or an address two articles claim: a published article before a draft, one named by
    its own file before a 'translation_key' or 'slug:', then the one published first, then path order."""
    stem = article.source.rsplit("/", 1)[-1].rsplit(".", 2)[0]
    return article.draft, article.id != stem, article.slug != slugify(stem), article.date, article.source


def _paired(articles: list[Article], problems: list[Problem]) -> list[Article]:
    """Keep one article per (id, language) and one per address; report the others at the line that claims.

    Addresses go to the articles' own pages first, then to their aliases: an alias never takes the address
    of another article (the alias is left out and reported, the article keeps its page).
    """
    kept: list[Article] = []
    by_id: dict[tuple[str, str], Article] = {}
    by_url: dict[tuple[str, int, str], Article] = {}
    for article in sorted(articles, key=_claim_order):
        first = by_id.get((article.id, article.lang))
        if first:
            problems.append(Problem(article.source, article.line("translation_key"), "translation_key",
                                    f"'{article.id}' already has a {article.lang} version: {first.source}",
                                    f"{FIRST_KEEPS}; give this one its own stem or translation_key"))
            continue
        if article.slug in RESERVED_SLUGS:
            problems.append(Problem(article.source, article.line("slug"), "slug",
                                    f"'{article.slug}' is the address of the year's listing", "choose another slug"))
            continue
        clash = by_url.get((article.lang, article.year, article.slug))
        if clash:
            problems.append(Problem(article.source, article.line("slug"), "slug",
                                    f"'{article.slug}' gives the same URL as {clash.source}",
                                    f"{FIRST_KEEPS}; choose another slug"))
            continue
        by_id[(article.id, article.lang)] = article
        by_url[(article.lang, article.year, article.slug)] = article
        kept.append(article)
    result = []
    for article in kept:
        aliases = []
        for alias in article.aliases:
            clash = by_url.get((article.lang, article.year, alias))
            if clash:
                what = "the address of" if clash.slug == alias else "an alias of"
                problems.append(Problem(article.source, article.line("aliases"), "aliases",
                                        f"'{alias}' is {what} {clash.source}",
                                        "an alias never takes another article's address; remove it"))
                continue
            by_url[(article.lang, article.year, alias)] = article
            aliases.append(alias)
        result.append(replace(article, aliases=tuple(aliases)) if len(aliases) != len(article.aliases) else article)
    return sorted(result, key=lambda a: a.source)
