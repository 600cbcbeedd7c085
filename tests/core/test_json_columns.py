"""The JSON import's column-wise fast path: the same design as the validated way, or none.

`jsonform.loads` first tries `json_columns` (departments checked a column at a
time, no pydantic model per department); anything it does not accept goes the
validated way, which names the problem. So for any document the fast path's
design must equal the validated one, and bad documents keep their messages.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from orgdesigner import cli, jsonform
from orgdesigner.entities import Department, DeptKind
from orgdesigner.errors import FileProblem

from .factories import sample_design

_IDS = ["a", "b", "c", "总部", "3f1c2b9e-8a4d-4c3b-9f0e-1a2b3c4d5e6f", ""]
_ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([0.5, 1e16, -1e10, float("nan"), float("inf"), 10**20]),
    st.sampled_from(["", "x", "12", "#AABBCC", "#aabbcc\n", "blue", "team", "office"]),
    st.lists(st.integers(), max_size=1),
)
_VALUES = {
    "id": st.sampled_from(_IDS[:5]) | _ANY,
    "name": st.sampled_from(["市场部", "Sales", ""]) | _ANY,
    "kind": st.sampled_from([k.value for k in DeptKind]) | _ANY,
    "parent": st.sampled_from(_IDS) | _ANY,
    "leader": st.text(max_size=3) | _ANY,
    "headcount": st.floats(0, 1e15) | st.integers(0, 10**6) | _ANY,
    "budget": st.floats(allow_nan=True) | _ANY,
    "color": st.sampled_from(["#4472c4", "#ABCDEF", "#abcdeg"]) | _ANY,
    "x": st.floats(-2e9, 2e9) | st.integers() | _ANY,
    "y": st.floats(-10, 10) | _ANY,
    "notes": st.text(max_size=3) | _ANY,
    "chair": st.just("王丽") | _ANY,
    "cadence": st.just("每月") | _ANY,
    "vacant": st.booleans() | _ANY,
    "staff": st.booleans() | _ANY,
    "unknown": _ANY,
}


@st.composite
def departments(draw):
    """Mostly valid departments, some with one odd value, a missing or an unknown key."""
    out = []
    for i in range(draw(st.integers(1, 6))):
        item = {"id": f"d{i}", "name": f"部门{i}"}
        if i and draw(st.booleans()):
            item["parent"] = f"d{draw(st.integers(0, i - 1))}"
        for key in draw(st.sets(st.sampled_from(sorted(_VALUES)), max_size=3)):
            item[key] = draw(_VALUES[key])
        if draw(st.integers(0, 9)) == 0:
            item.pop(draw(st.sampled_from(["id", "name"])), None)
        out.append(item)
    return out


def _doc(items) -> dict:
    return {
        "format": "org-designer",
        "id": "5b1c2b9e-8a4d-4c3b-9f0e-1a2b3c4d5e60",
        "created": "2026-11-30T09:00:00+00:00",
        "name": "方案",
        "departments": items,
    }


def _validated_way(doc) -> str:
    """The design the pydantic way makes, as JSON text, or its error."""
    try:
        return jsonform.dumps(jsonform.design_from_doc(jsonform.DesignDoc.model_validate(doc)))
    except Exception as exc:  # any refusal: the fast path must refuse too
        return f"refused: {type(exc).__name__}"


@settings(deadline=None, max_examples=300)
@given(departments())
def test_the_fast_path_makes_the_validated_design_or_leaves_it_to_the_validated_way(items):
    doc = _doc(items)
    quick = jsonform._quick_design(json.loads(json.dumps(doc)))
    expected = _validated_way(json.loads(json.dumps(doc)))
    if quick is not None:
        assert jsonform.dumps(quick) == expected
        quick.check_invariants()
    try:
        assert jsonform.dumps(jsonform.loads(json.dumps(doc))) == expected
    except FileProblem:
        assert expected.startswith("refused")


def _many(n: int) -> dict:
    items = [{"id": "hq", "name": "总部"}] + [
        {"id": f"u{i}", "name": f"单位 {i}", "parent": "hq", "staff": i % 7 == 0}
        for i in range(1, n)
    ]
    return dict(_doc(items), links=[{"source": "hq", "target": "u1", "label": "协作"}])


def test_the_departments_of_a_good_document_are_not_validated_one_by_one(monkeypatch):
    """Counts work: pydantic validates the document without its departments."""
    validated: list[int] = []
    real = jsonform.DesignDoc.model_validate

    def counting(data, *args, **kwargs):
        validated.append(len(data.get("departments", [])))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(jsonform.DesignDoc, "model_validate", counting)
    design = jsonform.loads(json.dumps(_many(500)))
    assert len(design.departments) == 500 and validated == [0]
    bad = _many(500)
    bad["departments"][321]["color"] = "blue"
    validated.clear()
    with pytest.raises(FileProblem, match=r"departments\[321\]\.color"):
        jsonform.loads(json.dumps(bad), "plan.json")
    assert validated == [500]  # the fast path gave up at once; the validated way named it


@pytest.mark.parametrize(
    "change,expected",
    [
        ({"id": ""}, r"departments\[2\]\.id: String should have at least 1 character"),
        ({"parent": ""}, r"departments\[2\]\.parent: String should have at least 1 character"),
        ({"color": "#aabbcc\n"}, r"departments\[2\]\.color"),
        ({"headcount": True}, None),  # pydantic takes true as 1.0: so does the import
        ({"vacant": 1}, None),
        ({"extra": 1}, r"departments\[2\]\.extra: Extra inputs are not permitted"),
    ],
)
def test_values_only_pydantic_judges_get_its_verdict(change, expected):
    doc = _many(5)
    doc["departments"][2].update(change)
    if expected is None:
        design = jsonform.loads(json.dumps(doc))
        assert len(design.departments) == 5
    else:
        with pytest.raises(FileProblem, match=expected):
            jsonform.loads(json.dumps(doc), "plan.json")


def _full_design():
    design = sample_design()
    design.update_department(next(iter(design.departments)), vacant=True)
    staff = design.add_department(
        Department(name="总经理助理", parent=next(iter(design.departments)), staff=True)
    )
    design.update_department(staff.id, chair="", cadence="每周")
    return design


@pytest.mark.parametrize("target", ["out.db", "out.db#方案B"])
def test_json_to_db_to_json_is_identical(tmp_path, capsys, target):
    """The CLI round trip keeps every field: Chinese text, order, flags, links, roles."""
    source = tmp_path / "in.json"
    jsonform.write(_full_design(), source)
    out = tmp_path / target
    assert cli.main(["import", str(source), "-o", str(out)]) == 0
    again = tmp_path / "again.json"
    assert cli.main(["export", str(out), "-o", str(again)]) == 0
    capsys.readouterr()
    first, second = json.loads(source.read_text("utf-8")), json.loads(again.read_text("utf-8"))
    assert second == first
    assert any(d.get("staff") for d in second["departments"])
    assert any(d.get("vacant") for d in second["departments"])
