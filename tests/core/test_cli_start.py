"""The CLI starts without the heavy libraries: `--help` and the parser itself
must not import SQLAlchemy, pydantic, ReportLab or Alembic (they cost most of a start;
issue #17 wants a start well under 0.3 s). Checked by module, never by time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "pydantic", "reportlab", "alembic", "openpyxl", "PIL")

PROBE = (
    "import runpy, sys\n"
    "sys.argv = ['orgdesigner'] + sys.argv[1:]\n"
    "try:\n"
    "    runpy.run_module('orgdesigner', run_name='__main__')\n"
    "except SystemExit:\n"
    "    pass\n"
    "heavy = sorted({m.split('.')[0] for m in sys.modules} & set(%r))\n"
    "print('HEAVY:' + ','.join(heavy))\n" % (HEAVY,)
)


def _heavy_modules(*argv: str) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    line = [x for x in proc.stdout.splitlines() if x.startswith("HEAVY:")][-1]
    return [m for m in line[len("HEAVY:") :].split(",") if m]


@pytest.mark.parametrize(
    "argv", [("--help",), ("--version",), ("export", "--help"), ("validate", "--help")]
)
def test_cli_start_imports_no_heavy_library(argv):
    assert _heavy_modules(*argv) == []


def test_probe_sees_heavy_imports_when_a_command_needs_them(tmp_path):
    """The probe can fail: a command that reads a .db does load SQLAlchemy."""
    missing = tmp_path / "missing.db"
    missing.write_bytes(b"")
    assert "sqlalchemy" in _heavy_modules("info", str(missing))
