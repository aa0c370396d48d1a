"""Every reach of the portal past MkDocs' and Material's public interfaces, each a small named function.

The public interfaces are the plugin events, the configuration, ``Files``/``File``/``Page``
as plugins are documented to use them, template contexts, and Material's template blocks.
What the portal needs beyond them is done here and nowhere else (the rest of the adapter
calls these functions), each checked against **MkDocs 1.6.1** and **Material for MkDocs
9.8.1**, the pinned versions (``CHECKED``). MkDocs 1.x is no longer developed, and
**Material for MkDocs reaches its end of life on 2027-05-05** (``MATERIAL_END_OF_LIFE``):
a move to another program starts from this list. ``tests/unit/test_internals.py`` checks,
against the installed versions, that each internal below still has the shape relied on
(attribute, signature, log text in MkDocs' source, Material's template copied), and that
the versions are the checked ones: an upgrade fails that test, by name, instead of
breaking a build silently.

Pages (``rendercache``, ``unchanged``, ``shortcodes``, ``sanitising``):

- ``rendered_title`` / ``put_back_render``: ``Page._title_from_render`` (private;
  mkdocs/structure/pages.py:57, read by ``Page.title``, pages.py:247),
  ``Page.present_anchor_ids`` and ``Page.links_to_anchors`` (set by ``Page.render``,
  pages.py:287-292, read by ``Page.validate_anchor_links``, pages.py:304). A page put back
  from the page cache is not rendered: what rendering would have set is set from the cache.
- ``skip_render``: replaces ``page.render`` (called by build.py:167, ``_populate_page``) of a
  reused page: nothing to convert, and no Markdown converter made for it.
- ``stand_in_page``: ``Page(None, file, config)`` for a page left out of the build, so that
  MkDocs' anchor validation of the other pages finds its anchors (``File.page``).
- ``log_missing_anchor``: for links of pages left out of the build, MkDocs' own warning
  text, logger and level for a link to an anchor that is not there (pages.py:322-326).
- ``forget_markdown`` / ``forget_content``: a page's Markdown (``Page.markdown``, and the
  copy a generated ``File`` holds) once ``Page.render`` has used it, and its body HTML
  (``Page.content``) once its output is made. MkDocs keeps both on every page to the end
  of the build and renders every page's Markdown before the first template (build.py:310,
  then 337): at 5 000 articles that is hundreds of MiB held for nothing. Relied on: nothing
  reads them later (a page's template reads only its own page's content; anchors are
  validated from ``present_anchor_ids``, build.py:342). Set to ``""``, not ``None``:
  ``Page.title`` answers None for a page whose ``markdown`` is None (pages.py:241).
- ``set_theme_blocks`` / ``theme_blocks``: an attribute of ours on MkDocs' ``Page`` (the
  HTML of the shortcodes' blocks, which the sanitiser must keep).

Files (``rendercache``, ``outputs``):

- ``watch_lookups``: wraps ``Files.get_file_from_path`` (files.py:93) on one ``Files``, the
  lookup MkDocs makes for every link of a page (pages.py:454, 481), to record what each
  page's links found and to answer for pages left out of the build.
- ``leave_in_place``: replaces ``File.copy_file`` (files.py:473) of a generated file whose
  file in the site folder is already its output (a copy would change its time).

Output (``rendercache``, ``outputs``, ``sitefolder``):

- ``NOTHING_TO_WRITE``: MkDocs writes no file for an empty page or template output
  (build.py:105, 141, 229); a page or template whose file is already right renders empty.
- ``quiet_skipped_pages``: MkDocs then logs "Page skipped: '…'. Generated empty output."
  (build.py:234, INFO): filtered by its text for the pages kept on purpose.

Theme and builds (``theme``, ``multibuild``, ``worker``):

- ``wrap_theme_env``: wraps ``Theme.get_env`` (theme.py:158) to swap Jinja's loader for one
  that lists the theme's files once (``theme.PrunedFileSystemLoader``).
- ``build_function`` / ``load_config_function``: ``commands.build.build`` (build.py:249) and
  ``config.load_config``, not a plugin API, to build the other languages (and the worker's
  requests) with the program that runs the default language's build.

Material: ``MATERIAL_TEMPLATE_COPIES`` lists Material's templates that ``overrides/``
replaces with an edited copy (each copy says what it changes), with the digest of the
original they were copied from; the test compares them with the installed Material. The
overrides also fill Material's template blocks (``MATERIAL_BLOCKS``) and include its
partials (``MATERIAL_PARTIALS``). Material's JavaScript bundle is not loaded at all
(``overrides/main.html``), so nothing depends on it.

Not reaches: ``host`` imports MkDocs' modules through the package that runs the build
(``mkdocs`` or ``properdocs``); the warning counter of ``rendercache`` is a logging
handler on the program's logger.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from .host import host_module, host_package

MKDOCS = "1.6.1"
MATERIAL = "9.8.1"
MATERIAL_END_OF_LIFE = "2027-05-05"
#: The distributions whose internals are reached, and the versions this module was checked against.
CHECKED = {"mkdocs": MKDOCS, "mkdocs-material": MATERIAL}

#: Material's templates replaced by an edited copy in overrides/: sha256 of Material 9.8.1's original.
MATERIAL_TEMPLATE_COPIES = {
    "base.html": "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb",
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    "partials/nav-item.html": "89895208f22d68ce405a4bcb6649b9150eba5bbb04663a6cb3f93f02daf1d2f7",
    "partials/toc.html": "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
    "partials/languages/en.html": "902e36bb5ec5cb46fb41df377051591ec87cb4077e8de11e0efd8cd70fd4b2c6",
    "partials/languages/fr.html": "dd9180ff3fdd3438be773c63d086cf2faf5fddb55e7b28b046c2083834584c2b",
}
#: Material's template blocks that overrides/ fills (main.html and the page templates).
MATERIAL_BLOCKS = ("site_meta", "htmltitle", "extrahead", "site_nav", "content", "footer", "fonts", "config",
                   "scripts", "tabs", "hero", "container")
#: Material's partials that overrides/ includes.
MATERIAL_PARTIALS = ("partials/logo.html", "partials/palette.html", "partials/source.html", "partials/tabs.html",
                     "partials/toc-item.html", "partials/nav.html")


# -- pages ----------------------------------------------------------------------------------------

def rendered_title(page: Any) -> str | None:
    """The title ``Page.render`` found in the page's first heading (MkDocs 1.6.1: private)."""
    return page._title_from_render


