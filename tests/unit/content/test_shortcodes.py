from portal.content.figures import KeyFigure
from portal.content.shortcodes import expand

FIGURES = [KeyFigure("reached", 430000, "count", {"fr": "personnes", "en": "people"})]


def render(name, context):
    if name == "key-figures":
        return "<ul>\n\n" + "".join(f"<li>{f.number} {f.label}</li>" for f in context["figures"]) + "</ul>"
    video = context["video"]
    return f'<figure data-src="{video.embed_url}">{video.play_label}</figure>'


def test_key_figures_shortcode_is_replaced_without_blank_lines():
    markdown, problems = expand("Intro\n\n<!-- portal:key-figures -->\n\nEnd\n", "p.md", "en", FIGURES, render)
    assert problems == []
    assert "<ul>\n<li>430,000 people</li></ul>" in markdown
    assert "portal:" not in markdown


def test_video_shortcode_prepares_a_click_to_load_embed():
    markdown, problems = expand('<!-- portal:video youtube=a1B2c3D4e5F title="Le plaidoyer" -->\n',
                                "p.md", "fr", FIGURES, render)
    assert problems == []
    assert 'data-src="https://www.youtube-nocookie.com/embed/a1B2c3D4e5F?autoplay=1"' in markdown
    assert "Lire la vidéo : Le plaidoyer" in markdown


def test_bad_shortcodes_are_reported_at_their_file_line():
    text = "---\n---\nx\n<!-- portal:video youtube=bad -->\n<!-- portal:key-figure -->\n<!-- portal:video title=\"x\" -->\n"
    _, problems = expand(text, "p.md", "fr", FIGURES, render, line_offset=10)
    assert [str(p) for p in problems] == [
        "p.md:14: portal:video: 'bad' is not a YouTube video id",
        "p.md:15: portal:key-figure: unknown marker (did you mean 'key-figures'?)",
        'p.md:16: portal:video: name one video host and the video id (write <!-- portal:video youtube=ID title="…" -->)',
    ]


def test_shortcodes_in_code_blocks_are_left_alone():
    text = "```\n<!-- portal:key-figures -->\n```\n"
    markdown, problems = expand(text, "p.md", "fr", FIGURES, render)
    assert markdown == text and problems == []


def test_shortcode_names_are_those_outside_code_fences():
    from portal.content.shortcodes import shortcode_names
    markdown = ("<!-- portal:video youtube=a1B2c3D4e5F title=\"x\" -->\n\n```\n<!-- portal:key-figures -->\n```\n"
                "<!-- portal:video vimeo=123456 title=\"y\" -->\n")
    assert shortcode_names(markdown) == ("video",)
    assert shortcode_names("Texte.\n") == ()
