"""Reporting lines (solid, orthogonal, parent -> child) and collaboration links (dashed curves).

Both recompute their path from the two boxes' scene rectangles; the scene
calls `update_path` only for the connectors of a box that moved.
"""

from __future__ import annotations


from PySide6.QtCore import QPointF, QRectF, Qt
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
from orgdesigner.geometry import STACK_INDENT, arrow_head
from orgdesigner.routing import rounded
from orgdesigner.staffunits import is_beside, staff_line

from ..i18n import tr
from . import lod, style
from .quick_curve import Rect, curve_arrow, curve_points, middle, rect_tuple

GAP = 6.0


def reporting_points(p: Rect, c: Rect, staff: bool = False) -> list[tuple[float, float]]:
    """An orthogonal elbow from the parent box to the child box (x, y, w, h), by where the
    child sits (a staff unit beside its manager: the short side line): plain numbers, so the
    zoomed-out picture draws 100,000 of them in bulk."""
    if staff and is_beside(p, c):
        return list(staff_line(p, c))
    px, py, pw, ph = p
    cx, cy, cw, ch = c
    p_right, p_bottom, c_right, c_bottom = px + pw, py + ph, cx + cw, cy + ch
    pcx, pcy, ccx, ccy = px + pw / 2, py + ph / 2, cx + cw / 2, cy + ch / 2
    if cy >= p_bottom + GAP:
        if 0 < cx - px <= STACK_INDENT * 1.5:  # a compact stack of leaves
            x = px + STACK_INDENT / 2
            return [(x, p_bottom), (x, ccy), (cx, ccy)]
        mid = (p_bottom + cy) / 2
        return [(pcx, p_bottom), (pcx, mid), (ccx, mid), (ccx, cy)]
    if cx >= p_right + GAP:
        if 0 < cy - py <= STACK_INDENT * 1.5:  # a compact row of leaves (left-right)
            y = py + STACK_INDENT / 2
            return [(p_right, y), (ccx, y), (ccx, cy)]
        mid = (p_right + cx) / 2
        return [(p_right, pcy), (mid, pcy), (mid, ccy), (cx, ccy)]
    if c_bottom <= py - GAP:
        mid = (c_bottom + py) / 2
        return [(pcx, py), (pcx, mid), (ccx, mid), (ccx, c_bottom)]
    if c_right <= px - GAP:
        mid = (c_right + px) / 2
        return [(px, pcy), (mid, pcy), (mid, ccy), (c_right, ccy)]
    return [(pcx, pcy), (ccx, ccy)]  # overlapping boxes


