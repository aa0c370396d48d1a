"""Nu Html Checker errors we accept, each with its reason: the only place they are listed.

Material markup that the checker rejects is fixed by overriding the template
(overrides/base.html drops autocomplete="off" from the checkbox toggles), not
filtered here. Add an entry only when the markup cannot be changed, and say why.
"""

from __future__ import annotations

import re

#: (pattern matching the checker's message, reason it is accepted)
ACCEPTED_ERRORS: list[tuple[re.Pattern[str], str]] = []
