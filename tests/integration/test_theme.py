"""The theme's files are listed without walking hidden folders, and MkDocs keeps the same ones."""

from __future__ import annotations

import jinja2
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from portal_mkdocs.theme import PrunedFileSystemLoader, list_theme_files_quickly
from support import REPO


def theme_files(config, loader_class) -> list[str]:
    env = config.theme.get_env()
    env.loader = loader_class(env.loader.searchpath)
    files = Files([])
    files.add_files_from_theme(env, config)
    return sorted(file.src_uri for file in files)


def test_the_pruned_listing_gives_mkdocs_the_same_theme_files():
    config = load_config(str(REPO / "mkdocs.yml"))
    full = theme_files(config, jinja2.FileSystemLoader)
    assert any(name.endswith(".css") for name in full) and not any("/." in name or name.startswith(".")
                                                                   for name in full)
    assert theme_files(config, PrunedFileSystemLoader) == full
    hidden = [name for name in jinja2.FileSystemLoader(config.theme.dirs).list_templates() if name.startswith(".")]
    assert len(hidden) > 1000  # Material's icons: what the pruned listing does not walk
    assert not any(name.startswith(".") for name in PrunedFileSystemLoader(config.theme.dirs).list_templates())


def test_each_build_gets_the_pruned_loader():
    config = load_config(str(REPO / "mkdocs.yml"))
    list_theme_files_quickly(config)
    assert type(config.theme.get_env().loader) is PrunedFileSystemLoader
