"""The memo of excerpts (results of pure functions of a text) kept between builds."""

from __future__ import annotations

import pickle
import zlib

import pytest

from portal.cache.memo import Memo
from portal.content.yamlsource import SourceError, split_front_matter


def counting(calls: list[str]):
    def compute(text: str) -> str:
        calls.append(text)
        return text.upper()
    return compute


def test_a_result_is_computed_once_and_kept_for_the_next_build(tmp_path):
    calls: list[str] = []
    first = Memo(tmp_path / "fr.pickle")
    assert first.get("excerpt", "un texte", counting(calls)) == "UN TEXTE"
    assert first.get("excerpt", "un texte", counting(calls)) == "UN TEXTE"
    first.save()
    second = Memo(tmp_path / "fr.pickle")
    assert second.get("excerpt", "un texte", counting(calls)) == "UN TEXTE"
    assert calls == ["un texte"]


def test_another_text_or_kind_is_computed_again(tmp_path):
    calls: list[str] = []
    memo = Memo(tmp_path / "fr.pickle")
    memo.get("excerpt", "un texte", counting(calls))
    memo.get("excerpt", "un autre texte", counting(calls))
    memo.get("front matter", "un texte", counting(calls))
    assert calls == ["un texte", "un autre texte", "un texte"]


def test_a_failure_is_never_kept(tmp_path):
    memo = Memo(tmp_path / "fr.pickle")
    for _ in range(2):
        with pytest.raises(SourceError):
            memo.get("front matter", "---\ntitle: x\n", split_front_matter)
    assert memo.data == {}


def test_entries_the_build_did_not_use_are_dropped(tmp_path):
    memo = Memo(tmp_path / "fr.pickle")
    memo.get("excerpt", "gardé", str.upper)
    memo.get("excerpt", "oublié", str.upper)
    memo.save()
    again = Memo(tmp_path / "fr.pickle")
    again.get("excerpt", "gardé", str.upper)
    again.save()
    assert len(Memo(tmp_path / "fr.pickle").data) == 1


def test_a_memo_of_other_code_or_a_damaged_file_starts_empty(tmp_path):
    path = tmp_path / "fr.pickle"
    path.write_bytes(zlib.compress(pickle.dumps(("another version of the code", {("excerpt", "x"): "X"}))))
    assert Memo(path).data == {}
    path.write_bytes(b"not a pickle")
    assert Memo(path).data == {}


def test_without_a_file_nothing_is_kept(tmp_path):
    calls: list[str] = []
    memo = Memo(None)
    memo.get("excerpt", "un texte", counting(calls))
    memo.get("excerpt", "un texte", counting(calls))
    memo.save()
    assert calls == ["un texte", "un texte"]
    assert list(tmp_path.iterdir()) == []


def _site_settings(tmp_path):
    from portal.content.site import SiteSettings

    (tmp_path / "content").mkdir(exist_ok=True)
    return SiteSettings(repo_root=tmp_path, content_dir=tmp_path / "content", root_url="https://portal.test/",
                        memo_file=tmp_path / ".cache" / "memo" / "fr.pickle")


def test_two_builds_of_one_process_do_not_share_a_memo(tmp_path):
    # Each build's site opens its own memo (formerly one per file and per process, `memo._OPEN`).
    from portal.content.site import load_site

    settings = _site_settings(tmp_path)
    first, second = load_site(settings), load_site(settings)
    first.articles.memo.get("excerpt", "un texte", str.upper)
    assert second.articles.memo is not first.articles.memo
    assert second.articles.memo.used == set() and second.articles.memo.data == {}
    first.save_memo()  # the next build reads what this one wrote, from the file
    third = load_site(settings)
    assert list(third.memo.data.values()) == ["UN TEXTE"]


def test_a_build_that_never_opened_its_memo_leaves_the_file_alone(tmp_path):
    from portal.content.site import load_site

    settings = _site_settings(tmp_path)
    first = load_site(settings)
    first.memo.get("excerpt", "un texte", str.upper)
    first.save_memo()
    written = settings.memo_file.read_bytes()
    load_site(settings).save_memo()
    assert settings.memo_file.read_bytes() == written
