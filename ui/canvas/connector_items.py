"""Reporting lines (solid, orthogonal, parent -> child) and collaboration links (dashed curves).

Both recompute their path from the two boxes' scene rectangles; the scene
calls `update_path` only for the connectors of a box that moved.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from orgdesigner.entities import Link, LinkKind
from orgdesigner.geometry import STACK_INDENT
from orgdesigner.routing import rounded
from orgdesigner.staffunits import is_beside, staff_line

from . import lod, style

GAP = 6.0


def reporting_path(p: QRectF, c: QRectF, staff: bool = False) -> QPainterPath:
    """An orthogonal elbow from the parent box to the child box, by where the child sits;
    a staff unit in the column beside its manager gets the short side line."""
    path = QPainterPath()
    if staff:
        boxes = [(r.x(), r.y(), r.width(), r.height()) for r in (p, c)]
        if is_beside(*boxes):
            first, *rest = staff_line(*boxes)
            path.moveTo(*first)
            for point in rest:
                path.lineTo(*point)
            return path
    if c.top() >= p.bottom() + GAP:
        if 0 < c.left() - p.left() <= STACK_INDENT * 1.5:  # a compact stack of leaves
            x = p.left() + STACK_INDENT / 2
            path.moveTo(x, p.bottom())
            path.lineTo(x, c.center().y())
            path.lineTo(c.left(), c.center().y())
            return path
        mid = (p.bottom() + c.top()) / 2
        path.moveTo(p.center().x(), p.bottom())
        path.lineTo(p.center().x(), mid)
        path.lineTo(c.center().x(), mid)
        path.lineTo(c.center().x(), c.top())
    elif c.left() >= p.right() + GAP:
        if 0 < c.top() - p.top() <= STACK_INDENT * 1.5:  # a compact row of leaves (left-right)
            y = p.top() + STACK_INDENT / 2
            path.moveTo(p.right(), y)
            path.lineTo(c.center().x(), y)
            path.lineTo(c.center().x(), c.top())
            return path
        mid = (p.right() + c.left()) / 2
        path.moveTo(p.right(), p.center().y())
        path.lineTo(mid, p.center().y())
        path.lineTo(mid, c.center().y())
        path.lineTo(c.left(), c.center().y())
    elif c.bottom() <= p.top() - GAP:
        mid = (c.bottom() + p.top()) / 2
        path.moveTo(p.center().x(), p.top())
        path.lineTo(p.center().x(), mid)
        path.lineTo(c.center().x(), mid)
        path.lineTo(c.center().x(), c.bottom())
    elif c.right() <= p.left() - GAP:
        mid = (c.right() + p.left()) / 2
        path.moveTo(p.left(), p.center().y())
        path.lineTo(mid, p.center().y())
        path.lineTo(mid, c.center().y())
        path.lineTo(c.right(), c.center().y())
    else:  # overlapping boxes
        path.moveTo(p.center())
        path.lineTo(c.center())
    return path


def route_path(points: list[tuple[float, float]]) -> QPainterPath:
    """A route of the shared router as a path with rounded corners (canvas and printer)."""
    path = QPainterPath()
    for step in rounded(points):
        if step[0] == "M":
            path.moveTo(*step[1])
        elif step[0] == "L":
            path.lineTo(*step[1])
        else:
            path.quadTo(QPointF(*step[1]), QPointF(*step[2]))
    return path


class ReportingLineItem(QGraphicsPathItem):
    """The solid connector from a department to its parent (keyed by the child's id)."""

    def __init__(self, child_id: str, parent_id: str):
        super().__init__()
        self.child_id = child_id
        self.parent_id = parent_id
        self.staff = False  # the child is a staff unit (drawn beside its manager)
        pen = QPen(style.REPORTING, 1.6)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self.setPen(pen)
        self.setZValue(0)

    def update_path(self, parent_rect: QRectF, child_rect: QRectF) -> None:
        self.setPath(reporting_path(parent_rect, child_rect, self.staff))


def border_point(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the line from the rect's centre toward `toward` leaves the rect."""
    c = rect.center()
    dx, dy = toward.x() - c.x(), toward.y() - c.y()
    if dx == 0 and dy == 0:
        return c
    sx = (rect.width() / 2) / abs(dx) if dx else math.inf
    sy = (rect.height() / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy)
    return QPointF(c.x() + dx * s, c.y() + dy * s)


class LinkLabelItem(QGraphicsSimpleTextItem):
    """A link's label on a white pill, above the boxes so a curve behind a box keeps its label."""

    def __init__(self, link: "LinkItem"):
        super().__init__()
        self.link = link
        self.setZValue(2.5)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(self.boundingRect().adjusted(-3, -1, 3, 1), 4, 4)
        super().paint(painter, option, widget)


class LinkItem(QGraphicsPathItem):
    """A collaboration link: a dashed curve, colour and dash by kind, label at the middle."""

    def __init__(self, link: Link):
        super().__init__()
        self.link_id = link.id
        self.source_id = link.source
        self.target_id = link.target
        self.kind = link.kind
        self.directed = link.directed
        self.label = LinkLabelItem(self)  # not a child: the scene adds it beside the link
        self.route: list[tuple[float, float]] | None = None
        self._arrow = QPolygonF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(1)
        self.apply(link)

    def apply(self, link: Link) -> None:
        self.source_id, self.target_id = link.source, link.target
        self.kind, self.directed = link.kind, link.directed
        color, dash = style.LINK_STYLE.get(link.kind, style.LINK_STYLE[LinkKind.COLLABORATION])
        pen = QPen(color, 1.6, dash)
        self.setPen(pen)
        # Both pens made once: paint() runs for hundreds of links per frame in a drag.
        self._selected_pen = QPen(pen)
        self._selected_pen.setWidthF(3.2)
        self._selected_pen.setColor(style.SELECTED)
        self.label.setText(link.label)
        self.label.setBrush(QBrush(color.darker(130)))
        self.label.setFont(style.detail_font())
        self.label.setVisible(bool(link.label))
        self.setToolTip(
            f"{style.link_kind_label(link.kind)}: {link.label}"
            if link.label
            else style.link_kind_label(link.kind)
        )

    def set_route(
        self, points: list[tuple[float, float]], label_at: tuple[float, float] | None
    ) -> None:
        """The shared router's route (orgdesigner.routing): orthogonal, rounded corners, label on free space."""
        self.route = points
        path = route_path(points)
        last = points[-1]
        self._arrow = QPolygonF()
        if self.directed and len(points) >= 2:
            (qx, qy), (bx, by) = points[-2], last
            d = math.hypot(bx - qx, by - qy) or 1.0
            ux, uy = (bx - qx) / d, (by - qy) / d
            b = QPointF(bx, by)
            self._arrow = QPolygonF(
                [
                    b,
                    QPointF(bx - 10 * ux + 5 * uy, by - 10 * uy - 5 * ux),
                    QPointF(bx - 10 * ux - 5 * uy, by - 10 * uy + 5 * ux),
                ]
            )
            path.addPolygon(self._arrow)
        self.setPath(path)
        rect = self.label.boundingRect()
        if label_at is not None:
            self.label.setPos(label_at[0] - rect.width() / 2, label_at[1] - rect.height() / 2)

    def update_path(self, source_rect: QRectF, target_rect: QRectF) -> None:
        """A quick curve until the router's route arrives (see link_router.py)."""
        self.route = None
        same_row = (
            abs(source_rect.center().y() - target_rect.center().y())
            < (source_rect.height() + target_rect.height()) / 4
        )
        if (
            same_row
            and abs(source_rect.center().x() - target_rect.center().x()) > source_rect.width()
        ):
            self._arc_below(source_rect, target_rect)
            return
        a = border_point(source_rect, target_rect.center())
        b = border_point(target_rect, source_rect.center())
        line = QLineF(a, b)
        length = line.length()
        if length < 1:
            self.setPath(QPainterPath(a))
            return
        normal = QPointF(-line.dy() / length, line.dx() / length)
        control = line.center() + normal * min(60.0, length * 0.15)
        self._set_curve(a, control, control, b)

    def _arc_below(self, s: QRectF, t: QRectF) -> None:
        """Boxes side by side: an arc under the row, so the link does not cross the boxes between."""
        dx = t.center().x() - s.center().x()
        spread = max(-s.width() / 3, min(s.width() / 3, dx * 0.1))
        a = QPointF(s.center().x() + spread, s.bottom())
        b = QPointF(t.center().x() - spread, t.bottom())
        depth = min(40.0 + abs(dx) * 0.18, 200.0)
        bottom = max(a.y(), b.y()) + depth
        self._set_curve(a, QPointF(a.x(), bottom), QPointF(b.x(), bottom), b)

    def _set_curve(self, a: QPointF, c1: QPointF, c2: QPointF, b: QPointF) -> None:
        path = QPainterPath(a)
        path.cubicTo(c1, c2, b)
        self._arrow = QPolygonF()
        if self.directed:
            direction = b - c2 if (b - c2).manhattanLength() > 0.5 else b - a
            d = math.hypot(direction.x(), direction.y()) or 1.0
            ux, uy = direction.x() / d, direction.y() / d
            left = QPointF(b.x() - 10 * ux + 5 * uy, b.y() - 10 * uy - 5 * ux)
            right = QPointF(b.x() - 10 * ux - 5 * uy, b.y() - 10 * uy + 5 * ux)
            self._arrow = QPolygonF([b, left, right])
            path.addPolygon(self._arrow)  # inside the item's bounding rect
        self.setPath(path)
        mid = self._point_on_curve(a, c1, c2, b)
        rect = self.label.boundingRect()
        self.label.setPos(mid.x() - rect.width() / 2, mid.y() - rect.height() / 2)

    @staticmethod
    def _point_on_curve(
        a: QPointF, c1: QPointF, c2: QPointF, b: QPointF, t: float = 0.5
    ) -> QPointF:
        u = 1 - t
        return a * (u**3) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + b * (t**3)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(self.path())

    def paint(self, painter: QPainter, option, widget=None) -> None:
        # The view turns antialiasing on for every item; no per-item render hints here.
        pen = self._selected_pen if self.isSelected() else self.pen()
        if option.levelOfDetailFromTransform(painter.worldTransform()) < lod.BLOCK_BELOW:
            # Far out a dash pattern is thousands of tiny segments per curve: a thin solid line
            pen = QPen(pen.color(), 0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        if not self._arrow.isEmpty():
            painter.setBrush(pen.color())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(self._arrow)
