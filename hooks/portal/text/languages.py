"""The site's languages, and the rules that tie a file or a URL to one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel import Locale

#: French is the primary language, served at the site root; English under /en/.
DEFAULT_LANGUAGE = "fr"
LANGUAGES: tuple[str, ...] = ("fr", "en")

_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[a-z]{2})\.md$")


@dataclass(frozen=True)
class Language:
    """A language of the site: its code, its URL prefix and its own name."""

    code: str

    @property
    def prefix(self) -> str:
        """URL path prefix of this language: '' for the default, 'en/' otherwise."""
        return "" if self.code == DEFAULT_LANGUAGE else f"{self.code}/"

    @property
    def native_name(self) -> str:
        """The language's name in itself, capitalised ('Français', 'English')."""
        name = Locale.parse(self.code).get_display_name(self.code) or self.code
        return name[:1].upper() + name[1:]

    @property
    def locale(self) -> str:
        """The Open Graph / Babel style locale ('fr_FR', 'en_GB')."""
        return {"fr": "fr_FR", "en": "en_GB"}.get(self.code, self.code)


def language(code: str) -> Language:
    """Return the Language for a code; raise ValueError for an unknown one."""
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}; the site has {', '.join(LANGUAGES)}")
    return Language(code)


def other_languages(code: str) -> tuple[str, ...]:
    """The site's languages other than ``code``, in the site's order."""
    return tuple(lang for lang in LANGUAGES if lang != code)


def split_language_suffix(path: str) -> tuple[str, str] | None:
    """Split 'a/b.fr.md' into ('a/b', 'fr'); None when the name has no language suffix."""
    match = _SUFFIX.match(path)
    if not match:
        return None
    return match.group("stem"), match.group("lang")


def reserved_prefix(path: str) -> str | None:
    """The language code a content path wrongly starts with ('en/x.md' -> 'en'), if any.

    Language codes are reserved at the top of the content folder because the
    other languages' builds are written there.
    """
    top = path.split("/", 1)[0]
    return top if "/" in path and top in LANGUAGES else None
