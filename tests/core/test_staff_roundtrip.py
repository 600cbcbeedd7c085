"""The staff flag survives every way out and back in: the .db file, the JSON text form,
CSV (with the export of the format-2 program still recognised) and compare."""

from __future__ import annotations

import json
import sqlite3

from orgdesigner import jsonform, storage
from orgdesigner.compare import compare
from orgdesigner.compare_text import describe
from orgdesigner.csvexport import COLUMNS, write_csv
from orgdesigner.design import Design
from orgdesigner.entities import Department
from orgdesigner.importing import import_table
from orgdesigner.scenarios import copy_design


def _design() -> Design:
    d = Design("参谋部门", language="zh")
    gm = d.add_department(Department(id="gm", name="总经理")).id
    d.add_department(Department(id="asst", name="总经理助理", parent=gm, staff=True))
    d.add_department(Department(id="mkt", name="市场部", parent=gm))
    return d


def _flags(design: Design) -> dict[str, bool]:
    return {d.name: d.staff for d in design.departments.values()}


def test_the_db_file_stores_the_flag_in_its_staff_column(tmp_path):
    path = tmp_path / "plan.db"
    storage.save(_design(), path)
    con = sqlite3.connect(path)
    try:
        stored = dict(con.execute("SELECT name, staff FROM departments"))
    finally:
        con.close()
    assert stored == {"总经理": 0, "总经理助理": 1, "市场部": 0}
    assert _flags(storage.load(path)) == _flags(_design())


def test_json_writes_and_reads_the_flag():
    text = jsonform.dumps(_design())
    doc = json.loads(text)
    staff = {d["name"]: d.get("staff") for d in doc["departments"]}
    assert staff["总经理助理"] is True
    assert _flags(jsonform.loads(text)) == _flags(_design())
    assert "staff" in jsonform.json_schema()["$defs"]["DepartmentDoc"]["properties"]


def test_csv_has_a_staff_unit_column_and_reads_it_back(tmp_path):
    path = tmp_path / "plan.csv"
    write_csv(_design(), path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(",")[-1] == "staff_unit" == COLUMNS[-1]
    assert lines[2].endswith(",yes") and lines[3].endswith(",")
    back, report = import_table(path)
    assert _flags(back) == _flags(_design())
    assert not [p for p in report.problems if p.severity == "warning"]


def test_a_csv_with_yes_no_words_and_an_unreadable_mark(tmp_path):
    path = tmp_path / "hr.csv"
    path.write_text(
        "部门编号,部门名称,上级部门编号,参谋部门\nA,总经理,,\nB,总经理助理,A,是\nC,市场部,A,否\n"
        "D,行政办公室,A,maybe\n",
        encoding="utf-8",
    )
    back, report = import_table(path)
    assert _flags(back) == {
        "总经理": False,
        "总经理助理": True,
        "市场部": False,
        "行政办公室": False,
    }
    (problem,) = [p for p in report.problems if p.code == "bad-flag"]
    assert problem.severity == "warning" and "maybe" in problem.text("message")


def test_the_previous_export_without_the_column_is_still_our_own(tmp_path):
    path = tmp_path / "old.csv"
    header = ",".join(COLUMNS[:-1])
    path.write_text(f"{header}\r\nX,,'=SUM(A1),department,,0,0,#4472c4,0,0,\r\n", "utf-8-sig")
    back, _ = import_table(path)
    assert [d.name for d in back.departments.values()] == ["=SUM(A1)"]  # the ' taken off


def test_compare_reports_a_changed_flag():
    base = _design()
    target = copy_design(base)
    target.update_department("mkt", staff=True)
    target.update_department("asst", staff=False)
    result = compare(base, target, findings=False)
    changed = {c.object: c for c in result.of_kind("changed")}
    assert set(changed) == {"mkt", "asst"}
    assert changed["mkt"].before == {"staff": False} and changed["mkt"].after == {"staff": True}
    assert describe(changed["mkt"], "zh") == "市场部：参谋部门 否 → 参谋部门 是"
    assert describe(changed["asst"], "en") == "总经理助理: staff unit yes → staff unit no"
