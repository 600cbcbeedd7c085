"""While boxes are dragged: the view without them as one picture, the moving items on top.

A drag frame used to repaint every item under the moving connectors' bounding
rectangles, and at 10,000 boxes a dragged box's long links cross the whole
view: each mouse move redrew the grid and every other box and link in view
(two thirds of the frame). The drag layer draws the view once without the
moving items (the dragged boxes, their reporting lines and links: the "live"
items, as in `zoomed_out.py`), and a frame puts that picture back and paints
only the live items over it. The picture is drawn again when the view scrolls
or zooms, the drop target changes, or the design, selection or findings change.

While they move, links are drawn with a one-pixel cosmetic pen with the same
dash lengths on screen (`LinkItem.paint_moving`): a 1.6-unit antialiased dashed
stroke costs about five times more. On release everything is drawn as at rest.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from .connector_items import LinkItem, LinkLabelItem, ReportingLineItem, reporting_points
from .quick_curve import curve_arrow, curve_points, middle, rect_tuple


def moving_items(scene) -> tuple[QGraphicsItem, ...]:
    """While boxes are dragged: those boxes and their connectors (each once, in order)."""
    if not scene.user_dragging or scene.ctx is None:
        return ()
    design = scene.ctx.design
    items: list[QGraphicsItem] = []
    for box in scene.selected_boxes():
        items.append(box)
        line = scene.reporting.get(box.dept_id)
        if line is not None:
            items.append(line)
        items.extend(
            scene.reporting[c] for c in design.child_ids(box.dept_id) if c in scene.reporting
        )
        for link in design.links_of(box.dept_id):
            item = scene.links.get(link.id)
            if item is not None:
                items.extend((item, item.label))
    return tuple(dict.fromkeys(items))


def paint_items(painter: QPainter, items, transform: QTransform, widget: QWidget) -> int:
    """Paint `items` through the view's `transform` in stacking order, as the view would; the
    connectors among them where their boxes are now (their items are updated when the drag
    ends, see OrgScene.box_moved), each kind in one stroke. Returns how many were painted."""
    shown = [item for item in items if item.isVisible()]
    lines = [item for item in shown if isinstance(item, ReportingLineItem)]
    links = [item for item in shown if isinstance(item, LinkItem)]
    connectors = (ReportingLineItem, LinkItem, LinkLabelItem)  # labels: with their link
    others = [item for item in shown if not isinstance(item, connectors)]
    option = QStyleOptionGraphicsItem()
    painter.setWorldTransform(transform)  # connectors sit at the scene's origin
    if lines:
        _paint_lines(painter, lines)
    if links:
        _paint_links(painter, links, option.levelOfDetailFromTransform(transform), option)
    for item in sorted(others, key=lambda i: i.zValue()):
        painter.save()
        painter.setWorldTransform(item.sceneTransform() * transform)
        option.exposedRect = item.boundingRect()
        item.paint(painter, option, widget)
        painter.restore()
    return len(lines) + len(links) + len(others)


def _paint_lines(painter: QPainter, lines: list[ReportingLineItem]) -> None:
    """The moving reporting lines as one path (one pen for all)."""
    rect = _rects(lines[0].scene())
    path = QPainterPath()
    for line in lines:
        points = reporting_points(rect(line.parent_id), rect(line.child_id), line.staff)
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
    painter.setPen(lines[0].pen())
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def _paint_links(painter: QPainter, links: list[LinkItem], scale: float, option) -> None:
    """The moving links as quick curves (quick_curve.py), one path per kind and pen
    (LinkItem.moving_pen), then the arrow heads and the labels."""
    rect = _rects(links[0].scene())
    groups: dict[tuple, tuple[QPen, QPainterPath, list[QPolygonF]]] = {}
    labels = []
    for link in links:
        c = curve_points(rect(link.source_id), rect(link.target_id))
        selected = link.isSelected()
        group = groups.get((link.kind, selected))
        if group is None:
            group = groups[link.kind, selected] = (link.moving_pen(scale), QPainterPath(), [])
        if len(c) == 2:
            continue  # the boxes touch: no curve
        group[1].moveTo(c[0], c[1])
        group[1].cubicTo(c[2], c[3], c[4], c[5], c[6], c[7])
        if link.directed:
            group[2].append(QPolygonF([QPointF(*p) for p in curve_arrow(c)]))
        if link.label.isVisible():
            labels.append((link.label, middle(c)))
    for pen, path, arrows in groups.values():
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pen.color())
        for arrow in arrows:
            painter.drawPolygon(arrow)
    for label, (x, y) in labels:
        box = label.boundingRect()
        painter.save()
        painter.translate(x - box.width() / 2, y - box.height() / 2)
        label.paint(painter, option)
        painter.restore()


def _rects(scene):
    """Box rectangles as plain numbers, looked up once per frame: a box's item where it has
    one (a dragged box is where its item is), else the model's geometry."""
    boxes, rects = scene.boxes, scene.geometry.rects
    seen: dict[str, tuple[float, float, float, float]] = {}

    def rect(dept_id: str) -> tuple[float, float, float, float]:
        found = seen.get(dept_id)
        if found is None:
            item = boxes.get(dept_id)
            found = seen[dept_id] = (
                rect_tuple(item.scene_rect()) if item is not None else rects[dept_id]
            )
        return found

    return rect


