"""Per-build state, created in on_config and kept on that build's config.

MkDocs keeps hook modules for the whole process (and ``mkdocs serve`` reuses
them), so nothing about a build lives in module globals: each build (one per
language, and one per live reload) gets a fresh ``BuildState``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from portal.content.site import Site, SiteSettings
from portal.content.urls import language_root
from portal.outputs.feeds import feed_articles
from portal.plan.build import SitePlan, plan_site
from portal.text.languages import DEFAULT_LANGUAGE, LANGUAGES

from .invocation import Invocation, handed_down

_LANG_KEY = "portal_lang"
_ROOT_KEY = "portal_root_url"
_STATE_KEY = "portal_state"


@dataclass
class BuildState:
    """What one language's build knows: its language, the loaded site, the root URL."""

    lang: str
    root_url: str
    plan: SitePlan
    invocation: Invocation = field(repr=False)  #: the MkDocs invocation this build is part of
    templates: Any = field(default=None, repr=False)  #: the theme's Jinja environment, made on first use
    #: article src_uri -> body HTML, for the feeds: only the articles a feed carries (``feed_articles``),
    #: so that the bodies of a large magazine are not all held until the end of the build.
    rendered: dict[str, str] = field(default_factory=dict, repr=False)
    cards: list[Any] = field(default_factory=list, repr=False)  #: social cards of the pages built
    parallel: dict[str, Any] = field(default_factory=dict, repr=False)  #: lang -> (process, folder, log)
    views: dict[str, Any] = field(default_factory=dict, repr=False)  #: src_uri -> the page's PageView
    render_cache: Any = field(default=None, repr=False)  #: rendercache.RenderCache, or None when off

    @property
    def site(self) -> Site:
        return self.plan.site

    @property
    def is_default_language(self) -> bool:
        return self.lang == DEFAULT_LANGUAGE

    @cached_property
    def feed_articles(self) -> frozenset[str]:
        """The articles (src_uri) whose bodies this language's magazine feeds carry."""
        return frozenset(feed_articles(self.site, self.lang))


#: Set by the default language's build for a language built in a parallel process.
LANG_ENV, ROOT_ENV = "PORTAL_BUILD_LANGUAGE", "PORTAL_ROOT_URL"


def language_and_root(config: MkDocsConfig) -> tuple[str, str]:
    """The language this build makes, and the default language's root URL (ending in '/')."""
    lang = config.extra.get(_LANG_KEY) or os.environ.get(LANG_ENV) or DEFAULT_LANGUAGE
    if lang not in LANGUAGES:
        raise ValueError(f"extra.{_LANG_KEY} must be one of {LANGUAGES}, not {lang!r}")
    root_url = config.extra.get(_ROOT_KEY) or os.environ.get(ROOT_ENV) or config.site_url or "/"
    return lang, root_url if root_url.endswith("/") else root_url + "/"


def start_build(config: MkDocsConfig, invocation: Invocation) -> BuildState:
    """Load the site for this build and attach a fresh state to ``config``."""
    lang, root_url = language_and_root(config)
    if lang != DEFAULT_LANGUAGE:
        config.site_url = language_root(root_url, lang)
    config.extra[_LANG_KEY] = lang
    config.extra[_ROOT_KEY] = root_url
    config.theme["language"] = lang
    repo_root = Path(config.config_file_path).resolve().parent
    portal_config = config.extra.get("portal", {}) or {}
    memo = repo_root / ".cache" / "memo" / f"{invocation.cache_name(lang)}.pickle"
    settings = SiteSettings(repo_root=repo_root, content_dir=Path(config.docs_dir).resolve(), root_url=root_url,
                            show_drafts=invocation.serving, page_size=int(portal_config.get("page_size", 10)),
                            social_cards=bool(portal_config.get("social_cards", True)),
                            memo_file=memo if invocation.reusing else None,
                            parsed_file=repo_root / ".cache" / "parsed.pickle" if invocation.reusing else None)
    state = BuildState(lang=lang, root_url=root_url, plan=plan_site(settings), invocation=invocation)
    config.extra[_STATE_KEY] = state
    return state


def state_of(config: MkDocsConfig) -> BuildState:
    """The state that on_config attached to this build's config."""
    return config.extra[_STATE_KEY]


def language_config_overrides(lang: str, root_url: str, invocation: Invocation) -> dict[str, object]:
    """The ``extra`` entries that make a nested build build ``lang`` under the same root, in the same
    invocation."""
    return {_LANG_KEY: lang, _ROOT_KEY: root_url, **handed_down(invocation)}
