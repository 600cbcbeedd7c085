"""What every editor part shares for one open design: model, undo stack, selection, events."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from orgdesigner.design import Design
from orgdesigner.errors import OrgDesignerError
from orgdesigner.ops import Op

from .error_text import error_text
from .commands import AppliedCommand
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

    def apply(self, op: Op, text: str | None = None, *, merge_id: int = -1) -> str | None:
        """The one way the UI changes the design. Applies `op` once; if the model
        accepts it, pushes exactly one undo entry and returns None; if the model
        refuses it (a cycle, a duplicate link, a bad value) nothing changes,
        nothing is pushed, and the model's reason comes back for the status bar;
        likewise when a live repository refuses the edit (it is shown as the server has it).
        """
        try:
            with self.design.events.action() as action:  # a live design: one transaction
                inverse = op.apply(self.design)
        except OrgDesignerError as exc:
            reason = error_text(exc)
            self.bridge.refused.emit(reason)
            return reason
        if action.refused is not None:  # the repository refused it: the design is as before
            return action.refused
        self.undo_stack.push(
            AppliedCommand(
                self.design,
                op,
                inverse,
                text or op.text,
                merge_id,
                on_refused=self.bridge.refused.emit,
            )
        )
        return None
