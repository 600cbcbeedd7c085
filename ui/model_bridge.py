"""Re-emit the core model's events as a Qt signal, so widgets connect the Qt way."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from orgdesigner.design import Design
from orgdesigner.events import Event


class ModelBridge(QObject):
    """One per open design. `changed(event)` fires synchronously after each model change."""

    changed = Signal(object)
    refused = Signal(str)  # the model's reason for an edit `EditorContext.apply` did not make

    def __init__(self, design: Design, parent: QObject | None = None):
        super().__init__(parent)
        self.design = design
        design.events.subscribe(self._on_event)

    def _on_event(self, event: Event) -> None:
        self.changed.emit(event)

    def detach(self) -> None:
        self.design.events.unsubscribe(self._on_event)
