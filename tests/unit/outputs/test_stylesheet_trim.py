"""Material's stylesheet trimmed to the names the pages use: a rule goes only when it cannot match."""

from portal.outputs.stylesheet_trim import trimmed, used_names

CSS = """/* a comment */
html{color:red}.used{a:1}.unused{b:2}.used .unused,.used>p{c:3}
[dir=rtl] .used{d:4}[dir=ltr] .used{e:5}[data-x^=ab]{f:6}
.used:hover,.used:not(.unused){g:7}.used::before{h:8}#main{i:9}#gone{j:10}
kbd{k:11}@media screen and (min-width:10em){.used{l:12}.unused{m:13}}@media print{.unused{n:14}}
@keyframes spin{0%{o:15}}.made-by-script{p:16}:root{--q:17}"""
HTML = '<html dir="ltr"><body><main id="main"><p class="used other" data-x="abc">x</p></main></body></html>'


def test_rules_that_cannot_match_go_and_the_others_stay_in_order():
    out = trimmed(CSS, used_names([HTML], ["el.className = 'made-by-script'"]))
    assert out == ("html{color:red}.used{a:1}.used>p{c:3}[dir=ltr] .used{e:5}[data-x^=ab]{f:6}"
                   ".used:hover,.used:not(.unused){g:7}.used::before{h:8}#main{i:9}"
                   "@media screen and (min-width:10em){.used{l:12}}@keyframes spin{0%{o:15}}"
                   ".made-by-script{p:16}:root{--q:17}")


def test_the_result_is_the_same_whatever_the_order_of_the_pages_and_trimming_again_changes_nothing():
    other = '<div class="unused"></div>'
    first = trimmed(CSS, used_names([HTML, other]))
    assert first == trimmed(CSS, used_names([other, HTML]))
    assert trimmed(first, used_names([HTML, other])) == first
    assert ".unused{b:2}" in first and "@media print{.unused{n:14}}" in first
