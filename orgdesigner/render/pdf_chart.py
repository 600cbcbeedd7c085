"""Draw a `Chart` on a ReportLab canvas with plain canvas calls (fast: no Paragraphs).

Shapes of one style go into one path and text into one text object, so
10,000 boxes cost a few hundred operations of Python per style, not per box.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str

from ..fonts import ChartFont
from ..routing import rounded
from . import style as st
from .chart import Box, Chart, Connector, LinkLine

TEXT_MIN_PT = 1.6  # thumbnails (the tiles overview) skip text smaller than this
BLOCK_BELOW = 2.0  # pt of box padding below which a box is drawn as a plain colour block


@dataclass(frozen=True)
class View:
    """Scene -> page mapping: page = origin + (scene - scene_origin) * scale, y flipped."""

    scale: float
    scene_x: float
    scene_y: float
    page_x: float
    page_top: float

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return self.page_x + (x - self.scene_x) * self.scale, self.page_top - (
            y - self.scene_y
        ) * self.scale

    def rect(self, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        """ReportLab rect (x, y bottom, w, h) of a scene rect."""
        s = self.scale
        px, ptop = self.pt(x, y)
        return px, ptop - h * s, w * s, h * s


_COLORS: dict[str, HexColor] = {}


def color(value: str) -> HexColor:
    c = _COLORS.get(value)
    if c is None:
        c = _COLORS[value] = HexColor(value)
    return c


def put_text(text, line: str) -> None:
    """`line` at the text object's current origin: what `textOut` writes, remembered per document.

    ReportLab splits every string into font subsets character by character; a proposal prints
    the same names on many pages, so the operators for a string (in a given font state) are
    made once per document. No cursor is advanced: every line of ours sets its own origin.
    """
    cache = text._canvas.__dict__.setdefault("_od_text_ops", {})
    key = (line, text._fontname, text._fontsize, text._leading, text._curSubset, text._rise)
    found = cache.get(key)
    if found is None:
        ops = text._formatText(line)
        cache[key] = (ops, text._curSubset)
    else:
        ops, text._curSubset = found
    text._code.append(ops)


def _shape(path, box: Box, view: View) -> None:
    x, y, w, h = view.rect(box.x, box.y, box.w, box.h)
    s = view.scale
    if box.shape == "round":
        path.roundRect(x, y, w, h, box.corner * s)
    elif box.shape == "octagon":
        _polygon(
            path,
            [
                (box.x + px, box.y + py)
                for px, py in st.outline("octagon", box.corner, box.w, box.h)
            ],
            view,
        )
    else:
        path.rect(x, y, w, h)


def polyline(path, points, view: View) -> None:
    """moveTo the first point, lineTo the others: the operators ReportLab's path writes, its
    numbers formatted in one call (a book of 100,000 units draws millions of points)."""
    s, sx, sy, px, top = view.scale, view.scene_x, view.scene_y, view.page_x, view.page_top
    x, y = points[0]
    path.moveTo(px + (x - sx) * s, top - (y - sy) * s)  # path.pt(), and ReportLab's first-op check
    if len(points) < 2:
        return
    flat = []
    for x, y in points[1:]:
        flat.append(px + (x - sx) * s)
        flat.append(top - (y - sy) * s)
    nums = fp_str(*flat).split(" ")
    path._code.extend([f"{nums[i]} {nums[i + 1]} l" for i in range(0, len(nums), 2)])


def _polygon(path, points, view: View) -> None:
    polyline(path, points, view)
    path.close()


def draw_connectors(canvas, connectors: Iterable[Connector], view: View) -> None:
    path = canvas.beginPath()
    for conn in connectors:
        polyline(path, conn.points, view)
    canvas.setStrokeColor(color(st.CONNECTOR))
    canvas.setLineWidth(st.CONNECTOR_W * view.scale)
    canvas.setDash()
    canvas.drawPath(path, stroke=1, fill=0)


def _route(path, points, view: View) -> None:
    """An orthogonal route with rounded corners (quadratic corners as cubics)."""
    last = points[0]
    for step in rounded(points):
        if step[0] == "M":
            path.moveTo(*view.pt(*step[1]))
        elif step[0] == "L":
            path.lineTo(*view.pt(*step[1]))
        else:
            (qx, qy), (bx, by) = step[1], step[2]
            ax, ay = last
            path.curveTo(
                *view.pt(ax + 2 / 3 * (qx - ax), ay + 2 / 3 * (qy - ay)),
                *view.pt(bx + 2 / 3 * (qx - bx), by + 2 / 3 * (qy - by)),
                *view.pt(bx, by),
            )
        last = step[-1]


def draw_links(canvas, links: list[LinkLine], view: View) -> None:
    """Curves grouped by colour and dash; arrow heads filled."""
    groups: dict[tuple, list[LinkLine]] = defaultdict(list)
    for link in links:
        groups[(link.color, link.dash)].append(link)
    s = view.scale
    canvas.setLineWidth(st.LINK_W * s)
    for (col, dash), members in groups.items():
        path = canvas.beginPath()
        heads = canvas.beginPath()
        for link in members:
            if link.route:
                _route(path, link.route, view)
                if link.directed:
                    _polygon(heads, link.arrow(), view)
                continue
            (ax, ay), (qx, qy), (bx, by) = link.start, link.control, link.end
            path.moveTo(*view.pt(ax, ay))
            # the quadratic curve as a cubic: controls 2/3 of the way to the quadratic control
            path.curveTo(
                *view.pt(ax + 2 / 3 * (qx - ax), ay + 2 / 3 * (qy - ay)),
                *view.pt(bx + 2 / 3 * (qx - bx), by + 2 / 3 * (qy - by)),
                *view.pt(bx, by),
            )
            if link.directed:
                _polygon(heads, link.arrow(), view)
        canvas.setStrokeColor(color(col))
        canvas.setFillColor(color(col))
        canvas.setDash([d * s for d in dash])
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.setDash()
        canvas.drawPath(heads, stroke=0, fill=1)


def draw_link_labels(
    canvas, links: list[LinkLine], font: ChartFont, view: View, min_text: float = 0.0
) -> None:
    s = view.scale
    if st.LABEL_SIZE * s < min_text:
        return
    labelled = sorted((l for l in links if l.label), key=lambda l: (l.color, l.label_size))
    if not labelled:
        return
    bg = canvas.beginPath()
    for link in labelled:
        cx, cy = link.label_at
        x, y, w, h = view.rect(
            cx - link.label_w / 2 - 3,
            cy - link.label_size * 0.75,
            link.label_w + 6,
            link.label_size * 1.5,
        )
        bg.roundRect(x, y, w, h, 4 * s)
    canvas.setFillColor(color(st.PAPER))
    canvas.drawPath(bg, stroke=0, fill=1)
    text = canvas.beginText()
    current = None
    size = None
    for link in labelled:
        cx, cy = link.label_at
        if link.label_size != size:
            size = link.label_size
            text.setFont(font.name, size * s)
        if link.label_color != current:
            text.setFillColor(color(link.label_color))
            current = link.label_color
        x, y = view.pt(cx - link.label_w / 2, cy + link.label_size * 0.35)
        text.setTextOrigin(x, y)
        put_text(text, link.label)
    canvas.drawText(text)


def draw_boxes(
    canvas, boxes: list[Box], font: ChartFont, view: View, min_text: float = 0.0
) -> None:
    """Boxes by style group, then all their text (tiny text too: a PDF viewer can zoom)."""
    s = view.scale
    if st.PAD * 2 * s < BLOCK_BELOW:  # far out: a coloured block is all the eye can use
        blocks: dict[str, list[Box]] = defaultdict(list)
        for box in boxes:
            blocks[box.color].append(box)
        for block_color, members in blocks.items():
            path = canvas.beginPath()
            for box in members:
                path.rect(*view.rect(box.x, box.y, box.w, box.h))
            canvas.setFillColor(color(block_color))
            canvas.drawPath(path, stroke=0, fill=1)
    else:
        groups: dict[tuple, list[Box]] = defaultdict(list)
        bands: dict[str, list[Box]] = defaultdict(list)
        for box in boxes:
            groups[(box.fill, box.dashed, box.border_w)].append(box)
            bands[box.color].append(box)
        canvas.setStrokeColor(color(st.BORDER))
        for (fill, dashed, border_w), members in groups.items():
            path = canvas.beginPath()
            for box in members:
                _shape(path, box, view)
            canvas.setFillColor(color(fill))
            canvas.setLineWidth(border_w * s)
            canvas.setDash([d * s for d in st.BOX_DASH] if dashed else [])
            canvas.drawPath(path, stroke=1, fill=1)
        for band_color, members in bands.items():  # inside the borders' inner edge
            path = canvas.beginPath()
            for box in members:
                _polygon(path, box.band, view)
            canvas.setFillColor(color(band_color))
            canvas.drawPath(path, stroke=0, fill=1)
    canvas.setDash()
    if st.NAME_MIN * s < min_text:
        return
    # Lines grouped by size, colour and weight: the text state changes a handful of
    # times instead of twice per box (names and details alternate).
    by_style: dict[tuple, list] = defaultdict(list)
    for box in boxes:
        for line in box.lines:
            by_style[(line.size, line.color, line.bold)].append(line)
    text = canvas.beginText()
    width = font.width
    for (size, line_color, bold), lines in by_style.items():
        text.setFont(font.name, size * s)
        text.setFillColor(color(line_color))
        text.setStrokeColor(color(line_color))
        text.setTextRenderMode(2 if bold else 0)  # fill + thin stroke: semi-bold
        for line in lines:
            w = width(line.text, line.size)
            left = line.x - w / 2 if line.anchor == "middle" else line.x - w
            text.setTextOrigin(*view.pt(left, line.y))
            put_text(text, line.text)
    canvas.saveState()  # the text render mode and stroke are graphics state: keep them in here
    canvas.setLineWidth(st.NAME_SIZE * st.NAME_STROKE * s)
    canvas.drawText(text)
    canvas.restoreState()


def draw_chart(
    canvas,
    chart: Chart,
    font: ChartFont,
    view: View,
    *,
    boxes: list[Box] | None = None,
    connectors: list[Connector] | None = None,
    links: list[LinkLine] | None = None,
    labelled: list[LinkLine] | None = None,
    min_text: float = 0.0,
) -> None:
    """Everything (or the given culled subsets) in z-order: lines, links, boxes, labels."""
    boxes = chart.boxes if boxes is None else boxes
    connectors = chart.connectors if connectors is None else connectors
    links = chart.links if links is None else links
    labelled = links if labelled is None else labelled
    canvas.saveState()
    canvas.setLineJoin(1)
    draw_connectors(canvas, connectors, view)
    draw_links(canvas, links, view)
    draw_boxes(canvas, boxes, font, view, min_text)
    draw_link_labels(canvas, labelled, font, view, min_text)
    canvas.restoreState()