class DragLayer:
    """Paints a view's viewport during a box drag from a picture of the still items."""

    def __init__(self, view: QGraphicsView):
        self.view = view
        self.pixmap: QPixmap | None = None
        self.key: tuple | None = None
        self.dirty = True
        self.renders = 0  # how many times the picture was drawn (tests read it)
        self.painted = 0  # live items painted by the last frame (tests read it)

    def invalidate(self, *_args) -> None:
        self.dirty = True

    def applies(self) -> bool:
        scene = self.view.org_scene
        return (
            scene.user_dragging
            and bool(scene.drag_moved)  # a click without a move paints as usual
            and scene.ctx is not None
            and scene.editor is None
            and self.view.rubberBandRect().isNull()
        )

    def paint(self, exposed: QRect) -> bool:
        """Paint the viewport from the picture; False (nothing painted) when not dragging."""
        if not self.applies():
            self.pixmap, self.key = None, None  # the next drag starts from a fresh picture
            return False
        view = self.view
        scene = view.org_scene
        live = moving_items(scene)
        target = getattr(scene.interaction, "target", None)
        transform = view.viewportTransform()
        key = (
            live,
            target,
            getattr(target, "drop_state", None),
            transform,
            view.viewport().size(),
        )
        if self.dirty or self.pixmap is None or key != self.key:
            self._render(live)
            self.key, self.dirty = key, False
        pixmap = self.pixmap
        assert pixmap is not None
        ratio = pixmap.devicePixelRatio()
        painter = QPainter(view.viewport())
        try:
            source = QRectF(
                exposed.x() * ratio,
                exposed.y() * ratio,
                exposed.width() * ratio,
                exposed.height() * ratio,
            )
            painter.drawPixmap(QRectF(exposed), pixmap, source)
            painter.setRenderHints(view.renderHints())
            self.painted = paint_items(painter, live, transform, view.viewport())
        finally:
            painter.end()
        return True

    def _render(self, live: tuple[QGraphicsItem, ...]) -> None:
        """The view as Qt draws it (grid, items, in stacking order), without `live`: those are
        made fully transparent for the moment, which Qt skips (hiding would deselect them)."""
        view = self.view
        viewport = view.viewport()
        ratio = viewport.devicePixelRatioF()
        pixmap = QPixmap(viewport.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.white)
        opacities = [(item, item.opacity()) for item in live]
        for item, _ in opacities:
            item.setOpacity(0.0)
        painter = QPainter(pixmap)
        try:
            painter.setRenderHints(view.renderHints())
            view.render(painter, QRectF(viewport.rect()), viewport.rect())
        finally:
            painter.end()
            for item, opacity in opacities:
                item.setOpacity(opacity)
        self.pixmap = pixmap
        self.renders += 1
