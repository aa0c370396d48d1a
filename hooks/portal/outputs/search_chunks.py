"""Pagefind's word index cut again into chunks by their size in bytes, so that a search downloads its word's
positions and not a hundred kilobytes of other words'.

A language's index is a sorted list of words, each with the pages and positions where it occurs, cut
into chunks (``index/<hash>.pf_index``); the language's metadata (``pagefind.<hash>.pf_meta``) lists the
range of words of each chunk, and a search downloads, for each word typed, the one chunk whose range
holds it. Pagefind 1.5.2 closes a chunk once it holds 20 000 positions, counting only those of a word's
unaccented form: the positions of ``création`` or ``théâtre`` are stored under ``creation`` and ``theatr``
as variants and not counted. In French at 5 000 articles, 29 of its 160 chunks held more than 100 KB
(up to 378 KB, 184 compressed), a common word often beside two or three other common ones: searching
"culture" downloaded 209 KB of chunks, most of the first one for ``cre`` and ``creation``, which nobody
asked for.

Here the words are moved, unchanged and in the same order, into chunks of at most ``CHUNK_BYTES``
(counted on what is stored, variants included); a word larger than that gets a chunk of its own.
Nothing else of the index changes: pages, fragments, filters. Each chunk's range starts as Pagefind
starts it but ends at its last word, whole, so that every word is in the range of its own chunk
(``chunk_ranges``). Before anything is changed, the ranges of Pagefind's own chunks must come out as
``pagefind_ranges`` computes them, or the index is left alone: another version may lay it out otherwise.

The files are CBOR (RFC 8949) behind a signature, gzip-compressed; ``cbor2`` reads and writes them, and
each file must come out of ``cbor2`` byte for byte as Pagefind wrote it before anything is rewritten.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import cbor2

#: What every file of a Pagefind index starts with, once decompressed.
SIGNATURE = b"pagefind_dcd"

#: The most a chunk holds, in bytes of CBOR before compression (about half that once gzip-compressed).
#: Measured at 5 000 articles, French: from 16 to 48 KB the chunks a search downloads are the same
#: (a word's chunk is 0.3 KB compressed in the median, 31.5 KB at the 90th percentile, against 52.8 and
#: 157 KB in Pagefind's chunks); the metadata, which lists the chunks, grows from 37.5 to 40 KB.
CHUNK_BYTES = 16_000

#: Where the list of chunks is in the metadata: [version, pages, chunks, filters, sorts, …].
META_CHUNKS = 2


T = TypeVar("T")


class UnknownIndexFormat(ValueError):
    """The index is not laid out as this module expects (another Pagefind version): it is left as it is."""


@dataclass(frozen=True)
class Word:
    """One entry of the word index: the word (unaccented stem) and its stored CBOR, variants and positions."""

    name: str
    data: bytes


def rechunk_index(folder: str, limit: int = CHUNK_BYTES) -> dict[str, tuple[int, int]]:
    """Cut every language's word index in Pagefind's output ``folder`` into chunks of at most ``limit``
    bytes; return, per language, the number of chunks before and after.

    Raises ``UnknownIndexFormat`` before changing anything of a language whose files are not as expected.
    """
    return rewrite_languages(folder, lambda lang, meta_hash: _rechunk_language(folder, lang, meta_hash, limit))


def rewrite_languages(folder: str, rewrite: Callable[[str, str], tuple[str, T]]) -> dict[str, T]:
    """Call ``rewrite(lang, metadata hash)`` for each language of Pagefind's output ``folder``; it returns the
    hash of the metadata it wrote instead, and a result. The entry file names the new metadata after each
    language, so that the index is whole even if a later language is left as it was."""
    entry_path = os.path.join(folder, "pagefind-entry.json")
    with open(entry_path, encoding="utf-8") as handle:
        entry = json.load(handle)
    results: dict[str, T] = {}
    for lang in sorted(entry["languages"]):
        language = entry["languages"][lang]
        language["hash"], results[lang] = rewrite(lang, language["hash"])
        write_entry(entry_path, entry)
    return results


def write_entry(path: str, entry: dict[str, Any]) -> None:
    """Write Pagefind's entry file (its languages and their metadata), its keys in a stable order."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(entry, handle, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def read_meta(folder: str, meta_hash: str) -> tuple[str, Any]:
    """(path, decoded content) of a language's metadata file."""
    path = os.path.join(folder, f"pagefind.{meta_hash}.pf_meta")
    return path, decode_small_file(read_index_file(path), path)