def reporting_path(p: QRectF, c: QRectF, staff: bool = False) -> QPainterPath:
    """The elbow of `reporting_points` as a path; a staff unit in the column beside its
    manager gets the short side line."""
    boxes = [(r.x(), r.y(), r.width(), r.height()) for r in (p, c)]
    points = reporting_points(*boxes, staff)
    path = QPainterPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
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
        # No route around the boxes: a stub out of each end instead (see set_unrouted)
        self.stubs: list[list[tuple[float, float]]] | None = None
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
        self._routed_pen = pen
        self._stub_pen = QPen(color, 1.6, Qt.PenStyle.DotLine)
        # Both pens made once: paint() runs for hundreds of links per frame in a drag.
        self._selected_pen = QPen(pen)
        self._selected_pen.setWidthF(3.2)
        self._selected_pen.setColor(style.SELECTED)
        self.label.setText(link.label)
        self.label.setBrush(QBrush(color.darker(130)))
        self.label.setFont(style.detail_font())
        self.label.setVisible(bool(link.label))
        self._tooltip = (
            f"{style.link_kind_label(link.kind)}: {link.label}"
            if link.label
            else style.link_kind_label(link.kind)
        )
        self.setToolTip(self._tooltip)
        if self.stubs is not None:
            self._show_unrouted()

    def _show_routed(self) -> None:
        """Back from the stubs of an unrouted link: its pen, label and tooltip."""
        if self.stubs is None:
            return
        self.stubs = None
        self.setPen(self._routed_pen)
        self.label.setVisible(bool(self.label.text()))
        self.setToolTip(self._tooltip)

    def _show_unrouted(self) -> None:
        self.setPen(self._stub_pen)
        self.label.setVisible(False)  # no line to sit on: the tooltip carries it
        self.setToolTip(
            tr(
                "{link}\nNo route around the other boxes: shown as a dotted stub at each end "
                "instead of a line across the boxes in between. Move the boxes apart to draw it."
            ).format(link=self._tooltip)
        )

    def set_unrouted(self, stubs: list[list[tuple[float, float]]]) -> None:
        """The router found no route around the boxes: a dotted stub out of each end, with a
        small ring at its open end (orgdesigner.routing.unrouted_stubs), never a line through
        the boxes it does not connect; the printed chart lists such a link."""
        self.route = None
        self.stubs = stubs
        path = QPainterPath()
        for piece in stubs:
            path.moveTo(*piece[0])
            for p in piece[1:]:
                path.lineTo(*p)
            if len(piece) >= 2:
                path.addEllipse(QPointF(*piece[-1]), 2.5, 2.5)
        self._arrow = QPolygonF()
        self.setPath(path)
        self._show_unrouted()

    def set_route(
        self, points: list[tuple[float, float]], label_at: tuple[float, float] | None
    ) -> None:
        """The shared router's route (orgdesigner.routing): orthogonal, rounded corners, label on free space."""
        self._show_routed()
        self.route = points
        path = route_path(points)
        last = points[-1]
        self._arrow = QPolygonF()
        if self.directed and len(points) >= 2:
            self._arrow = QPolygonF([QPointF(*p) for p in arrow_head(points[-2], last)])
            path.addPolygon(self._arrow)
        self.setPath(path)
        rect = self.label.boundingRect()
        if label_at is not None:
            self.label.setPos(label_at[0] - rect.width() / 2, label_at[1] - rect.height() / 2)

    def update_path(self, source_rect: QRectF, target_rect: QRectF) -> None:
        """A quick curve until the router's route arrives (see link_router.py)."""
        self._show_routed()
        self.route = None
        path, self._arrow, mid = self.quick_curve(source_rect, target_rect)
        self.setPath(path)
        if mid is not None:
            rect = self.label.boundingRect()
            self.label.setPos(mid.x() - rect.width() / 2, mid.y() - rect.height() / 2)

    def quick_curve(
        self, source_rect: QRectF, target_rect: QRectF
    ) -> tuple[QPainterPath, QPolygonF, QPointF | None]:
        """The quick curve between the two boxes (quick_curve.py): its path (arrow included),
        the arrow head and the label's centre (None: no room for a curve)."""
        c = curve_points(rect_tuple(source_rect), rect_tuple(target_rect))
        if len(c) == 2:
            return QPainterPath(QPointF(*c)), QPolygonF(), None
        path = QPainterPath(QPointF(c[0], c[1]))
        path.cubicTo(c[2], c[3], c[4], c[5], c[6], c[7])
        arrow = QPolygonF()
        if self.directed:
            arrow = QPolygonF([QPointF(*p) for p in curve_arrow(c)])
            path.addPolygon(arrow)  # inside the item's bounding rect
        return path, arrow, QPointF(*middle(c))

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
        self._draw(painter, pen, self.path(), self._arrow)

    def moving_pen(self, scale: float) -> QPen:
        """The pen while one of its boxes is dragged (drag_layer.py): one cosmetic pixel with
        dashes as long on screen as at rest; a wide antialiased dashed stroke costs about
        five times more, and a box with 100 links draws them all in every frame."""
        pen = self._selected_pen if self.isSelected() else self._routed_pen
        thin = QPen(pen.color(), 0)
        if scale >= lod.BLOCK_BELOW and pen.style() != Qt.PenStyle.SolidLine:
            thin.setDashPattern([d * pen.widthF() * scale for d in pen.dashPattern()])
        return thin

    @staticmethod
    def _draw(painter: QPainter, pen: QPen, path: QPainterPath, arrow: QPolygonF) -> None:
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if not arrow.isEmpty():
            painter.setBrush(pen.color())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(arrow)
