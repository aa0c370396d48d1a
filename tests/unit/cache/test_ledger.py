"""The ledger a build leaves for the next: kept whole, or not used at all."""

from __future__ import annotations

import pickle

from portal.cache.ledger import FILE_NAME, Ledger, PageRecord, file_format, read_ledger, write_ledger


def ledger() -> Ledger:
    record = PageRecord(source="s1", key="k1", dest_uri="magazine/2025/a/index.html",
                        lookups={"magazine/2025/b.md": ["magazine/2025/b/", False]}, anchors=["une-section"],
                        anchor_links={"magazine/2025/b.md": {"x": "b.md#x"}}, body="<p>Corps</p>")
    return Ledger("build", "outline", {"magazine/2025/a.md": record})


def test_a_ledger_comes_back_as_it_was_written(tmp_path):
    write_ledger(tmp_path, ledger())
    assert read_ledger(tmp_path) == ledger()
    assert read_ledger(tmp_path).matches("build", "outline")


def test_it_holds_only_for_the_same_build_and_outline():
    assert not ledger().matches("another build", "outline")
    assert not ledger().matches("build", "another outline")
    assert not Ledger("build", "outline").matches("build", "outline")  # no page: nothing to vouch for


def test_a_missing_damaged_or_older_ledger_is_an_empty_one(tmp_path):
    assert read_ledger(tmp_path) == Ledger()
    (tmp_path / FILE_NAME).write_bytes(b"\x00damaged")
    assert read_ledger(tmp_path) == Ledger()
    (tmp_path / FILE_NAME).write_bytes(pickle.dumps(("portal-ledger/0", "build", "outline", 0)))
    assert read_ledger(tmp_path) == Ledger()
    header = pickle.dumps((file_format(), "build", "outline", 1))
    (tmp_path / FILE_NAME).write_bytes(header + pickle.dumps(("a", "no")))
    assert read_ledger(tmp_path) == Ledger()
    write_ledger(tmp_path, ledger())
    (tmp_path / FILE_NAME).write_bytes((tmp_path / FILE_NAME).read_bytes()[:-20])  # cut short
    assert read_ledger(tmp_path) == Ledger()
