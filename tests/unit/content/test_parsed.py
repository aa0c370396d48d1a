"""Parsed front matter kept between builds: reused while the file is unchanged, never trusted otherwise."""

from __future__ import annotations

import os

from portal.content.parsed import ParsedFiles
from portal.content.yamlsource import read_text, split_front_matter

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


def _jpeg(path, colour=(200, 30, 30), age_s: int = 60):
    from PIL import Image
    Image.new("RGB", (40, 30), colour).save(path, "JPEG")
    old = path.stat().st_mtime_ns - age_s * 1_000_000_000
    os.utime(path, ns=(old, old))
    return path


def test_a_cover_shared_by_many_articles_is_decoded_once_and_not_again_while_unchanged(tmp_path, monkeypatch):
    import portal.content.parsed as parsed

    decoded: list[int] = []
    real = parsed.image_facts
    monkeypatch.setattr(parsed, "image_facts", lambda data: decoded.append(len(data)) or real(data))
    first_copy, second_copy = _jpeg(tmp_path / "a.jpg"), tmp_path / "b.jpg"
    second_copy.write_bytes(first_copy.read_bytes())
    os.utime(second_copy, ns=(first_copy.stat().st_mtime_ns,) * 2)
    build = ParsedFiles(tmp_path / "parsed.pickle")
    facts = [build.image_facts(first_copy), build.image_facts(second_copy)]
    build.save()
    assert len(decoded) == 1 and facts[0] == facts[1] and (facts[0].width, facts[0].height) == (40, 30)
    again = ParsedFiles(tmp_path / "parsed.pickle")
    assert again.image_facts(second_copy) == facts[1] and len(decoded) == 1  # unchanged file: nothing read
    again.save()
    _jpeg(second_copy, colour=(0, 0, 0), age_s=30)  # replaced: another size, time and inode
    assert ParsedFiles(tmp_path / "parsed.pickle").image_facts(second_copy).width == 40 and len(decoded) == 2


def test_a_broken_image_is_reported_from_the_kept_check_as_from_a_new_one(tmp_path):
    broken = tmp_path / "broken.jpg"
    written(broken, "not an image")
    first = ParsedFiles(tmp_path / "parsed.pickle")
    found = first.image_facts(broken)
    first.save()
    assert found.reason == "is not an image"
    assert ParsedFiles(tmp_path / "parsed.pickle").image_facts(broken) == found
    assert ParsedFiles(None).image_facts(broken) == found
