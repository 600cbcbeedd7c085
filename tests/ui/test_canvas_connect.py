"""Drawing reporting lines and collaboration links by dragging from a box's handle or with a tool."""

from orgdesigner.entities import LinkKind
from ui.canvas.department_item import LINK_HANDLE, REPORTING_HANDLE
from tests.ui.editor_fixtures import at, center_of, drag, sample_design, show_canvas


def handle_pos(scene, view, dept_id, handle):
    item = scene.boxes[dept_id]
    p = item.mapToScene(item.handle_centers()[handle])
    return at(view, p.x(), p.y())


def test_drag_from_link_handle_draws_a_collaboration_link(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    drag(view, handle_pos(scene, view, "gm", LINK_HANDLE), center_of(scene, view, "brand"))
    new = [l for l in design.links.values() if {l.source, l.target} == {"gm", "brand"}]
    assert len(new) == 1 and new[0].kind is LinkKind.COLLABORATION
    assert new[0].id in scene.links
    assert all(
        d.x == x for d, x in zip(design.departments.values(), (200, 0, 400, 0))
    )  # nothing moved
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert not [l for l in design.links.values() if {l.source, l.target} == {"gm", "brand"}]
    assert new[0].id not in scene.links


def test_drag_from_reporting_handle_draws_a_reporting_line(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    drag(view, handle_pos(scene, view, "sales", REPORTING_HANDLE), center_of(scene, view, "brand"))
    assert design.departments["brand"].parent == "sales"
    assert scene.reporting["brand"].parent_id == "sales"
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert design.departments["brand"].parent == "mkt"
    assert scene.reporting["brand"].parent_id == "mkt"


def test_link_tool_draws_the_chosen_kind_from_anywhere_on_the_box(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    scene.tool, scene.link_kind = "link", LinkKind.COMMITTEE
    drag(view, center_of(scene, view, "gm"), center_of(scene, view, "sales"))
    link = next(l for l in design.links.values() if {l.source, l.target} == {"gm", "sales"})
    assert link.kind is LinkKind.COMMITTEE
    assert design.departments["gm"].x == 200  # the tool draws, it does not move


def test_duplicate_link_is_refused_with_a_reason(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    messages = []
    scene.message.connect(messages.append)
    drag(view, handle_pos(scene, view, "mkt", LINK_HANDLE), center_of(scene, view, "sales"))
    assert len(design.links) == 1 and ctx.undo_stack.count() == 0
    assert any("already" in m for m in messages)


def test_reporting_line_that_would_make_a_cycle_is_refused(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    messages = []
    scene.message.connect(messages.append)
    before = design.snapshot()
    drag(view, handle_pos(scene, view, "brand", REPORTING_HANDLE), center_of(scene, view, "gm"))
    assert design.snapshot() == before and ctx.undo_stack.count() == 0
    assert any("cycle" in m for m in messages)
    assert all(item.drop_state is None for item in scene.boxes.values())


def test_release_on_empty_canvas_draws_nothing(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    drag(view, handle_pos(scene, view, "gm", LINK_HANDLE), at(view, 800, 0))
    assert len(design.links) == 1 and ctx.undo_stack.count() == 0
    assert len(scene.items()) == len(scene.boxes) + len(scene.reporting) + 2 * len(scene.links)


def test_clicking_a_link_label_selects_the_link_and_double_click_edits_it(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from tests.ui.editor_fixtures import click, type_text

    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    label = scene.links["l1"].label
    c = label.sceneBoundingRect().center()
    click(view, at(view, c.x(), c.y()))
    assert ctx.selection.links == ["l1"] and scene.links["l1"].isSelected()
    QTest.mouseDClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        at(view, c.x(), c.y()),
    )
    assert scene.editing
    QTest.keyClick(view.viewport(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(view, "联合活动")
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert design.links["l1"].label == "联合活动"
    assert scene.links["l1"].label.text() == "联合活动"
