"""The page cache's keys and entries, without MkDocs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import portal
from portal.cache.pagecache import BlobCache, CachedPage, PageCache, fingerprint, pack_html
from portal.sections.magazine_views import ArticleCard, Link


def card(title: str = "Un titre", path: str = "magazine/2025/un-titre/") -> ArticleCard:
    return ArticleCard(title, "Un extrait.", "fr", Link(title, path), "2025-03-12", "12 mars 2025", "Reportage",
                       "3 min", None, "", False)


def test_equal_values_give_equal_keys():
    assert fingerprint("page.md", card(), {"b": 1, "a": [1, 2]}) == fingerprint("page.md", card(), {"b": 1, "a": [1, 2]})


@pytest.mark.parametrize("other", [
    ("page.md", card("Un autre titre"), {"b": 1, "a": [1, 2]}),      # a nested field
    ("page.md", card(path="magazine/2025/ailleurs/"), {"b": 1, "a": [1, 2]}),  # deeper still
    ("page.md", card(), {"b": 1, "a": [2, 1]}),                        # order of a list
    ("page.md", card(), {"b": "1", "a": [1, 2]}),                      # a type
    ("autre.md", card(), {"b": 1, "a": [1, 2]}),                       # the path
])
def test_any_change_gives_another_key(other):
    assert fingerprint("page.md", card(), {"b": 1, "a": [1, 2]}) != fingerprint(*other)


def test_parts_do_not_run_into_each_other():
    assert fingerprint("ab", "c") != fingerprint("a", "bc")
    assert fingerprint(b"ab", "c") != fingerprint("ab", "c")


def test_dates_and_paths_have_stable_keys():
    moment = dt.datetime(2026, 3, 29, 2, 30, tzinfo=dt.UTC)
    assert fingerprint(moment, Path("a/b")) == fingerprint(moment, Path("a/b"))
    assert fingerprint(moment) != fingerprint(moment + dt.timedelta(seconds=1))


def test_an_object_without_a_plain_repr_is_refused():
    class Opaque:
        pass

    with pytest.raises(TypeError, match="plain repr"):
        fingerprint({"view": Opaque()})


def _core_dataclasses() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(portal.__path__, "portal."):
        module = importlib.import_module(info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if dataclasses.is_dataclass(value) and value.__module__ == module.__name__:
                found.append(value)
    return found


def test_every_core_dataclass_prints_all_its_fields():
    """Keys digest views through repr: a field left out of repr would let two pages share an entry."""
    classes = _core_dataclasses()
    assert len(classes) > 20
    for cls in classes:
        hidden = [f.name for f in dataclasses.fields(cls) if not f.repr]
        assert hidden == [], f"{cls.__qualname__}: fields left out of repr: {hidden}"
        # The repr that @dataclass writes is compiled from a string; one written by hand is not.
        assert inspect.unwrap(cls.__repr__).__code__.co_filename == "<string>", \
            f"{cls.__qualname__} has a repr of its own"


def entry(html: str = "<html>page</html>") -> CachedPage:
    return CachedPage(packed_html=pack_html(html), content="<p>corps</p>", title="Titre", anchors=["une-section"],
                      anchor_links={"magazine/b.md": {"x": "b.md#x"}},
                      lookups={"magazine/b.md": ["magazine/b/", False], "absent.md": None})


def test_an_entry_comes_back_as_it_was_stored(tmp_path):
    cache = PageCache(tmp_path)
    cache.put("ab" * 32, entry())
    cache.flush()
    again = PageCache(tmp_path).get("ab" * 32)
    assert again == entry()
    assert again.html == "<html>page</html>"


def test_a_damaged_entry_is_a_miss_and_is_removed(tmp_path):
    cache = PageCache(tmp_path)
    cache.put("cd" * 32, entry())
    cache.flush()
    path = tmp_path / "cd" / ("cd" * 32)
    path.write_bytes(path.read_bytes()[:20])
    assert PageCache(tmp_path).get("cd" * 32) is None
    assert not path.exists()


def test_an_absent_entry_is_a_miss(tmp_path):
    assert PageCache(tmp_path).get("ef" * 32) is None


def test_sweep_removes_what_the_build_did_not_use(tmp_path):
    first = PageCache(tmp_path)
    first.put("aa" * 32, entry("one"))
    first.put("bb" * 32, entry("two"))
    first.flush()
    second = PageCache(tmp_path)
    assert second.get("aa" * 32) is not None
    assert second.sweep() == 1
    assert PageCache(tmp_path).get("aa" * 32) is not None
    assert PageCache(tmp_path).get("bb" * 32) is None


def test_blobs_come_back_and_count_hits(tmp_path):
    blobs = BlobCache(tmp_path)
    assert blobs.get_blob("12" * 32) is None
    blobs.put_blob("12" * 32, b"<rss/>")
    blobs.flush()
    again = BlobCache(tmp_path)
    assert again.get_blob("12" * 32) == b"<rss/>"
    assert (again.hits, again.misses) == (1, 0)
