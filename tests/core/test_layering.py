"""`orgdesigner/` is the Qt-free core: it must import with PySide6 unavailable."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import orgdesigner

ROOT = Path(__file__).resolve().parents[2]


def test_every_core_module_imports_with_pyside6_blocked():
    names = [m.name for m in pkgutil.walk_packages(orgdesigner.__path__, "orgdesigner.")]
    assert len(names) > 10
    code = (
        "import sys, importlib\n"
        "for blocked in ('PySide6', 'shiboken6', 'ui'):\n"
        "    sys.modules[blocked] = None\n"
        f"for name in {names!r}:\n"
        "    if name.endswith('__main__'): continue\n"
        "    importlib.import_module(name)\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules if sys.modules[m])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_import_linter_contract_holds():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run(
        [lint, "--no-cache"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "KEPT" in result.stdout
