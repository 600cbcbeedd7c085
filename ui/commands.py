"""The undo entry of an edit `EditorContext.apply` already made.

Every edit is an `orgdesigner.ops.Op`. `EditorContext.apply` applies it once
(so the model can refuse it before anything reaches the undo stack) and then
pushes an `AppliedCommand` holding the op and the inverse the op returned:
undo applies the inverse, redo applies the op again. Commands touch only the
model: the scene and the docks update from the model's events. An undo or redo
that a live repository or the model refuses leaves the stack (it drops that step).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from orgdesigner.design import Design
from orgdesigner.errors import OrgDesignerError
from orgdesigner.ops import MoveDepartments, Op

from .error_text import error_text

NUDGE_ID = 1001  # arrow-key nudges of the same selection merge into one step


class AppliedCommand(QUndoCommand):
    """One undo step for an op that was applied before the push (the first redo is skipped)."""

    def __init__(
        self,
        design: Design,
        op: Op,
        inverse: Op,
        text: str,
        merge_id: int = -1,
        on_refused: Callable[[str], None] | None = None,
    ):
        super().__init__(text)
        self.design = design
        self.on_refused = on_refused
        self.op = op
        self.inverse = inverse
        self.merge_id = merge_id
        self._applied = True

    def id(self) -> int:  # noqa: A003 - Qt override
        return self.merge_id

    def redo(self) -> None:
        if self._applied:  # QUndoStack.push calls redo(); the op is already applied
            self._applied = False
            return
        try:
            with self.design.events.action() as action:  # one step: one repository transaction
                self.inverse = self.op.apply(self.design)
        except OrgDesignerError as exc:
            self._drop(error_text(exc))
            return
        if action.refused is not None:
            self._drop(None)

    def undo(self) -> None:
        try:
            with self.design.events.action() as action:
                self.op = self.inverse.apply(self.design)
        except OrgDesignerError as exc:
            self._drop(error_text(exc))
            return
        if action.refused is not None:
            self._drop(None)

    def _drop(self, reason: str | None) -> None:
        """The step cannot be undone or redone any more: a live repository refused it
        (someone else changed what it touches; the design shows the server's state and the
        banner says so) or the model refused it (someone else deleted what it needs; the
        design is unchanged and `reason` goes to the status bar). QUndoStack removes an
        obsolete command, so the stack and the design stay in step (the steps before and
        after it stay)."""
        self.setObsolete(True)
        if reason is not None and self.on_refused is not None:
            self.on_refused(reason)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        """Nudges of the same departments become one step (Qt's undoframework pattern):
        keep the first inverse (where the boxes started), take the latest positions."""
        if not (
            isinstance(other, AppliedCommand)
            and isinstance(self.op, MoveDepartments)
            and isinstance(other.op, MoveDepartments)
        ):
            return False
        if set(self.op.positions) != set(other.op.positions):
            return False
        self.op = MoveDepartments(dict(other.op.positions))
        return True
