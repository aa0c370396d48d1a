"""Where the code uses interface strings: the keys of ``l10n``'s catalogues, found in our Python and templates.

Two uses: the Babel extractors ``scripts/translations`` runs (``babel.cfg``), which
write the template ``locale/portal.pot`` (a key as ``msgctxt``, its English text
as ``msgid``, the files that use it as references), and the unit test that keeps
the catalogues in step with the code. ``carry_over_by_key`` is the one step
``pybabel update`` lacks for catalogues whose entries are named by key.

A key is used where it is written whole as a text literal (``l10n.text(lang,
"upconf.when")``, ``s['notfound.title']`` in a template, a table of keys), or
as the fixed start of an f-string (``f"magazine.in_{article.lang}"`` uses every
key that starts with ``magazine.in_``). The known keys are those of the source
(English) catalogue; the test checks, the other way round, that every literal
handed to ``text(…)`` is one of them.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from babel.messages.pofile import read_po, write_po

from . import l10n

#: A text literal in a template that could be a key (letters, digits, ``_`` and dots), in single or double quotes;
#: a key holds no quote nor space, so a quote of the surrounding HTML cannot be taken for one of its ends.
_TEMPLATE_LITERAL = re.compile(r"""(['"])([a-z0-9_.]+)\1""")

#: What a Babel extractor yields: line, keyword, (msgctxt, msgid), comments.
Extracted = tuple[int, str, tuple[str, str], list[str]]


def english() -> Mapping[str, str]:
    """The source catalogue: each key's English text."""
    return l10n.strings(l10n.SOURCE_LANGUAGE)


def keys_in_python(source: str | bytes, known: Iterable[str]) -> Iterator[tuple[int, str]]:
    """``(line, key)`` for every known key a Python source uses."""
    known = set(known)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in known:
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and "." in first.value:
                yield from ((node.lineno, key) for key in sorted(known) if key.startswith(first.value))


def keys_in_template(source: str, known: Iterable[str]) -> Iterator[tuple[int, str]]:
    """``(line, key)`` for every known key a Jinja template writes as a literal."""
    known = set(known)
    for number, line in enumerate(source.splitlines(), 1):
        for match in _TEMPLATE_LITERAL.finditer(line):
            if match.group(2) in known:
                yield number, match.group(2)


def text_call_literals(source: str | bytes) -> Iterator[tuple[int, str]]:
    """``(line, literal)`` for every text literal handed to a function called ``text`` (``l10n.text`` and the
    partial ``text`` of views): each must be a key of the catalogues."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "text":
                yield from ((arg.lineno, arg.value) for arg in node.args
                            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and "." in arg.value)


def _extracted(found: Iterable[tuple[int, str]]) -> Iterator[Extracted]:
    source = english()
    for line, key in sorted(set(found)):
        yield line, "pgettext", (key, source[key]), []


def extract_python(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[Extracted]:
    """Babel extractor for our Python modules (``babel.cfg``)."""
    return _extracted(keys_in_python(fileobj.read(), english()))


def extract_template(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[Extracted]:
    """Babel extractor for the templates of ``overrides/`` (``babel.cfg``)."""
    return _extracted(keys_in_template(fileobj.read().decode("utf-8"), english()))


def carry_over_by_key(path: Path) -> list[str]:
    """After ``pybabel update``: give back to each key whose English text changed its former translation, marked
    fuzzy with the former English beside it (``#|``), for a translator to check; returns those keys.

    Babel matches entries by English text (and, to guess, by English texts alike, whatever their key); here a
    key names its string, so the translation of the same key is the one to start from.
    """
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    former = {message.context: (key, message) for key, message in catalogue.obsolete.items()
              if message.context and message.string}
    carried = []
    for message in catalogue:
        if message.id and message.context in former and not message.string:
            key, old = former[message.context]
            message.string, message.previous_id = old.string, [str(old.id)]
            message.flags.add("fuzzy")
            del catalogue.obsolete[key]
            carried.append(message.context)
    if carried:
        with path.open("wb") as handle:
            write_po(handle, catalogue, width=120, include_previous=True)
    return carried


if __name__ == "__main__":  # scripts/translations update: python -m portal.text.l10n_keys carry-over FILE…
    if sys.argv[1:2] != ["carry-over"]:
        sys.exit("usage: python -m portal.text.l10n_keys carry-over FILE…")
    for name in sys.argv[2:]:
        for changed in carry_over_by_key(Path(name)):
            print(f"{name}: {changed}: the English changed; the former translation is marked fuzzy, to check")
