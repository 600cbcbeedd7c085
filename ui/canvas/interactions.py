"""Mouse gestures on the canvas as small objects: move/drop, and connect by dragging.

The scene routes press/move/release to the current interaction; the
interaction gives feedback on the items while the mouse moves (no model
change) and on release turns the gesture into one edit (`ui.edits`).
Each mouse move costs O(moved boxes + their connectors), never O(design).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsLineItem

from orgdesigner.entities import LinkKind
from orgdesigner.geometry import BOX_W, H_GAP, V_GAP
from orgdesigner.placement import clear_shift

from .. import edits
from ..i18n import tr
from . import style
from .department_item import DepartmentItem

if TYPE_CHECKING:  # pragma: no cover
    from ..context import EditorContext


class InteractionHost(Protocol):
    """What a gesture needs from the scene (OrgScene provides it; no import of scene.py here)."""

    ctx: EditorContext | None
    boxes: dict[str, DepartmentItem]
    user_dragging: bool
    message: Any  # Signal(str): a hint or a refusal for the status bar

    def box_at(self, pos: QPointF, exclude: Any = ()) -> DepartmentItem | None: ...
    def selected_boxes(self) -> list[DepartmentItem]: ...
    def mouseGrabberItem(self) -> QGraphicsItem | None: ...  # noqa: N802 - Qt name
    def addItem(self, item: QGraphicsItem) -> None: ...  # noqa: N802 - Qt name
    def removeItem(self, item: QGraphicsItem) -> None: ...  # noqa: N802 - Qt name


class MoveInteraction:
    """Drag of the selected boxes; dropping them on another box re-parents them."""

    def __init__(self, scene: InteractionHost, press: QPointF):
        self.scene = scene
        self.press = press
        self.start = {item.dept_id: QPointF(item.pos()) for item in scene.selected_boxes()}
        self.target: DepartmentItem | None = None
        self.refusal: str | None = None
        scene.user_dragging = True

    def move(self, pos: QPointF) -> None:
        target = self.scene.box_at(pos, exclude=self.start)
        if target is self.target:
            return
        if self.target is not None:
            self.target.set_drop_state(None)
        self.target = target
        self.refusal = None
        if target is None:
            self.scene.message.emit("")
            return
        design = self.scene.ctx.design
        self.refusal = edits.reparent_refusal(design, self._roots(), target.dept_id)
        target.set_drop_state("bad" if self.refusal else "ok")
        self.scene.message.emit(
            tr("Cannot drop here: {reason}").format(reason=self.refusal)
            if self.refusal
            else tr("Release to make the selection report to {name}").format(
                name=design.departments[target.dept_id].name
            )
        )

    def _roots(self) -> list[str]:
        """The moved departments whose parent is not moved with them."""
        design = self.scene.ctx.design
        return [d for d in self.start if design.departments[d].parent not in self.start]

    def release(self, pos: QPointF) -> None:
        self.scene.user_dragging = False
        ctx = self.scene.ctx
        target, self.target = self.target, None
        if target is not None:
            target.set_drop_state(None)
            if self.refusal:
                self._restore()
                self.scene.message.emit(tr("Refused: {reason}").format(reason=self.refusal))
                return
            reason = edits.reparent(
                ctx, self._roots(), target.dept_id, self._drop_positions(target)
            )
            if reason:
                self._restore()
            self.scene.message.emit(tr("Refused: {reason}").format(reason=reason) if reason else "")
            return
        positions = {}
        for dept_id in self.start:
            item = self.scene.boxes.get(dept_id)
            if item is not None:
                positions[dept_id] = (item.pos().x(), item.pos().y())
        edits.move(ctx, positions)

    def cancel(self) -> None:
        self.scene.user_dragging = False
        if self.target is not None:
            self.target.set_drop_state(None)
        grabber = self.scene.mouseGrabberItem()
        if grabber is not None:  # stop Qt's own drag, or later moves would shift the boxes again
            grabber.ungrabMouse()
        self._restore()

    def _restore(self) -> None:
        for dept_id, pos in self.start.items():
            item = self.scene.boxes.get(dept_id)
            if item is not None:
                item.setPos(pos)

    def _drop_positions(self, target: DepartmentItem) -> dict[str, tuple[float, float]]:
        """Place dropped boxes below their new parent, after its last child; subtrees follow."""
        design = self.scene.ctx.design
        parent = design.departments[target.dept_id]
        moved = set(self.start)
        kids = [k for k in design.child_ids(target.dept_id) if k not in moved]
        x = max((design.departments[k].x for k in kids), default=parent.x - BOX_W - H_GAP)
        y = parent.y + target.rect().height() + V_GAP
        positions: dict[str, tuple[float, float]] = {}
        moving = {m for r in self._roots() for m in [r, *design.descendants(r)]}
        for dept_id in self._roots():
            x += BOX_W + H_GAP
            d = design.departments[dept_id]
            dx, dy = x - d.x, y - d.y
            branch = {
                m: (design.departments[m].x + dx, design.departments[m].y + dy)
                for m in [dept_id, *design.descendants(dept_id)]
            }
            shift = clear_shift(design, branch, ignore=moving)  # never onto another box
            x += shift
            positions.update({m: (bx + shift, by) for m, (bx, by) in branch.items()})
        return positions


class ConnectInteraction:
    """Drag from a box (handle or link tool) to another box: a reporting line or a link."""

    def __init__(self, scene: InteractionHost, source: str, mode: str, kind: LinkKind):
        self.scene = scene
        self.source = source
        self.mode = mode  # "reporting" or "link"
        self.kind = kind
        self.target: DepartmentItem | None = None
        self.refusal: str | None = None
        color = style.REPORTING if mode == "reporting" else style.LINK_STYLE[kind][0]
        pen = QPen(
            color, 2, Qt.PenStyle.SolidLine if mode == "reporting" else style.LINK_STYLE[kind][1]
        )
        self.line = QGraphicsLineItem()
        self.line.setPen(pen)
        self.line.setZValue(3)
        scene.addItem(self.line)
        start = scene.boxes[source].scene_rect().center()
        self.line.setLine(QLineF(start, start))
        scene.message.emit(
            tr("Drag to the department that should report to this one")
            if mode == "reporting"
            else tr("Drag to the department to link with")
        )

    def move(self, pos: QPointF) -> None:
        line = self.line.line()
        self.line.setLine(QLineF(line.p1(), pos))
        target = self.scene.box_at(pos, exclude={self.source})
        if target is self.target:
            return
        if self.target is not None:
            self.target.set_drop_state(None)
        self.target = target
        if target is None:
            self.refusal = None
            self.scene.message.emit("")
            return
        self.refusal = edits.check_connect(
            self.scene.ctx.design, self.source, target.dept_id, self.mode, self.kind
        )
        target.set_drop_state("bad" if self.refusal else "ok")
        if self.refusal:
            self.scene.message.emit(tr("Cannot connect: {reason}").format(reason=self.refusal))
        else:
            self.scene.message.emit("")

    def release(self, pos: QPointF) -> None:
        self.move(pos)
        target = self.target
        self.cancel()
        if target is None:
            return
        reason = edits.connect(self.scene.ctx, self.source, target.dept_id, self.mode, self.kind)
        self.scene.message.emit(tr("Refused: {reason}").format(reason=reason) if reason else "")

    def cancel(self) -> None:
        if self.target is not None:
            self.target.set_drop_state(None)
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
