"""What every editor part shares for one open design: model, undo stack, selection, events."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from orgdesigner.design import Design
from orgdesigner.ops import Op

from .commands import push
from .model_bridge import ModelBridge
from .selection import SelectionModel


@dataclass
class EditorContext:
    design: Design
    undo_stack: QUndoStack
    selection: SelectionModel
    bridge: ModelBridge

    @classmethod
    def create(cls, design: Design, parent=None) -> "EditorContext":
        return cls(design, QUndoStack(parent), SelectionModel(parent), ModelBridge(design, parent))

    def push(self, op: Op, text: str | None = None) -> None:
        """The one way a UI part changes the design: an op on the undo stack."""
        push(self.undo_stack, self.design, op, text)
