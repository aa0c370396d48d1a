"""Cache keys, complete by construction: the producing code (and what it imports), the inputs' bytes,
the environment; nothing bumped by hand."""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path

import pytest

from portal.cache import cachekey
from portal.cache.cachekey import cache_key, code_digest, code_files, file_digest


@pytest.fixture
def package(tmp_path, monkeypatch) -> Path:
    """A package of three modules on sys.path: ``a`` imports ``b`` at the top and ``c`` inside a function."""
    root = tmp_path / "pkg_for_keys"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "a.py").write_text(textwrap.dedent("""
        from .b import VALUE
        import json  # a library: counted through the environment, not its file

        def later():
            from . import c
            return c
    """))
    (root / "b.py").write_text("VALUE = 1\n")
    (root / "c.py").write_text("OTHER = 2\n")
    (root / "d.py").write_text("UNRELATED = 3\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    importlib.import_module("pkg_for_keys.a")
    yield root
    for name in [name for name in sys.modules if name.startswith("pkg_for_keys")]:
        del sys.modules[name]


def test_the_code_of_a_module_is_its_file_and_those_it_imports_directly_or_not(package):
    assert sorted(code_files("pkg_for_keys.a")) == ["pkg_for_keys", "pkg_for_keys.a", "pkg_for_keys.b",
                                                    "pkg_for_keys.c"]
    before = code_digest("pkg_for_keys.a")
    (package / "d.py").write_text("UNRELATED = 4\n")
    assert code_digest("pkg_for_keys.a") == before
    for name, text in (("b.py", "VALUE = 10\n"), ("c.py", "OTHER = 20\n"), ("a.py", "# another comment\n")):
        (package / name).write_text((package / name).read_text() + text)
        after = code_digest("pkg_for_keys.a")
        assert after != before, name
        before = after


def test_the_producers_of_the_site_are_followed_through_their_imports():
    assert "portal.content.images" in code_files("portal.content.pictures")  # pictures draws ContentImage's of images.py
    assert set(code_files("portal.outputs.cards")) == {  # a module's packages run first: their __init__ counts
        "portal", "portal.outputs", "portal.outputs.cards", "portal.cache", "portal.cache.cachekey", "portal.cache.drawing"}
    assert {"portal.content.magazine", "portal.content.articles"} <= set(code_files("portal.content.articles"))
    assert "portal.text.l10n" in code_files("portal.plan.views")


def test_a_file_counts_by_its_bytes(tmp_path):
    font = tmp_path / "font.woff2"
    font.write_bytes(b"one")
    first = file_digest(font)
    font.write_bytes(b"two")
    assert file_digest(font) != first
    assert file_digest(tmp_path / "missing") == "missing"


def test_a_key_holds_the_environment_the_code_the_files_and_the_inputs(tmp_path, monkeypatch):
    font = tmp_path / "fonts" / "a.woff2"
    font.parent.mkdir()
    font.write_bytes(b"one")
    key = cache_key("input", code=["portal.outputs.cards"], folders=[font.parent])
    assert key == cache_key("input", code=["portal.outputs.cards"], folders=[font.parent])
    assert key != cache_key("other input", code=["portal.outputs.cards"], folders=[font.parent])
    assert key != cache_key("input", code=["portal.content.pictures"], folders=[font.parent])
    font.write_bytes(b"two")
    assert key != cache_key("input", code=["portal.outputs.cards"], folders=[font.parent])
    font.write_bytes(b"one")
    monkeypatch.setattr(cachekey, "environment", lambda: "Pillow another version")
    assert key != cache_key("input", code=["portal.outputs.cards"], folders=[font.parent])


def test_the_environment_is_every_installed_distribution_and_its_version(monkeypatch):
    class Distribution:
        def __init__(self, name: str, version: str) -> None:
            self.metadata, self.version = {"Name": name}, version

    def environment_with(*installed: tuple[str, str]) -> str:
        monkeypatch.setattr(cachekey.importlib.metadata, "distributions",
                            lambda: [Distribution(name, version) for name, version in installed])
        cachekey.environment.cache_clear()
        return cachekey.environment()

    try:
        base = environment_with(("Pillow", "12.0.0"), ("Markdown", "3.9"))
        assert environment_with(("Pillow", "12.0.1"), ("Markdown", "3.9")) != base
        assert environment_with(("Pillow", "12.0.0"), ("Markdown", "3.9"), ("feedgen", "1.0.0")) != base
    finally:
        cachekey.environment.cache_clear()


def test_nothing_is_bumped_by_hand():
    import portal.content.pictures
    import portal.outputs.cards

    assert not hasattr(portal.outputs.cards, "VERSION") and not hasattr(portal.content.pictures, "VERSION")


def test_a_process_keys_the_code_it_runs_not_the_code_edited_since(package):
    running = cachekey.running_code("pkg_for_keys.a")
    (package / "b.py").write_text("VALUE = 2\n")  # the process still runs VALUE = 1
    assert cachekey.running_code("pkg_for_keys.a") == running
    assert code_digest("pkg_for_keys.a") != running  # what the next process will run