def anchors_of(page: Any) -> set[str] | None:
    """The anchors the page's HTML offers (set by ``Page.render``; None before)."""
    return page.present_anchor_ids


def links_to_anchors(page: Any) -> dict[Any, dict[str, str]]:
    """The page's links to anchors: target file -> {anchor: link as written} (set by ``Page.render``)."""
    return page.links_to_anchors or {}


def put_back_render(page: Any, title: str | None, anchors: set[str], links: dict[Any, dict[str, str]]) -> None:
    """Set what ``Page.render`` sets besides the content, for a page that is not rendered (its output is
    reused): its title from its heading, its anchors, its links to anchors (checked by MkDocs after the loop)."""
    page._title_from_render = title
    page.present_anchor_ids = anchors
    page.links_to_anchors = links


def skip_render(page: Any) -> None:
    """Make ``page.render`` (called by MkDocs between on_page_markdown and on_page_content) do nothing but
    leave an empty content: the page's body is put back at on_page_content."""

    def render(config: Any, files: Any) -> None:
        page.content = ""

    page.render = render


def forget_markdown(page: Any) -> None:
    """Drop a rendered page's Markdown, and a generated file's copy of it (nothing reads them again)."""
    page.markdown = ""
    if page.file.generated_by is not None:  # a real file's text is read from disk, never held
        page.file.content_string = ""


