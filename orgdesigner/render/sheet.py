"""What a printed page shows besides the chart, as plain data: text runs, rules, fills, links.

The PDF (ReportLab) and the editor's printer (QPainter) paint the same sheets, so
the running header and footer, the continuation tags, the managers' paths, the
list of links to other pages and the index are laid out once, here, and only
painted by each back end. Coordinates are page points with y up from the bottom
(ReportLab's convention); the Qt painter flips them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .chart import Chart
from .context import Context
from .paging import HEADER
from .pdf_chart import View, color, put_text
from .pdf_links import link_area
from .wrap import ellipsize


@dataclass(slots=True)
class Run:
    """One line of text: baseline at (x, y); `align` "right" puts its end at x."""

    x: float
    y: float
    text: str
    size: float
    color: str
    align: str = "left"


@dataclass(slots=True)
class Mark:
    """A rule ("line": x, y to x2, y2), a filled rectangle ("rect") or a rounded pill ("pill":
    x, y, w = x2, h = y2)."""

    kind: str
    x: float
    y: float
    x2: float
    y2: float
    color: str
    width: float = 0.5


@dataclass
class Sheet:
    """One page's drawing: the chart seen through `view` (if any), then marks, then runs.
    `links`: (x1, y1, x2, y2, destination key) areas that jump to another page in the PDF."""

    chart: Chart | None = None
    view: View | None = None
    marks: list[Mark] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    links: list[tuple[float, float, float, float, str]] = field(default_factory=list)

    def extend(self, other: Sheet) -> Sheet:
        self.marks += other.marks
        self.runs += other.runs
        self.links += other.links
        return self


def frame_sheet(ctx: Context, header: str, number: int) -> Sheet:
    """Running header and footer: design name and section; author, date, version, page x of y."""
    f = ctx.frame
    m = f.margin
    width = ctx.font.width
    grey = "#555555"
    sheet = Sheet()
    top = f.height - m - 9
    right = f.width - m
    header_right = ellipsize(header, (f.width - 2 * m) * 0.45, 8, width)
    sheet.runs.append(Run(right, top, header_right, 8, grey, "right"))
    left_room = (f.width - 2 * m) - width(header_right, 8) - 20
    sheet.runs.append(Run(m, top, ellipsize(ctx.design.name, left_room, 8, width), 8, grey))
    rule_y = f.height - m - HEADER + 8
    sheet.marks.append(Mark("line", m, rule_y, right, rule_y, "#b8bec8"))
    stamp = ctx.design.stamp
    bits = [
        ctx.design.author or ctx.options.author,
        ctx.date,
        ctx.t("save_n", n=stamp.save_generation) if stamp.save_generation else ctx.t("unsaved"),
    ]
    footer = " · ".join(b for b in bits if b)
    page_words = ctx.t("page_of", x=number, y=ctx.total_pages)
    sheet.runs.append(Run(right, m + 4, page_words, 8, grey, "right"))
    room = (f.width - 2 * m) - width(page_words, 8) - 20
    sheet.runs.append(Run(m, m + 4, ellipsize(footer, room, 8, width), 8, grey))
    return sheet


def draw_sheet(canvas, ctx: Context, sheet: Sheet) -> None:
    """Paint a sheet's marks, runs and link areas on a ReportLab canvas (the chart is the
    caller's: it draws it with its own options first)."""
    canvas.saveState()
    for mark in sheet.marks:
        if mark.kind == "line":
            canvas.setStrokeColor(color(mark.color))
            canvas.setLineWidth(mark.width)
            canvas.line(mark.x, mark.y, mark.x2, mark.y2)
        elif mark.kind == "pill":
            canvas.setFillColor(color(mark.color))
            canvas.roundRect(mark.x, mark.y, mark.x2, mark.y2, 2, stroke=0, fill=1)
        else:
            canvas.setFillColor(color(mark.color))
            canvas.rect(mark.x, mark.y, mark.x2 - mark.x, mark.y2 - mark.y, stroke=0, fill=1)
    if sheet.runs:  # one text object for all runs (drawString makes one each: an index page has
        # hundreds), the font and colour set only when they change
        text = canvas.beginText()
        size: float | None = None
        fill: str | None = None
        for run in sheet.runs:
            if run.size != size:
                size = run.size
                text.setFont(ctx.font.name, size)
            if run.color != fill:
                fill = run.color
                text.setFillColor(color(fill))
            x = run.x
            if run.align == "right":
                x -= canvas.stringWidth(run.text, ctx.font.name, size)
            text.setTextOrigin(x, run.y)
            put_text(text, run.text)
        canvas.drawText(text)
    for x1, y1, x2, y2, key in sheet.links:
        link_area(canvas, key, (x1, y1, x2, y2))
    canvas.restoreState()
