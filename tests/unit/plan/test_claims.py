"""One claimant per output file: the first in the plan keeps it, the other is named."""

from __future__ import annotations

import datetime as dt
import shutil

from portal.content.clock import PARIS
from portal.content.site import SiteSettings
from portal.plan.build import plan_site
from portal.plan.claims import address_problems, output_file
from support import FIXTURES, write


def test_output_files():
    assert output_file("index.md") == "index.html"
    assert output_file("magazine/2025/x.md") == "magazine/2025/x/index.html"
    assert output_file("structures/index.md") == "structures/index.html"
    assert output_file("magazine/2025/old/index.html") == "magazine/2025/old/index.html"
    assert output_file("upconf/upconf.ics") == "upconf/upconf.ics"


def test_a_structure_named_index_leaves_the_directory_in_place(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "minimal", root)
    write(root, "structures/index.yml", (root / "structures/alpha.yml").read_text(encoding="utf-8"))
    settings = SiteSettings(root, root / "content", "https://portal.test/", now=dt.datetime(2026, 6, 1, tzinfo=PARIS))
    plan = plan_site(settings)
    expected = ("structures/index.yml: 'structures/' is already the address of a generated page "
                "(give this one another file name or slug)")
    assert [str(p) for p in plan.site.problems if p.path == "structures/index.yml"] == [expected]
    assert [str(p) for p in address_problems(plan.site)] == [expected]
    for lang in ("fr", "en"):
        [directory] = [p for p in plan.pages[lang] if p.src_uri == "structures/index.md"]
        assert directory.key == "page:structures"
