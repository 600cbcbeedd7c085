"""The new domain data (issue 15) in the JSON text form and its schema, and through undo."""

import json

import pytest

from orgdesigner import jsonform, ops
from orgdesigner.commands.validate import _text
from orgdesigner.entities import Kpi
from orgdesigner.errors import FileProblem
from orgdesigner.findings import Finding, Severity
from orgdesigner.templates import load_template

DOC = {
    "format": "org-designer",
    "version": 1,
    "name": "方案",
    "departments": [
        {"id": "gm", "name": "总经理办公室", "kind": "office", "vacant": True},
        {
            "id": "board",
            "name": "市场管理委员会",
            "kind": "committee",
            "parent": "gm",
            "chair": "总经理",
            "cadence": "每月",
        },
        {"id": "mkt", "name": "市场部", "parent": "gm"},
    ],
    "functions": [
        {"id": "journey_purchase", "name": "购买", "post": "大客户经理"},
        {"id": "brand_management", "name": "品牌管理"},
    ],
    "kpis": [
        {
            "id": "csat",
            "name": "客户满意度",
            "unit": "%",
            "owner": "mkt",
            "shared": ["board"],
            "functions": ["journey_purchase", "brand_management"],
        }
    ],
}


def test_the_new_fields_and_kpis_survive_a_json_round_trip():
    design = jsonform.loads(json.dumps(DOC))
    depts = {d.code: d for d in design.departments.values()}
    assert (
        depts["gm"].vacant and depts["board"].chair == "总经理" and depts["board"].cadence == "每月"
    )
    (kpi,) = design.kpis.values()
    assert kpi.key == "csat" and kpi.owner == depts["mkt"].id and kpi.shared == (depts["board"].id,)
    assert [design.functions[f].key for f in kpi.functions] == [
        "journey_purchase",
        "brand_management",
    ]
    back = json.loads(jsonform.dumps(design))
    assert back["kpis"] == [
        {
            "id": "csat",
            "name": "客户满意度",
            "unit": "%",
            "owner": "mkt",
            "shared": ["board"],
            "functions": ["journey_purchase", "brand_management"],
            "description": "",
            "key": "csat",
        }
    ]
    assert back["functions"][0]["post"] == "大客户经理"
    assert jsonform.loads(json.dumps(back)).snapshot()["kpis"][0]["name"] == "客户满意度"


@pytest.mark.parametrize(
    "path,value,problem",
    [
        (("kpis", 0, "owner"), "nobody", "kpis[0].owner: no department has id 'nobody'"),
        (("kpis", 0, "functions"), ["x"], "kpis[0].functions[0]: no function has id 'x'"),
        (("kpis", 0, "shared"), ["mkt", "mkt"], "kpis[0]: shared names an id twice"),
    ],
)
def test_a_bad_kpi_is_refused_naming_the_path(path, value, problem):
    doc = json.loads(json.dumps(DOC))
    doc[path[0]][path[1]][path[2]] = value
    with pytest.raises(FileProblem) as caught:
        jsonform.loads(json.dumps(doc), "plan.json")
    assert str(caught.value) == f"plan.json: {problem}"


def test_the_schema_describes_kpis_and_the_new_fields():
    schema = jsonform.json_schema()
    defs = schema["$defs"]
    assert "kpis" in schema["properties"]
    assert {"owner", "shared", "functions", "unit"} <= set(defs["KpiDoc"]["properties"])
    assert {"chair", "cadence", "vacant"} <= set(defs["DepartmentDoc"]["properties"])
    assert "post" in defs["FunctionDoc"]["properties"]


def test_deleting_a_department_or_function_takes_it_out_of_kpis_and_undo_puts_it_back():
    design = load_template("mid_large", "zh")
    kpi = next(k for k in design.kpis.values() if k.shared)
    kpi_id, owner, measured = kpi.id, kpi.owner, kpi.functions[0]
    before = design.snapshot()
    undo_dept = ops.RemoveDepartment(owner).apply(design)
    assert design.kpis[kpi_id].owner is None
    undo_function = ops.RemoveFunction(measured).apply(design)
    assert measured not in design.kpis[kpi_id].functions
    undo_function.apply(design)
    undo_dept.apply(design)
    assert design.snapshot() == before


def test_english_summaries_pluralise():
    one = [Finding("no-leader", Severity.INFO, "m"), Finding("hub-silo", Severity.WARNING, "m")]
    assert (
        _text(__import__("pathlib").Path("p.json"), one, "en", []).splitlines()[0]
        == "p.json: 0 errors, 1 warning, 1 info"
    )
    two = one + [Finding("hub-silo", Severity.WARNING, "m"), Finding("x", Severity.ERROR, "m")]
    assert (
        _text(__import__("pathlib").Path("p.json"), two, "en", []).splitlines()[0]
        == "p.json: 1 error, 2 warnings, 1 info"
    )


def test_a_kpi_cannot_name_what_does_not_exist():
    design = load_template("startup", "en")
    from orgdesigner.errors import UnknownObjectError

    with pytest.raises(UnknownObjectError):
        design.add_kpi(Kpi(name="x", owner="nobody"))
    with pytest.raises(UnknownObjectError):
        design.update_kpi(next(iter(design.kpis)), functions=("nothing",))


@pytest.mark.parametrize(
    "sql,problem",
    [
        ("UPDATE kpis SET owner_id='nope'", "broken reference"),
        ("UPDATE kpi_functions SET function_id='nope' WHERE rowid=1", "broken reference"),
        ("UPDATE departments SET vacant=5", "vacant must be 0 or 1"),
    ],
)
def test_a_damaged_kpi_or_flag_in_a_db_is_one_clear_line(tmp_path, sql, problem):
    import sqlite3

    from orgdesigner import storage

    path = tmp_path / "plan.db"
    storage.save(load_template("mid_large", "zh"), path)
    con = sqlite3.connect(path)
    con.execute(sql)
    con.commit()
    con.close()
    with pytest.raises(FileProblem) as caught:
        storage.load(path)
    message = str(caught.value)
    assert message.startswith("plan.db") or "plan.db" in message
    assert problem in message and "\n" not in message