def replace_meta(folder: str, lang: str, path: str, meta: Any) -> str:
    """Write ``meta`` instead of the metadata file at ``path``, under a name from its content; return its hash."""
    data = cbor2.dumps(meta)
    meta_hash = short_name(lang, data, 10, set())
    os.remove(path)
    write_index_file(os.path.join(folder, f"pagefind.{meta_hash}.pf_meta"), data)
    return meta_hash


def _rechunk_language(folder: str, lang: str, meta_hash: str, limit: int) -> tuple[str, tuple[int, int]]:
    meta_path, meta = read_meta(folder, meta_hash)
    if not (isinstance(meta, list) and len(meta) > META_CHUNKS and isinstance(meta[META_CHUNKS], list)
            and all(isinstance(c, list) and len(c) == 3 and all(isinstance(s, str) for s in c)
                    for c in meta[META_CHUNKS])):
        raise UnknownIndexFormat(f"{meta_path}: no list of chunks where Pagefind 1.5 keeps it")
    old_names = [chunk[2] for chunk in meta[META_CHUNKS]]
    old_chunks = [read_chunk(os.path.join(folder, "index", f"{name}.pf_index")) for name in old_names]
    if pagefind_ranges([[w.name for w in chunk] for chunk in old_chunks]) != [(c[0], c[1]) for c in meta[META_CHUNKS]]:
        raise UnknownIndexFormat(f"{meta_path}: its chunks' ranges are not computed as this module computes them")
    chunks = cut([word for chunk in old_chunks for word in chunk], limit)
    ranges = chunk_ranges([[w.name for w in chunk] for chunk in chunks])
    for name in old_names:
        os.remove(os.path.join(folder, "index", f"{name}.pf_index"))
    names: set[str] = set()
    listed = []
    for chunk, (first, last) in zip(chunks, ranges):
        data = encode_chunk(chunk)
        name = short_name(lang, data, 7, names)
        names.add(name)
        write_index_file(os.path.join(folder, "index", f"{name}.pf_index"), data)
        listed.append([first, last, name])
    meta[META_CHUNKS] = listed
    return replace_meta(folder, lang, meta_path, meta), (len(old_chunks), len(chunks))


def read_chunk(path: str) -> list[Word]:
    """The words of one chunk file, each with its bytes as stored (checked to rebuild the file exactly)."""
    raw = read_index_file(path)
    stream = io.BytesIO(raw)
    if _array_length(stream, path) != 1:
        raise UnknownIndexFormat(f"{path}: a chunk is not a list of one list of words")
    count = _array_length(stream, path)
    if not count:
        raise UnknownIndexFormat(f"{path}: a chunk without words")
    decoder = cbor2.CBORDecoder(stream)
    words = []
    for _ in range(count):
        start = stream.tell()
        try:
            entry = decoder.decode()
        except cbor2.CBORDecodeError as error:
            raise UnknownIndexFormat(f"{path}: {error}") from error
        if not (isinstance(entry, list) and entry and isinstance(entry[0], str)):
            raise UnknownIndexFormat(f"{path}: an entry of the word list does not start with its word")
        words.append(Word(entry[0], raw[start:stream.tell()]))
    if encode_chunk(words) != raw:
        raise UnknownIndexFormat(f"{path}: the chunk does not come out as Pagefind wrote it")
    return words


def cut(words: list[Word], limit: int) -> list[list[Word]]:
    """The words, in their order, in chunks of at most ``limit`` bytes; a larger word alone in its chunk."""
    chunks: list[list[Word]] = []
    size = 0
    for word in words:
        if not chunks or (chunks[-1] and size + len(word.data) > limit):
            chunks.append([])
            size = 0
        chunks[-1].append(word)
        size += len(word.data)
    return chunks


