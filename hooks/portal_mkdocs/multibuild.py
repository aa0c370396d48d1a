"""The other languages' builds, run from the default language's build.

One MkDocs build per language (DESIGN.md §4): the default language's build
writes the site root, then builds each other language into ``<site>/<lang>/``
with its own config, so ``<html lang>``, Material's strings, the search index
and its stemmer, the sitemap and the 404 page are native to each language.
``commands.build.build`` is not a documented plugin API: this module is the
only place that calls it (MkDocs 1.6.1 signature, pinned; ProperDocs keeps it),
always from the program that runs the default language's build.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

from mkdocs.config.defaults import MkDocsConfig

from portal.languages import other_languages
from portal.urls import language_root

from .host import host_module, host_package
from .process import PROCESS
from .state import BuildState, language_config_overrides


def build_other_languages(config: MkDocsConfig, state: BuildState) -> None:
    """Build every language but the default one, each into its sub-folder of the site."""
    if not state.is_default_language:
        return  # a nested build never starts more builds
    load_config = host_module(config, "config").load_config
    build = host_module(config, "commands.build").build
    for lang in other_languages(state.lang):
        sub = load_config(
            config_file=config.config_file_path,
            site_dir=os.path.join(config.site_dir, lang),
            site_url=language_root(state.root_url, lang),
            docs_dir=config.docs_dir,
            strict=config.strict,
            use_directory_urls=config.use_directory_urls,
        )
        sub.extra.update(language_config_overrides(lang, state.root_url))
        # Material's search plugin instance is shared between configs (MkDocs
        # caches plugins); its language must be set before it reads it in on_config.
        sub.theme["language"] = lang
        search = sub.plugins.get("material/search")
        if search is not None:
            search.config.lang = [lang]
        serve_url = sub.site_url if PROCESS.serving else None
        with _log_prefix(f"[{lang}] ", host_package(config)):
            build(sub, serve_url=serve_url, dirty=PROCESS.dirty)


class _Prefix(logging.Filter):
    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith(self.prefix):  # several handlers share a record
            record.msg = self.prefix + str(record.msg)
        return True


@contextmanager
def _log_prefix(prefix: str, logger: str) -> Iterator[None]:
    """Prefix the nested build's log lines with its language.

    The filter goes on the handlers: a filter on the program's logger would not
    see records of its child loggers.
    """
    handlers = logging.getLogger(logger).handlers
    prefix_filter = _Prefix(prefix)
    for handler in handlers:
        handler.addFilter(prefix_filter)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(prefix_filter)
