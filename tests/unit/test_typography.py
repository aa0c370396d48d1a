"""French spacing on rendered HTML: text only, never tags, code, scripts, URLs or times."""

from portal.typography import NNBSP, french_spacing


def test_high_marks_and_guillemets_get_a_narrow_no_break_space():
    assert french_spacing("<p>Quoi ? Oui : non ; bien!</p>") == f"<p>Quoi{NNBSP}? Oui{NNBSP}: non{NNBSP}; bien{NNBSP}!</p>"
    assert french_spacing("<p>« oui » et «&nbsp;non&nbsp;»</p>") == f"<p>«{NNBSP}oui{NNBSP}» et «{NNBSP}non{NNBSP}»</p>"
    assert french_spacing("<p><strong>Note</strong> : texte</p>") == f"<p><strong>Note</strong>{NNBSP}: texte</p>"


def test_tags_code_scripts_urls_times_and_references_are_left_alone():
    untouched = ('<a href="/a?b=1" title="a : b">x</a><code>a : b ?</code><pre>c ; d</pre>'
                 "<script>var a = b ? c : d;</script><p>À 18:30, https://a.example/b?c=d, &amp; &#8217;</p>")
    assert french_spacing(untouched) == untouched
