"""Parsed front matter kept between builds: reused while the file is unchanged, never trusted otherwise."""

from __future__ import annotations

import os

from portal.parsed import ParsedFiles
from portal.yamlsource import read_text, split_front_matter

ARTICLE = "---\ntitle: Un titre\ntags: [a, b]\n---\n\nLe corps.\n"


def parse_counting(calls: list[bytes]):
    def parse(raw: bytes):
        calls.append(raw)
        return split_front_matter(read_text(raw))
    return parse


def written(path, text: str, age_s: int = 60):
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    old = stat.st_mtime_ns - age_s * 1_000_000_000  # older than the "racily clean" window
    os.utime(path, ns=(old, old))
    return path


def test_an_unchanged_file_is_not_parsed_again(tmp_path):
    article = written(tmp_path / "a.fr.md", ARTICLE)
    calls: list[bytes] = []
    first = ParsedFiles(tmp_path / "parsed.pickle")
    meta = first.front_matter(article, parse_counting(calls))
    first.save()
    second = ParsedFiles(tmp_path / "parsed.pickle")
    again = second.front_matter(article, parse_counting(calls))
    assert len(calls) == 1 and again == meta and again.meta.data["tags"] == ["a", "b"]
    assert again.meta.line("tags") == 3 and again.body.strip() == "Le corps."


def test_a_changed_file_is_parsed_again(tmp_path):
    article = written(tmp_path / "a.fr.md", ARTICLE)
    calls: list[bytes] = []
    first = ParsedFiles(tmp_path / "parsed.pickle")
    first.front_matter(article, parse_counting(calls))
    first.save()
    written(article, ARTICLE.replace("Un titre", "Un autre titre"), age_s=30)
    second = ParsedFiles(tmp_path / "parsed.pickle")
    assert second.front_matter(article, parse_counting(calls)).meta.data["title"] == "Un autre titre"
    assert len(calls) == 2 and second.parsed == 1


def test_a_file_changed_just_now_is_not_kept(tmp_path):
    article = tmp_path / "a.fr.md"
    article.write_text(ARTICLE, encoding="utf-8")  # its time is now: another edit could keep it
    calls: list[bytes] = []
    first = ParsedFiles(tmp_path / "parsed.pickle")
    first.front_matter(article, parse_counting(calls))
    first.save()
    ParsedFiles(tmp_path / "parsed.pickle").front_matter(article, parse_counting(calls))
    assert len(calls) == 2


def test_a_damaged_cache_is_ignored_and_none_keeps_nothing(tmp_path):
    article = written(tmp_path / "a.fr.md", ARTICLE)
    (tmp_path / "parsed.pickle").write_bytes(b"\x00damaged")
    calls: list[bytes] = []
    assert ParsedFiles(tmp_path / "parsed.pickle").front_matter(article, parse_counting(calls)).meta.data
    off = ParsedFiles(None)
    off.front_matter(article, parse_counting(calls))
    off.save()
    assert len(calls) == 2 and not (tmp_path / "none.pickle").exists()


def test_entries_of_files_gone_are_dropped_and_the_others_kept(tmp_path):
    one, two = written(tmp_path / "a.fr.md", ARTICLE), written(tmp_path / "b.fr.md", ARTICLE)
    calls: list[bytes] = []
    first = ParsedFiles(tmp_path / "parsed.pickle")
    for path in (one, two):
        first.front_matter(path, parse_counting(calls))
    first.save()
    second = ParsedFiles(tmp_path / "parsed.pickle")
    second.front_matter(one, parse_counting(calls))  # b.fr.md was deleted
    second.save()
    third = ParsedFiles(tmp_path / "parsed.pickle")
    assert list(third.entries) == [str(one)] and len(calls) == 2
