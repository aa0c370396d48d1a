"""schema.org JSON-LD, serialised so that no text from data can end its <script> block."""

from __future__ import annotations

import json
from typing import Any

from .magazine import Article, Author
from .structures import Structure

PUBLISHER = {"@type": "Organization", "name": "Groupe SOS"}


def script_json(data: dict[str, Any]) -> str:
    """JSON for a ``<script type="application/ld+json">``: '<', '>' and '&' are escaped.

    A title such as ``</script><script>alert(1)</script>`` then stays text.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def organization(structure: Structure, lang: str, page_url: str, image_urls: dict[str, str]) -> dict[str, Any]:
    """An ``Organization`` for a structure's page (only the facts we hold)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": structure.name,
        "description": structure.summary[lang],
        "url": structure.website or page_url,
        "mainEntityOfPage": page_url,
        "inLanguage": lang,
        "parentOrganization": PUBLISHER,
    }
    if structure.website:
        data["sameAs"] = [structure.website]
    if structure.founded:
        data["foundingDate"] = str(structure.founded)
    if structure.city or structure.address:
        address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "FR"}
        if structure.city:
            address["addressLocality"] = structure.city
        if structure.address:
            address["streetAddress"] = structure.address
        data["address"] = address
    if "logo" in image_urls:
        data["logo"] = image_urls["logo"]
    if "photo" in image_urls:
        data["image"] = image_urls["photo"]
    return data


def article(item: Article, page_url: str, authors: list[Author], cover_url: str | None) -> dict[str, Any]:
    """An ``Article`` (schema.org) for a magazine article page."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": item.title,
        "description": item.description,
        "datePublished": item.date.isoformat(),
        "dateModified": (item.updated or item.date).isoformat(),
        "inLanguage": item.lang,
        "mainEntityOfPage": page_url,
        "url": page_url,
        "author": [{"@type": "Organization" if a.collective else "Person", "name": a.name} for a in authors],
        "publisher": {"@type": "Organization", "name": "respect", "parentOrganization": PUBLISHER},
    }
    if cover_url:
        data["image"] = cover_url
    return data
