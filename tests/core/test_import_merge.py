"""Importing into an open design is one undoable Batch."""

from __future__ import annotations

import pytest

from orgdesigner.design import build_design
from orgdesigner.entities import Department
from orgdesigner.errors import UnknownObjectError
from orgdesigner.importing import import_ops, import_table

from .import_helpers import assert_tree


def test_import_into_current_design_is_one_undo_step(tmp_path):
    hq = Department(code="hq", name="总部", x=500)
    current = build_design(name="现有", departments=[hq, Department(name="财务部", parent=hq.id)])
    before = current.snapshot()
    src = tmp_path / "org.csv"
    src.write_text("id,parent,name\nm,,市场部\nb,m,品牌组\ns,m,渠道组\n", encoding="utf-8")
    imported, _ = import_table(src)
    kept_id = next(iter(imported.departments))
    batch = import_ops(current, imported, under=hq.id, text="Import org.csv")
    inverse = batch.apply(current)
    assert_tree(current)
    assert len(current.departments) == 5
    by_name = {d.name: d for d in current.departments.values()}
    assert by_name["市场部"].parent == hq.id
    assert by_name["品牌组"].parent == by_name["市场部"].id
    assert (
        min(by_name[n].x for n in ("市场部", "品牌组", "渠道组")) > 500
    )  # right of what was there
    assert kept_id in current.departments  # no clash: the imported ids are kept
    inverse.apply(current)
    assert current.snapshot() == before
    # Importing the same design twice: every id clashes and is replaced by a fresh one.
    batch.apply(current)
    import_ops(current, imported).apply(current)
    assert_tree(current)
    assert len(current.departments) == 8


def test_unknown_target_parent():
    with pytest.raises(UnknownObjectError):
        import_ops(build_design(), build_design(), under="nope")
