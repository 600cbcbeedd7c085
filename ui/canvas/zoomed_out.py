"""The zoomed-out canvas as one cached picture, so zoom, pan and drag stay fluid at 100,000 boxes.

Far out (below `lod.BLOCK_BELOW`) a box is a coloured block and no text is
readable, yet Qt would still call `paint()` on every box and connector in
view, which is what made a fit-all frame cost tens of milliseconds at 10,000
departments. Here the whole chart is drawn once into an image; a frame only
draws the part of the image in view. While boxes are dragged, the image is
drawn without them and their connectors (the "live" items), and those are
painted on top each frame (drag_layer.paint_items), so a drag repaints only what moves; while
the view stands still, a frame puts back the image as already scaled for the viewport.

The image is redrawn when the design, the selection or the findings change,
or when a drag starts or ends; never for a hover or a repaint alone. It is
drawn from the model (`scene.geometry`, the departments' colours, the
findings by id), not from items: a big chart has items only near the view.
Such a chart (`scene.lazy`) is always drawn from the image far out, also while
a rename editor, a rubber band or a connection line is open (drawn on top).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from orgdesigner.entities import LinkKind

from . import lod, style
from .connector_items import LinkItem, ReportingLineItem, reporting_points
from .department_item import DepartmentItem
from .drag_layer import moving_items, paint_items

MIN_BOXES = 2_000  # smaller charts paint fast enough item by item (and stay exact)
MAX_PIXELS = 16_000_000  # the image's budget (64 MB): sets its resolution for huge charts


class ZoomedOutCache:
    """Paints a view's viewport from a cached image of the scene when zoomed far out."""

    def __init__(self, view: QGraphicsView):
        self.view = view
        self.image: QImage | None = None
        self.source = QRectF()  # the scene rectangle the image shows
        self.scale = 0.0  # image pixels per scene unit
        self.live: tuple[QGraphicsItem, ...] = ()  # drawn on top, left out of the image
        self.dirty = True
        self.renders = 0  # how many times the image was drawn (tests read it)
        # The chart's lines and blocks as drawn far out, kept while only the selection or the
        # findings change (a click far out at 100,000 boxes redraws in C++ only).
        self._shapes: tuple[int, list, dict, dict] | None = None
        self._lines_drawn: tuple[list, dict] = ([], {})
        # the image scaled to the viewport while the view stands still (see _screen)
        self._screen_pixmap: QPixmap | None = None
        self._screen_key: tuple | None = None
        self._last_frame: tuple | None = None

    def invalidate(self, *_args) -> None:
        self.dirty = True

    # ------------------------------------------------------------ decisions
    def applies(self) -> bool:
        """Whether a frame at the current zoom can come from the image."""
        view = self.view
        scene = view.org_scene
        if len(scene.geometry) < MIN_BOXES or view.zoom() >= lod.BLOCK_BELOW:
            return False
        if scene.lazy:  # far out, a big chart has no items to paint: always the image
            return True
        if not view.rubberBandRect().isNull() or scene.editor is not None:
            return False
        if scene.interaction is not None and not scene.user_dragging:
            return False  # drawing a connection: its rubber line is an item of its own
        scale = self._scale_for(scene.sceneRect())
        return view.zoom() <= scale  # the image is at least as sharp as the screen

    @staticmethod
    def _scale_for(rect: QRectF) -> float:
        area = max(rect.width() * rect.height(), 1.0)
        return min(lod.BLOCK_BELOW, math.sqrt(MAX_PIXELS / area))

    # ------------------------------------------------------------ rendering
    def _render(self, live: tuple[QGraphicsItem, ...]) -> None:
        """Draw the chart into the image in bulk, as the items look far out (blocks, thin
        lines, dots), without `live`: one pass over the maps, no per-item `paint()` call,
        so a redraw at 100,000 boxes costs a fraction of a second."""
        scene = self.view.org_scene
        rect = scene.sceneRect()
        self.scale = self._scale_for(rect)
        size = (
            max(1, math.ceil(rect.width() * self.scale)),
            max(1, math.ceil(rect.height() * self.scale)),
        )
        # the old image (up to 64 MB) goes before the new one is made, not after: one at a time
        self.image, self._screen_pixmap, self.dirty = None, None, True
        image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        try:
            painter.scale(self.scale, self.scale)
            painter.translate(-rect.left(), -rect.top())
            self._draw_lines(painter, live)
            self._draw_boxes(painter, live)
        finally:
            painter.end()
        self.image, self.source, self.live, self.dirty = image, QRectF(rect), live, False
        self.renders += 1

    def _draw_lines(self, painter: QPainter, live: tuple[QGraphicsItem, ...]) -> None:
        """Reporting lines and links from the model's geometry; an item's own path where it has
        one (a routed link)."""
        scene = self.view.org_scene
        design = scene.ctx.design
        rects, hidden = scene.geometry.rects, scene.folding.hidden
        skipped = {i.child_id for i in self._skipped(live, ReportingLineItem)}
        painter.setBrush(Qt.BrushStyle.NoBrush)
        cached = self._cached(live)
        if cached is not None:
            painter.setPen(QPen(style.REPORTING, 0))
            painter.drawLines(cached[1])
            for color, paths, straight in cached[2].values():
                painter.setPen(QPen(color, 0))
                for path in paths:
                    painter.drawPath(path)
                painter.drawLines(straight)
            return
        segments: list[QLineF] = []
        for dept in design.departments.values():
            child = dept.id
            if dept.parent is None or child in hidden or child in skipped:
                continue
            points = reporting_points(rects[dept.parent], rects[child], dept.staff)
            segments.extend(QLineF(*points[i], *points[i + 1]) for i in range(len(points) - 1))
        painter.setPen(QPen(style.REPORTING, 0))
        painter.drawLines(segments)
        skipped = {i.link_id for i in self._skipped(live, LinkItem)}
        by_kind: dict[LinkKind, list] = {}
        for link in design.links.values():
            if link.id in skipped or link.source in hidden or link.target in hidden:
                continue
            by_kind.setdefault(link.kind, []).append(link)
        link_shapes: dict = {}
        for kind, links in by_kind.items():
            color = style.LINK_STYLE.get(kind, style.LINK_STYLE[LinkKind.COLLABORATION])[0]
            painter.setPen(QPen(color, 0))
            paths, straight = [], []
            for link in links:
                item = scene.links.get(link.id)
                if item is not None:
                    paths.append(item.path())
                    painter.drawPath(paths[-1])
                else:  # far out a straight line says the same as the curve
                    a, b = rects[link.source], rects[link.target]
                    straight.append(
                        QLineF(a[0] + a[2] / 2, a[1] + a[3] / 2, b[0] + b[2] / 2, b[1] + b[3] / 2)
                    )
            painter.drawLines(straight)
            link_shapes[kind] = (color, paths, straight)
        self._lines_drawn = (segments, link_shapes)

    def _cached(self, live: tuple[QGraphicsItem, ...]):
        """The shapes of the last full drawing, if nothing but selection or findings changed."""
        shapes = self._shapes
        if live or shapes is None or shapes[0] != self.view.org_scene.version:
            return None
        return shapes

    @staticmethod
    def _skipped(live: tuple[QGraphicsItem, ...], kind: type) -> list:
        return [item for item in live if isinstance(item, kind)]

    def _draw_boxes(self, painter: QPainter, live: tuple[QGraphicsItem, ...]) -> None:
        scene = self.view.org_scene
        design = scene.ctx.design
        hidden = scene.folding.hidden
        skipped = {i.dept_id for i in self._skipped(live, DepartmentItem)}
        selected = set(scene.ctx.selection.departments)
        cached = self._cached(live)
        by_color: dict[str, list[QRectF]] = cached[3] if cached is not None else {}
        if cached is None:
            departments = design.departments
            for dept_id, rect in scene.geometry.rects.items():
                if dept_id not in hidden and dept_id not in skipped:
                    by_color.setdefault(departments[dept_id].color, []).append(QRectF(*rect))
            if not live:
                self._shapes = (scene.version, *self._lines_drawn, by_color)
        geometry = scene.geometry
        marked = [
            geometry.rect(d)
            for d in selected
            if d in geometry and d not in hidden and d not in skipped
        ]
        badges = [
            (geometry.rect(d), badge[1])
            for d, badge in scene.badges.items()
            if badge and d in geometry and d not in hidden and d not in skipped
        ]
        painter.setPen(Qt.PenStyle.NoPen)
        for color, rects in by_color.items():
            painter.setBrush(QColor(color))
            painter.drawRects(rects)
        if marked:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(style.SELECTED, 3 / self.scale))
            painter.drawRects(marked)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = max(style.BADGE_R, 3 / self.scale)
        for r, severity in badges:
            painter.setBrush(style.SEVERITY_COLOR.get(severity, style.SEVERITY_COLOR["info"]))
            painter.drawEllipse(QPointF(r.right() - 4, r.top()), radius, radius)

    def _draw_image(self, painter: QPainter, transform, exposed: QRectF) -> None:
        """The grid and the part of the image in `exposed` (viewport pixels), scaled."""
        painter.setWorldTransform(transform)
        scene_exposed = transform.inverted()[0].mapRect(exposed)
        self.view.drawBackground(painter, scene_exposed)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        shown = scene_exposed.intersected(self.source)
        if not shown.isEmpty():  # only the part of the image in view is scaled and drawn
            part = QRectF(
                (shown.left() - self.source.left()) * self.scale,
                (shown.top() - self.source.top()) * self.scale,
                shown.width() * self.scale,
                shown.height() * self.scale,
            )
            painter.drawImage(shown, self.image, part)

    def _screen(self, transform) -> QPixmap | None:
        """The viewport's grid and image as scaled at `transform`, once two frames in a row
        show the same view (a drag): later frames put it back instead of scaling the image
        again. None while the view moves (zoom, pan: those draw only the exposed part)."""
        viewport = self.view.viewport()
        key = (self.renders, transform, viewport.size(), self.view.grid_visible)
        if key == self._screen_key:
            return self._screen_pixmap
        if key != self._last_frame:
            self._last_frame = key
            return None
        ratio = viewport.devicePixelRatioF()
        pixmap = QPixmap(viewport.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        try:
            self._draw_image(painter, transform, QRectF(viewport.rect()))
        finally:
            painter.end()
        self._screen_pixmap, self._screen_key = pixmap, key
        return pixmap

    def paint(self, exposed: QRectF) -> bool:
        """Paint the viewport from the image; False (nothing painted) when it does not apply."""
        if not self.applies():
            return False
        live = moving_items(self.view.org_scene)
        if (
            self.dirty
            or self.image is None
            or live != self.live
            or self.source != self.view.org_scene.sceneRect()
        ):
            self._render(live)
        view = self.view
        transform = view.viewportTransform()
        screen = self._screen(transform)
        painter = QPainter(view.viewport())
        try:
            if screen is not None:  # the view did not move: the image as scaled last frame
                ratio = screen.devicePixelRatio()
                source = QRectF(
                    exposed.x() * ratio,
                    exposed.y() * ratio,
                    exposed.width() * ratio,
                    exposed.height() * ratio,
                )
                painter.drawPixmap(exposed, screen, source)
                painter.setWorldTransform(transform)
            else:
                self._draw_image(painter, transform, exposed)
            painter.setRenderHints(view.renderHints())
            # the drop target is in the image too; drawn again on top with its drop outline,
            # so moving over other boxes never redraws the image
            scene = view.org_scene
            on_top = [getattr(scene.interaction, "target", None)]
            on_top += [scene.editor, getattr(scene.interaction, "line", None)]  # a lazy chart's
            items = self.live + tuple(i for i in on_top if i is not None)
            paint_items(painter, items, transform, view.viewport())
            band = view.rubberBandRect()
            if not band.isNull():  # a lazy chart's rubber band (Qt draws it only over items)
                painter.resetTransform()
                painter.setPen(QPen(style.SELECTED, 1))
                painter.setBrush(QColor(37, 99, 235, 40))
                painter.drawRect(band)
        finally:
            painter.end()
        return True
