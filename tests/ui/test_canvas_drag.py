"""Dragging boxes on the canvas: one undo step per drag, snap, drop to re-parent."""

from PySide6.QtCore import QPoint, Qt

from tests.ui.editor_fixtures import center_of, drag, sample_design, show_canvas


def test_drag_moves_the_department_in_one_undo_step(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    start = center_of(scene, view, "sales")
    drag(view, start, start + QPoint(120, 60))
    dept = design.departments["sales"]
    assert (dept.x, dept.y) == (520, 260)
    assert ctx.undo_stack.count() == 1
    assert scene.boxes["sales"].pos().x() == 520
    ctx.undo_stack.undo()
    assert (dept.x, dept.y) == (400, 200)
    assert scene.boxes["sales"].pos().x() == 400
    ctx.undo_stack.redo()
    assert (dept.x, dept.y) == (520, 260)


def test_connectors_follow_the_dragged_box(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    before_line = scene.reporting["sales"].path().boundingRect()
    before_link = scene.links["l1"].path().boundingRect()
    start = center_of(scene, view, "sales")
    drag(view, start, start + QPoint(100, 80))
    assert scene.reporting["sales"].path().boundingRect() != before_line
    assert scene.links["l1"].path().boundingRect() != before_link
    end = scene.reporting["sales"].path().pointAtPercent(1.0)
    assert scene.boxes["sales"].scene_rect().adjusted(-1, -1, 1, 1).contains(end)


def test_multi_selection_moves_together(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    ctx.selection.set(["mkt", "sales"])
    start = center_of(scene, view, "mkt")
    drag(view, start, start + QPoint(0, 40))
    assert design.departments["mkt"].y == 240 and design.departments["sales"].y == 240
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert design.departments["mkt"].y == 200 and design.departments["sales"].y == 200


def test_ctrl_click_adds_to_the_selection(qtbot):
    from tests.ui.editor_fixtures import click

    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    click(view, center_of(scene, view, "mkt"))
    click(view, center_of(scene, view, "sales"), Qt.KeyboardModifier.ControlModifier)
    assert set(ctx.selection.departments) == {"mkt", "sales"}


def test_rubber_band_selects_boxes_inside(qtbot):
    from tests.ui.editor_fixtures import at

    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    drag(view, at(view, -50, 150), at(view, 650, 300))
    assert set(ctx.selection.departments) == {"mkt", "sales"}
    assert len(design.departments) == 4 and ctx.undo_stack.count() == 0


def test_snap_to_grid_lands_on_the_grid(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    scene.snap_to_grid = True
    start = center_of(scene, view, "sales")
    drag(view, start, start + QPoint(33, 47))
    dept = design.departments["sales"]
    assert dept.x % 20 == 0 and dept.y % 20 == 0 and (dept.x, dept.y) != (400, 200)


def test_drop_onto_a_box_reparents(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    drag(view, center_of(scene, view, "sales"), center_of(scene, view, "mkt"))
    assert design.departments["sales"].parent == "mkt"
    assert ctx.undo_stack.count() == 1
    assert scene.reporting["sales"].parent_id == "mkt"
    box = scene.boxes["sales"].scene_rect()
    assert not box.intersects(scene.boxes["mkt"].scene_rect())  # placed below, not on top
    ctx.undo_stack.undo()
    assert design.departments["sales"].parent == "gm"
    assert (design.departments["sales"].x, design.departments["sales"].y) == (400, 200)


def test_drop_of_a_manager_onto_its_descendant_is_refused(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    messages = []
    scene.message.connect(messages.append)
    before = design.snapshot()
    drag(view, center_of(scene, view, "mkt"), center_of(scene, view, "brand"))
    assert design.snapshot() == before
    assert ctx.undo_stack.count() == 0
    assert scene.boxes["mkt"].pos().x() == 0 and scene.boxes["mkt"].pos().y() == 200
    assert any("cycle" in m for m in messages)
    assert scene.boxes["brand"].drop_state is None


def test_escape_during_a_drag_puts_the_boxes_back_and_records_nothing(qtbot):
    from PySide6.QtTest import QTest

    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    vp = view.viewport()
    start = center_of(scene, view, "sales")
    QTest.mouseMove(vp, start)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(vp, start + QPoint(40, 40))
    QTest.mouseMove(vp, start + QPoint(80, 80))
    QTest.keyClick(vp, Qt.Key.Key_Escape)
    QTest.mouseMove(vp, start + QPoint(120, 120))
    QTest.mouseRelease(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(120, 120)
    )
    assert ctx.undo_stack.count() == 0
    assert scene.boxes["sales"].pos().x() == 400 and scene.boxes["sales"].pos().y() == 200
    assert design.departments["sales"].x == 400
