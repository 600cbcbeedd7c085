"""A Qt-free model of the drawn chart: boxes with fitted labels, connectors, links.

Built once from a design; the PDF, SVG and PNG backends only draw what is
here, so the three look the same. Coordinates are scene units, y down (as on
the canvas); text lines carry their centre x and baseline y.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..design import Design
from ..entities import DeptKind, LinkKind
from ..fonts import ChartFont
from ..geometry import BOX_H, BOX_W
from . import style as st
from .wrap import ellipsize, fit_lines, wrap

Point = tuple[float, float]


@dataclass(slots=True)
class TextLine:
    text: str
    size: float
    x: float       # centre
    y: float       # baseline
    color: str


@dataclass(slots=True)
class Box:
    id: str
    name: str
    x: float
    y: float
    w: float
    h: float
    kind: DeptKind
    shape: str
    dashed: bool
    band: tuple[float, float, float, float] | None  # x, y, w, h
    color: str
    fill: str
    lines: list[TextLine]


@dataclass(slots=True)
class Connector:
    parent: str
    child: str
    points: list[Point]


@dataclass(slots=True)
class LinkLine:
    id: str
    kind: LinkKind
    color: str
    dash: tuple[float, ...]
    start: Point
    end: Point
    directed: bool
    label: str
    label_at: Point     # centre of the label
    label_w: float


@dataclass
class Chart:
    boxes: list[Box] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    links: list[LinkLine] = field(default_factory=list)
    bounds: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # x0, y0, x1, y1
    by_id: dict[str, Box] = field(default_factory=dict)

    @property
    def width(self) -> float:
        return self.bounds[2] - self.bounds[0]

    @property
    def height(self) -> float:
        return self.bounds[3] - self.bounds[1]


def format_number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def detail_text(leader: str, headcount: float, lang: str) -> str:
    parts = [leader.strip()] if leader.strip() else []
    if headcount:
        parts.append(f"{format_number(headcount)} 人" if lang == "zh" else f"{format_number(headcount)} staff")
    return " · ".join(parts)


def label_box(box: Box, name: str, detail: str, font: ChartFont) -> None:
    """Fit the name (wrapped, shrunk if needed) and the detail line inside the box."""
    measure = font.width
    pad = box.h / 2 * 0.6 if box.shape == "pill" else st.PAD_X
    left = box.x + pad + (st.BAND + 2 if box.band and box.shape == "square" else 0)
    right = box.x + box.w - pad
    inner_w = right - left
    cx = (left + right) / 2
    top = box.y + st.PAD_TOP
    avail = box.h - st.PAD_TOP - st.PAD_BOTTOM
    detail_h = st.DETAIL_SIZE * st.LINE_GAP if detail else 0.0
    name_h = avail - detail_h
    size = st.NAME_SIZE
    lines: list[str] = []
    while True:
        max_lines = max(1, int(name_h // (size * st.LINE_GAP)))
        lines = wrap(name, inner_w, size, measure)
        if len(lines) <= max_lines:
            break
        if size <= st.NAME_MIN:
            lines = fit_lines(name, inner_w, max_lines, size, measure)
            break
        size -= 1.0
    block = len(lines) * size * st.LINE_GAP + detail_h
    y = top + max(0.0, (avail - block) / 2)
    out: list[TextLine] = []
    for text in lines:
        out.append(TextLine(text, size, cx, y + size * 0.9, st.TEXT))
        y += size * st.LINE_GAP
    if detail:
        text = ellipsize(detail, inner_w, st.DETAIL_SIZE, measure)
        out.append(TextLine(text, st.DETAIL_SIZE, cx, y + st.DETAIL_SIZE * 0.95, st.DETAIL))
    box.lines = out


def make_box(dept_id: str, name: str, kind: DeptKind, color: str, x: float, y: float,
             w: float = BOX_W, h: float = BOX_H) -> Box:
    shape, dashed, band = st.KIND_STYLE[kind]
    band_rect = None
    if band == "top":
        inset = st.CHAMFER if shape == "chamfer" else st.RADIUS
        band_rect = (x + inset, y + 2.5, w - 2 * inset, st.BAND)
    elif band == "left":
        band_rect = (x + 2.5, y + 2.5, st.BAND + 2, h - 5)
    return Box(dept_id, name, x, y, w, h, kind, shape, dashed, band_rect, color,
               st.tint(color), [])


def _connectors(design: Design, by_id: dict[str, Box]) -> list[Connector]:
    """Orthogonal parent -> child lines: one bus per parent, or a side rail for a stacked column."""
    out: list[Connector] = []
    for parent_id, parent in by_id.items():
        kids = [by_id[k] for k in design.child_ids(parent_id)]
        if not kids:
            continue
        p_bottom = parent.y + parent.h
        px = parent.x + parent.w / 2
        below = [k for k in kids if k.y > p_bottom + 1]
        stacked = (
            len(below) >= 2 and len(below) == len(kids)
            and max(k.x for k in kids) - min(k.x for k in kids) < 1
            and parent.x < kids[0].x < px
        )
        if stacked:
            rail = parent.x + (kids[0].x - parent.x) / 2
            for k in kids:
                mid = k.y + k.h / 2
                out.append(Connector(parent_id, k.id, [(rail, p_bottom), (rail, mid), (k.x, mid)]))
            continue
        bus = p_bottom + min((k.y - p_bottom) / 2 for k in below) if below else None
        for k in kids:
            kx = k.x + k.w / 2
            if k.y > p_bottom + 1 and bus is not None:
                pts = [(px, p_bottom), (px, bus), (kx, bus), (kx, k.y)]
            elif k.y + k.h < parent.y - 1:  # child drawn above its parent
                mid = k.y + k.h + (parent.y - k.y - k.h) / 2
                pts = [(px, parent.y), (px, mid), (kx, mid), (kx, k.y + k.h)]
            else:  # side by side: leave from the side facing the child
                py = parent.y + parent.h / 2
                ky = k.y + k.h / 2
                if kx >= px:
                    sx, ex = parent.x + parent.w, k.x
                else:
                    sx, ex = parent.x, k.x + k.w
                mx = (sx + ex) / 2
                pts = [(sx, py), (mx, py), (mx, ky), (ex, ky)]
            if pts[0] == pts[1]:
                pts = pts[1:]
            out.append(Connector(parent_id, k.id, pts))
    return out


def _clip_to_box(box: Box, towards: Point) -> Point:
    """Where the line from the box centre to `towards` leaves the box."""
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    tx = (box.w / 2) / abs(dx) if dx else math.inf
    ty = (box.h / 2) / abs(dy) if dy else math.inf
    t = min(tx, ty, 1.0)
    return cx + dx * t, cy + dy * t


def _links(design: Design, by_id: dict[str, Box], font: ChartFont) -> list[LinkLine]:
    out: list[LinkLine] = []
    for link in design.links.values():
        a, b = by_id.get(link.source), by_id.get(link.target)
        if a is None or b is None:
            continue
        ca = (a.x + a.w / 2, a.y + a.h / 2)
        cb = (b.x + b.w / 2, b.y + b.h / 2)
        start, end = _clip_to_box(a, cb), _clip_to_box(b, ca)
        color, dash = st.LINK_STYLE[link.kind]
        label = ellipsize(link.label.replace("\n", " "), 2 * BOX_W, st.LABEL_SIZE, font.width)
        label_w = font.width(label, st.LABEL_SIZE) if label else 0.0
        mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        if label and math.dist(start, end) < label_w + 8:
            # No room on the visible part of the line: put the label beside the gap, off the boxes.
            if abs(cb[0] - ca[0]) >= abs(cb[1] - ca[1]):
                mid = (mid[0], min(a.y, b.y) - st.LABEL_SIZE)
            else:
                mid = (max(a.x + a.w, b.x + b.w) + label_w / 2 + 4, mid[1])
        out.append(LinkLine(link.id, link.kind, color, dash, start, end, link.directed, label,
                            mid, label_w))
    return out


def never_arranged(design: Design) -> bool:
    """All boxes on one spot (e.g. fresh from an import): printing that pile helps no one."""
    depts = iter(design.departments.values())
    first = next(depts, None)
    if first is None or len(design.departments) < 2:
        return False
    return all(d.x == first.x and d.y == first.y for d in depts)


def build_chart(design: Design, font: ChartFont, *, auto_layout: bool = False,
                lang: str | None = None) -> Chart:
    """The chart of `design`: positions as arranged, or from the tidy layout when asked."""
    lang = lang or design.language
    positions: dict[str, tuple[float, float]] | None = None
    if auto_layout or never_arranged(design):
        from ..layout import tidy_layout

        positions = tidy_layout(design)
    chart = Chart()
    for dept in design.departments.values():
        x, y = positions[dept.id] if positions else (dept.x, dept.y)
        box = make_box(dept.id, dept.name, dept.kind, dept.color, x, y)
        label_box(box, dept.name, detail_text(dept.leader, dept.headcount, lang), font)
        chart.boxes.append(box)
        chart.by_id[dept.id] = box
    chart.connectors = _connectors(design, chart.by_id)
    chart.links = _links(design, chart.by_id, font)
    if chart.boxes:
        x0 = min(b.x for b in chart.boxes)
        y0 = min(b.y for b in chart.boxes)
        x1 = max(b.x + b.w for b in chart.boxes)
        y1 = max(b.y + b.h for b in chart.boxes)
        for link in chart.links:  # labels may stick out between far-apart boxes
            if link.label:
                lx, ly = link.label_at
                x0, x1 = min(x0, lx - link.label_w / 2 - 2), max(x1, lx + link.label_w / 2 + 2)
                y0, y1 = min(y0, ly - st.LABEL_SIZE), max(y1, ly + st.LABEL_SIZE)
        chart.bounds = (x0, y0, x1, y1)
    return chart
