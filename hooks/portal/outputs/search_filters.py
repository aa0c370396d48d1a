"""Pagefind's filter files written in a stable order, so that the same site gives the same index.

The search dialog keeps its results to one section through Pagefind's filter ``section``. Pagefind 1.5.2
writes each filter's values in the order of a hash table, which changes from one run to the next: the
same pages gave filter files of other bytes, so of other names, and a metadata file of another name
(the test that builds the site twice caught it). Here each filter's values are sorted, the files written
again under names taken from their content, and the metadata's list of filters sorted by name. What a
search finds does not change: a value keeps its pages.
"""

from __future__ import annotations

import os

import cbor2

from .search_chunks import (
    UnknownIndexFormat,
    decode_small_file,
    read_index_file,
    read_meta,
    replace_meta,
    rewrite_languages,
    short_name,
    write_index_file,
)

#: Where the list of filters is in the metadata: [version, pages, chunks, filters, sorts, meta fields].
META_FILTERS = 3


def stable_filters(folder: str) -> int:
    """Sort the values of every filter of every language in Pagefind's output ``folder``; return the number of
    filter files written.

    Raises ``UnknownIndexFormat`` before changing anything of a language whose files are not as expected.
    """
    return sum(rewrite_languages(folder, lambda lang, meta_hash: _stable_language(folder, lang, meta_hash)).values())


def _stable_language(folder: str, lang: str, meta_hash: str) -> tuple[str, int]:
    meta_path, meta = read_meta(folder, meta_hash)
    listed = meta[META_FILTERS] if isinstance(meta, list) and len(meta) > META_FILTERS else None
    if not (isinstance(listed, list) and all(isinstance(f, list) and len(f) == 2 and all(isinstance(s, str) for s in f)
                                             for f in listed)):
        raise UnknownIndexFormat(f"{meta_path}: no list of filters where Pagefind 1.5 keeps it")
    if not listed:
        return meta_hash, 0
    filters = []
    for name, file_hash in listed:
        path = os.path.join(folder, "filter", f"{file_hash}.pf_filter")
        data = decode_small_file(read_index_file(path), path)
        if not (isinstance(data, list) and len(data) == 2 and data[0] == name and isinstance(data[1], list)
                and all(isinstance(value, list) and value and isinstance(value[0], str) for value in data[1])):
            raise UnknownIndexFormat(f"{path}: not a filter's values as Pagefind 1.5 writes them")
        filters.append((name, path, [name, sorted(data[1], key=lambda value: value[0])]))
    taken: set[str] = set()
    meta[META_FILTERS] = []
    for name, path, data in sorted(filters):
        os.remove(path)
        encoded = cbor2.dumps(data)
        file_hash = short_name(lang, encoded, 7, taken)
        taken.add(file_hash)
        write_index_file(os.path.join(folder, "filter", f"{file_hash}.pf_filter"), encoded)
        meta[META_FILTERS].append([name, file_hash])
    return replace_meta(folder, lang, meta_path, meta), len(filters)
