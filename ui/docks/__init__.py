"""The editor's docks: Properties, Functions & owners, KPIs, Findings, Outline.

The main window calls `create_docks(window, ctx, findings=..., reveal=...,
context_changed=...)` once, and
`set_docks_context(docks, ctx)` (or each dock's `set_context`) whenever
another design is opened or the last one is closed (`ctx=None`).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QDockWidget, QMainWindow

from orgdesigner import progress

from ..context import EditorContext
from ..findings_service import FindingsService
from .base import ContextDock
from .findings import FindingsDock
from .functions import FunctionsDock
from .kpis import KpisDock
from .outline import OutlineDock
from .properties import PropertiesDock

__all__ = [
    "ContextDock",
    "FindingsDock",
    "FunctionsDock",
    "KpisDock",
    "OutlineDock",
    "PropertiesDock",
    "create_docks",
    "set_docks_context",
    "set_docks_read_only",
    "find_dock",
    "first_run_dock_sizes",
]


def create_docks(
    window: QMainWindow,
    ctx: EditorContext | None,
    *,
    findings: FindingsService | None = None,
    reveal: Callable[[list[str]], None] | None = None,
    context_changed: SignalInstance | None = None,
) -> list[QDockWidget]:
    """Create the docks, place them on `window` and wire them to each other.

    Returns [properties, functions, findings, outline, kpis]; the KPIs dock is a tab
    beside Functions & owners. What the docks need comes in explicitly:
    - `findings`: the window's validator service (`changed(list)`, `findings`,
      `available`, `refresh_now()`); without one the Findings dock makes its own;
    - `reveal(ids)`: selects and centres objects, for the findings/outline docks'
      `focus_requested`;
    - `context_changed(ctx)`: a signal; the docks follow the new design.
    Otherwise connect those signals yourself (and `FindingsDock.count_changed`).
    """
    properties = PropertiesDock(window)
    functions = FunctionsDock(window)
    findings_dock = FindingsDock(window, findings)
    outline = OutlineDock(window)
    # Tabbed in two places, so a 1366 x 768 window leaves most of its width to the canvas:
    # the narrow forms on the right, the wide tables (matrix, wrapped findings) below.
    window.addDockWidget(Qt.RightDockWidgetArea, properties)
    window.addDockWidget(Qt.BottomDockWidgetArea, functions)
    kpis = KpisDock(window)
    window.addDockWidget(Qt.RightDockWidgetArea, outline)
    window.tabifyDockWidget(properties, outline)
    window.tabifyDockWidget(functions, kpis)
    window.addDockWidget(Qt.BottomDockWidgetArea, findings_dock)
    window.tabifyDockWidget(functions, findings_dock)
    properties.raise_()
    functions.raise_()
    findings_dock.function_focus_requested.connect(functions.show_functions)
    docks: list[QDockWidget] = [properties, functions, findings_dock, outline, kpis]
    if reveal is not None:
        findings_dock.focus_requested.connect(reveal)
        outline.focus_requested.connect(reveal)
    if context_changed is not None:
        for dock in docks:  # bound methods: Qt drops the connection when a dock is destroyed
            context_changed.connect(dock.set_context)
            context_changed.connect(_showing)  # an open's or close's dialog repaints between docks
    set_docks_context(docks, ctx)
    return docks


def _showing(_ctx: object) -> None:
    progress.step("showing", 0)


def set_docks_context(docks: list[QDockWidget], ctx: EditorContext | None) -> None:
    """Point every dock at another open design (or none)."""
    for dock in docks:
        if isinstance(dock, ContextDock):
            dock.set_context(ctx)


def set_docks_read_only(docks: list[QDockWidget], read_only: bool) -> None:
    """Refuse edits in every dock (a locked or newer-format file); viewing still works."""
    for dock in docks:
        if isinstance(dock, ContextDock):
            dock.set_read_only(read_only)


def find_dock(docks: list[QDockWidget], kind: type) -> QDockWidget | None:
    """The dock of a class, e.g. `find_dock(docks, FindingsDock)`."""
    return next((d for d in docks if isinstance(d, kind)), None)


def first_run_dock_sizes(window: QMainWindow, docks: list[QDockWidget]) -> None:
    """Without a saved layout, leave most of the window to the canvas."""
    side = [
        d
        for d in docks
        if window.dockWidgetArea(d)
        in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
    ]
    bottom = [
        d
        for d in docks
        if window.dockWidgetArea(d)
        in (Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.TopDockWidgetArea)
    ]
    if side:
        window.resizeDocks(
            side, [max(275, window.width() // 5)] * len(side), Qt.Orientation.Horizontal
        )
    if bottom:
        window.resizeDocks(
            bottom, [max(260, int(window.height() * 0.37))] * len(bottom), Qt.Orientation.Vertical
        )
