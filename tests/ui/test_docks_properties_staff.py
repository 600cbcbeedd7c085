"""The Properties dock's "Staff unit" checkbox: a real click marks the unit (one undo
step), the canvas draws it beside its manager after Arrange, and Ctrl+S writes the flag."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from orgdesigner import storage
from orgdesigner.entities import Department
from orgdesigner.layout import tidy_layout
from orgdesigner.ops import MoveDepartments
from orgdesigner.templates import load_template
from tests.ui.window_fixtures import private_data_dir, window  # noqa: F401
from ui.docks import PropertiesDock, find_dock


@pytest.fixture
def plan(tmp_path) -> Path:
    design = load_template("mid_large", "zh")
    top = design.roots()[0].id
    design.add_department(Department(id="assistant", name="总经理助理", parent=top))
    path = tmp_path / "plan.db"
    storage.save(design, path)
    return path


def _click(check) -> None:
    QTest.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def test_a_click_marks_a_staff_unit_undoably_and_ctrl_s_saves_it(window, plan, qtbot):
    assert window.documents.open_file(plan)
    design = window.ctx.design
    window.ctx.selection.set(["assistant"])
    check = find_dock(window.docks, PropertiesDock).staff_check
    assert check.isEnabled() and check.checkState() == Qt.CheckState.Unchecked
    assert check.text().replace("&", "").startswith("Staff unit")

    _click(check)
    assert design.departments["assistant"].staff
    stack = window.ctx.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Mark staff unit"
    stack.undo()
    assert not design.departments["assistant"].staff
    assert check.checkState() == Qt.CheckState.Unchecked
    stack.redo()
    assert design.departments["assistant"].staff and check.checkState() == Qt.CheckState.Checked

    # Arrange: the canvas shows it beside its manager, tied by one short horizontal line.
    assert window.ctx.apply(MoveDepartments(tidy_layout(design, compact=True))) is None
    top = design.departments["assistant"].parent
    boxes = window.scene.boxes
    manager, unit = boxes[top].sceneBoundingRect(), boxes["assistant"].sceneBoundingRect()
    assert unit.left() > manager.right() and abs(unit.top() - manager.top()) < 1
    line = window.scene.reporting["assistant"].path()
    assert line.elementCount() == 2
    start, end = line.elementAt(0), line.elementAt(1)
    assert start.y == end.y and end.x - start.x < unit.width()

    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.is_modified()
    con = sqlite3.connect(plan)
    try:
        flag = con.execute("SELECT staff FROM departments WHERE id='assistant'").fetchone()[0]
    finally:
        con.close()
    assert flag == 1
    assert storage.load(plan).departments["assistant"].staff
