"""A small map of the whole chart in the canvas corner: where am I, and a click to go there.

A small view in the chart's scene coordinates, fitted to the chart, with the
main view's visible area drawn as a frame. While the whole chart is in view
there is nowhere to go, and the map would only hide the boxes in that corner:
it steps aside then (`wanted` is View > Overview Map; `needed` is the chart).

It never paints the scene's items: it shows a picture of the boxes drawn from
the model's geometry (coloured blocks a pixel or two wide), redrawn at most
every REDRAW_MS (BIG_REDRAW_MS for a big chart) after the design changes. Painting 100,000 items on every
change of the scene made opening and editing a big chart crawl.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView

from ..i18n import tr

SIZE = (220, 150)
REDRAW_MS = 150  # after a change the picture is redrawn this much later (at most this often)
BIG_REDRAW_MS = 1000  # the same for a chart of BIG boxes or more
BIG = 10_000


class OverviewMap(QGraphicsView):
    def __init__(self, main: QGraphicsView):
        # A child of the view, not of its viewport: scrolling the viewport moves its children.
        # Its own empty scene: the chart is a picture drawn in drawBackground.
        self._empty = QGraphicsScene()
        super().__init__(self._empty, main)
        self.main = main
        self.chart = main.scene()
        self.picture: QImage | None = None
        self.picture_rect = QRectF()  # the scene rectangle the picture shows
        self.redraws = 0  # how many times the picture was drawn (tests read it)
        self._picture_pending = False
        self.setObjectName("overview_map")
        self.setInteractive(False)
        self.setFixedSize(*SIZE)
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet(
            "#overview_map { background: rgba(255, 255, 255, 225); border: 1px solid #94a3b8; }"
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.NoViewportUpdate)
        self.setToolTip(tr("Overview: click or drag to move the chart view"))
        self._refit = QTimer(self)  # one redraw after a burst of changes
        self._refit.setSingleShot(True)
        self._refit.setInterval(REDRAW_MS)
        self._refit.timeout.connect(self.fit)
        self.chart.content_changed.connect(self._on_chart_changed)
        self.wanted = True
        for bar in (main.horizontalScrollBar(), main.verticalScrollBar()):
            bar.valueChanged.connect(lambda _v: self._on_view_moved())
            bar.rangeChanged.connect(lambda _a, _b: self._on_view_moved())
        self._watched = main.viewport()
        self._watched.installEventFilter(self)  # follow the canvas corner when it resizes
        self.place()

    def eventFilter(self, watched, event) -> bool:
        if (
            event.type() == QEvent.Type.Resize
            and watched is self._watched
            and shiboken6.isValid(self.main)
        ):
            self.place()
            self._refit.start(REDRAW_MS)
        return False

    def place(self) -> None:
        """Bottom-right corner of the main view's viewport (above its scroll bars)."""
        area = self.main.viewport().geometry()
        self.move(area.right() - self.width() - 8, area.bottom() - self.height() - 8)
        self.raise_()

    def chart_rect(self) -> QRectF:
        rect = self.chart.geometry.bounds()
        return rect.adjusted(-40, -40, 40, 40) if not rect.isNull() else QRectF(0, 0, 100, 100)

    def _on_chart_changed(self) -> None:
        self.picture = None  # drawn again at the next fit
        if not self._refit.isActive():  # a burst of changes: one redraw after the first
            self._refit.start(REDRAW_MS if len(self.chart.geometry) < BIG else BIG_REDRAW_MS)

    def fit(self) -> None:
        rect = self.chart_rect()
        self._empty.setSceneRect(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.update_visibility()
        if self.picture is None or self.picture_rect != rect:
            self.picture = None  # drawn when next painted (not while hidden)
        self.viewport().update()

    def _draw_picture(self) -> None:
        """The boxes as blocks at the map's own resolution, from the model: one pass, and one
        rectangle per map pixel (100,000 boxes cover only a few thousand of them)."""
        self._picture_pending = False
        scene = self.chart
        rect = self.chart_rect()
        scale = self.transform().m11() or 1.0
        image = QImage(
            max(1, round(rect.width() * scale)),
            max(1, round(rect.height() * scale)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(Qt.GlobalColor.transparent)
        if scene.ctx is not None:
            departments = scene.ctx.design.departments
            hidden = scene.folding.hidden
            left, top = rect.left(), rect.top()
            cells: dict[tuple[int, int], str] = {}
            for dept_id, (x, y, w, h) in scene.geometry.rects.items():
                if dept_id not in hidden:
                    x0, y0 = int((x - left) * scale), int((y - top) * scale)
                    x1, y1 = int((x + w - left) * scale), int((y + h - top) * scale)
                    color = departments[dept_id].color
                    for px in range(x0, x1 + 1):
                        for py in range(y0, y1 + 1):
                            cells[(px, py)] = color
            by_color: dict[str, list[QRect]] = {}
            for (px, py), color in cells.items():
                by_color.setdefault(color, []).append(QRect(px, py, 1, 1))
            painter = QPainter(image)
            painter.setPen(Qt.PenStyle.NoPen)
            for color, pixels in by_color.items():
                painter.setBrush(QColor(color))
                painter.drawRects(pixels)
            painter.end()
        self.picture, self.picture_rect = image, rect
        self.redraws += 1

    def needed(self) -> bool:
        """True while part of the chart is outside the main view."""
        chart = self.chart_rect().adjusted(40, 40, -40, -40)  # the boxes, not the margin
        return not self.visible_area().contains(chart)

    def update_visibility(self) -> None:
        self.setVisible(self.wanted and self.needed())

    def _on_view_moved(self) -> None:
        if shiboken6.isValid(self.main):
            self.update_visibility()
            self.viewport().update()

    def visible_area(self) -> QRectF:
        return self.main.mapToScene(self.main.viewport().rect()).boundingRect()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(QPen(QColor("#2563eb"), 0))
        painter.setBrush(QColor(37, 99, 235, 40))
        painter.drawRect(self.visible_area())

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor(255, 255, 255, 225))
        if self.picture is None:  # drawn after this paint: the chart's first paint comes first
            if not self._picture_pending:
                self._picture_pending = True
                QTimer.singleShot(0, self, self._on_picture_due)
            return
        painter.drawImage(self.picture_rect, self.picture)

    def _on_picture_due(self) -> None:
        if shiboken6.isValid(self.main) and self._picture_pending:
            self._draw_picture()
            self.viewport().update()

    def mousePressEvent(self, event) -> None:
        self.main.centerOn(self.mapToScene(event.position().toPoint()))
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.main.centerOn(self.mapToScene(event.position().toPoint()))
        event.accept()

    def wheelEvent(self, event) -> None:
        event.accept()
