"""The JSON import makes departments through the file's row path: same departments as before."""

from __future__ import annotations

import uuid

from hypothesis import given, settings, strategies as st

from orgdesigner import jsonform
from orgdesigner.entities import Department, DeptKind, checked_department


@settings(deadline=None)  # (timing varies on a loaded machine)
@given(
    st.one_of(st.text(max_size=40), st.uuids().map(str), st.uuids().map(lambda u: str(u).upper()))
)
def test_is_uuid_is_the_canonical_form_test(text):
    try:
        expected = str(uuid.UUID(text)) == text
    except ValueError:
        expected = False
    assert jsonform._is_uuid(text) == expected


def test_imported_departments_are_checked_like_the_field_by_field_ones():
    ident = str(uuid.uuid4())
    doc = {
        "format": "org-designer",
        "version": 1,
        "name": "x",
        "departments": [
            {"id": "HQ", "name": "总部", "color": "#ABCDEF", "headcount": 3, "budget": 10},
            {"id": ident, "name": "市场部", "kind": "team", "parent": "HQ", "x": 1, "vacant": True},
        ],
    }
    design = jsonform.design_from_doc(jsonform.DesignDoc.model_validate(doc))
    hq, team = design.departments.values()
    assert hq == checked_department(
        Department(id=hq.id, code="HQ", name="总部", color="#ABCDEF", headcount=3, budget=10)
    )
    assert hq.color == "#abcdef" and type(hq.headcount) is float
    assert team == checked_department(
        Department(id=ident, name="市场部", kind=DeptKind.TEAM, parent=hq.id, x=1, vacant=True)
    )
