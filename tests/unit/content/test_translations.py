from portal.content.translations import Translations


def make() -> Translations:
    t = Translations("https://x.org")
    t.add("page:engagements", "fr", "engagements/")
    t.add("page:engagements", "en", "en/commitments/")
    t.add("page:contact", "fr", "contact/")
    return t


def test_alternates_list_every_language_with_absolute_urls():
    alternates = make().alternates("en", "en/commitments/")
    assert [(a.lang, a.url) for a in alternates] == [
        ("fr", "https://x.org/engagements/"), ("en", "https://x.org/en/commitments/")]


def test_no_alternates_without_a_real_translation():
    assert make().alternates("fr", "contact/") == []
    assert make().x_default("fr", "contact/") is None


def test_x_default_is_the_french_version():
    assert make().x_default("en", "en/commitments/") == "https://x.org/engagements/"


def test_switcher_goes_to_the_translation():
    [link] = make().switcher("fr", "engagements/")
    assert (link.lang, link.url, link.is_translation) == ("en", "https://x.org/en/commitments/", True)
    assert link.name == "English" and link.title == "Read this page in English"


def test_switcher_falls_back_to_the_other_home():
    [link] = make().switcher("fr", "contact/")
    assert (link.url, link.is_translation) == ("https://x.org/en/", False)
    [link] = make().switcher("en", "en/unknown/")
    assert (link.url, link.name) == ("https://x.org/", "Français")
    assert link.title.startswith("Cette page n’existe pas")


def test_switcher_falls_back_to_the_fallback_group_then_home():
    t = make()
    t.add("issue:1", "fr", "magazine/numeros/1/")
    t.add("issue:1", "en", "en/magazine/issues/1/")
    t.add("issue:1/page/3", "fr", "magazine/numeros/1/page/3/")
    t.fall_back("issue:1/page/3", "issue:1")
    [link] = t.switcher("fr", "magazine/numeros/1/page/3/")
    assert (link.url, link.is_translation) == ("https://x.org/en/magazine/issues/1/", True)
    assert t.alternates("fr", "magazine/numeros/1/page/3/") == [], "a fallback is no translation"
    assert ("fallbacks", (("issue:1/page/3", "issue:1"),)) in t.snapshot()
    t.add("issue:2/page/2", "fr", "magazine/numeros/2/page/2/")
    t.fall_back("issue:2/page/2", "issue:2")  # a group with no English page: the English home
    [link] = t.switcher("fr", "magazine/numeros/2/page/2/")
    assert (link.url, link.is_translation) == ("https://x.org/en/", False)
