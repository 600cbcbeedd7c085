"""First hour, item 2: Add Department adds where the user is, and never onto another box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from orgdesigner.entities import Department

from .editor_fixtures import center_of, click, drag, sample_design, show_canvas
from .window_fixtures import private_data_dir, window  # noqa: F401 - fixtures


def overlapping(scene, dept_id: str) -> list[str]:
    """Boxes whose drawn rectangle intersects the box of `dept_id`."""
    rect = scene.boxes[dept_id].sceneBoundingRect()
    return [
        other
        for other, item in scene.boxes.items()
        if other != dept_id and item.sceneBoundingRect().intersects(rect)
    ]


def toolbar_add(window) -> str:
    before = set(window.ctx.design.departments)
    button = window.actions_.toolbar.widgetForAction(window.actions_.add_department)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Escape)  # keep the proposed name
    [new] = set(window.ctx.design.departments) - before
    return new


def by_name(design, name: str) -> str:
    return next(d.id for d in design.departments.values() if d.name == name)


def test_toolbar_add_with_a_selection_adds_a_child_in_free_space(window, qtbot):
    assert window.documents.new_from_template("mid_large")
    design, scene, view = window.ctx.design, window.scene, window.view
    marketing = by_name(design, "Marketing Department")
    view.centerOn(scene.boxes[marketing])
    click(view, center_of(scene, view, marketing))
    assert window.ctx.selection.departments == [marketing]
    new = toolbar_add(window)
    assert design.departments[new].parent == marketing
    assert overlapping(scene, new) == []
    # again, from a group whose row has neighbours on both sides
    group = design.child_ids(marketing)[1]
    view.centerOn(scene.boxes[group])
    click(view, center_of(scene, view, group))
    child = toolbar_add(window)
    assert design.departments[child].parent == group and overlapping(scene, child) == []


def test_toolbar_add_with_nothing_selected_adds_a_top_department_beside_the_boxes(window, qtbot):
    assert window.documents.new_from_template("mid_large")
    design, scene, view = window.ctx.design, window.scene, window.view
    sales = by_name(design, "Sales Department")
    view.centerOn(scene.boxes[sales])  # the middle of the view is on a box
    window.ctx.selection.set([], [])
    new = toolbar_add(window)
    assert design.departments[new].parent is None
    assert overlapping(scene, new) == []


def test_ins_and_enter_never_land_on_a_cousin(qtbot):
    design = sample_design()
    # a cousin sits exactly where the next child of 销售部 would go
    design.add_department(Department(id="cousin", name="品牌二组", parent="mkt", x=400, y=350))
    ctx, scene, view = show_canvas(qtbot, design)
    click(view, center_of(scene, view, "sales"))
    QTest.keyClick(view.viewport(), Qt.Key.Key_Insert)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
    [child] = design.child_ids("sales")
    assert overlapping(scene, child) == []
    click(view, center_of(scene, view, "brand"))
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    QTest.keyClick(view.viewport(), Qt.Key.Key_Escape)
    sibling = [k for k in design.child_ids("mkt") if k not in ("brand", "cousin")][0]
    assert overlapping(scene, sibling) == []


def test_a_dropped_box_lands_in_free_space_under_its_new_manager(qtbot):
    design = sample_design()
    design.add_department(Department(id="cousin", name="渠道组", parent="mkt", x=400, y=370))
    ctx, scene, view = show_canvas(qtbot, design)
    drag(view, center_of(scene, view, "brand"), center_of(scene, view, "sales"))
    assert design.departments["brand"].parent == "sales"
    assert overlapping(scene, "brand") == []
    assert ctx.undo_stack.count() == 1