def forget_content(page: Any) -> None:
    """Drop a page's body HTML once its output is made (nothing reads it again)."""
    page.content = ""


def stand_in_page(file: Any, config: Any, anchors: set[str]) -> Any:
    """A page object for a file left out of MkDocs' loop (``file.page`` is set by the constructor), offering
    ``anchors`` to MkDocs' validation of the links to it."""
    page = host_module(config, "structure.pages").Page(None, file, config)
    page.present_anchor_ids = anchors
    return page


def log_missing_anchor(config: Any, src_uri: str, link: str, target_uri: str, anchor: str) -> None:
    """Say, as MkDocs says it of the pages it validates, that a link points to an anchor that is not there."""
    log = logging.getLogger(host_module(config, "structure.pages").__name__)
    log.log(config.validation.links.anchors,
            f"Doc file '{src_uri}' contains a link '{link}', but the doc '{target_uri}' does not contain an "
            f"anchor '#{anchor}'.")


def set_theme_blocks(page: Any, blocks: list[str]) -> None:
    """Keep on the page the HTML of its shortcodes' blocks (an attribute of ours on MkDocs' ``Page``)."""
    page.portal_blocks = blocks


def theme_blocks(page: Any) -> list[str]:
    """The HTML of the page's shortcodes' blocks (``set_theme_blocks``), or none."""
    return list(getattr(page, "portal_blocks", ()))


# -- files ----------------------------------------------------------------------------------------

def watch_lookups(files: Any, wrap: Callable[[Callable[[str], Any]], Callable[[str], Any]]) -> None:
    """Replace ``files.get_file_from_path`` (every link lookup of MkDocs) by ``wrap(the original)``."""
    files.get_file_from_path = wrap(files.get_file_from_path)


def leave_in_place(file: Any) -> None:
    """MkDocs does not copy ``file`` to the site folder (the file there is already its output)."""

    def copy_file(dirty: bool = False) -> None:
        """The file in the site folder is already this file's output."""

    file.copy_file = copy_file


# -- output ---------------------------------------------------------------------------------------

#: An on_post_page or on_post_template output that MkDocs does not write (it keeps the file there).
NOTHING_TO_WRITE = ""
#: The start of what MkDocs logs (INFO) for a page whose output is empty.
PAGE_SKIPPED = "Page skipped: '"


class SkippedPagesFilter(logging.Filter):
    """Drops MkDocs' "Page skipped: '…'. Generated empty output." line for the pages of ``pages``."""

    def __init__(self, pages: set[str]) -> None:
        super().__init__()
        self.pages = pages

    def filter(self, record: logging.LogRecord) -> bool:
        message = str(record.msg)
        if not message.startswith(PAGE_SKIPPED):
            return True
        return message.split("'", 2)[1] not in self.pages


def quiet_skipped_pages(config: Any, pages: set[str]) -> Callable[[], None]:
    """Until the returned function is called, MkDocs does not log that it skipped the pages of ``pages``
    (src_uri, filled as the build goes): their empty output is on purpose."""
    log = logging.getLogger(f"{host_package(config)}.commands.build")
    found = SkippedPagesFilter(pages)
    log.addFilter(found)
    return lambda: log.removeFilter(found)


# -- theme and builds -----------------------------------------------------------------------------

def wrap_theme_env(config: Any, wrap: Callable[[Any], Any]) -> None:
    """Make every Jinja environment this build's theme makes go through ``wrap`` (``Theme.get_env``)."""
    theme = config.theme
    get_env = theme.get_env
    theme.get_env = lambda: wrap(get_env())


def build_function(host: str) -> Callable[..., None]:
    """MkDocs' ``build(config, *, serve_url=None, dirty=False)`` of the running program."""
    return importlib.import_module(f"{host}.commands.build").build


def load_config_function(host: str) -> Callable[..., Any]:
    """MkDocs' ``load_config(config_file=None, **overrides)`` of the running program."""
    return importlib.import_module(f"{host}.config").load_config
