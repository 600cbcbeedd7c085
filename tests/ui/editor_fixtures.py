"""Shared helpers for the editor's UI tests: a small design, a shown canvas, real mouse gestures."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from orgdesigner.design import Design
from orgdesigner.entities import Department, DeptKind, Function, Link, LinkKind, Role
from ui.canvas import OrgScene, OrgView
from ui.context import EditorContext


def sample_design() -> Design:
    """总经理办公室 over 市场部 (over 品牌组) and 销售部; one link; one function owned by 市场部."""
    d = Design("测试方案")
    gm = Department(id="gm", name="总经理办公室", kind=DeptKind.OFFICE, leader="张伟", x=200, y=0)
    mkt = Department(id="mkt", name="市场部", parent="gm", leader="王丽", headcount=12, x=0, y=200)
    sales = Department(id="sales", name="销售部", parent="gm", headcount=30, x=400, y=200)
    brand = Department(
        id="brand", name="品牌与公关组", kind=DeptKind.TEAM, parent="mkt", x=0, y=400
    )
    for dept in (gm, mkt, sales, brand):
        d.add_department(dept)
    d.add_link(
        Link(id="l1", source="mkt", target="sales", kind=LinkKind.COLLABORATION, label="联合推广")
    )
    d.add_function(Function(id="f_brand", name="品牌管理"))
    d.add_function(Function(id="f_sales", name="销售支持"))
    d.set_role("f_brand", "mkt", Role.A)
    d.set_role("f_brand", "brand", Role.R)
    d.set_role("f_sales", "sales", Role.A)
    return d


def show_canvas(qtbot, design: Design) -> tuple[EditorContext, OrgScene, OrgView]:
    ctx = EditorContext.create(design)
    scene = OrgScene()
    scene.set_context(ctx)
    view = OrgView(scene)
    qtbot.addWidget(view)
    view.resize(1000, 750)
    view.show()
    qtbot.waitExposed(view)
    view.resetTransform()
    view.centerOn(290, 250)
    return ctx, scene, view


def at(view: OrgView, x: float, y: float) -> QPoint:
    """The viewport pixel showing scene point (x, y)."""
    return view.mapFromScene(QPointF(x, y))


def center_of(scene: OrgScene, view: OrgView, dept_id: str) -> QPoint:
    c = scene.boxes[dept_id].scene_rect().center()
    return at(view, c.x(), c.y())


def drag(
    view: OrgView,
    start: QPoint,
    end: QPoint,
    steps: int = 6,
    modifiers=Qt.KeyboardModifier.NoModifier,
) -> None:
    """A real press, several moves, release on the view's viewport."""
    vp = view.viewport()
    QTest.mouseMove(vp, start)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, modifiers, start)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        QTest.mouseMove(vp, p)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, modifiers, end)


def click(view: OrgView, pos: QPoint, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifiers, pos)


def type_text(view: OrgView, text: str) -> None:
    """Type text as a user would: ASCII by key clicks, CJK as an input method commits it."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            QTest.keyClicks(view.viewport(), ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(view, event)  # the focus widget gets IME commits


def hover(widget, pos: QPoint) -> None:
    """The mouse moving with no button held (QTest.mouseMove only moves the cursor then)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