def pagefind_ranges(chunks: list[list[str]]) -> list[tuple[str, str]]:
    """The range of words each chunk answers for, as Pagefind 1.5.2 computes it: between two chunks, the
    last word of one and the first of the next are cut one character after their common prefix, but a
    chunk's end is never cut below its start (reproduces every range of its indexes of 1 000 and 5 000
    articles, in both languages)."""
    ranges = [[chunk[0], chunk[-1]] for chunk in chunks]
    for before, after in zip(ranges, ranges[1:]):
        common = _common_prefix(before[1], after[0])
        end = before[1][:common + 1]
        before[1] = end if end >= before[0] else before[1]
        after[0] = after[0][:common + 1]
    return [(first, last) for first, last in ranges]


def chunk_ranges(chunks: list[list[str]]) -> list[tuple[str, str]]:
    """The range of words each chunk answers for: from its first word, cut one character after the prefix
    it shares with the previous chunk's last word (as Pagefind does: a prefix typed between two chunks
    falls in the next), to its last word, whole.

    Pagefind cuts the last word too, so that a chunk's last word is often outside its own range
    (``enfant`` in a chunk that ends at ``en`` because the next one starts at ``exposit``: 9 to 14 % of
    the words at 5 000 articles); its search then finds the chunk by a looser second lookup (measured on
    four such words: the same results, one chunk downloaded). Here every word is in its own chunk's range, found
    by the first lookup, and ranges never overlap: the next chunk's start is greater than this chunk's
    last word.
    """
    ranges = [[chunk[0], chunk[-1]] for chunk in chunks]
    for before, after in zip(ranges, ranges[1:]):
        after[0] = after[0][:_common_prefix(before[1], after[0]) + 1]
    return [(first, last) for first, last in ranges]


def _common_prefix(a: str, b: str) -> int:
    """The number of characters ``a`` and ``b`` start with in common."""
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common


def encode_chunk(words: list[Word]) -> bytes:
    """A chunk's CBOR: a list holding the list of words."""
    return _array_head(1) + _array_head(len(words)) + b"".join(word.data for word in words)


def _array_head(length: int) -> bytes:
    """The CBOR head of an array of ``length`` items (major type 4), in its shortest form."""
    if length < 24:
        return bytes([0x80 | length])
    for code, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if length < 1 << (8 * size):
            return bytes([0x80 | code]) + length.to_bytes(size, "big")
    raise ValueError(length)


def _array_length(stream: io.BytesIO, path: str) -> int:
    """Read an array's head from ``stream``; its number of items."""
    head = stream.read(1)
    if not head or head[0] >> 5 != 4 or head[0] & 31 > 27:
        raise UnknownIndexFormat(f"{path}: a list was expected")
    info = head[0] & 31
    if info < 24:
        return info
    return int.from_bytes(stream.read(1 << (info - 24)), "big")


def read_index_file(path: str) -> bytes:
    """A file of the index, decompressed, after its signature."""
    try:
        with open(path, "rb") as handle:
            data = gzip.decompress(handle.read())
    except (OSError, EOFError) as error:
        raise UnknownIndexFormat(f"{path}: {error}") from error
    if not data.startswith(SIGNATURE):
        raise UnknownIndexFormat(f"{path}: no Pagefind signature")
    return data[len(SIGNATURE):]


def decode_small_file(data: bytes, path: str) -> Any:
    """A small file of the index (the metadata) decoded, checked to encode back to the same bytes."""
    try:
        value = cbor2.loads(data)
    except cbor2.CBORDecodeError as error:
        raise UnknownIndexFormat(f"{path}: {error}") from error
    if cbor2.dumps(value) != data:
        raise UnknownIndexFormat(f"{path}: does not come out as Pagefind wrote it")
    return value


def short_name(lang: str, data: bytes, length: int, taken: set[str]) -> str:
    """``<lang>_`` and the first ``length`` hexadecimal digits of the content's digest (more if taken)."""
    digest = hashlib.sha256(data).hexdigest()
    while f"{lang}_{digest[:length]}" in taken:
        length += 1
    return f"{lang}_{digest[:length]}"


def write_index_file(path: str, data: bytes) -> None:
    """Write a file of the index as Pagefind does: signed, gzip-compressed (with no time in it: the same build, the
    same bytes)."""
    with open(path, "wb") as handle:
        handle.write(gzip.compress(SIGNATURE + data, 6, mtime=0))
