"""The core must be re-hostable without MkDocs: importing it must not import mkdocs."""

import pkgutil
import subprocess
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "hooks"


def test_core_does_not_import_mkdocs():
    modules = [m.name for m in pkgutil.walk_packages([str(HOOKS / "portal")], "portal.")]
    assert len(modules) >= 8
    code = (f"import sys; sys.path.insert(0, {str(HOOKS)!r}); "
            + "".join(f"import {m}; " for m in modules)
            + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')); "
            + "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
