"""Pagefind's filter files in a stable order (portal.outputs.search_filters), on indexes Pagefind made."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

import cbor2
import pytest

from portal.outputs.search_chunks import SIGNATURE, UnknownIndexFormat
from portal.outputs.search_filters import stable_filters

SECTIONS = ("Magazine", "#UpConf", "Structures", "Pages", "Agenda", "Archives")


def read(path: Path):
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), path
    return cbor2.loads(data[len(SIGNATURE):])


def filters(output: Path, lang: str = "fr") -> tuple[list, dict[str, list]]:
    """(the metadata's list of filters, each filter's file content by name)."""
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = read(output / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta")
    return meta[3], {name: read(output / "filter" / f"{file_hash}.pf_filter") for name, file_hash in meta[3]}


def files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def pagefind_runs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three Pagefind runs on the same site of pages filtered by section (and by year: two filters)."""
    from pagefind.service import get_executable

    root = tmp_path_factory.mktemp("filters")
    for number in range(36):
        section, year = SECTIONS[number % len(SECTIONS)], 2020 + number % 4
        page = root / "site" / f"p{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<!doctype html><html lang="fr"><head><title>Page {number}</title></head><body>'
                        f'<main data-pagefind-filter="section:{section}"><h1>Page {number}</h1>'
                        f'<p data-pagefind-filter="year">{year}</p><p>culture et patrimoine</p></main></body></html>',
                        encoding="utf-8")
    runs = []
    for run in range(3):
        output = root / f"pagefind-{run}"
        done = subprocess.run([str(get_executable()), "--site", str(root / "site"), "--output-path", str(output),
                               "--silent"], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        runs.append(output)
    return runs


def test_the_same_pages_give_the_same_files(pagefind_runs, tmp_path):
    made = []
    for number, output in enumerate(pagefind_runs):
        copy = tmp_path / str(number)
        shutil.copytree(output, copy)
        assert stable_filters(str(copy)) == 2
        made.append(files(copy))
    assert made[0] == made[1] == made[2]


def test_each_value_keeps_its_pages_in_order(pagefind_runs, tmp_path):
    listed_before, before = filters(pagefind_runs[0])
    shutil.copytree(pagefind_runs[0], tmp_path / "out")
    stable_filters(str(tmp_path / "out"))
    listed, after = filters(tmp_path / "out")
    assert [name for name, _ in listed] == ["section", "year"]
    assert sorted(name for name, _ in listed_before) == ["section", "year"]
    for name, (filter_name, values) in after.items():
        assert filter_name == name
        assert [value for value, _ in values] == sorted(value for value, _ in values)
        assert {value: pages for value, pages in values} == {value: pages for value, pages in before[name][1]}
    assert sorted(value for value, _ in after["section"][1]) == sorted(SECTIONS)
    # Nothing left behind: the filter files are those the metadata names.
    assert sorted(path.stem for path in (tmp_path / "out" / "filter").glob("*.pf_filter")) == sorted(
        file_hash for _, file_hash in listed)


def test_a_filter_file_laid_out_otherwise_is_left_as_it_is(pagefind_runs, tmp_path):
    output = tmp_path / "out"
    shutil.copytree(pagefind_runs[0], output)
    listed, _ = filters(output)
    path = output / "filter" / f"{listed[0][1]}.pf_filter"
    path.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps({"values": []})))
    before = files(output)
    with pytest.raises(UnknownIndexFormat, match="filter"):
        stable_filters(str(output))
    assert files(output) == before
