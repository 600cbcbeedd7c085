"""The canvas view: zoom (Ctrl+wheel, pinch), pan (middle or Space drag), fit, grid, keys.

Keys that only make sense on the canvas (arrows, Insert, Enter, F2, Escape)
are handled here rather than as window shortcuts, so they never steal keys
from the docks' editors.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsView, QMenu

from orgdesigner import progress
from orgdesigner.geometry import BOX_H, BOX_W
from orgdesigner.placement import free_spot

from .. import edits
from . import style
from .drag_layer import DragLayer
from .zoomed_out import ZoomedOutCache
from .scene import OrgScene

MIN_ZOOM, MAX_ZOOM = 0.02, 8.0
AFTER_PAINT_LATEST_MS = 500  # `after_next_paint` callbacks run by then even if nothing painted
AFTER_BUSY_MS = 250  # ... but never inside a long operation's dialog: tried again this much later
AFTER_PAINT_DELAY_MS = 30  # after a paint: the frame reaches the screen before the work starts
READABLE_ZOOM = 0.65  # box names (14 px) stay at least 9 px on screen in a design's first view
NUDGE, BIG_NUDGE = 1.0, 10.0


class OrgView(QGraphicsView):
    zoom_changed = Signal(float)
    frame_painted = Signal()  # a paint of the viewport is over (benchmarks time frames by it)

    def __init__(self, scene: OrgScene, parent=None):
        super().__init__(scene, parent)
        self.org_scene = scene
        self.grid_visible = True
        self._pan_from: QPointF | None = None
        self.overview = None  # OverviewMap, made when first shown
        self.context_actions: list = []  # QActions (None: separator) for the right-click menu
        self._menu_scene_pos: QPointF | None = None
        self._fitted = False  # True until the user zooms or pans: a resize then fits again
        self._space_down = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.zoomed_out = ZoomedOutCache(self)
        scene.content_changed.connect(self.zoomed_out.invalidate)
        scene.selectionChanged.connect(self.zoomed_out.invalidate)
        scene.selection_shown.connect(self.zoomed_out.invalidate)
        self.drag_layer = DragLayer(self)
        for signal in (scene.content_changed, scene.selectionChanged, scene.selection_shown):
            signal.connect(self.drag_layer.invalidate)
        self._after_paint: list = []  # callbacks waiting for the next paint
        self._band: QRectF | None = None  # the rubber band in scene coordinates, while dragged
        self.rubberBandChanged.connect(self._on_rubber_band)

    # ------------------------------------------------------------------ zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom to `factor`, keeping the scene point under `anchor` (viewport pixels) in place."""
        self._fitted = False
        self.org_scene.view_moved_at = time.monotonic()
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        if anchor is None:
            anchor = QPointF(self.viewport().rect().center())
        fixed = self.mapToScene(anchor.toPoint())
        old_anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        scale = factor / self.zoom()
        self.scale(scale, scale)
        self.setTransformationAnchor(old_anchor)
        drift = self.mapFromScene(fixed) - anchor.toPoint()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + drift.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + drift.y())
        self.zoom_changed.emit(self.zoom())

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt override
        scene = getattr(self, "org_scene", None)  # None: still in QGraphicsView's __init__
        if scene is not None:
            scene.view_moved_at = time.monotonic()  # zoom steps scroll too
        super().scrollContentsBy(dx, dy)

    def zoom_by(self, step: float, anchor: QPointF | None = None) -> None:
        self.set_zoom(self.zoom() * step, anchor)

    def fit(self, selection_first: bool = True) -> None:
        """Fit the selection (when there is one and `selection_first`) or the whole chart."""
        scene = self.org_scene
        rect = QRectF()
        if selection_first and scene.ctx is not None:
            for dept_id in scene.ctx.selection.departments:
                if dept_id in scene.geometry:
                    rect = rect.united(scene.box_rect(dept_id))
        if rect.isNull():
            rect = scene.geometry.bounds()  # from the model: a big chart has few items
        if rect.isNull():
            self.resetTransform()
            self.zoom_changed.emit(1.0)
            return
        self.fit_rect(rect)

    def fit_all(self) -> None:
        self.fit(selection_first=False)

    def first_view(self) -> None:
        """How a design opens: the whole chart if its names stay readable, else readable from the top.

        A wide chart fitted whole shrinks names below legibility; a new user
        should read the top of the tree at once and scroll or zoom out for more.
        """
        self.fit(selection_first=False)
        geometry = self.org_scene.geometry
        root_id = geometry.topmost()
        if root_id is None or self.zoom() >= READABLE_ZOOM:
            return
        rect = geometry.bounds()
        self.set_zoom(READABLE_ZOOM)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        root = geometry.rect(root_id)
        x = root.center().x() if rect.width() > visible.width() else rect.center().x()
        self.centerOn(x, rect.top() - 30 + visible.height() / 2)
        self._fitted = "first"
        self.zoom_changed.emit(self.zoom())

    def fit_rect(self, rect: QRectF) -> None:
        rect = rect.adjusted(-40, -40, 40, 40)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.2:
            self.set_zoom(1.2)
        if self.zoom() < MIN_ZOOM:
            self.set_zoom(MIN_ZOOM)
        self.centerOn(rect.center())
        self._fitted = True
        self.zoom_changed.emit(self.zoom())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Far out, a big chart comes from one cached image (see zoomed_out.py); closer, a big
        # chart gets items for what is in view, just before they paint (lazy_items.py).
        # While boxes are dragged, the rest of the view is one picture (drag_layer.py).
        if not self.zoomed_out.paint(QRectF(event.rect())):
            self.org_scene.materialize(self.mapToScene(self.viewport().rect()).boundingRect())
            if not self.drag_layer.paint(event.rect()):
                super().paintEvent(event)
        self.frame_painted.emit()
        if self._after_paint:
            QTimer.singleShot(AFTER_PAINT_DELAY_MS, self, self._run_after_paint)

    def after_next_paint(self, callback) -> None:
        """Run `callback` once the canvas has painted (the chart first, then the validation);
        within AFTER_PAINT_LATEST_MS in any case, so a hidden canvas never holds it back."""
        self._after_paint.append(callback)
        QTimer.singleShot(AFTER_PAINT_LATEST_MS, self, self._run_after_paint)

    def _run_after_paint(self) -> None:
        if self._after_paint and progress.reporting_now():
            # An open's progress dialog repaints the window while the design is shown: the
            # first validation waits until the open is over (the chart first, then the checks).
            QTimer.singleShot(AFTER_BUSY_MS, self, self._run_after_paint)
            return
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            callback()

    def _on_rubber_band(self, rect, from_scene: QPointF, to_scene: QPointF) -> None:
        """A big chart has items only near the view: the band selects from the model's geometry
        (when it ends), so a band drawn far out takes every box inside it."""
        if not rect.isNull():
            self._band = QRectF(from_scene, to_scene).normalized()
            return
        band, self._band = self._band, None
        scene = self.org_scene
        if band is None or not scene.lazy or scene.ctx is None:
            return
        selection = scene.ctx.selection
        ids = scene.geometry.ids_in(band) - scene.folding.hidden
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier:
            ids |= set(selection.departments)
        selection.set([d for d in scene.ctx.design.departments if d in ids], selection.links)

    def show_overview(self, on: bool) -> None:
        """The small map of the whole chart in the corner (View > Overview Map)."""
        if on and self.overview is None:
            from .overview import OverviewMap

            self.overview = OverviewMap(self)
        if self.overview is not None:
            self.overview.wanted = on
            if on:
                self.overview.place()
                self.overview.fit()  # shows it if part of the chart is out of view
            else:
                self.overview.hide()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.overview is not None:
            self.overview.place()
        if self._fitted == "first" and len(self.org_scene.geometry):
            self.first_view()
        elif self._fitted and len(self.org_scene.geometry):
            self.fit(selection_first=False)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.zoom_by(1.15**steps, event.position())
            event.accept()
            return
        self._fitted = False
        super().wheelEvent(event)

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor())
                event.accept()
                return True
        if (
            event.type() == QEvent.Type.NativeGesture
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom_by(1.0 + event.value(), event.position())
            event.accept()
            return True
        return super().viewportEvent(event)

    # ------------------------------------------------------------------- pan
    def _start_pan(self, pos: QPointF) -> None:
        self._fitted = False
        self._pan_from = pos
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space_down and event.button() == Qt.MouseButton.LeftButton
        ):
            self._start_pan(event.position())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._pan_from is not None:
            self._pan_from = None
            if self._space_down:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # ------------------------------------------------------------------ keys
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        scene = self.org_scene
        if scene.editing or scene.ctx is None:
            return super().keyPressEvent(event)
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key == Qt.Key.Key_Escape:
            if not scene.cancel_gesture():
                scene.ctx.selection.set([])
            return
        step = BIG_NUDGE if mods & Qt.KeyboardModifier.ShiftModifier else NUDGE
        if scene.snap_to_grid:
            step = style.GRID
        arrows = {
            Qt.Key.Key_Left: (-step, 0),
            Qt.Key.Key_Right: (step, 0),
            Qt.Key.Key_Up: (0, -step),
            Qt.Key.Key_Down: (0, step),
        }
        if key in arrows and scene.ctx.selection.departments and not scene.read_only:
            edits.nudge(scene.ctx, *arrows[key])
            return
        if self.edit_key(key):
            return
        super().keyPressEvent(event)

    def edit_key(self, key: int) -> bool:
        """Insert (child), Enter (sibling), F2 (rename): also reachable from the menus."""
        scene = self.org_scene
        selected = scene.ctx.selection.departments if scene.ctx else []
        if scene.read_only or scene.ctx is None:
            return False
        if key == Qt.Key.Key_Insert:
            if selected:
                new = edits.add_child(scene.ctx, selected[0])
            else:
                new = edits.add_department(
                    scene.ctx, *free_spot(scene.ctx.design, *self.new_box_position())
                )
            self.ensure_visible(new)
            scene.start_rename(new)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and selected:
            new = edits.add_sibling(scene.ctx, selected[0])
            self.ensure_visible(new)
            scene.start_rename(new)
            return True
        if key == Qt.Key.Key_F2:
            if selected:
                scene.start_rename(selected[0])
            elif scene.ctx.selection.links:
                scene.start_relabel(scene.ctx.selection.links[0])
            return True
        return False

    def ensure_visible(self, dept_id: str) -> None:
        if dept_id in self.org_scene.geometry:
            self.ensureVisible(self.org_scene.box_rect(dept_id), 40, 40)

    def keyReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            if self._pan_from is None:
                self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._space_down = False
        super().focusOutEvent(event)

    # ------------------------------------------------------------ context menu
    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Right-click: select what is under the mouse (if not yet), then the edit menu."""
        scene = self.org_scene
        if scene.ctx is None or not self.context_actions:
            return super().contextMenuEvent(event)
        pos = self.mapToScene(event.pos())
        box = scene.box_at(pos)
        link = scene.link_at(pos) if box is None else None
        selection = scene.ctx.selection
        if box is not None and box.dept_id not in selection.departments:
            selection.set([box.dept_id])
        elif link is not None and link.link_id not in selection.links:
            selection.set([], [link.link_id])
        self._menu_scene_pos = pos if box is None and link is None else None
        menu = QMenu(self)
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(event.globalPos())
        self._menu_scene_pos = None

    def new_box_position(self) -> tuple[float, float]:
        """Where a new department goes: the right-clicked spot, else the middle of the view."""
        center = self._menu_scene_pos or self.mapToScene(self.viewport().rect().center())
        return self.org_scene.snapped_point(center.x() - BOX_W / 2, center.y() - BOX_H / 2)

    # ------------------------------------------------------------------ grid
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.fillRect(rect, QColor("#f8fafc"))
        if not self.grid_visible:
            return
        g = style.GRID
        if g * self.zoom() < 6:  # too dense to help
            g *= 5
            if g * self.zoom() < 6:
                return
        painter.setPen(QPen(QColor("#e2e8f0"), 0))
        left = int(rect.left() // g) * g
        top = int(rect.top() // g) * g
        x = left
        lines = []
        while x < rect.right():
            lines.append(QLineF(x, rect.top(), x, rect.bottom()))
            x += g
        y = top
        while y < rect.bottom():
            lines.append(QLineF(rect.left(), y, rect.right(), y))
            y += g
        painter.drawLines(lines)
