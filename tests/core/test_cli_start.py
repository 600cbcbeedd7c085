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
    return _probe(*argv)[0]


def _probe(*argv: str) -> tuple[list[str], str]:
    """(the heavy libraries the command imported, its output)."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    line = [x for x in proc.stdout.splitlines() if x.startswith("HEAVY:")][-1]
    return [m for m in line[len("HEAVY:") :].split(",") if m], proc.stdout


@pytest.mark.parametrize(
    "argv", [("--help",), ("--version",), ("export", "--help"), ("validate", "--help")]
)
def test_cli_start_imports_no_heavy_library(argv):
    assert _heavy_modules(*argv) == []


def _current_file(tmp_path: Path) -> Path:
    """A current-format design file with Chinese text, a staff unit and a link (made by the
    full write path, outside the probe)."""
    from orgdesigner import storage
    from orgdesigner.design import build_design
    from orgdesigner.entities import Department, Link

    design = build_design(
        name="集团",
        departments=[
            Department(id="a", name="总经理办公室"),
            Department(id="b", name="市场部", parent="a"),
            Department(id="c", name="法务", parent="a", staff=True),
        ],
        links=[Link(id="l", source="b", target="c", label="协作")],
    )
    path = tmp_path / "current.db"
    storage.save(design, path)
    return path


@pytest.mark.parametrize(
    "command",
    [("info",), ("info", "--lang", "en"), ("validate",), ("validate", "--json")],
)
def test_reading_a_current_file_imports_no_heavy_library(tmp_path, command):
    """`info` and `validate` read a current file with sqlite3 alone (issue #17: SQLAlchemy's
    import was a third of a 10,000-department `validate`)."""
    path = _current_file(tmp_path)
    heavy, output = _probe(*command, str(path))
    assert heavy == []
    # the command did read the design: its name, or the findings of the file
    assert (
        "集团" in output
        if command[0] == "info"
        else ("current.db" in output or "findings" in output)
    )


def test_probe_sees_heavy_imports_when_a_command_needs_them(tmp_path):
    """The probe can fail: an older file is migrated with Alembic (and SQLAlchemy), and
    writing a new design file uses SQLAlchemy's schema."""
    older = tmp_path / "older.db"
    older.write_bytes((ROOT / "tests" / "data" / "format1_mid_large.db").read_bytes())
    assert {"sqlalchemy", "alembic"} <= set(_heavy_modules("info", str(older)))
    assert "sqlalchemy" in _heavy_modules("new", "-o", str(tmp_path / "new.db"))
