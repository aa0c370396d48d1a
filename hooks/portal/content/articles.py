"""What derives from the magazine's articles: who is published where, excerpts, reading time,
related articles, previous/next. Computed once per build, in time linear in the articles."""

from __future__ import annotations

import bisect
import datetime as dt
import html
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import markdown as md

from portal.cache.memo import Memo
from portal.text.languages import LANGUAGES

from .magazine import Article, Magazine

WORDS_PER_MINUTE = 200
RELATED_COUNT = 3
_NEIGHBOURS = 12  # candidates taken per shared tag or structure, nearest in time
_WORD = re.compile(r"\w+", re.UNICODE)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Publication:
    """Which articles are published in this build, and when 'now' is."""

    now: dt.datetime
    show_drafts: bool  #: drafts are shown by `mkdocs serve`, never published by a build

    def is_published(self, article: Article) -> bool:
        return article.date <= self.now and (self.show_drafts or not article.draft)


class ArticleIndex:
    """The published articles of every language, with the lookups pages and feeds need."""

    def __init__(self, magazine: Magazine, publication: Publication, memo: Memo | None = None) -> None:
        self.magazine = magazine
        self.publication = publication
        self.memo = memo or Memo(None)
        published = [a for a in magazine.articles if publication.is_published(a)]
        # Newest first; the id breaks ties so the order never depends on file order.
        self.published: tuple[Article, ...] = tuple(sorted(published, key=lambda a: (a.date, a.id), reverse=True))
        self.scheduled: tuple[Article, ...] = tuple(a for a in magazine.articles
                                                    if a.date > publication.now and not a.draft)
        self._by_id: dict[str, dict[str, Article]] = defaultdict(dict)
        for article in self.published:
            self._by_id[article.id][article.lang] = article
        self._pages = {(a.lang, a.src_uri): a for a in self.published}
        self._excerpts: dict[tuple[str, str], str] = {}
        self._minutes: dict[tuple[str, str], int] = {}
        self._listed: dict[str, list[Article]] = {}
        self._own: dict[str, list[Article]] = {}
        self._by_source: dict[str, dict[str, Article]] = {}
        self.card_cache: dict[tuple[str, str, str], Any] = {}  #: listing cards, made once per build

    def excerpt(self, article: Article) -> str:
        """The article's excerpt (its first paragraph, as text), computed once."""
        key = (article.id, article.lang)
        if key not in self._excerpts:
            self._excerpts[key] = self.memo.get("excerpt", article.body, excerpt) or article.description
        return self._excerpts[key]

    def reading_minutes(self, article: Article) -> int:
        key = (article.id, article.lang)
        if key not in self._minutes:
            self._minutes[key] = self.memo.get("minutes", article.body, reading_minutes)
        return self._minutes[key]

    def at(self, lang: str, src_uri: str) -> Article | None:
        """The published article whose page is ``src_uri`` in the ``lang`` build."""
        return self._pages.get((lang, src_uri))

    def in_language(self, lang: str) -> list[Article]:
        """The articles written in ``lang``, newest first."""
        if lang not in self._own:
            self._own[lang] = [a for a in self.published if a.lang == lang]
        return self._own[lang]

    def listed_in(self, lang: str) -> list[Article]:
        """What the ``lang`` listings show: its own articles, plus those with no ``lang`` version.

        An untranslated article is listed in the other language with a language
        badge and links to its own page; it gets no page in that language.
        """
        if lang in self._listed:
            return self._listed[lang]
        listed = []
        for article in self.published:
            versions = self._by_id[article.id]
            if article.lang == lang or (lang not in versions and article.lang == _first_language(versions)):
                listed.append(article)
        self._listed[lang] = listed
        return listed

    def by_source(self, lang: str) -> dict[str, Article]:
        """The ``lang`` articles by source file (links between articles name files), made once."""
        if lang not in self._by_source:
            self._by_source[lang] = {a.source: a for a in self.in_language(lang)}
        return self._by_source[lang]

    def translation(self, article: Article, lang: str) -> Article | None:
        return self._by_id[article.id].get(lang)

    def versions(self, article: Article) -> dict[str, Article]:
        return self._by_id[article.id]

    @cached_property
    def _neighbours(self) -> dict[str, dict[tuple[str, str], tuple[list[dt.datetime], list[Article]]]]:
        """Per language, per tag or structure: its articles' dates and articles, oldest first."""
        index: dict[str, dict[tuple[str, str], tuple[list[dt.datetime], list[Article]]]] = {
            lang: defaultdict(lambda: ([], [])) for lang in LANGUAGES}
        for article in reversed(self.published):
            for key in _topics(article):
                dates, members = index[article.lang][key]
                dates.append(article.date)
                members.append(article)
        return index

    def related(self, article: Article) -> list[Article]:
        """Up to three articles of the same language sharing tags or structures.

        Score: 2 per shared structure, 1 per shared tag; ties go to the nearest in
        time. Only the few articles nearest in time per topic are scored, so the
        cost per article does not grow with the size of the magazine.
        """
        scores: dict[tuple[str, str], float] = defaultdict(float)
        candidates: dict[tuple[str, str], Article] = {}
        lists = self._neighbours[article.lang]
        for topic in _topics(article):
            dates, members = lists[topic]
            at = bisect.bisect_left(dates, article.date)
            for other in members[max(0, at - _NEIGHBOURS): at + _NEIGHBOURS]:
                if other.id == article.id:
                    continue
                key = (other.id, other.lang)
                scores[key] += 2 if topic[0] == "structure" else 1
                candidates[key] = other
        ranked = sorted(candidates.values(), key=lambda a: (-scores[(a.id, a.lang)],
                                                            abs((a.date - article.date).total_seconds()), a.id))
        return ranked[:RELATED_COUNT]

    @cached_property
    def _sequence(self) -> dict[tuple[str, str], tuple[Article | None, Article | None]]:
        result = {}
        for lang in LANGUAGES:
            own = self.in_language(lang)
            for i, article in enumerate(own):
                newer = own[i - 1] if i > 0 else None
                older = own[i + 1] if i + 1 < len(own) else None
                result[(article.id, lang)] = (older, newer)
        return result

    def previous_next(self, article: Article) -> tuple[Article | None, Article | None]:
        """The older and the newer article of the same language."""
        return self._sequence[(article.id, article.lang)]


def _topics(article: Article) -> Iterable[tuple[str, str]]:
    return [("tag", t) for t in article.tags] + [("structure", s) for s in article.structures]


def _first_language(versions: dict[str, Article]) -> str:
    return next(lang for lang in LANGUAGES if lang in versions)


def reading_minutes(body: str) -> int:
    """Reading time in whole minutes (at least 1) at 200 words a minute."""
    return max(1, round(len(_WORD.findall(body)) / WORDS_PER_MINUTE))


# One converter for every excerpt of the process (a new one per excerpt costs more than the excerpt);
# ``reset()`` before each use clears what the last conversion left, so nothing passes between texts or builds.
_MARKDOWN = md.Markdown()


def excerpt(body: str) -> str:
    """The article's first paragraph, as plain text."""
    for block in re.split(r"\n\s*\n", body.strip(), maxsplit=8):
        block = block.strip()
        if block and not block.startswith(("#", "-", "*", "<", ">", "|", "```", "1.")):
            text = html.unescape(_TAG.sub("", _MARKDOWN.reset().convert(block)))
            return re.sub(r"\s+", " ", text).strip()
    return ""
