import pytest

from portal.content.urls import absolute, language_root, page_path


@pytest.mark.parametrize("src_uri, lang, expected", [
    ("index.md", "fr", ""),
    ("index.md", "en", "en/"),
    ("mission.md", "fr", "mission/"),
    ("commitments.md", "en", "en/commitments/"),
    ("guide/index.md", "fr", "guide/"),
    ("guide/index.md", "en", "en/guide/"),
    ("guide/step.md", "en", "en/guide/step/"),
])
def test_page_path(src_uri, lang, expected):
    assert page_path(src_uri, lang) == expected


def test_absolute_urls_join_one_slash():
    assert absolute("https://x.org/", "en/a/") == "https://x.org/en/a/"
    assert absolute("https://x.org", "/a/") == "https://x.org/a/"
    assert language_root("https://x.org/", "en") == "https://x.org/en/"
    assert language_root("https://x.org/", "fr") == "https://x.org/"
