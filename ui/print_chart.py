"""File > Print: the chart book of the PDF's page plan with its index, painted with QPainter
on the system printer, with Qt's print dialog and preview.

The page plan, the chart geometry and every text on the page (header and footer, page
numbers, continuation tags, managers' paths, links to other pages, index entries) come
from the core (`plan_pages`, each page's `render.sheet.Sheet`), so the printout says what
the PDF says; only the painting is Qt's.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPageLayout, QPageSize, QPainter, QPen, QPolygonF
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from orgdesigner.design import Design

PAPERS = {
    "A4": QPageSize.PageSizeId.A4,
    "A3": QPageSize.PageSizeId.A3,
    "A2": QPageSize.PageSizeId.A2,
    "A1": QPageSize.PageSizeId.A1,
    "A0": QPageSize.PageSizeId.A0,
    "Letter": QPageSize.PageSizeId.Letter,
    "Legal": QPageSize.PageSizeId.Legal,
    "Tabloid": QPageSize.PageSizeId.Tabloid,
}


def printer_paper(printer: QPrinter) -> tuple[str, str]:
    """Our paper name and orientation for the printer's page layout (A4 when unknown)."""
    layout = printer.pageLayout()
    page_id = layout.pageSize().id()
    paper = next((name for name, pid in PAPERS.items() if pid == page_id), "A4")
    landscape = layout.orientation() == QPageLayout.Orientation.Landscape
    return paper, "landscape" if landscape else "portrait"


def plan_for(design: Design, printer: QPrinter):
    from orgdesigner.render import ExportOptions, plan_pages

    paper, orientation = printer_paper(printer)
    return plan_pages(
        design, ExportOptions(paper=paper, orientation=orientation, fit="book", sections=("chart",))
    )


def paint(printer: QPrinter, design: Design) -> int:
    """Paint the chart pages (and, for a book, its index) on `printer`, each with the PDF's
    running header and footer; return how many pages were printed."""
    from orgdesigner.render.sheet import frame_sheet

    plan = plan_for(design, printer)
    ctx = plan.context
    assert ctx is not None
    height = ctx.frame.height
    printer.setFullPage(True)  # the plan's frame has its own margins: paint from the paper's corner
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        res = printer.resolution() / 72.0
        for number, page in enumerate(plan.pages, start=1):
            if number > 1:
                printer.newPage()
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.scale(res, res)  # paint in points
            sheet = page.sheet() if page.sheet is not None else None
            if sheet is not None and sheet.chart is not None and sheet.view is not None:
                _paint_chart(painter, ctx, sheet.chart, sheet.view)
            if sheet is not None:
                _paint_sheet(painter, sheet, height)
            _paint_sheet(painter, frame_sheet(ctx, page.header, number), height)
            painter.restore()
    finally:
        painter.end()
    return len(plan.pages)


def _paint_chart(painter: QPainter, ctx, chart, view) -> None:
    """The chart through the core's view (scene -> page points, y up), clipped to the content."""
    x, y, w, h = ctx.frame.content
    page_h = ctx.frame.height
    painter.save()
    painter.setClipRect(QRectF(x, page_h - (y + h), w, h))
    painter.translate(view.page_x, page_h - view.page_top)
    painter.scale(view.scale, view.scale)
    painter.translate(-view.scene_x, -view.scene_y)
    _draw_chart(painter, chart)
    painter.restore()


def _paint_sheet(painter: QPainter, sheet, page_h: float) -> None:
    """Marks then text runs, laid out by the core in page points with y up."""
    for mark in sheet.marks:
        if mark.kind == "line":
            painter.setPen(QPen(QColor(mark.color), mark.width))
            painter.drawLine(QPointF(mark.x, page_h - mark.y), QPointF(mark.x2, page_h - mark.y2))
            continue
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(mark.color)))
        if mark.kind == "pill":
            rect = QRectF(mark.x, page_h - mark.y - mark.y2, mark.x2, mark.y2)
            painter.drawRoundedRect(rect, 2, 2)
        else:
            painter.drawRect(QRectF(mark.x, page_h - mark.y2, mark.x2 - mark.x, mark.y2 - mark.y))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for run in sheet.runs:
        painter.setPen(QColor(run.color))
        painter.setFont(_font(painter, run.size))
        x = run.x
        if run.align == "right":
            x -= painter.fontMetrics().horizontalAdvance(run.text)
        painter.drawText(QPointF(x, page_h - run.y), run.text)


def _font(painter: QPainter, size: float, bold: bool = False) -> QFont:
    """A font `size` units tall in the painter's (scaled) coordinates: Qt sizes fonts in the
    device's points before the world transform, so divide the device's scale out."""
    font = QFont()
    font.setPointSizeF(max(size * 72.0 / painter.device().logicalDpiY(), 0.1))
    font.setBold(bold)
    return font


def _text(
    painter: QPainter,
    x: float,
    y: float,
    words: str,
    size: float,
    left: bool = False,
    bold: bool = False,
) -> None:
    font = _font(painter, size, bold)
    painter.setFont(font)
    width = painter.fontMetrics().horizontalAdvance(words)
    painter.drawText(QPointF(x if left else x - width / 2, y), words)


def _draw_chart(painter: QPainter, chart) -> None:
    from orgdesigner.render import style as st

    from .canvas.connector_items import route_path

    painter.setPen(QPen(QColor(st.CONNECTOR), st.CONNECTOR_W))
    for conn in chart.connectors:
        painter.drawPolyline(QPolygonF([QPointF(*p) for p in conn.points]))
    for link in chart.links:
        pen = QPen(QColor(link.color), st.LINK_W)
        pen.setDashPattern([d / st.LINK_W for d in link.dash])
        painter.setPen(pen)
        painter.drawPath(route_path(link.route or [link.start, link.end]))
    for box in chart.boxes:
        pen = QPen(QColor(st.BORDER), box.border_w)
        if box.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(box.fill)))
        painter.drawRoundedRect(QRectF(box.x, box.y, box.w, box.h), box.corner, box.corner)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(box.color)))
        painter.drawPolygon(QPolygonF([QPointF(*p) for p in box.band]))
        for line in box.lines:
            painter.setPen(QColor(line.color))
            if line.anchor == "middle":
                _text(painter, line.x, line.y, line.text, line.size, bold=line.bold)
            else:
                painter.setFont(_font(painter, line.size))
                width = painter.fontMetrics().horizontalAdvance(line.text)
                painter.drawText(QPointF(line.x - width, line.y), line.text)
    painter.setBrush(QBrush(QColor(st.PAPER)))
    for link in chart.links:
        if link.label:
            cx, cy = link.label_at
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(
                QRectF(
                    cx - link.label_w / 2 - 3,
                    cy - link.label_size * 0.75,
                    link.label_w + 6,
                    link.label_size * 1.5,
                ),
                4,
                4,
            )
            painter.setPen(QColor(link.label_color))
            _text(painter, cx, cy + link.label_size * 0.35, link.label, link.label_size)


def print_with_dialog(parent: QWidget, design: Design) -> bool:
    """The system print dialog, then a preview; True when something was printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    preview = QPrintPreviewDialog(printer, parent)
    preview.paintRequested.connect(lambda p: paint(p, design))
    return preview.exec() == QPrintPreviewDialog.DialogCode.Accepted
