"""The other language's log, as the default language's build reads it: records, not lines."""

from __future__ import annotations

from portal_mkdocs.multibuild import _records


def test_records_span_lines_and_stray_output_is_kept_apart():
    lines = [
        "INFO    -  The following pages are being built only for the preview:",
        "  - magazine/2026/brouillon/",
        "WARNING -  Doc file 'equipe.md' contains a link 'nowhere.md', but the target is not found",
        "Traceback (most recent call last):",
        '  File "x.py", line 1, in <module>',
        "ERROR   -  Aborted with 1 warnings in strict mode!",
    ]
    assert _records(lines) == [
        ("INFO", "The following pages are being built only for the preview:\n  - magazine/2026/brouillon/"),
        ("WARNING", "Doc file 'equipe.md' contains a link 'nowhere.md', but the target is not found"),
        ("", 'Traceback (most recent call last):\n  File "x.py", line 1, in <module>'),
        ("ERROR", "Aborted with 1 warnings in strict mode!"),
    ]
