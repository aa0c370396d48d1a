"""At the end of each language's build: Material's stylesheet trimmed to what that language's pages use.

The rules are chosen by ``portal.outputs.stylesheet_trim`` from every HTML file the build left in its folder
(pages kept from the last build included, so a warm build writes the same bytes as a cold one) and the
portal's scripts. The file keeps its name (``base.html`` links it); it is written from the theme's
original each time, never trimmed twice, and left alone when its bytes would not change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from portal.cache.cachekey import cache_key
from portal.outputs.stylesheet_trim import trimmed, used_names
from portal.text.languages import other_languages

from .state import BuildState

STYLESHEETS = "assets/stylesheets"
SCRIPTS = "assets/javascripts"


def trim_material_stylesheet(config: MkDocsConfig, state: BuildState) -> None:
    """Rewrite ``assets/stylesheets/main.*.min.css`` of this language's folder with the rules its pages can use."""
    site = Path(config.site_dir)
    targets = sorted((site / STYLESHEETS).glob("main.*.min.css"))
    if not targets:
        return
    pages = language_pages(site, state.lang)
    scripts = [path for path in sorted((site / SCRIPTS).glob("*.js")) if not path.name.startswith("bundle.")]
    sources = [_theme_file(config, f"{STYLESHEETS}/{target.name}") for target in targets]
    # Reading every page costs about 0.55 ms each (5 s a language at 5 000 articles), on every build: when no
    # page (same names, sizes and times, as the page cache's manifest checks), script or source changed since
    # the last trim, the last trim's sheets are written again without reading a page (MkDocs has just copied
    # the theme's untrimmed sheet over them).
    record = _record_file(config, state) if state.invocation.reusing else None
    # Pages by name, size and time; the scripts and sources by their bytes (MkDocs copies them again every build).
    key = cache_key([_stat(path) for path in pages], code=[__name__, "portal.outputs.stylesheet_trim"],
                    files=[*scripts, *(source for source in sources if source is not None)])
    last = _read(record) if record is not None else None
    if isinstance(last, dict) and last.get("key") == key:
        sheets: dict[str, str] = last["sheets"]
    else:
        names = used_names((path.read_text(encoding="utf-8") for path in pages),
                           [path.read_text(encoding="utf-8") for path in scripts])
        sheets = {target.name: trimmed(source.read_text(encoding="utf-8"), names)
                  for target, source in zip(targets, sources) if source is not None}
        if record is not None:
            record.parent.mkdir(parents=True, exist_ok=True)
            record.write_text(json.dumps({"key": key, "sheets": sheets}), encoding="utf-8")
    for target in targets:
        text = sheets.get(target.name)
        if text is not None and target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8", newline="\n")


def _record_file(config: MkDocsConfig, state: BuildState) -> Path:
    """Where the last trim's key is kept, per language (a preview, which shows drafts, keeps its own)."""
    root = Path(config.config_file_path).resolve().parent
    return root / ".cache" / "stylesheet" / f"{state.lang}{'-preview' if state.invocation.serving else ''}.json"


def _stat(path: Path) -> list[object]:
    status = path.stat()
    return [path.as_posix(), status.st_size, status.st_mtime_ns]


def _read(record: Path) -> object:
    try:
        return json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def language_pages(site: Path, lang: str) -> list[Path]:
    """The HTML files of ``lang``'s build in ``site``, sorted.

    Other languages' folders (``en/``) are their own builds', and so are the hidden folders at the top
    (``.portal-en/``, where the English build writes while this one runs): walking into them would
    race with that build, which creates and removes folders there.
    """
    skipped = set(other_languages(lang))
    found: list[Path] = []
    for folder, subfolders, files in os.walk(site):
        if folder == str(site):
            subfolders[:] = [name for name in subfolders if name not in skipped and not name.startswith(".")]
        found += [Path(folder) / name for name in files if name.endswith(".html")]
    return sorted(found)


def _theme_file(config: MkDocsConfig, relative: str) -> Path | None:
    """The theme's own file (the custom folder first, then Material's), as MkDocs would copy it."""
    for folder in config.theme.dirs:
        path = Path(folder) / relative
        if path.is_file():
            return path
    return None
