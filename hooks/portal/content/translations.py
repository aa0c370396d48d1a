"""Which pages translate which: alternates for hreflang, the switcher and sitemaps."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from portal.text import l10n
from portal.text.languages import DEFAULT_LANGUAGE, LANGUAGES, language

from .urls import absolute, language_root


@dataclass(frozen=True)
class Alternate:
    """One language version of a page: the language code and its absolute URL."""

    lang: str
    url: str


@dataclass(frozen=True)
class SwitcherLink:
    """A link of the language switcher: to the translation, or to the language's home."""

    lang: str
    name: str  #: the language's own name, shown to the reader
    url: str
    is_translation: bool
    title: str  #: tooltip, in the target language


class Translations:
    """Translation groups: a language-neutral key -> {language: site path}.

    Hand-written pages pair by file stem, structures and conferences by their
    shared id, articles by stem or ``translation_key``; every kind registers
    its pages here with a key of its own kind ("page:mission", "structure:h7").
    """

    def __init__(self, root_url: str) -> None:
        self.root_url = root_url if root_url.endswith("/") else root_url + "/"
        self._groups: dict[str, dict[str, str]] = {}
        self._key_of: dict[tuple[str, str], str] = {}
        self._fallback: dict[str, str] = {}

    def add(self, key: str, lang: str, path: str) -> None:
        """Register the ``lang`` version of group ``key``, served at site path ``path``."""
        self._groups.setdefault(key, {})[lang] = path
        self._key_of[(lang, path)] = key

    def fall_back(self, key: str, fallback: str) -> None:
        """Where the switcher of group ``key`` goes in a language it lacks: group ``fallback``'s page."""
        self._fallback[key] = fallback

    def add_all(self, entries: Iterable[tuple[str, str, str]]) -> None:
        for key, lang, path in entries:
            self.add(key, lang, path)

    def snapshot(self) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
        """Every group and its paths, in a stable order (to digest what the translations are)."""
        groups = tuple(sorted((key, tuple(sorted(group.items()))) for key, group in self._groups.items()))
        return groups + (("fallbacks", tuple(sorted(self._fallback.items()))),) if self._fallback else groups

    def key_of(self, lang: str, path: str) -> str | None:
        """The group key of the page served at ``path`` in ``lang``, if registered."""
        return self._key_of.get((lang, path))

    def alternates(self, lang: str, path: str) -> list[Alternate]:
        """Every language version of the page (itself included), in site order.

        Empty when the page has no translation: hreflang is only for real
        translations.
        """
        key = self.key_of(lang, path)
        group = self._groups.get(key, {}) if key else {}
        if len(group) < 2:
            return []
        return [Alternate(code, absolute(self.root_url, group[code])) for code in LANGUAGES if code in group]

    def x_default(self, lang: str, path: str) -> str | None:
        """The x-default hreflang target: the default language's version, if any."""
        for alternate in self.alternates(lang, path):
            if alternate.lang == DEFAULT_LANGUAGE:
                return alternate.url
        return None

    def switcher(self, lang: str, path: str) -> list[SwitcherLink]:
        """One link per other language: the translation, or its fallback group's page, or else that language's home."""
        key = self.key_of(lang, path)
        group = self._groups.get(key, {}) if key else {}
        fallback = self._groups.get(self._fallback.get(key, ""), {}) if key else {}
        links = []
        for code in LANGUAGES:
            if code == lang:
                continue
            name = language(code).native_name
            if code in group or code in fallback:
                url, is_translation = absolute(self.root_url, group[code] if code in group else fallback[code]), True
            else:
                url, is_translation = language_root(self.root_url, code), False
            title = l10n.text(code, "switcher.translation" if is_translation else "switcher.home")
            links.append(SwitcherLink(code, name, url, is_translation, title))
        return links
