"""How the chart looks: fonts, colours, pens and per-kind shapes, in one place."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen

from orgdesigner.entities import DeptKind, LinkKind
from orgdesigner.kind_words import unit_kind_word

from ..i18n import kind_label, link_kind_label

__all__ = ["chart_kind_label", "kind_label", "link_kind_label"]  # kind words live in one table

GRID = 20.0  # snap and grid spacing, scene units
PAD = 8.0  # inner padding of a box
BAND = 6.0  # height (or width) of the kind/colour band
MAX_NAME_LINES = 3  # longer names are elided; the full name is in the tooltip
HANDLE_R = 9.0  # radius of the connection handles shown on hover (>= 5.8 px at 65 %)
HANDLE_SLOP = 6.0  # a press this far outside a handle still starts a connection, not a move
BADGE_R = 9.0
FOLD_R = 7.0  # the fold/unfold button under the left of a box with sub-units

INK = QColor("#1f2937")
MUTED = QColor("#4b5563")
BOX_FILL = QColor("#ffffff")
BOX_BORDER = QColor("#9ca3af")
SELECTED = QColor("#2563eb")
DROP_OK = QColor("#16a34a")
DROP_BAD = QColor("#dc2626")
REPORTING = QColor("#6b7280")
SEVERITY_COLOR = {
    "error": QColor("#dc2626"),
    "warning": QColor("#d97706"),
    "info": QColor("#2563eb"),
}

LINK_STYLE: dict[LinkKind, tuple[QColor, Qt.PenStyle]] = {
    LinkKind.COLLABORATION: (QColor("#0d9488"), Qt.PenStyle.DashLine),
    LinkKind.COMMITTEE: (QColor("#7c3aed"), Qt.PenStyle.DashDotLine),
    LinkKind.DOTTED: (QColor("#6b7280"), Qt.PenStyle.DotLine),
}


def chart_kind_label(kind: DeptKind, language: str) -> str:
    """The kind caption on a box: chart content, so in the design's language (as in the PDF)."""
    return unit_kind_word(kind, language) if language in ("zh", "en") else kind_label(kind)


def name_font() -> QFont:
    font = QFont()
    font.setFamilies(
        ["Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", "Sans Serif"]
    )
    font.setPixelSize(14)
    font.setBold(True)
    return font


def detail_font() -> QFont:
    font = name_font()
    font.setBold(False)
    font.setPixelSize(11)
    return font


def kind_shape(kind: DeptKind, rect: QRectF) -> QPainterPath:
    """The outline of a box: the shape itself tells the kind apart."""
    path = QPainterPath()
    if kind is DeptKind.TEAM:
        path.addRoundedRect(rect, 16, 16)
    elif kind is DeptKind.COMMITTEE:
        c = 12.0  # cut corners: an octagon reads as "a body of members"
        l, t, r, b = rect.left(), rect.top(), rect.right(), rect.bottom()
        path.moveTo(l + c, t)
        for x, y in (
            (r - c, t),
            (r, t + c),
            (r, b - c),
            (r - c, b),
            (l + c, b),
            (l, b - c),
            (l, t + c),
        ):
            path.lineTo(QPointF(x, y))
        path.closeSubpath()
    elif kind is DeptKind.OFFICE:
        path.addRect(rect)
    else:  # department, business unit
        path.addRoundedRect(rect, 6, 6)
    return path


def band_rect(kind: DeptKind, rect: QRectF) -> QRectF:
    """Where the colour band goes: top for most kinds, left for teams, thick for units."""
    if kind is DeptKind.TEAM:
        return QRectF(rect.left(), rect.top(), BAND + 4, rect.height())
    if kind is DeptKind.BUSINESS_UNIT:
        return QRectF(rect.left(), rect.top(), rect.width(), BAND * 2.5)
    return QRectF(rect.left(), rect.top(), rect.width(), BAND)


def border_pen(kind: DeptKind, selected: bool) -> QPen:
    pen = QPen(SELECTED if selected else BOX_BORDER, 2.5 if selected else 1.2)
    if kind is DeptKind.COMMITTEE:
        pen.setStyle(Qt.PenStyle.DashLine if not selected else Qt.PenStyle.SolidLine)
    if kind is DeptKind.BUSINESS_UNIT and not selected:
        pen.setWidthF(2.2)
    return pen
