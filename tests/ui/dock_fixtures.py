"""A small design and a window with the docks, shared by the dock tests."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow

from orgdesigner.design import Design, build_design
from orgdesigner.entities import Department, Function, Role
from ui.context import EditorContext
from ui.docks import (
    FindingsDock,
    FunctionsDock,
    OutlineDock,
    PropertiesDock,
    create_docks,
    find_dock,
)


def small_design() -> Design:
    top = Department(id="top", name="总经理办公室", leader="王总", headcount=3, budget=100)
    mkt = Department(
        id="mkt", name="市场部", parent="top", leader="李经理", headcount=12, budget=50
    )
    brand = Department(id="brand", name="品牌与公关组", parent="mkt", headcount=4, kind="team")
    digital = Department(id="digital", name="数字营销组", parent="mkt", headcount=5, kind="team")
    sales = Department(id="sales", name="销售部", parent="top", leader="", headcount=20, budget=80)
    functions = [
        Function(id="f-brand", name="品牌管理", key="brand_management"),
        Function(id="f-cs", name="客户服务", key="customer_service"),
    ]
    return build_design(
        name="测试",
        departments=[top, mkt, brand, digital, sales],
        functions=functions,
        roles=[("f-brand", "mkt", Role.A)],
    )


@dataclass
class Editor:
    window: QMainWindow
    ctx: EditorContext
    properties: PropertiesDock
    functions: FunctionsDock
    findings: FindingsDock
    outline: OutlineDock


def make_editor(qtbot, design: Design | None = None) -> Editor:
    window = QMainWindow()
    qtbot.addWidget(window)
    ctx = EditorContext.create(design or small_design(), window)
    docks = create_docks(window, ctx)
    findings = find_dock(docks, FindingsDock)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # focus-out commits need an active window
    return Editor(
        window,
        ctx,
        find_dock(docks, PropertiesDock),
        find_dock(docks, FunctionsDock),
        findings,
        find_dock(docks, OutlineDock),
    )


def type_text(widget, text: str) -> None:
    """Type text as key events, Chinese included (QTest.keyClicks asserts on non-ASCII)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def type_into(widget, text: str) -> None:
    """Focus, select all, type, press Enter: what a user does to replace a field's value."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    QTest.keyClick(widget, Qt.Key_A, Qt.ControlModifier)
    type_text(widget, text)
    QTest.keyClick(widget, Qt.Key_Return)
    QApplication.processEvents()  # item delegates commit on a queued call
