"""A small map of the whole chart in the canvas corner: where am I, and a click to go there.

A second view of the same scene, fitted to the chart, with the main view's
visible area drawn as a frame. While the whole chart is in view there is
nowhere to go, and the map would only hide the boxes in that corner: it
steps aside then (`wanted` is View > Overview Map; `needed` is the chart). At that scale boxes paint as coloured blocks
(their own level of detail), so the map stays cheap for large charts.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGraphicsView

from ..i18n import tr

SIZE = (220, 150)


class OverviewMap(QGraphicsView):
    def __init__(self, main: QGraphicsView):
        # A child of the view, not of its viewport: scrolling the viewport moves its children.
        super().__init__(main.scene(), main)
        self.main = main
        self.setObjectName("overview_map")
        self.setInteractive(False)
        self.setFixedSize(*SIZE)
        self.setFrameShape(QFrame.Shape.Box)
        self.setStyleSheet(
            "#overview_map { background: rgba(255, 255, 255, 225); border: 1px solid #94a3b8; }"
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Repaint only after a burst of changes settles (the debounced fit), never once per
        # mouse move of a drag: a 10,000-box chart painted twice per frame would stutter.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.NoViewportUpdate)
        self.setToolTip(tr("Overview: click or drag to move the chart view"))
        self._refit = QTimer(self)  # one fit after a burst of changes
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)
        self._refit.timeout.connect(self.fit)
        main.scene().changed.connect(lambda _rects: self._refit.start())
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
            self._refit.start()
        return False

    def place(self) -> None:
        """Bottom-right corner of the main view's viewport (above its scroll bars)."""
        area = self.main.viewport().geometry()
        self.move(area.right() - self.width() - 8, area.bottom() - self.height() - 8)
        self.raise_()

    def chart_rect(self) -> QRectF:
        rect = QRectF()
        for item in getattr(self.main.scene(), "boxes", {}).values():
            if item.isVisible():
                rect = rect.united(item.scene_rect())
        return rect.adjusted(-40, -40, 40, 40) if not rect.isNull() else QRectF(0, 0, 100, 100)

    def fit(self) -> None:
        self.fitInView(self.chart_rect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.update_visibility()
        self.viewport().update()

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

    def mousePressEvent(self, event) -> None:
        self.main.centerOn(self.mapToScene(event.position().toPoint()))
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.main.centerOn(self.mapToScene(event.position().toPoint()))
        event.accept()

    def wheelEvent(self, event) -> None:
        event.accept()
