"""The other language's build as the default one sees it: its log read as records, a dead worker reported."""

from __future__ import annotations

from portal_mkdocs.multibuild import _records
from portal_mkdocs.worker import LanguageWorker


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


def test_a_language_worker_that_died_is_reported_as_a_failed_build(tmp_path):
    worker = LanguageWorker("mkdocs", str(tmp_path))
    worker.stop()  # as if it had crashed between two rebuilds
    worker.start(str(tmp_path / "mkdocs.yml"), str(tmp_path / "site"), False, {})
    code, lines = worker.wait()
    assert code == 1 and lines == [f"ERROR    -  the language worker stopped (exit {worker.process.returncode})"]
    assert not worker.alive()
