"""French spacing on rendered HTML: text only, never tags, code, scripts, URLs or times."""

from portal.text.typography import NNBSP, french_apostrophes, french_spacing


def test_high_marks_and_guillemets_get_a_narrow_no_break_space():
    assert french_spacing("<p>Quoi ? Oui : non ; bien!</p>") == f"<p>Quoi{NNBSP}? Oui{NNBSP}: non{NNBSP}; bien{NNBSP}!</p>"
    assert french_spacing("<p>« oui » et «&nbsp;non&nbsp;»</p>") == f"<p>«{NNBSP}oui{NNBSP}» et «{NNBSP}non{NNBSP}»</p>"
    assert french_spacing("<p><strong>Note</strong> : texte</p>") == f"<p><strong>Note</strong>{NNBSP}: texte</p>"


def test_tags_code_scripts_urls_times_and_references_are_left_alone():
    untouched = ('<a href="/a?b=1" title="a : b">x</a><code>a : b ?</code><pre>c ; d</pre>'
                 "<script>var a = b ? c : d;</script><p>À 18:30, https://a.example/b?c=d, &amp; &#8217;</p>")
    assert french_spacing(untouched) == untouched


def test_a_straight_apostrophe_between_letters_becomes_curly_in_text_and_text_attributes():
    page = ('<title>Souffleurs d&#39;images</title><meta name="description" content="L&#39;atelier d\'été">'
            '<img alt="l&#39;affiche" src="/l\'a.png"><p>aujourd\'hui, l&#x27;été</p>')
    assert french_spacing(page) == ('<title>Souffleurs d’images</title><meta name="description" content="L’atelier d’été">'
                                    '<img alt="l’affiche" src="/l\'a.png"><p>aujourd’hui, l’été</p>')


def test_apostrophes_in_code_addresses_and_quotes_stay_straight():
    untouched = ('<meta property="og:url" content="https://a.example/l\'a"><a href="/d\'x">x</a>'
                 "<code>l'été</code><pre>d'x</pre><script>var a = 'b';</script><p>'cité' 5'6</p>")
    assert french_spacing(untouched) == untouched
    assert french_apostrophes("l'été 'cité' 5'6") == "l’été 'cité' 5'6"


def test_a_text_whose_only_mark_is_an_apostrophe_is_curled():
    # The pass skips text with no mark at all: an apostrophe alone must still count as one.
    assert french_spacing("<p>Souffleurs d'images</p>") == "<p>Souffleurs d’images</p>"
