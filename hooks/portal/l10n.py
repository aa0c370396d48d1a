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
        "structures.title": "Nos structures",
        "structures.description": "Les structures culturelles du Groupe SOS : lieux de création, médias, "
        "insertion, formation et ingénierie culturelle.",
        "structures.intro": "Lieux de production et d’expérimentation, médias, chantiers d’insertion, "
        "organismes de formation, agence d’ingénierie : voici les structures culturelles du Groupe SOS.",
        "filter.legend": "Filtrer les structures",
        "filter.category": "Catégorie",
        "filter.city": "Ville",
        "filter.all_categories": "Toutes les catégories",
        "filter.all_cities": "Toutes les villes",
        "filter.reset": "Tout afficher",
        "filter.one": "1 structure affichée",
        "filter.many": "{count} structures affichées",
        "filter.none": "Aucune structure ne correspond à ce filtre.",
        "structure.facts": "Repères",
        "structure.where": "Où",
        "structure.address": "Adresse",
        "structure.founded": "Création",
        "structure.website": "Site web",
        "structure.category": "Catégorie",
        "structure.mentions": "Dans le magazine et à #UpConf",
        "structure.back": "Toutes les structures",
        "home.structures": "Nos structures",
        "home.structures.all": "Voir toutes les structures",
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
        "structures.title": "Our structures",
        "structures.description": "The cultural structures of Groupe SOS: creative venues, media, work "
        "integration, training and cultural engineering.",
        "structures.intro": "Venues for production and experimentation, media, work-integration projects, "
        "training organisations and an engineering agency: these are the cultural structures of Groupe SOS.",
        "filter.legend": "Filter the structures",
        "filter.category": "Category",
        "filter.city": "City",
        "filter.all_categories": "All categories",
        "filter.all_cities": "All cities",
        "filter.reset": "Show all",
        "filter.one": "1 structure shown",
        "filter.many": "{count} structures shown",
        "filter.none": "No structure matches this filter.",
        "structure.facts": "Key facts",
        "structure.where": "Where",
        "structure.address": "Address",
        "structure.founded": "Founded",
        "structure.website": "Website",
        "structure.category": "Category",
        "structure.mentions": "In the magazine and at #UpConf",
        "structure.back": "All structures",
        "home.structures": "Our structures",
        "home.structures.all": "See all structures",
    },
}


def strings(lang: str) -> Mapping[str, str]:
    """The interface strings of one language."""
    return STRINGS[lang]


def text(lang: str, key: str, **values: str) -> str:
    """One interface string, with ``{placeholders}`` filled in."""
    return STRINGS[lang][key].format(**values)
