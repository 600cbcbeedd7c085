"""Draw a `Chart` on a ReportLab canvas with plain canvas calls (fast: no Paragraphs).

Shapes of one style go into one path and text into one text object, so
10,000 boxes cost a few hundred operations of Python per style, not per box.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from reportlab.lib.colors import HexColor

from ..fonts import ChartFont
from . import style as st
from .chart import Box, Chart, Connector, LinkLine

TEXT_MIN_PT = 1.6  # thumbnails (the tiles overview) skip text smaller than this


@dataclass(frozen=True)
class View:
    """Scene -> page mapping: page = origin + (scene - scene_origin) * scale, y flipped."""

    scale: float
    scene_x: float
    scene_y: float
    page_x: float
    page_top: float

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return self.page_x + (x - self.scene_x) * self.scale, self.page_top - (y - self.scene_y) * self.scale

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


def _shape(path, box: Box, view: View) -> None:
    x, y, w, h = view.rect(box.x, box.y, box.w, box.h)
    s = view.scale
    if box.shape == "round":
        path.roundRect(x, y, w, h, st.RADIUS * s)
    elif box.shape == "pill":
        path.roundRect(x, y, w, h, h / 2)
    elif box.shape == "chamfer":
        c = st.CHAMFER * s
        path.moveTo(x + c, y)
        for px, py in ((x + w - c, y), (x + w, y + c), (x + w, y + h - c), (x + w - c, y + h),
                       (x + c, y + h), (x, y + h - c), (x, y + c)):
            path.lineTo(px, py)
        path.close()
    else:
        path.rect(x, y, w, h)


def draw_connectors(canvas, connectors: Iterable[Connector], view: View) -> None:
    path = canvas.beginPath()
    for conn in connectors:
        pts = conn.points
        path.moveTo(*view.pt(*pts[0]))
        for p in pts[1:]:
            path.lineTo(*view.pt(*p))
    canvas.setStrokeColor(color(st.CONNECTOR))
    canvas.setLineWidth(st.CONNECTOR_W * view.scale)
    canvas.setDash()
    canvas.drawPath(path, stroke=1, fill=0)


def draw_links(canvas, links: list[LinkLine], view: View) -> None:
    groups: dict[tuple, list[LinkLine]] = defaultdict(list)
    for link in links:
        groups[(link.color, link.dash)].append(link)
    s = view.scale
    canvas.setLineWidth(st.LINK_W * s)
    for (col, dash), members in groups.items():
        path = canvas.beginPath()
        heads = canvas.beginPath()
        for link in members:
            path.moveTo(*view.pt(*link.start))
            path.lineTo(*view.pt(*link.end))
            if link.directed:
                _arrow(heads, link, view)
        canvas.setStrokeColor(color(col))
        canvas.setFillColor(color(col))
        canvas.setDash([d * s for d in dash])
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.setDash()
        canvas.drawPath(heads, stroke=0, fill=1)


def _arrow(path, link: LinkLine, view: View) -> None:
    (x0, y0), (x1, y1) = link.start, link.end
    angle = math.atan2(y1 - y0, x1 - x0)
    size = 7.0
    pts = [(x1, y1)]
    for side in (-1, 1):
        a = angle + math.pi - side * 0.4
        pts.append((x1 + size * math.cos(a), y1 + size * math.sin(a)))
    path.moveTo(*view.pt(*pts[0]))
    path.lineTo(*view.pt(*pts[1]))
    path.lineTo(*view.pt(*pts[2]))
    path.close()


def draw_link_labels(canvas, links: list[LinkLine], font: ChartFont, view: View,
                     min_text: float = 0.0) -> None:
    s = view.scale
    size = st.LABEL_SIZE * s
    if size < min_text:
        return
    labelled = sorted((l for l in links if l.label), key=lambda l: l.color)
    if not labelled:
        return
    bg = canvas.beginPath()
    for link in labelled:
        cx, cy = link.label_at
        bg.rect(*view.rect(cx - link.label_w / 2 - 2, cy - st.LABEL_SIZE * 0.75,
                           link.label_w + 4, st.LABEL_SIZE * 1.5))
    canvas.setFillColor(color(st.PAPER))
    canvas.drawPath(bg, stroke=0, fill=1)
    text = canvas.beginText()
    text.setFont(font.name, size)
    current = None
    for link in labelled:
        cx, cy = link.label_at
        if link.color != current:
            text.setFillColor(color(link.color))
            current = link.color
        x, y = view.pt(cx - link.label_w / 2, cy + st.LABEL_SIZE * 0.35)
        text.setTextOrigin(x, y)
        text.textOut(link.label)
    canvas.drawText(text)


def draw_boxes(canvas, boxes: list[Box], font: ChartFont, view: View, min_text: float = 0.0) -> None:
    """Boxes by style group, then all their text (tiny text too: a PDF viewer can zoom)."""
    s = view.scale
    groups: dict[tuple, list[Box]] = defaultdict(list)
    for box in boxes:
        groups[(box.fill, box.color, box.dashed)].append(box)
    canvas.setLineWidth(st.BORDER_W * s)
    for (fill, border, dashed), members in groups.items():
        path = canvas.beginPath()
        bands = canvas.beginPath()
        for box in members:
            _shape(path, box, view)
            if box.band:
                bands.rect(*view.rect(*box.band))
        canvas.setFillColor(color(fill))
        canvas.setStrokeColor(color(border))
        canvas.setDash([4 * s, 2.5 * s] if dashed else [])
        canvas.drawPath(path, stroke=1, fill=1)
        canvas.setFillColor(color(border))
        canvas.drawPath(bands, stroke=0, fill=1)
    canvas.setDash()
    if st.NAME_MIN * s < min_text:
        return
    text = canvas.beginText()
    current: tuple[float, str] | None = None
    width = font.width
    for box in boxes:
        for line in box.lines:
            key = (line.size, line.color)
            if key != current:
                text.setFont(font.name, line.size * s)
                text.setFillColor(color(line.color))
                current = key
            x, y = view.pt(line.x - width(line.text, line.size) / 2, line.y)
            text.setTextOrigin(x, y)
            text.textOut(line.text)
    canvas.drawText(text)


def draw_chart(canvas, chart: Chart, font: ChartFont, view: View, *,
               boxes: list[Box] | None = None, connectors: list[Connector] | None = None,
               links: list[LinkLine] | None = None, labelled: list[LinkLine] | None = None,
               min_text: float = 0.0) -> None:
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
