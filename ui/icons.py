"""Small toolbar icons drawn with QPainter, so the app ships no image files for them."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

INK = QColor("#334155")
ACCENT = QColor("#2563eb")
TEAL = QColor("#0d9488")


def _icon(draw) -> QIcon:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    draw(painter)
    painter.end()
    return QIcon(pixmap)


def _box(p: QPainter, rect: QRectF, color: QColor = INK) -> None:
    p.setPen(QPen(color, 2))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(rect, 3, 3)


def select_icon() -> QIcon:
    def draw(p: QPainter) -> None:
        p.setPen(QPen(INK, 1.5))
        p.setBrush(INK)
        p.drawPolygon(
            QPolygonF(
                [
                    QPointF(8, 4),
                    QPointF(8, 26),
                    QPointF(13, 21),
                    QPointF(17, 29),
                    QPointF(20, 27),
                    QPointF(16, 19),
                    QPointF(23, 19),
                ]
            )
        )

    return _icon(draw)


def reporting_icon() -> QIcon:
    def draw(p: QPainter) -> None:
        _box(p, QRectF(9, 3, 14, 9))
        _box(p, QRectF(2, 21, 12, 8))
        _box(p, QRectF(18, 21, 12, 8))
        p.setPen(QPen(INK, 2))
        p.drawLine(16, 12, 16, 16)
        p.drawLine(8, 16, 24, 16)
        p.drawLine(8, 16, 8, 21)
        p.drawLine(24, 16, 24, 21)

    return _icon(draw)


def link_icon() -> QIcon:
    def draw(p: QPainter) -> None:
        _box(p, QRectF(2, 4, 11, 9))
        _box(p, QRectF(19, 19, 11, 9))
        path = QPainterPath(QPointF(10, 13))
        path.quadTo(QPointF(8, 26), QPointF(19, 24))
        p.setPen(QPen(TEAL, 2.2, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)

    return _icon(draw)


def add_icon() -> QIcon:
    def draw(p: QPainter) -> None:
        _box(p, QRectF(3, 8, 20, 14))
        p.setPen(QPen(ACCENT, 3))
        p.drawLine(25, 4, 25, 14)
        p.drawLine(20, 9, 30, 9)

    return _icon(draw)


def layout_icon() -> QIcon:
    def draw(p: QPainter) -> None:
        p.setPen(QPen(ACCENT, 2))
        p.setBrush(QColor("#dbeafe"))
        for rect in (
            QRectF(11, 2, 10, 7),
            QRectF(2, 23, 8, 7),
            QRectF(12, 23, 8, 7),
            QRectF(22, 23, 8, 7),
        ):
            p.drawRect(rect)
        p.setPen(QPen(INK, 1.5))
        p.drawLine(16, 9, 16, 16)
        p.drawLine(6, 16, 26, 16)
        for x in (6, 16, 26):
            p.drawLine(x, 16, x, 23)

    return _icon(draw)


def fit_icon() -> QIcon:
    def draw(p: QPainter) -> None:
        p.setPen(QPen(INK, 2.2))
        for x, y, dx, dy in ((3, 3, 1, 1), (29, 3, -1, 1), (3, 29, 1, -1), (29, 29, -1, -1)):
            p.drawLine(x, y, x + 8 * dx, y)
            p.drawLine(x, y, x, y + 8 * dy)
        _box(p, QRectF(10, 11, 12, 10), ACCENT)

    return _icon(draw)


def undo_icon(redo: bool = False) -> QIcon:
    """The usual curved arrow (↶ / ↷), for systems whose icon theme has no edit-undo."""

    def draw(p: QPainter) -> None:
        if redo:
            p.translate(32, 0)
            p.scale(-1, 1)
        path = QPainterPath(QPointF(26, 25))
        path.cubicTo(QPointF(27, 13), QPointF(18, 8), QPointF(9, 12))
        p.setPen(QPen(INK, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(INK)
        p.drawPolygon(QPolygonF([QPointF(3, 13), QPointF(12, 5), QPointF(13, 19)]))

    return _icon(draw)


def themed(name: str, fallback: QIcon) -> QIcon:
    """The desktop theme's standard icon (edit-undo ...) where there is one, else ours."""
    return QIcon.fromTheme(name, fallback)
