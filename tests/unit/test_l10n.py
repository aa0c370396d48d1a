from portal.l10n import STRINGS
from portal.languages import LANGUAGES


def test_every_language_has_every_string():
    keys = {lang: set(STRINGS[lang]) for lang in LANGUAGES}
    reference = keys[LANGUAGES[0]]
    for lang in LANGUAGES:
        assert keys[lang] == reference, f"{lang}: missing {reference - keys[lang]}, extra {keys[lang] - reference}"
