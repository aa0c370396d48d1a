"""The whole corpus of broken inputs: field cases (``cases``), then issue 14's file cases (links, allow-list,
addresses, file names) and text cases (control characters, raw HTML, registries).

Assembled here so that ``cases_files`` and ``cases_text`` can build on ``cases`` without an import cycle.
"""

from __future__ import annotations

from cases_files import FILE_CASES
from cases_text import TEXT_CASES

from cases import FIELD_CASES

CASES = [*FIELD_CASES, *FILE_CASES, *TEXT_CASES]
