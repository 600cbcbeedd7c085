"""The bug report's gestures in the real window: select, Delete, Ctrl+Z, drag, Ctrl+S.

Opened from a shared folder, the mid-size company template: the save must go
through, the file on disk must hold the dragged position, and undo must have
put 销售部 back at its place among its siblings (Outline and file alike).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from orgdesigner import storage
from orgdesigner.templates import load_template
from tests.ui.editor_fixtures import center_of, click, drag
from tests.ui.window_fixtures import private_data_dir, window  # noqa: F401
from ui.docks import OutlineDock, find_dock


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "share" / "plan.db"
    path.parent.mkdir()
    storage.save(load_template("mid_large", "zh"), path)
    return path


def sibling_names(outline: OutlineDock, dept_id: str) -> list[str]:
    item = outline.items[dept_id]
    parent = item.parent() or outline.tree.invisibleRootItem()
    return [parent.child(i).text(0) for i in range(parent.childCount())]


def test_delete_undo_drag_save_writes_the_file(window, plan, qtbot):
    assert window.documents.open_file(plan)
    design = window.ctx.design
    sales = next(d.id for d in design.departments.values() if d.name == "销售部")
    outline = find_dock(window.docks, OutlineDock)
    siblings = sibling_names(outline, sales)
    order = list(design.departments)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.fit()
    qtbot.wait(10)

    click(window.view, center_of(window.scene, window.view, sales))
    assert window.ctx.selection.departments == [sales]
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert sales not in design.departments
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sales in design.departments
    assert sibling_names(outline, sales) == siblings  # back at its place, not at the end
    assert list(design.departments) == order

    start = center_of(window.scene, window.view, sales)
    before = (design.departments[sales].x, design.departments[sales].y)
    drag(window.view, start, start + QPoint(120, 60))
    moved = (design.departments[sales].x, design.departments[sales].y)
    assert moved != before
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert not window.is_modified() and not window.isWindowModified()
    on_disk = storage.load(plan)
    assert (on_disk.departments[sales].x, on_disk.departments[sales].y) == moved
    assert list(on_disk.departments) == order
    assert [
        on_disk.departments[c].name for c in on_disk.child_ids(on_disk.departments[sales].parent)
    ] == siblings
    assert sibling_names(outline, sales) == siblings


def test_link_properties_refusal_changes_nothing(window, plan, qtbot):
    """Two links between one pair set to the same kind: refused with the model's reason, no
    undo entry, the file not marked modified (it used to raise from redo())."""
    from orgdesigner.entities import Link, LinkKind
    from orgdesigner.ops import AddLink
    from ui.docks import PropertiesDock

    assert window.documents.open_file(plan)
    design = window.ctx.design
    linked = {frozenset((l.source, l.target)) for l in design.links.values()}
    ids = list(design.departments)
    a, b = next((x, y) for x in ids for y in ids if x != y and frozenset((x, y)) not in linked)
    pair = ["x1", "x2"]
    for link_id, kind in zip(pair, (LinkKind.COLLABORATION, LinkKind.DOTTED)):
        assert window.ctx.apply(AddLink(Link(id=link_id, source=a, target=b, kind=kind))) is None
    assert window.documents.save() and not window.isWindowModified()
    stack = window.ctx.undo_stack
    count, index = stack.count(), stack.index()
    before = design.snapshot()
    window.ctx.selection.set([], pair)
    editor = find_dock(window.docks, PropertiesDock).link_editor
    combo = editor.kind_combo
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    combo.setFocus()
    combo.setCurrentIndex(
        combo.findData(LinkKind.COMMITTEE.value) - 1
    )  # no commit: not a user pick
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the user picks "Committee membership" for both

    assert design.snapshot() == before
    assert (stack.count(), stack.index()) == (count, index)
    assert not window.isWindowModified() and not window.is_modified()
    assert "already have a committee link" in window.status.currentMessage()
    assert "already have a committee link" in find_dock(window.docks, PropertiesDock).message.text()
