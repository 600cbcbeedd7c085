"""The JSON text form: round trips with the user's own ids, errors with paths."""

from __future__ import annotations

import json

import pytest

from orgdesigner import jsonform
from orgdesigner.errors import FileProblem

from .factories import sample_design

MINIMAL = {
    "format": "org-designer",
    "version": 1,
    "name": "方案",
    "departments": [
        {
            "id": "mkt",
            "name": "市场部",
            "kind": "department",
            "parent": None,
            "leader": "",
            "headcount": 12,
            "budget": 0,
            "color": "#4472c4",
            "x": 0,
            "y": 0,
            "notes": "",
        },
        {"id": "sales", "name": "销售部"},
        {"id": "brand-team", "name": "品牌与公关组", "kind": "team", "parent": "mkt"},
    ],
    "links": [
        {"source": "mkt", "target": "sales", "kind": "collaboration", "label": "joint campaigns"}
    ],
    "functions": [{"id": "brand", "name": "品牌管理", "category": "marketing", "required": True}],
    "responsibilities": [{"function": "brand", "department": "mkt", "role": "A"}],
}


def test_the_documented_example_loads_and_keeps_its_ids():
    design = jsonform.loads(json.dumps(MINIMAL, ensure_ascii=False))
    assert [d.name for d in design.departments.values()] == ["市场部", "销售部", "品牌与公关组"]
    team = next(d for d in design.departments.values() if d.code == "brand-team")
    assert design.departments[team.parent].code == "mkt"
    out = json.loads(jsonform.dumps(design))
    assert [d["id"] for d in out["departments"]] == ["mkt", "sales", "brand-team"]
    assert out["responsibilities"] == [{"function": "brand", "department": "mkt", "role": "A"}]
    assert out["links"][0]["source"] == "mkt"


def test_children_may_come_before_parents():
    doc = dict(MINIMAL, departments=list(reversed(MINIMAL["departments"])))
    design = jsonform.loads(json.dumps(doc))
    assert len(design.departments) == 3
    design.check_invariants()


def _error(doc) -> str:
    with pytest.raises(FileProblem) as info:
        jsonform.loads(doc if isinstance(doc, str) else json.dumps(doc), "plan.json")
    message = str(info.value)
    assert "\n" not in message and message.startswith("plan.json: ")
    return message


def _with_dept(index, **changes):
    departments = [dict(d) for d in MINIMAL["departments"]]
    departments[index].update(changes)
    return dict(MINIMAL, departments=departments)


@pytest.mark.parametrize(
    "doc,expected",
    [
        ("{not json", "not valid JSON (line 1"),
        ("[]", "not an Org Designer JSON design"),
        (dict(MINIMAL, version=7), "version: Value error, made by a newer Org Designer"),
        (_with_dept(2, parent="mkt2"), "departments[2].parent: no department has id 'mkt2'"),
        (_with_dept(1, headcount="many"), "departments[1].headcount"),
        (_with_dept(1, color="blue"), "departments[1].color"),
        (_with_dept(1, kind="tribe"), "departments[1].kind"),
        (_with_dept(1, id="mkt"), "departments[1].id: duplicate id 'mkt'"),
        (_with_dept(0, parent="brand-team"), "form a cycle"),
        (_with_dept(1, x=1e300), "departments[1].x"),
        (
            dict(MINIMAL, links=[{"source": "mkt", "target": "nobody"}]),
            "links[0].target: no department",
        ),
        (
            dict(MINIMAL, links=[{"source": "mkt", "target": "mkt"}]),
            "links[0]: '市场部' cannot be linked to itself",
        ),
        (
            dict(
                MINIMAL, responsibilities=[{"function": "brand", "department": "mkt", "role": "X"}]
            ),
            "responsibilities[0].role",
        ),
        (dict(MINIMAL, unknown_field=1), "unknown_field"),
    ],
)
def test_bad_documents_name_the_path_and_the_problem(doc, expected):
    assert expected in _error(doc)


@pytest.mark.parametrize(
    "doc,expected",
    [
        ("{not json", "plan.json：不是有效的 JSON（第 1 行"),
        ("[]", "不是组织架构设计器的 JSON 设计"),
        (_with_dept(2, parent="mkt2"), "内容有误：departments[2].parent"),
        (_with_dept(1, headcount="many"), "内容有误：departments[1].headcount"),
    ],
)
def test_bad_documents_are_explained_in_chinese_too(doc, expected):
    with pytest.raises(FileProblem) as info:
        jsonform.loads(doc if isinstance(doc, str) else json.dumps(doc), "plan.json")
    assert expected in info.value.text("zh")


def test_read_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(FileProblem, match="^broken.json: is not UTF-8 text$"):
        jsonform.read(path)
    with pytest.raises(FileProblem, match="no such file"):
        jsonform.read(tmp_path / "missing.json")


def test_schema_describes_the_departments():
    schema = jsonform.json_schema()
    assert "departments" in schema["properties"]
    assert "DepartmentDoc" in schema["$defs"]


def test_export_of_a_full_design_reimports_identically():
    text = jsonform.dumps(sample_design())
    assert jsonform.dumps(jsonform.loads(text)) == text
