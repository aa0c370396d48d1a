"""schema.org JSON-LD, serialised so that no text from data can end its <script> block."""

from __future__ import annotations

import json
from typing import Any

from portal.content.conferences import Conference
from portal.content.magazine import Article, Author
from portal.content.structures import Structure
from portal.text.typography import french_apostrophes

PUBLISHER = {"@type": "Organization", "name": "Groupe SOS"}


#: The keys whose values are addresses or identifiers, never typeset.
_NOT_TEXT = frozenset({"@context", "@type", "@id", "url", "image", "logo", "sameAs", "inLanguage", "eventStatus",
                       "eventAttendanceMode", "startDate", "endDate", "previousStartDate", "datePublished",
                       "dateModified", "foundingDate"})


def script_json(data: dict[str, Any], lang: str = "") -> str:
    """JSON for a ``<script type="application/ld+json">``: '<', '>' and '&' are escaped.

    A title such as ``</script><script>alert(1)</script>`` then stays text. In French, the texts
    (not the addresses) get curly apostrophes, as the page shows them.
    """
    if lang == "fr":
        data = _typeset(data)
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


_EVENT_STATUS = {"scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed"}


def event(conference: Conference, lang: str, page_url: str, image_url: str) -> dict[str, Any]:
    """An ``Event`` (schema.org) for a conference page: dates with their offset, status, place."""
    start, end = conference.when
    status = _EVENT_STATUS[conference.status]
    if conference.status == "postponed" and conference.new_start:
        status = "EventRescheduled"
    locations: list[dict[str, Any]] = []
    if conference.venue:
        place: dict[str, Any] = {"@type": "Place", "name": conference.venue.name}
        if conference.venue.city or conference.venue.address:
            address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "FR"}
            if conference.venue.city:
                address["addressLocality"] = conference.venue.city
            if conference.venue.address:
                address["streetAddress"] = conference.venue.address
            place["address"] = address
        locations.append(place)
    if conference.online:
        online_url = conference.online if isinstance(conference.online, str) else page_url
        locations.append({"@type": "VirtualLocation", "url": online_url})
    mode = ("Mixed" if conference.venue and conference.online else "Online" if conference.online else "Offline")
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": conference.title[lang],
        "description": conference.summary[lang],
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": "Groupe SOS", "url": page_url.split("/upconf/")[0] + "/"},
        "url": page_url,
        "inLanguage": lang,
    }
    if conference.status == "postponed" and conference.new_start:
        data["previousStartDate"] = conference.start.isoformat()
    if conference.speakers:
        data["performer"] = [{"@type": "PerformingGroup", "name": s.name_in(lang)}
                             for s in conference.speakers]
    if image_url:
        data["image"] = image_url
    return data


def _typeset(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _typeset(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_typeset(v, key) for v in value]
    if isinstance(value, str) and key not in _NOT_TEXT:
        return french_apostrophes(value)
    return value
