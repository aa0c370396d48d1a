"""Interface strings of our own templates, per language.

The switcher's strings are read in the *target* language (a link to the
English page is labelled in English, with lang="en").

Material translates its own interface; these are the strings of the parts we
add (switcher, home sections, video consent, figures). A missing string is a
bug caught by a unit test, not a silent fallback.
"""

from __future__ import annotations

from collections.abc import Mapping

STRINGS: Mapping[str, Mapping[str, str]] = {
    "fr": {
        "nav.home": "Accueil",
        "switcher.label": "Langue",
        "switcher.translation": "Lire cette page en français",
        "switcher.home": "Cette page n’existe pas en français : aller à l’accueil",
        "figures.title": "Chiffres clés",
        "home.discover": "Découvrir",
        "home.sections": "Nos actions pour la culture",
        "home.figures": "La culture au Groupe SOS en chiffres",
        "video.notice": "Cette vidéo est hébergée par {provider}. Elle ne se charge que si vous le demandez ; "
        "{provider} pourra alors déposer des cookies.",
        "video.play": "Lire la vidéo : {title}",
        "video.open": "Voir sur {provider}",
        "skip": "Aller au contenu",
    },
    "en": {
        "nav.home": "Home",
        "switcher.label": "Language",
        "switcher.translation": "Read this page in English",
        "switcher.home": "This page is not in English: go to the home page",
        "figures.title": "Key figures",
        "home.discover": "Discover",
        "home.sections": "What we do for culture",
        "home.figures": "Culture at Groupe SOS in figures",
        "video.notice": "This video is hosted by {provider}. It only loads if you ask for it; "
        "{provider} may then set cookies.",
        "video.play": "Play the video: {title}",
        "video.open": "Watch on {provider}",
        "skip": "Skip to content",
    },
}


def strings(lang: str) -> Mapping[str, str]:
    """The interface strings of one language."""
    return STRINGS[lang]


def text(lang: str, key: str, **values: str) -> str:
    """One interface string, with ``{placeholders}`` filled in."""
    return STRINGS[lang][key].format(**values)
