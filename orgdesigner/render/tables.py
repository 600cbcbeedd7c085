"""A small paginating table drawn with canvas calls.

Platypus tables are slow on thousands of rows and need a second pass for
"page x of y"; this lays rows out first (wrapped cells, row heights, page
breaks) so the page count is known before anything is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..fonts import ChartFont
from .pdf_chart import color, put_text
from .pdf_links import link_area
from .wrap import fit_lines

HEADER_FILL = "#dfe5ee"
GRID = "#b8bec8"
STRIPE = "#f5f7fa"
PAD = 3.0
MAX_CELL_LINES = 12


@dataclass
class Column:
    title: str
    width: float  # points, or a share of the rest when <= 1
    align: str = "left"  # left, right, center


@dataclass
class Cell:
    text: str = ""
    fill: str | None = None
    color: str = "#1f1f1f"
    indent: float = 0.0
    link: str | None = None  # a named destination to jump to
    lines: list[str] = field(default_factory=list)


@dataclass
class TableLayout:
    columns: list[Column]
    widths: list[float]
    size: float
    header_lines: list[list[str]]
    header_h: float
    rows: list[list[Cell]]
    heights: list[float]
    pages: list[tuple[int, int]]  # row ranges [start, end)


def _widths(columns: list[Column], total: float) -> list[float]:
    fixed = sum(c.width for c in columns if c.width > 1)
    shares = sum(c.width for c in columns if c.width <= 1) or 1.0
    rest = max(total - fixed, 0.0)
    return [c.width if c.width > 1 else rest * c.width / shares for c in columns]


def layout_table(
    columns: list[Column],
    rows: Sequence[Sequence[Cell | str]],
    width: float,
    first_h: float,
    page_h: float,
    font: ChartFont,
    size: float = 8.0,
) -> TableLayout:
    """Wrap every cell and break the rows into pages (first page may be shorter)."""
    widths = _widths(columns, width)
    line_h = size * 1.25
    measure = font.width
    header_lines = [
        fit_lines(c.title, w - 2 * PAD, 3, size, measure) for c, w in zip(columns, widths)
    ]
    header_h = max(len(l) for l in header_lines) * line_h + 2 * PAD
    cells: list[list[Cell]] = []
    heights: list[float] = []
    for row in rows:
        out = []
        n = 1
        for cell, w in zip(row, widths):
            cell = cell if isinstance(cell, Cell) else Cell(str(cell))
            cell.lines = (
                fit_lines(
                    cell.text, max(w - 2 * PAD - cell.indent, size), MAX_CELL_LINES, size, measure
                )
                if cell.text
                else []
            )
            n = max(n, len(cell.lines))
            out.append(cell)
        cells.append(out)
        heights.append(n * line_h + 2 * PAD)
    pages: list[tuple[int, int]] = []
    start, used, avail = 0, header_h, first_h
    for i, h in enumerate(heights):
        if used + h > avail and i > start:
            pages.append((start, i))
            start, used, avail = i, header_h, page_h
        used += h
    pages.append((start, len(cells)))
    return TableLayout(columns, widths, size, header_lines, header_h, cells, heights, pages)


def draw_table_page(
    canvas, layout: TableLayout, page: int, x: float, top: float, font: ChartFont
) -> float:
    """Draw one page's share of the table from `top` down; return the y below it."""
    size = layout.size
    line_h = size * 1.25
    start, end = layout.pages[page]
    total_w = sum(layout.widths)
    canvas.saveState()
    canvas.setLineWidth(0.4)
    canvas.setStrokeColor(color(GRID))
    # header
    canvas.setFillColor(color(HEADER_FILL))
    canvas.rect(x, top - layout.header_h, total_w, layout.header_h, stroke=1, fill=1)
    y = top - layout.header_h
    spans = []
    row_y = y
    for i in range(start, end):
        h = layout.heights[i]
        spans.append((i, row_y, h))
        row_y -= h
    # fills
    for i, ry, h in spans:
        cx = x
        if (i - start) % 2:
            canvas.setFillColor(color(STRIPE))
            canvas.rect(x, ry - h, total_w, h, stroke=0, fill=1)
        for cell, w in zip(layout.rows[i], layout.widths):
            if cell.fill:
                canvas.setFillColor(color(cell.fill))
                canvas.rect(cx, ry - h, w, h, stroke=0, fill=1)
            cx += w
    # grid
    path = canvas.beginPath()
    for _, ry, h in spans:
        path.moveTo(x, ry - h)
        path.lineTo(x + total_w, ry - h)
    cx = x
    for w in [0.0] + layout.widths:
        cx += w
        path.moveTo(cx, top)
        path.lineTo(cx, row_y)
    canvas.drawPath(path, stroke=1, fill=0)
    # text
    text = canvas.beginText()
    text.setFont(font.name, size)
    text.setFillColor(color("#1f1f1f"))
    cx = x
    for lines, column, w in zip(layout.header_lines, layout.columns, layout.widths):
        for n, line in enumerate(lines):
            _place(
                text,
                line,
                column.align,
                cx,
                w,
                top - PAD - size * 0.9 - n * line_h,
                0.0,
                font,
                size,
            )
        cx += w
    current = "#1f1f1f"
    for i, ry, h in spans:
        cx = x
        for cell, column, w in zip(layout.rows[i], layout.columns, layout.widths):
            if cell.color != current:
                text.setFillColor(color(cell.color))
                current = cell.color
            for n, line in enumerate(cell.lines):
                _place(
                    text,
                    line,
                    column.align,
                    cx,
                    w,
                    ry - PAD - size * 0.9 - n * line_h,
                    cell.indent,
                    font,
                    size,
                )
            if cell.link:
                link_area(canvas, cell.link, (cx, ry - h, cx + w, ry))
            cx += w
    canvas.drawText(text)
    canvas.restoreState()
    return row_y


def _place(
    text,
    line: str,
    align: str,
    x: float,
    w: float,
    y: float,
    indent: float,
    font: ChartFont,
    size: float,
) -> None:
    if align == "left":
        tx = x + PAD + indent
    else:
        lw = font.width(line, size)
        tx = x + w - PAD - lw if align == "right" else x + (w - lw) / 2
    text.setTextOrigin(tx, y)
    put_text(text, line)
