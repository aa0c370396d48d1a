"""Shortcodes that editors put in Markdown, expanded into prepared template blocks.

A shortcode is an HTML comment alone on its line, so it is invisible in any
Markdown preview: ``<!-- portal:key-figures -->`` or
``<!-- portal:video youtube=ID title="…" -->``. The core validates a shortcode and
prepares the data; the adapter (``portal_mkdocs.shortcodes``) renders the block's template.

"Shortcode" is the code's one name for them. The editors' guides and the problems
editors read call them "markers" ("marqueurs"): the word of the page they write, kept
there on purpose ("unknown marker", "known markers: …").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from portal.text import l10n

from .figures import KeyFigure, figure_view
from .problems import Problem, did_you_mean

SHORTCODE = re.compile(r"^<!--\s*portal:(?P<name>[a-z-]+)(?P<args>[^\n]*?)\s*-->\s*$", re.MULTILINE)
_ARG = re.compile(r'(?P<key>[a-z]+)=(?:"(?P<quoted>[^"]*)"|(?P<bare>\S+))')
_FENCE = re.compile(r"^(```|~~~)", re.MULTILINE)

VIDEO_HOSTS: Mapping[str, tuple[str, re.Pattern[str], str, str]] = {
    # provider: (name, id pattern, embed URL, watch URL). youtube-nocookie sets no
    # cookie until the video plays; the iframe is only created on the reader's click.
    "youtube": ("YouTube", re.compile(r"^[A-Za-z0-9_-]{11}$"),
                "https://www.youtube-nocookie.com/embed/{id}?autoplay=1", "https://www.youtube.com/watch?v={id}"),
    "vimeo": ("Vimeo", re.compile(r"^[0-9]{6,12}$"),
              "https://player.vimeo.com/video/{id}?autoplay=1&dnt=1", "https://vimeo.com/{id}"),
}

Render = Callable[[str, Mapping[str, Any]], str]


@dataclass(frozen=True)
class VideoEmbed:
    """A click-to-load video: nothing is requested from the host before the click."""

    provider: str
    provider_name: str
    video_id: str
    title: str
    embed_url: str
    watch_url: str
    notice: str
    play_label: str
    open_label: str


def expand(markdown: str, source: str, lang: str, figures: Sequence[KeyFigure], render: Render,
           line_offset: int = 0) -> tuple[str, list[Problem]]:
    """Replace every shortcode of ``markdown`` by its rendered block; report bad ones."""
    problems: list[Problem] = []
    fenced = _fenced_ranges(markdown)

    def replace(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in fenced):
            return match.group(0)
        line = markdown.count("\n", 0, match.start()) + 1 + line_offset
        name, args = match.group("name"), _parse_args(match.group("args"))
        if name == "key-figures":
            context: dict[str, Any] = {"figures": [figure_view(f, lang) for f in figures],
                                       "title": l10n.text(lang, "figures.title")}
        elif name == "video":
            video = _video(args, lang, source, line, problems)
            if video is None:
                return ""
            context = {"video": video}
        else:
            hint = did_you_mean(name, ("key-figures", "video")) or "known markers: key-figures, video"
            problems.append(Problem(source, line, f"portal:{name}", "unknown marker", hint))
            return ""
        html = render(name, context)
        # A blank line inside raw HTML would end the HTML block for Markdown.
        return "\n" + re.sub(r"\n\s*\n", "\n", html.strip()) + "\n"

    return SHORTCODE.sub(replace, markdown), problems


def shortcode_names(markdown: str) -> tuple[str, ...]:
    """The names of the shortcodes ``markdown`` uses, in order, each once (not those shown inside code fences)."""
    fenced = _fenced_ranges(markdown)
    names = [m.group("name") for m in SHORTCODE.finditer(markdown)
             if not any(start <= m.start() < end for start, end in fenced)]
    return tuple(dict.fromkeys(names))


def _video(args: dict[str, str], lang: str, source: str, line: int, problems: list[Problem]) -> VideoEmbed | None:
    providers = [p for p in VIDEO_HOSTS if p in args]
    title = args.get("title", "").strip()
    if len(providers) != 1:
        problems.append(Problem(source, line, "portal:video", "name one video host and the video id",
                                'write <!-- portal:video youtube=ID title="…" -->'))
        return None
    provider = providers[0]
    name, pattern, embed, watch = VIDEO_HOSTS[provider]
    video_id = args[provider]
    if not pattern.match(video_id):
        problems.append(Problem(source, line, "portal:video", f"'{video_id}' is not a {name} video id"))
        return None
    if not title:
        problems.append(Problem(source, line, "portal:video", "the video needs a title",
                                'add title="…" for readers of screen readers'))
        return None
    return VideoEmbed(provider, name, video_id, title, embed.format(id=video_id), watch.format(id=video_id),
                      l10n.text(lang, "video.notice", provider=name), l10n.text(lang, "video.play", title=title),
                      l10n.text(lang, "video.open", provider=name))


def _parse_args(text: str) -> dict[str, str]:
    return {m.group("key"): m.group("quoted") if m.group("quoted") is not None else m.group("bare")
            for m in _ARG.finditer(text)}


def _fenced_ranges(markdown: str) -> list[tuple[int, int]]:
    fences = [m.start() for m in _FENCE.finditer(markdown)]
    return [(fences[i], fences[i + 1]) for i in range(0, len(fences) - 1, 2)]
