"""Pagefind's word index cut again into smaller chunks (portal.outputs.search_chunks), on indexes Pagefind made."""

from __future__ import annotations

import gzip
import json
import random
import shutil
import subprocess
from pathlib import Path

import cbor2
import pytest

from portal.outputs.search_chunks import (
    SIGNATURE,
    UnknownIndexFormat,
    Word,
    chunk_ranges,
    cut,
    encode_chunk,
    pagefind_ranges,
    read_chunk,
    rechunk_index,
)

#: Words of a French page: accented ones too, whose positions Pagefind stores as variants of the unaccented word.
VOCABULARY = ["création", "théâtre", "bibliothèque", "musée", "patrimoine", "culture", "culturel", "culturelle", "cultures", "crée", "créer", "danse", "musique", "lecture", "écriture", "jardin", "quartier", "habitants", "ateliers", "enfants", "école", "éducation", "mémoire", "récit", "parole", "chanson", "cinéma", "photographie", "exposition", "résidence", "artiste"]


def words(*sizes: int) -> list[Word]:
    return [Word(f"w{index:03}", bytes(size)) for index, size in enumerate(sizes)]


def test_cut_keeps_the_order_and_the_limit_and_puts_a_large_word_alone():
    chunks = cut(words(10, 10, 50, 10, 10, 10, 30), 30)
    assert [[len(w.data) for w in chunk] for chunk in chunks] == [[10, 10], [50], [10, 10, 10], [30]]
    assert [w.name for chunk in chunks for w in chunk] == [f"w{index:03}" for index in range(7)]
    assert cut([], 30) == []


@pytest.mark.parametrize("chunks, ranges", [
    # From Pagefind 1.5.2's own French index of 5 000 articles (chunks 3 to 6): a chunk's end is cut one
    # character after the prefix it shares with the next chunk's start, but never below its own start.
    ([["abon", "accompagn"], ["accueil"], ["acta", "ailleur"], ["ain", "ains"]],
     [("abon", "acco"), ("accu", "accueil"), ("act", "ail"), ("ain", "ains")]),
    ([["cour", "cultur"], ["culturel"], ["cœur", "dan"]], [("cour", "cultur"), ("culture", "culturel"), ("cœ", "dan")]),
    ([["en"], ["encor"]], [("en", "en"), ("enc", "encor")]),
    ([["seul"]], [("seul", "seul")]),
])
def test_pagefind_ranges_are_pagefinds(chunks, ranges):
    assert pagefind_ranges(chunks) == ranges


def test_chunk_ranges_end_at_the_last_word_and_do_not_overlap():
    chunks = [["abon", "accompagn"], ["accueil"], ["acta", "enfant"], ["exposit", "ici"], ["icon"]]
    ranges = chunk_ranges(chunks)
    assert ranges == [("abon", "accompagn"), ("accu", "accueil"), ("act", "enfant"), ("ex", "ici"), ("ico", "icon")]
    assert all(last < first for (_, last), (first, _) in zip(ranges, ranges[1:]))


