"""The script facade: `from orgdesigner import ...` works, and `import orgdesigner` stays cheap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import orgdesigner
from orgdesigner import export_pdf, import_table, open_design, save_design, validate
from orgdesigner.errors import OrgDesignerError

ROOT = Path(__file__).resolve().parents[2]


def test_import_orgdesigner_loads_no_heavy_library():
    probe = (
        "import sys, orgdesigner; "
        "print(sorted(m for m in ('sqlalchemy', 'pydantic', 'reportlab', 'alembic', "
        "'openpyxl', 'orgdesigner.design') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    ).stdout
    assert out.strip() == "[]"


def test_a_script_round_trip(tmp_path):
    csv = tmp_path / "org.csv"
    csv.write_text("id,parent,name,leader\nhq,,总部,张伟\nmkt,hq,市场部,\n", encoding="utf-8")
    design, report = import_table(csv)
    assert len(design.departments) == 2 and report.summary()
    save_design(design, tmp_path / "org.db")
    again = open_design(tmp_path / "org.db")
    assert sorted(d.name for d in again.departments.values()) == ["市场部", "总部"]
    findings = validate(again, "en")
    assert any(f.rule == "no-leader" for f in findings)
    plan = export_pdf(again, tmp_path / "org.pdf", paper="A3")
    assert (tmp_path / "org.pdf").read_bytes().startswith(b"%PDF") and plan is not None


def test_bad_input_is_one_line_error(tmp_path):
    with pytest.raises(OrgDesignerError, match="no such file"):
        open_design(tmp_path / "missing.db")
    with pytest.raises(AttributeError):
        orgdesigner.no_such_function  # noqa: B018
