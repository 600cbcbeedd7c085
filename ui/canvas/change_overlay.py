"""The Compare view's marks on the canvas: what a scenario changes against its base.

Added units get a green ring, moved ones an amber ring and a tag naming their
old manager, changed ones a blue ring; removed units appear as dashed grey
ghosts at their old place. The marks are extra scene items around the
department boxes (the boxes themselves are untouched), rebuilt whenever the
comparison is recomputed; the palette is the PDF's (`orgdesigner.compare_text`).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from orgdesigner.compare import Comparison
from orgdesigner.compare_text import CHANGE_BORDERS, CHANGE_FILLS
from orgdesigner.geometry import BOX_H, BOX_W

RING = 6.0


def tr(text: str) -> str:
    return QCoreApplication.translate("ChangeOverlay", text)


class ChangeOverlay:
    """Owns the mark items it put into a scene; `show` replaces them, `clear` removes them."""

    def __init__(self) -> None:
        self.items: list[QGraphicsItem] = []
        self.marks: dict[str, str] = {}  # department id -> added / moved / changed / removed

    def clear(self) -> None:
        for item in self.items:
            if shiboken6.isValid(item) and item.scene() is not None:
                item.scene().removeItem(item)
        self.items = []
        self.marks = {}

    def show(self, scene: QGraphicsScene, boxes: dict[str, QRectF], result: Comparison) -> None:
        """Mark the target's boxes (`boxes`: id -> scene rectangle) and ghost the removed."""
        self.clear()
        self.marks = dict(result.department_marks())
        moved_from = {c.object: c.before for c in result.of_kind("moved")}
        for dept_id, mark in self.marks.items():
            box = boxes.get(dept_id)
            if box is None:
                continue
            rect = box.adjusted(-RING, -RING, RING, RING)
            ring = self._add(scene, QGraphicsRectItem(rect))
            ring.setPen(QPen(QColor(CHANGE_BORDERS[mark]), 3))
            ring.setBrush(QBrush(QColor(CHANGE_FILLS[mark])))
            ring.setZValue(1)  # under the box (2), over the links
            ring.setData(0, mark)
            if mark == "moved":
                was = moved_from.get(dept_id) or tr("(top level)")
                tag = self._add(
                    scene, QGraphicsSimpleTextItem(tr("was under {name}").format(name=was))
                )
                tag.setBrush(QBrush(QColor(CHANGE_BORDERS["moved"]).darker(150)))
                tag.setPos(rect.left(), rect.top() - 18)
                tag.setZValue(3)
        positions = _base_positions(result)
        taken = list(boxes.values())
        shelf = QRectF()
        for rect in taken:
            shelf = shelf.united(rect)
        shelf_x, shelf_y = shelf.left(), shelf.bottom() + 60
        for dept_id in result.removed_departments():
            dept = result.base.departments[dept_id]
            x, y = positions.get(dept_id, (dept.x, dept.y))
            if any(r.intersects(QRectF(x, y, BOX_W, BOX_H)) for r in taken):
                x, y = shelf_x, shelf_y  # its old place is taken: a shelf below the chart
                shelf_x += BOX_W + 20
            ghost = self._add(scene, QGraphicsRectItem(QRectF(x, y, BOX_W, BOX_H)))
            pen = QPen(QColor(CHANGE_BORDERS["removed"]), 2, Qt.PenStyle.DashLine)
            ghost.setPen(pen)
            ghost.setBrush(QBrush(QColor(CHANGE_FILLS["removed"])))
            ghost.setZValue(0.5)
            ghost.setData(0, "removed")
            ghost.setData(1, dept_id)
            ghost.setToolTip(tr("Removed: {name}").format(name=dept.name))
            label = self._add(scene, QGraphicsSimpleTextItem(dept.name))
            label.setBrush(QBrush(QColor("#666666")))
            label.setPos(x + 8, y + BOX_H / 2 - 8)
            label.setZValue(0.6)
            self.marks[dept_id] = "removed"

    def _add(self, scene: QGraphicsScene, item):
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # marks never take a click
        scene.addItem(item)
        self.items.append(item)
        return item


def _base_positions(result: Comparison) -> dict[str, tuple[float, float]]:
    """Where the base's units stood (the tidy layout if the base was never arranged)."""
    base = result.base
    if any(d.x or d.y for d in base.departments.values()):
        return {}
    from orgdesigner.layout import tidy_layout

    return tidy_layout(base)
