"""Interface strings of our own templates, per language, read from gettext catalogues.

The strings live in ``locale/<lang>/LC_MESSAGES/portal.po`` beside this module,
where a translator works on them with any gettext tool (Poedit, Weblate,
Lokalize…). Each entry's ``msgctxt`` is the key the code asks for
(``"notfound.search"``) and its ``msgid`` the English text, so a translator
reads the English, and ``scripts/translations`` marks a French text "fuzzy"
(to be checked) when the English it translates changes. English is the source
language: the English catalogue is where a new key and its English text are
written (its ``msgstr`` stay empty); the French catalogue holds the French.

Material translates its own interface; these are the strings of the parts we
add (switcher, home sections, video consent, figures). A missing string is a
bug caught by a unit test, not a silent fallback: an untranslated or fuzzy
French entry is left out, and asking for it raises ``KeyError``.

The catalogues are parsed once per process, on first use, with Babel's
``read_po`` (about 20 ms for both): there is no compiled ``.mo`` file to forget
to rebuild, and the build's cache key digests the ``.po`` files with the code.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

#: The catalogues' folder, their domain and the language the msgids are written in.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "portal"
SOURCE_LANGUAGE = "en"


def catalogue_path(lang: str) -> Path:
    """The ``.po`` file of one language."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(lang: str) -> Catalog:
    """One language's catalogue as Babel reads it (obsolete entries left out)."""
    with catalogue_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN, ignore_obsolete=True)


@functools.cache
def strings(lang: str) -> Mapping[str, str]:
    """The interface strings of one language, by key (read once per process, then shared)."""
    found: dict[str, str] = {}
    for message in read_catalogue(lang):
        if not message.id or not message.context or message.fuzzy:
            continue  # the header, an entry without key, a translation still to check
        text = message.string if isinstance(message.string, str) else ""
        if lang == SOURCE_LANGUAGE:
            text = text or str(message.id)
        if text:
            found[message.context] = text
    return MappingProxyType(found)


def text(lang: str, key: str, **values: str) -> str:
    """One interface string, with ``{placeholders}`` filled in."""
    return strings(lang)[key].format(**values)
