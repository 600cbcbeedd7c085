"""The editor's docks: Properties, Functions & owners, KPIs, Findings, Outline.

The main window calls `create_docks(window, ctx)` once, and
`set_docks_context(docks, ctx)` (or each dock's `set_context`) whenever
another design is opened or the last one is closed (`ctx=None`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from ..context import EditorContext
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
]


def create_docks(window: QMainWindow, ctx: EditorContext | None) -> list[QDockWidget]:
    """Create the docks, place them on `window` and wire them to each other.

    Returns [properties, functions, findings, outline, kpis]; the KPIs dock is a tab
    beside Functions & owners. When the window offers
    them, the docks hook themselves up:
    - `window.context_changed(ctx)`: the docks follow the new design;
    - `window.findings` (a service with `changed(list)`, `findings`,
      `available`, `refresh_now()`): the Findings dock shows its findings
      (without one, the dock makes a FindingsService that follows it);
    - `window.reveal(ids)`: called for the findings/outline docks' `focus_requested`.
    Otherwise connect those signals yourself (and `FindingsDock.count_changed`).
    """
    properties = PropertiesDock(window)
    functions = FunctionsDock(window)
    service = getattr(window, "findings", None)
    if not (hasattr(service, "changed") and hasattr(service, "refresh_now")):
        service = None  # the dock makes its own FindingsService
    findings = FindingsDock(window, service)
    outline = OutlineDock(window)
    # Tabbed in two places, so a 1366 x 768 window leaves most of its width to the canvas:
    # the narrow forms on the right, the wide tables (matrix, wrapped findings) below.
    window.addDockWidget(Qt.RightDockWidgetArea, properties)
    window.addDockWidget(Qt.BottomDockWidgetArea, functions)
    kpis = KpisDock(window)
    window.addDockWidget(Qt.RightDockWidgetArea, outline)
    window.tabifyDockWidget(properties, outline)
    window.tabifyDockWidget(functions, kpis)
    window.addDockWidget(Qt.BottomDockWidgetArea, findings)
    window.tabifyDockWidget(functions, findings)
    properties.raise_()
    functions.raise_()
    findings.function_focus_requested.connect(functions.show_functions)
    docks: list[QDockWidget] = [properties, functions, findings, outline, kpis]
    reveal = getattr(window, "reveal", None)
    if callable(reveal):
        findings.focus_requested.connect(reveal)
        outline.focus_requested.connect(reveal)
    changed = getattr(window, "context_changed", None)
    if changed is not None and hasattr(changed, "connect"):
        for dock in docks:  # bound methods: Qt drops the connection when a dock is destroyed
            changed.connect(dock.set_context)
    set_docks_context(docks, ctx)
    return docks


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
