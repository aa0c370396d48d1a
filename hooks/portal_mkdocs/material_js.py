"""Turn off Material's client-side language switching in its JavaScript bundle.

Material's bundle fetches ``sitemap.xml`` next to *every* ``<link rel=alternate>``
of the page (a 404 per hreflang link, and a request to the production host
when the site is browsed elsewhere) and rewrites clicks on links into other
languages to guesses that land on the home page. Our switcher and hreflang
links are computed on the server, so the call that starts this feature is
removed from the pinned bundle. If Material changes, the call is not found,
a warning says so, and a strict build fails until this is looked at again.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from .host import host_module
from .report import logger

BUNDLE = re.compile(r"^assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
#: The statement that starts Material 9.8.1's "alternate" integration.
LANGUAGE_SWITCHING_CALL = "ui({document$:ct});"


def patched(file: File, config: MkDocsConfig) -> File | None:
    """A generated copy of Material's bundle without language switching; None for other files."""
    if not BUNDLE.match(file.src_uri) or file.abs_src_path is None:
        return None
    with open(file.abs_src_path, encoding="utf-8") as handle:
        code = handle.read()
    if code.count(LANGUAGE_SWITCHING_CALL) != 1:
        logger(config).warning(f"{file.src_uri}: Material's language-switching call was not found; "
                    "check portal_mkdocs/material_js.py against the installed Material version")
        return None
    generated = host_module(config, "structure.files").File.generated
    return generated(config, file.src_uri, content=code.replace(LANGUAGE_SWITCHING_CALL, "", 1))
