import pytest

from portal.text.slugs import slugify


@pytest.mark.parametrize("text, slug", [
    ("l'été à l'écran", "l-ete-a-l-ecran"),
    ("L’été à l’écran", "l-ete-a-l-ecran"),
    ("Œuvres & cœurs", "oeuvres-coeurs"),
    ("  Chiffres clés  ", "chiffres-cles"),
    ("#UpConf 2026", "upconf-2026"),
    ("Ça, c'est Noël !", "ca-c-est-noel"),
])
def test_french_correct_ascii_slugs(text, slug):
    assert slugify(text) == slug
