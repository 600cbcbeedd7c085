"""Level of detail: far out a box is a plain block without text, closer its name shows; a big
chart zoomed far out is painted from one cached image, and a drag there still moves the box."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from orgdesigner.entities import Department
from tests.ui.editor_fixtures import center_of, show_canvas
from tests.ui.test_canvas_large import big_design
from ui.canvas import lod, zoomed_out
from ui.canvas.department_item import DepartmentItem
from ui.canvas import style


def _dark_pixels(scale: float) -> int:
    """Paint one box at `scale` and count near-black pixels (text is drawn in INK)."""
    item = DepartmentItem(
        Department(id="d", name="市场部 Marketing", leader="王芳", headcount=12, color="#2563eb")
    )
    rect = item.boundingRect()
    image = QImage(
        int(rect.width() * scale) + 2, int(rect.height() * scale) + 2, QImage.Format.Format_ARGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.translate(-rect.left(), -rect.top())
    option = QStyleOptionGraphicsItem()
    option.exposedRect = rect
    item.paint(painter, option)
    painter.end()
    ink = QColor(style.INK)
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if abs(QColor(image.pixel(x, y)).lightness() - ink.lightness()) < 40
        and QColor(image.pixel(x, y)).lightness() < 90
    )


def test_levels_by_scale():
    assert lod.detail_for(0.1) is lod.Detail.BLOCK
    assert lod.detail_for(lod.BLOCK_BELOW) is lod.Detail.NAME
    assert lod.detail_for(1.0) is lod.Detail.FULL


def test_text_shown_above_the_threshold_and_hidden_below(qtbot):
    assert _dark_pixels(1.0) > 20  # the name and the leader are drawn
    assert _dark_pixels(lod.BLOCK_BELOW + 0.05) > 0  # the name, small
    assert _dark_pixels(lod.BLOCK_BELOW - 0.05) == 0  # a plain block


def test_badge_is_a_dot_far_out(qtbot):
    item = DepartmentItem(Department(id="d", name="市场部", color="#10b981"))
    item.set_badge((3, "error"))
    rect = item.boundingRect()
    scale = 0.2
    image = QImage(
        int(rect.width() * scale) + 4, int(rect.height() * scale) + 4, QImage.Format.Format_ARGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.translate(-rect.left(), -rect.top())
    item.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    red = QColor(style.SEVERITY_COLOR["error"])
    assert any(
        QColor(image.pixel(x, y)) == red
        for y in range(image.height())
        for x in range(image.width())
    )


def _far_out(qtbot, monkeypatch, n=300):
    monkeypatch.setattr(zoomed_out, "MIN_BOXES", 50)
    design = big_design(n)
    ctx, scene, view = show_canvas(qtbot, design)
    view.set_zoom(0.05)
    view.centerOn(scene.itemsBoundingRect().center())
    return design, ctx, scene, view


def test_far_out_a_big_chart_comes_from_the_cached_image(qtbot, monkeypatch):
    design, ctx, scene, view = _far_out(qtbot, monkeypatch)
    shot = view.viewport().grab().toImage()
    assert view.zoomed_out.renders == 1 and view.zoomed_out.applies()
    # the boxes' colour is on screen, where a box is
    box = next(iter(scene.boxes.values()))
    at = view.mapFromScene(box.scene_rect().center())
    assert QColor(shot.pixel(at)).rgb() == box.color.rgb()
    # repaints without a change reuse the image; a model change redraws it
    view.viewport().grab()
    assert view.zoomed_out.renders == 1
    dept = next(iter(design.departments))
    from orgdesigner import ops

    ctx.apply(ops.UpdateDepartment(dept, {"color": "#dc2626"}))
    view.viewport().grab()
    assert view.zoomed_out.renders == 2
    # zoomed in past the threshold, items paint themselves again
    view.set_zoom(1.0)
    assert not view.zoomed_out.applies()


def test_drag_far_out_moves_the_box_and_redraws_without_it(qtbot, monkeypatch):
    design, ctx, scene, view = _far_out(qtbot, monkeypatch)
    view.viewport().grab()
    target = next(d.id for d in design.departments.values() if d.parent is None)
    before = (design.departments[target].x, design.departments[target].y)
    view.centerOn(scene.boxes[target].scene_rect().center())
    view.viewport().grab()
    start = center_of(scene, view, target)
    vp = view.viewport()
    QTest.mouseMove(vp, start)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 5):
        QTest.mouseMove(vp, start + QPoint(0, -10 * i))  # the root, up into the empty space
        vp.grab()
    # mid-drag the image leaves the dragged box and its connectors out; they are drawn live
    box = scene.boxes[target]
    assert (
        box in view.zoomed_out.live
        and scene.reporting[design.child_ids(target)[0]] in view.zoomed_out.live
    )
    shot = vp.grab().toImage()
    drawn = QColor(shot.pixel(view.mapFromScene(box.scene_rect().center()))).rgb()
    assert drawn in (box.color.rgb(), QColor(style.SELECTED).rgb())  # where it is now, selected
    QTest.mouseRelease(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(0, -40)
    )
    assert ctx.undo_stack.count() == 1
    assert (design.departments[target].x, design.departments[target].y) != before
    vp.grab()
    assert view.zoomed_out.live == ()  # after the drop the image holds everything again


def test_small_charts_paint_item_by_item(qtbot):
    design = big_design(100)
    ctx, scene, view = show_canvas(qtbot, design)
    view.set_zoom(0.05)
    view.viewport().grab()
    assert not view.zoomed_out.applies() and view.zoomed_out.renders == 0
