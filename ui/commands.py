"""QUndoCommands: the only place the UI changes the model.

Every edit is an `orgdesigner.ops.Op`; `OpCommand` applies it on redo and
applies the inverse the op returned on undo. Commands touch only the model:
the scene and the docks update from the model's events.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from orgdesigner.design import Design
from orgdesigner.ops import MoveDepartments, Op

NUDGE_ID = 1001  # arrow-key nudges of the same selection merge into one step


class OpCommand(QUndoCommand):
    """Wrap one reversible op (use `ops.Batch` for several)."""

    def __init__(self, design: Design, op: Op, text: str | None = None):
        super().__init__(text or op.text)
        self.design = design
        self.op = op
        self.inverse: Op | None = None

    def redo(self) -> None:
        self.inverse = self.op.apply(self.design)

    def undo(self) -> None:
        assert self.inverse is not None
        self.op = self.inverse.apply(self.design)


class NudgeCommand(OpCommand):
    """Arrow-key moves: consecutive nudges of the same departments merge (Qt undoframework)."""

    def __init__(self, design: Design, positions: dict[str, tuple[float, float]], text: str):
        super().__init__(design, MoveDepartments(positions), text)
        self.first_inverse: Op | None = None

    def id(self) -> int:  # noqa: A003 - Qt override
        return NUDGE_ID

    def redo(self) -> None:
        super().redo()
        if self.first_inverse is None:
            self.first_inverse = self.inverse

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, NudgeCommand):
            return False
        mine = self.op.positions if isinstance(self.op, MoveDepartments) else {}
        theirs = other.op.positions if isinstance(other.op, MoveDepartments) else {}
        if set(mine) != set(theirs):
            return False
        self.op = MoveDepartments(dict(theirs))
        self.inverse = self.first_inverse
        return True


def push(stack, design: Design, op: Op, text: str | None = None) -> None:
    """Push one op on the undo stack (this applies it)."""
    stack.push(OpCommand(design, op, text))
