"""The adapter's search step: an index Pagefind left unfinished is made again, never published half-written."""

from __future__ import annotations

import json
import os

import portal_mkdocs.search as search

ENTRY = {"version": "1.5.2", "languages": {"fr": {"hash": "fr_0123456789", "wasm": "fr", "page_count": 1}}}


def _index_leaving(entries: list[str | None]):
    """A stand-in for Pagefind that writes, run after run, each of ``entries`` as pagefind-entry.json."""
    runs: list[int] = []

    async def index(site_dir: str, output: str) -> int:
        text = entries[len(runs)]
        runs.append(1)
        os.makedirs(output, exist_ok=True)
        with open(os.path.join(output, "pagefind.fr_0123456789.pf_meta"), "wb") as handle:
            handle.write(b"meta")
        if text is not None:
            with open(os.path.join(output, "pagefind-entry.json"), "w", encoding="utf-8") as handle:
                handle.write(text)
        return 1

    return index, runs


def test_an_empty_entry_is_made_again_and_the_second_index_is_kept(tmp_path, monkeypatch):
    index, runs = _index_leaving(["", json.dumps(ENTRY)])
    monkeypatch.setattr(search, "_index", index)
    search._write(str(tmp_path), None)
    assert len(runs) == 2
    assert json.loads((tmp_path / search.FOLDER / "pagefind-entry.json").read_text(encoding="utf-8")) == ENTRY


def test_an_index_never_finished_is_left_out_with_a_warning(tmp_path, monkeypatch, caplog):
    index, runs = _index_leaving([None] * search.ATTEMPTS)
    monkeypatch.setattr(search, "_index", index)
    search._write(str(tmp_path), None)
    assert len(runs) == search.ATTEMPTS
    assert any("could not be made" in record.getMessage() for record in caplog.records)


def test_an_entry_is_whole_only_with_every_language_s_metadata(tmp_path):
    (tmp_path / "pagefind-entry.json").write_text(json.dumps(ENTRY), encoding="utf-8")
    assert search._entry(str(tmp_path)) is None  # the .pf_meta it names is missing
    (tmp_path / "pagefind.fr_0123456789.pf_meta").write_bytes(b"meta")
    assert search._entry(str(tmp_path)) == ENTRY
