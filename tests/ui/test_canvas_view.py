"""Zoom, pan and fit on the canvas view."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.editor_fixtures import at, sample_design, show_canvas


def wheel(view, pos: QPoint, steps: int, modifiers) -> None:
    event = QWheelEvent(
        QPointF(pos),
        QPointF(view.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_ctrl_wheel_zooms_around_the_mouse(qtbot):
    ctx, scene, view = show_canvas(qtbot, sample_design())
    zooms = []
    view.zoom_changed.connect(zooms.append)
    pos = at(view, 460, 235)  # over 销售部
    before = view.mapToScene(pos)
    wheel(view, pos, 2, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() > 1.3 and zooms
    after = view.mapToScene(pos)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2
    wheel(view, pos, -4, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() < 1.0


def test_plain_wheel_scrolls_instead_of_zooming(qtbot):
    ctx, scene, view = show_canvas(qtbot, sample_design())
    value = view.verticalScrollBar().value()
    wheel(view, at(view, 300, 300), -2, Qt.KeyboardModifier.NoModifier)
    assert view.zoom() == 1.0 and view.verticalScrollBar().value() != value


def test_middle_drag_pans_without_selecting_or_moving(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    vp = view.viewport()
    start = at(view, 460, 235)
    center = view.mapToScene(vp.rect().center())
    QTest.mousePress(vp, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(vp, start + QPoint(-150, -100))
    QTest.mouseRelease(
        vp, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, start + QPoint(-150, -100)
    )
    moved = view.mapToScene(vp.rect().center())
    assert abs(moved.x() - center.x() - 150) < 3 and abs(moved.y() - center.y() - 100) < 3
    assert design.departments["sales"].x == 400 and ctx.undo_stack.count() == 0


def test_space_drag_pans_even_over_a_box(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    vp = view.viewport()
    start = at(view, 460, 235)  # on 销售部: without Space this would move the box
    center = view.mapToScene(vp.rect().center())
    QTest.keyPress(vp, Qt.Key.Key_Space)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(vp, start + QPoint(100, 0))
    QTest.mouseRelease(
        vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(100, 0)
    )
    QTest.keyRelease(vp, Qt.Key.Key_Space)
    moved = view.mapToScene(vp.rect().center())
    assert abs(center.x() - moved.x() - 100) < 3
    assert design.departments["sales"].x == 400 and ctx.undo_stack.count() == 0


def test_fit_shows_every_box(qtbot):
    design = sample_design()
    design.departments  # noqa: B018
    ctx, scene, view = show_canvas(qtbot, design)
    design.move_departments({"sales": (3000, 2000)})
    view.fit()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert all(visible.contains(item.scene_rect()) for item in scene.boxes.values())
    assert view.zoom() < 0.5


def test_trackpad_pinch_zooms(qtbot):
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice

    ctx, scene, view = show_canvas(qtbot, sample_design())
    pos = QPointF(at(view, 460, 235))
    event = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture,
        QPointingDevice.primaryPointingDevice(),
        2,
        pos,
        pos,
        QPointF(view.viewport().mapToGlobal(pos.toPoint())),
        0.5,
        QPointF(0, 0),
    )
    QApplication.sendEvent(view.viewport(), event)
    assert abs(view.zoom() - 1.5) < 1e-6
