"""What every dock shares: following one `EditorContext` and switching to another.

A dock listens to the context's model bridge and selection; `set_context`
disconnects from the old design before connecting to the new one, so a dock
never reacts to a design that is no longer open. `None` means no design is
open: the dock shows an empty, disabled state.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

from orgdesigner.events import Event

from ..context import EditorContext


class ContextDock(QDockWidget):
    """Base class: subclasses implement `_reload`, `_on_model_event`, `_on_selection_changed`."""

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.setObjectName(object_name)  # QMainWindow.saveState needs it
        self.ctx: EditorContext | None = None
        self.read_only = False  # a locked or newer-format file: look, select, but do not edit
        self._connections: list[tuple[Any, Callable]] = []

    def set_context(self, ctx: EditorContext | None) -> None:
        """Follow another open design (or none)."""
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # already gone with its owner
                pass
        self._connections = []
        self.ctx = ctx
        if ctx is not None:
            self._connect(ctx.bridge.changed, self._on_model_event)
            self._connect(ctx.selection.changed, self._on_selection_changed)
        if self.widget() is not None:
            self.widget().setEnabled(ctx is not None)
        self._reload()

    def set_read_only(self, read_only: bool) -> None:
        """Refuse edits (the canvas does the same) while keeping viewing and selecting."""
        self.read_only = read_only
        self._on_read_only_changed()

    def _on_read_only_changed(self) -> None:
        """Subclasses with editing widgets disable them here."""

    def _connect(self, signal: Any, slot: Callable) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    # Subclass hooks ---------------------------------------------------------
    def _reload(self) -> None:
        """Show the current context from scratch (on a context switch only)."""

    def _on_model_event(self, event: Event) -> None:
        """Update from one model change, incrementally."""

    def _on_selection_changed(self) -> None:
        """Follow the shared selection."""


def scrolling(body: QWidget) -> QScrollArea:
    """`body` in a frameless scroll area: the dock can be shorter than its form."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(body)
    return area