def pagefind_index(folder: Path, pages: int, words_per_page: int) -> Path:
    """A French site of ``pages`` pages indexed by the Pagefind of the build; its output folder."""
    from pagefind.service import get_executable

    pick = random.Random(pages)
    vocabulary = [*VOCABULARY, *(f"terme{number}" for number in range(300))]
    for number in range(pages):
        text = " ".join(pick.choice(vocabulary) for _ in range(words_per_page))
        page = folder / "site" / f"p{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<!doctype html><html lang="fr"><head><title>Page {number}</title></head>'
                        f"<body><main><h1>Page {number} {VOCABULARY[number % len(VOCABULARY)]}</h1>"
                        f"<p>{text}</p></main></body></html>", encoding="utf-8")
    output = folder / "pagefind"
    done = subprocess.run([str(get_executable()), "--site", str(folder / "site"), "--output-path", str(output),
                           "--silent"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return output


def read(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), path
    return cbor2.loads(data[len(SIGNATURE):])


def language_index(output: Path, lang: str = "fr") -> tuple[list, list[list]]:
    """(the metadata's chunk list, the words of each chunk) of a language of a Pagefind output folder."""
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read(output / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta")
    return meta[2], [read(output / "index" / f"{name}.pf_index")[0] for _, _, name in meta[2]]


@pytest.fixture(scope="module")
def pagefinds_own(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index Pagefind cut into several chunks (it closes one every 20 000 positions): 150 pages of 1 000 words."""
    output = pagefind_index(tmp_path_factory.mktemp("pagefind"), 150, 1000)
    listed, _ = language_index(output)
    assert len(listed) > 2, "Pagefind made one or two chunks: the tests below would prove little"
    return output


def test_pagefinds_own_ranges_are_computed_as_ours(pagefinds_own):
    """What the module checks before changing anything holds for what this Pagefind writes."""
    listed, chunks = language_index(pagefinds_own)
    assert pagefind_ranges([[word[0] for word in chunk] for chunk in chunks]) == [(first, last) for first, last, _ in listed]


def test_a_chunk_is_read_and_written_back_byte_for_byte(pagefinds_own):
    for path in sorted((pagefinds_own / "index").glob("*.pf_index")):
        stored = gzip.decompress(path.read_bytes())[len(SIGNATURE):]
        assert encode_chunk(read_chunk(str(path))) == stored


def lookup(listed: list, term: str) -> str | None:
    """The chunk Pagefind's search downloads for a word: the first whose range holds it."""
    return next((name for first, last, name in listed if first <= term <= last), None)


def test_rechunked_index_holds_the_same_words_in_smaller_chunks_found_as_before(pagefinds_own, tmp_path):
    output = tmp_path / "pagefind"
    shutil.copytree(pagefinds_own, output)
    listed_before, chunks_before = language_index(output)
    largest = max(len(cbor2.dumps(chunk)) for chunk in chunks_before)

    # In Pagefind's own ranges some chunk's last word is outside its range (its search then looks again, loosely).
    assert [word[0] for (_, _, name), chunk in zip(listed_before, chunks_before) for word in chunk
            if lookup(listed_before, word[0]) != name]

    counts = rechunk_index(str(output), limit=largest // 4)

    listed, chunks = language_index(output)
    assert counts == {"fr": (len(listed_before), len(listed))}
    assert len(listed) > len(listed_before)
    # Every word as it was, in the same order: the pages, positions and variants of each are untouched.
    assert [word for chunk in chunks for word in chunk] == [word for chunk in chunks_before for word in chunk]
    for chunk in chunks:
        assert len(chunk) == 1 or sum(len(cbor2.dumps(word)) for word in chunk) <= largest // 4
    # The search finds each word's chunk by its range, and it is the chunk holding the word.
    for (_, _, name), chunk in zip(listed, chunks):
        for word in chunk:
            assert lookup(listed, word[0]) == name, word[0]
    # Nothing left behind: the files are those the metadata and the entry name, and the other language's.
    assert sorted(path.stem for path in (output / "index").glob("*.pf_index")) == sorted(name for _, _, name in listed)
    assert len(list(output.glob("pagefind.fr_*.pf_meta"))) == 1


def test_rechunking_is_reproducible(pagefinds_own, tmp_path):
    made = []
    for name in ("a", "b"):
        shutil.copytree(pagefinds_own, tmp_path / name)
        rechunk_index(str(tmp_path / name), limit=2000)
        made.append({str(path.relative_to(tmp_path / name)): path.read_bytes()
                     for path in sorted((tmp_path / name).rglob("*")) if path.is_file()})
    assert made[0] == made[1]


def test_an_index_laid_out_otherwise_is_left_as_it_is(pagefinds_own, tmp_path):
    """Another Pagefind might compute the ranges otherwise: the index is not touched, the caller is told."""
    output = tmp_path / "pagefind"
    shutil.copytree(pagefinds_own, output)
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_path = output / f"pagefind.{entry['languages']['fr']['hash']}.pf_meta"
    meta = read(meta_path)
    meta[2][0][1] = meta[2][0][1] + "zz"  # a range as this module would not compute it
    meta_path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(meta)))
    before = {path: path.read_bytes() for path in output.rglob("*") if path.is_file()}

    with pytest.raises(UnknownIndexFormat, match="ranges"):
        rechunk_index(str(output), limit=2000)
    assert {path: path.read_bytes() for path in output.rglob("*") if path.is_file()} == before


def test_a_chunk_that_is_not_pagefinds_is_reported(tmp_path):
    path = tmp_path / "fr_0000000.pf_index"
    path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps({"words": []})))
    with pytest.raises(UnknownIndexFormat, match="list"):
        read_chunk(str(path))
    path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps([[["mot", [[0, [1, 2], []]], []]]])[:-3]))  # cut short
    with pytest.raises(UnknownIndexFormat):
        read_chunk(str(path))
    path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps([[]])))  # no words: Pagefind writes no such chunk
    with pytest.raises(UnknownIndexFormat, match="without words"):
        read_chunk(str(path))
    path.write_bytes(b"not compressed")
    with pytest.raises(UnknownIndexFormat):
        read_chunk(str(path))
