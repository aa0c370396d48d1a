"""The site's trust pages: legal notice, accessibility, privacy, contact, site map.

They are ordinary hand-written pages (``content/<key>.<lang>.md``), recognised by
their key (the French file's stem). They are linked from every footer and kept
out of the home page's sections and of the "What we do" menu, which are about
culture, not about the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

#: Keys of the trust pages, in the order the footer lists them.
LEGAL_KEY = "mentions-legales"  #: the legal notice, which also shows content/_data/legal.yml
TRUST_KEYS = (LEGAL_KEY, "accessibilite", "confidentialite", "contact", "plan-du-site")


class _Keyed(Protocol):
    @property
    def key(self) -> str: ...


_P = TypeVar("_P", bound=_Keyed)


def is_trust_page(page: _Keyed) -> bool:
    """Whether a hand-written page is one of the trust pages."""
    return page.key in TRUST_KEYS


def trust_pages(pages: Iterable[_P]) -> list[_P]:
    """The trust pages among ``pages``, in footer order."""
    found = {page.key: page for page in pages if is_trust_page(page)}
    return [found[key] for key in TRUST_KEYS if key in found]
