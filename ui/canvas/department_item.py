"""One department box: shape and band by kind, wrapped (CJK) name, leader, headcount, badge.

The item only draws; it never writes the model. Its text is laid out once
when the department changes (not in `paint`), and the box grows to fit it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner.display import format_number, headcount_text
from orgdesigner.entities import Department, DeptKind
from orgdesigner.geometry import BOX_H, BOX_W

from ..i18n import english_plural, fill, tr
from . import lod as lod_levels
from . import style

REPORTING_HANDLE = "reporting"
LINK_HANDLE = "link"
_POSITION_CHANGE = QGraphicsItem.GraphicsItemChange.ItemPositionChange
_POSITION_CHANGED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged
_METRICS: dict[str, QFontMetricsF] = {}


def _metrics(font) -> QFontMetricsF:
    key = id(font)  # the fonts are long-lived class attributes
    metrics = _METRICS.get(key)
    if metrics is None:
        metrics = _METRICS[key] = QFontMetricsF(font)
    return metrics


def wrap_lines(text: str, font, width: float, max_lines: int) -> list[str]:
    """Break `text` into at most `max_lines` lines of `width` (CJK breaks anywhere), eliding the rest."""
    text = " ".join(text.split()) or " "
    if _metrics(font).horizontalAdvance(text) <= width:  # the common case: one line
        return [text]
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
        if len(spans) == max_lines:
            break
    layout.endLayout()
    units = text.encode("utf-16-le")  # Qt counts UTF-16 code units

    def cut(start: int, length: int | None = None) -> str:
        end = len(units) if length is None else 2 * (start + length)
        return units[2 * start : end].decode("utf-16-le", errors="ignore")

    lines = [cut(s, n).strip() for s, n in spans]
    last_start, last_len = spans[-1]
    if 2 * (last_start + last_len) < len(units):  # text left over: elide the last line
        lines[-1] = _metrics(font).elidedText(
            cut(last_start).strip(), Qt.TextElideMode.ElideRight, width
        )
    return lines


class DepartmentItem(QGraphicsItem):
    """A box for one department, found by the scene through `dept_id`."""

    _name_font = None
    _detail_font = None

    def __init__(self, dept: Department, language: str = "zh"):
        super().__init__()
        self.dept_id = dept.id
        self.kind = dept.kind
        self.color = QColor(dept.color)
        self.name_lines: list[str] = []
        self.detail = ""
        self.hovered = False
        self.drop_state: str | None = None  # "ok" / "bad" while a drag hovers over this box
        self.badge: tuple[int, str] | None = None  # (count, worst severity)
        self.has_children = False  # draws the fold button
        self.folded_count = 0  # > 0: this branch is folded and hides that many boxes
        self._rect = QRectF(0, 0, BOX_W, BOX_H)
        self._bounds = self._outer(self._rect)
        self._tip = ""
        self.language = language  # of the design: box texts are chart content, like the PDF's
        self.caption = ""
        self.setAcceptHoverEvents(True)
        self.setZValue(2)
        self.apply(dept)
        self.setPos(dept.x, dept.y)
        # Last, so building 10,000 boxes does not call itemChange for each setup step.
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )

    # ------------------------------------------------------------ from the model
    @classmethod
    def fonts(cls):
        if cls._name_font is None:
            cls._name_font, cls._detail_font = style.name_font(), style.detail_font()
        return cls._name_font, cls._detail_font

    def apply(self, dept: Department) -> None:
        """Take the department's look (not its position) and re-lay out the text."""
        name_font, detail_font = self.fonts()
        self.kind = dept.kind
        self.color = QColor(dept.color)
        inner = BOX_W - 2 * style.PAD - (style.BAND + 4 if dept.kind is DeptKind.TEAM else 0)
        self.name_lines = wrap_lines(
            dept.name or QCoreApplication.translate("DepartmentItem", "(unnamed)"),
            name_font,
            inner,
            style.MAX_NAME_LINES,
        )
        parts = []
        if dept.leader:
            parts.append(dept.leader)
        if dept.headcount:
            parts.append(headcount_text(dept.headcount, self.language))
        self.caption = (
            ""
            if dept.kind is DeptKind.DEPARTMENT
            else style.chart_kind_label(dept.kind, self.language)
        )
        self.detail = _metrics(detail_font).elidedText(
            " · ".join(parts), Qt.TextElideMode.ElideRight, inner
        )
        name_h = _metrics(name_font).lineSpacing() * len(self.name_lines)
        detail_h = _metrics(detail_font).lineSpacing() + 4 if self.detail else 0
        top = (
            style.band_rect(dept.kind, QRectF(0, 0, BOX_W, BOX_H)).height()
            if dept.kind is not DeptKind.TEAM
            else 0
        )
        height = max(BOX_H, top + 2 * style.PAD + name_h + detail_h + 6)
        if height != self._rect.height():
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, BOX_W, height)
            self._bounds = self._outer(self._rect)
        tip = [dept.name, style.kind_label(dept.kind)]
        if dept.leader:
            tip.append(
                QCoreApplication.translate("DepartmentItem", "Leader: {name}").format(
                    name=dept.leader
                )
            )
        if dept.headcount:
            tip.append(
                QCoreApplication.translate("DepartmentItem", "Headcount: {n}").format(
                    n=format_number(dept.headcount)
                )
            )
        self._tip = "\n".join(tip)  # set as the tooltip on hover (cheap to build, costly to set)
        self.update()

    def set_badge(self, badge: tuple[int, str] | None) -> None:
        if badge != self.badge:
            self.badge = badge
            self.update()

    def set_drop_state(self, state: str | None) -> None:
        if state != self.drop_state:
            self.drop_state = state
            self.update()

    # ---------------------------------------------------------------- geometry
    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def scene_rect(self) -> QRectF:
        return self._rect.translated(self.pos())

    def handle_centers(self) -> dict[str, QPointF]:
        r = self._rect
        return {
            REPORTING_HANDLE: QPointF(r.center().x(), r.bottom()),
            LINK_HANDLE: QPointF(r.right(), r.center().y()),
        }

    def handle_at(self, local: QPointF) -> str | None:
        """Which connection handle (if any) is under `local` (item coordinates)."""
        for name, center in self.handle_centers().items():
            d = local - center
            if d.x() * d.x() + d.y() * d.y() <= (style.HANDLE_R + style.HANDLE_SLOP) ** 2:
                return name
        return None

    def set_fold_state(self, has_children: bool, folded_count: int) -> None:
        if (has_children, folded_count) != (self.has_children, self.folded_count):
            self.has_children, self.folded_count = has_children, folded_count
            self.update()

    def fold_center(self) -> QPointF:
        return QPointF(self._rect.left() + 16, self._rect.bottom())

    def fold_button_at(self, local: QPointF) -> bool:
        d = local - self.fold_center()
        return self.has_children and d.x() * d.x() + d.y() * d.y() <= (style.FOLD_R + 3) ** 2

    def _paint_fold(self, painter: QPainter) -> None:
        center = self.fold_center()
        painter.setPen(QPen(style.MUTED, 1.2))
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(center, style.FOLD_R, style.FOLD_R)
        painter.drawLine(QPointF(center.x() - 4, center.y()), QPointF(center.x() + 4, center.y()))
        if self.folded_count:
            painter.drawLine(
                QPointF(center.x(), center.y() - 4), QPointF(center.x(), center.y() + 4)
            )
            _, detail_font = self.fonts()
            painter.setFont(detail_font)
            text = f"+{self.folded_count}"
            box = QRectF(center.x() + style.FOLD_R + 3, center.y() - 8, 8 * len(text) + 8, 16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.MUTED)
            painter.drawRoundedRect(box, 8, 8)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def badge_center(self) -> QPointF:
        return QPointF(self._rect.right() - 4, self._rect.top())

    def over_badge(self, local: QPointF) -> bool:
        d = local - self.badge_center()
        return self.badge is not None and d.x() * d.x() + d.y() * d.y() <= (style.BADGE_R + 2) ** 2

    def badge_tip(self) -> str:
        """What the badge counts, so nobody has to guess what the red 3 means."""
        count, severity = self.badge  # type: ignore[misc]
        worst = {"error": tr("error"), "warning": tr("warning"), "info": tr("note")}
        return fill(
            tr("%1 about this department (the worst: %2). The Findings panel lists them."),
            english_plural(tr("%n finding(s)", None, count), count),
            worst.get(severity, severity),
        )

    @staticmethod
    def _outer(rect: QRectF) -> QRectF:
        """The box plus room for its handles and findings badge."""
        m = style.HANDLE_R + style.HANDLE_SLOP + 1  # hover reaches the whole grab area
        return rect.adjusted(-4, -style.BADGE_R - 2, m, m)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        # Called by Qt for every paint and hit test: computed once per size change.
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # odd-even made the box/handle overlap a hole
        path.addRect(self._rect)
        for center in self.handle_centers().values():
            path.addEllipse(
                center, style.HANDLE_R + style.HANDLE_SLOP, style.HANDLE_R + style.HANDLE_SLOP
            )
        if self.has_children:
            path.addEllipse(self.fold_center(), style.FOLD_R + 3, style.FOLD_R + 3)
        return path

    # ------------------------------------------------------------------- Qt hooks
    def itemChange(self, change, value):  # noqa: N802 - Qt override
        if change == _POSITION_CHANGE:
            scene = self.scene()
            return scene.snapped(value) if scene is not None else value
        if change == _POSITION_CHANGED:
            scene = self.scene()
            if scene is not None:
                scene.box_moved(self)
        return value

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.hovered = True
        self.setToolTip(self._tip)
        self.update()

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.hovered = False
        self.update()

    def hoverMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        handle = self.handle_at(event.pos())
        if self.over_badge(event.pos()):
            self.unsetCursor()
            self.setToolTip(self.badge_tip())
        elif handle == REPORTING_HANDLE:
            self.setCursor(Qt.CursorShape.CrossCursor)
            self.setToolTip(
                QCoreApplication.translate(
                    "DepartmentItem", "Drag to a box to make it report to this department"
                )
            )
        elif handle == LINK_HANDLE:
            self.setCursor(Qt.CursorShape.CrossCursor)
            self.setToolTip(
                QCoreApplication.translate(
                    "DepartmentItem", "Drag to a box to draw a collaboration link"
                )
            )
        else:
            self.unsetCursor()
            self.setToolTip(self._tip)

    # ------------------------------------------------------------------- painting
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        selected = self.isSelected()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        detail = lod_levels.detail_for(lod)
        rect = self._rect
        if detail is lod_levels.Detail.BLOCK:  # far out: a coloured block is all the eye can use
            painter.fillRect(rect, self.color)
            if selected or self.drop_state:
                painter.setPen(QPen(style.SELECTED, 3 / max(lod, 0.01)))
                painter.drawRect(rect)
            if self.badge:  # a dot in the severity's colour, a few pixels wide at any zoom
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(
                    style.SEVERITY_COLOR.get(self.badge[1], style.SEVERITY_COLOR["info"])
                )
                radius = max(style.BADGE_R, 3 / max(lod, 0.01))
                painter.drawEllipse(QPointF(rect.right() - 4, rect.top()), radius, radius)
            return
        shape = style.kind_shape(self.kind, rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self.color)
        fill.setAlpha(22)
        painter.fillPath(shape, QBrush(style.BOX_FILL))
        painter.fillPath(shape, QBrush(fill))
        painter.save()
        painter.setClipPath(shape)
        band = style.band_rect(self.kind, rect)
        painter.fillRect(band, self.color)
        painter.restore()
        painter.strokePath(shape, style.border_pen(self.kind, selected))
        if self.drop_state:
            pen = QPen(style.DROP_OK if self.drop_state == "ok" else style.DROP_BAD, 4)
            painter.strokePath(shape, pen)
        self._paint_text(painter, rect, band, details=detail is lod_levels.Detail.FULL)
        if self.badge:
            self._paint_badge(painter, rect)
        if self.has_children and lod >= lod_levels.BLOCK_BELOW:
            self._paint_fold(painter)
        if (
            lod >= lod_levels.HANDLES_MIN
            and (self.hovered or selected)
            and self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        ):
            self._paint_handles(painter)

    def _paint_text(
        self, painter: QPainter, rect: QRectF, band: QRectF, details: bool = True
    ) -> None:
        """Caption, name lines and detail line; far out (`details` False) only the name."""
        name_font, detail_font = self.fonts()
        left = rect.left() + style.PAD + (band.width() if self.kind is DeptKind.TEAM else 0)
        width = rect.right() - style.PAD - left
        top = rect.top() + style.PAD + (band.height() if self.kind is not DeptKind.TEAM else 0)
        if self.kind is not DeptKind.DEPARTMENT and details:
            painter.setFont(detail_font)
            painter.setPen(
                style.MUTED if self.kind is not DeptKind.BUSINESS_UNIT else Qt.GlobalColor.white
            )
            caption_top = (
                band.top() if self.kind is DeptKind.BUSINESS_UNIT else rect.top() + style.BAND
            )
            painter.drawText(
                QRectF(left, caption_top, width, 14),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.caption,
            )
            if self.kind is not DeptKind.BUSINESS_UNIT:
                top += 6
        name_h = _metrics(name_font).lineSpacing()
        detail_h = _metrics(detail_font).lineSpacing() if self.detail else 0
        block = name_h * len(self.name_lines) + (detail_h + 4 if self.detail else 0)
        y = top + max(0.0, (rect.bottom() - style.PAD - top - block) / 2)
        painter.setFont(name_font)
        painter.setPen(style.INK)
        for line in self.name_lines:
            painter.drawText(QRectF(left, y, width, name_h), Qt.AlignmentFlag.AlignCenter, line)
            y += name_h
        if self.detail and details:
            painter.setFont(detail_font)
            painter.setPen(style.MUTED)
            painter.drawText(
                QRectF(left, y + 4, width, detail_h), Qt.AlignmentFlag.AlignCenter, self.detail
            )

    def _paint_badge(self, painter: QPainter, rect: QRectF) -> None:
        count, severity = self.badge  # type: ignore[misc]
        center = self.badge_center()
        painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
        painter.setBrush(style.SEVERITY_COLOR.get(severity, style.SEVERITY_COLOR["info"]))
        painter.drawEllipse(center, style.BADGE_R, style.BADGE_R)
        _, detail_font = self.fonts()
        painter.setFont(detail_font)
        painter.drawText(
            QRectF(
                center.x() - style.BADGE_R,
                center.y() - style.BADGE_R,
                2 * style.BADGE_R,
                2 * style.BADGE_R,
            ),
            Qt.AlignmentFlag.AlignCenter,
            str(count) if count < 100 else "99+",
        )

    def _paint_handles(self, painter: QPainter) -> None:
        colors = {
            REPORTING_HANDLE: style.REPORTING,
            LINK_HANDLE: style.LINK_STYLE[next(iter(style.LINK_STYLE))][0],
        }
        for name, center in self.handle_centers().items():
            painter.setPen(QPen(Qt.GlobalColor.white, 1.5))
            painter.setBrush(colors[name])
            painter.drawEllipse(center, style.HANDLE_R, style.HANDLE_R)
