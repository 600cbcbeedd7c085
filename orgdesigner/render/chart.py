"""A Qt-free model of the drawn chart: boxes with fitted labels, connectors, links.

Built once from a design; the PDF, SVG and PNG backends only draw what is
here, so the three look the same. Coordinates are scene units, y down (as on
the canvas); text lines carry their centre x and baseline y.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..display import headcount_text
from ..design import Design
from ..entities import DeptKind, LinkKind
from ..fonts import ChartFont
from ..geometry import BOX_H, BOX_W
from . import style as st
from .labels import text
from ..routing import LabelSpace, Obstacles, Rect, place_label, route_all, route_link
from ..staffunits import is_beside, staff_beside, staff_line
from .wrap import ellipsize, fit_lines, wrap

Point = tuple[float, float]


@dataclass(slots=True)
class TextLine:
    text: str
    size: float
    x: float  # centre (anchor "middle") or right end (anchor "end")
    y: float  # baseline
    color: str
    bold: bool = False
    anchor: str = "middle"


@dataclass(slots=True)
class Box:
    id: str
    name: str
    x: float
    y: float
    w: float
    h: float
    kind: DeptKind
    shape: str  # round, octagon, square
    corner: float  # corner radius / cut
    dashed: bool
    border_w: float
    band: list[Point]  # the colour band polygon, scene coordinates
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
    control: Point  # quadratic curve control point (the canvas draws gentle curves)
    directed: bool
    label: str
    label_at: Point  # centre of the label
    label_w: float
    label_color: str = "#000000"
    route: list[Point] | None = (
        None  # the orthogonal route around boxes (routing.py); None: a curve
    )
    label_size: float = st.LABEL_SIZE

    def curve_points(self, steps: int = 16) -> list[Point]:
        """The line as a polyline (for PNG and for bounding boxes)."""
        if self.route:
            return list(self.route)
        (ax, ay), (qx, qy), (bx, by) = self.start, self.control, self.end
        out = []
        for i in range(steps + 1):
            t = i / steps
            u = 1 - t
            out.append(
                (u * u * ax + 2 * u * t * qx + t * t * bx, u * u * ay + 2 * u * t * qy + t * t * by)
            )
        return out

    def piece(self, route: list[Point], directed: bool) -> LinkLine:
        """A copy drawing only part of the route (a tile's piece), built field by field:
        `dataclasses.replace` costs more than the drawing on a tiled chart of 10,000 units."""
        return LinkLine(
            self.id,
            self.kind,
            self.color,
            self.dash,
            self.start,
            self.end,
            self.control,
            directed,
            self.label,
            self.label_at,
            self.label_w,
            self.label_color,
            route,
            self.label_size,
        )

    def arrow(self) -> list[Point]:
        """The arrow head at the end (10 long, 10 wide), along the curve's last tangent."""
        (bx, by), (qx, qy) = self.end, self.control
        if self.route and len(self.route) >= 2:
            (qx, qy), (bx, by) = self.route[-2], self.route[-1]
        dx, dy = bx - qx, by - qy
        d = math.hypot(dx, dy) or 1.0
        ux, uy = dx / d, dy / d
        return [
            (bx, by),
            (bx - 10 * ux + 5 * uy, by - 10 * uy - 5 * ux),
            (bx - 10 * ux - 5 * uy, by - 10 * uy + 5 * ux),
        ]


@dataclass
class Chart:
    boxes: list[Box] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    links: list[LinkLine] = field(default_factory=list)
    bounds: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # x0, y0, x1, y1
    by_id: dict[str, Box] = field(default_factory=dict)
    # links with no route around the boxes within the router's bounds: listed, not drawn through boxes
    unrouted: list[str] = field(default_factory=list)

    @property
    def width(self) -> float:
        return self.bounds[2] - self.bounds[0]

    @property
    def height(self) -> float:
        return self.bounds[3] - self.bounds[1]


def detail_text(leader: str, headcount: float, lang: str) -> str:
    parts = [leader.strip()] if leader.strip() else []
    if headcount:
        parts.append(headcount_text(headcount, lang))
    return " · ".join(parts)


def label_box(box: Box, name: str, detail: str, font: ChartFont, caption: str = "") -> None:
    """Fit the kind caption, the name (wrapped, shrunk if needed) and the detail line in the box."""
    measure = font.width
    _, _, _, _, band = st.KIND_STYLE[box.kind]
    left = box.x + st.PAD + (st.BAND + 4 if band == "left" else 0)
    right = box.x + box.w - st.PAD
    inner_w = right - left
    cx = (left + right) / 2
    band_h = {"top": st.BAND, "thick": st.BAND * 2.5}.get(band, 0.0)
    top = box.y + band_h + 4
    out: list[TextLine] = []
    if caption:
        text = ellipsize(caption, inner_w, st.CAPTION_SIZE, measure)
        if band == "thick":  # white on the thick band, as on the canvas
            out.append(
                TextLine(
                    text,
                    st.CAPTION_SIZE,
                    right,
                    box.y + band_h / 2 + st.CAPTION_SIZE * 0.35,
                    st.PAPER,
                    anchor="end",
                )
            )
        else:
            out.append(
                TextLine(
                    text,
                    st.CAPTION_SIZE,
                    right,
                    top + st.CAPTION_SIZE * 0.8,
                    st.MUTED,
                    anchor="end",
                )
            )
            top += st.CAPTION_SIZE + 2
    avail = box.y + box.h - 5 - top
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
    for text in lines:
        out.append(TextLine(text, size, cx, y + size * 0.9, st.TEXT, bold=True))
        y += size * st.LINE_GAP
    if detail:
        text = ellipsize(detail, inner_w, st.DETAIL_SIZE, measure)
        out.append(TextLine(text, st.DETAIL_SIZE, cx, y + st.DETAIL_SIZE * 0.95, st.MUTED))
    box.lines = out


def make_box(
    dept_id: str,
    name: str,
    kind: DeptKind,
    color: str,
    x: float,
    y: float,
    w: float = BOX_W,
    h: float = BOX_H,
) -> Box:
    shape, corner, dashed, border_w, _ = st.KIND_STYLE[kind]
    band = [(x + px, y + py) for px, py in st.band_polygon(kind, w, h)]
    return Box(
        dept_id,
        name,
        x,
        y,
        w,
        h,
        kind,
        shape,
        corner,
        dashed,
        border_w,
        band,
        color,
        st.tint(color),
        [],
    )


def _connectors(design: Design, by_id: dict[str, Box]) -> list[Connector]:
    """Orthogonal parent -> child lines: one bus per parent, or a side rail for a stacked column."""
    out: list[Connector] = []
    for parent_id, parent in by_id.items():
        kids = [by_id[k] for k in design.child_ids(parent_id)]
        if not kids:
            continue
        staff = _staff_beside(design, parent, kids)
        if staff:  # a short line to each, and the other lines as if the column were not there
            for k in staff:
                out.append(Connector(parent_id, k.id, staff_line(_xywh(parent), _xywh(k))))
            kids = [k for k in kids if k not in staff]
            if not kids:
                continue
        p_bottom = parent.y + parent.h
        px = parent.x + parent.w / 2
        below = [k for k in kids if k.y > p_bottom + 1]
        stacked = (
            len(below) >= 2
            and len(below) == len(kids)
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


def _xywh(box: Box) -> tuple[float, float, float, float]:
    return (box.x, box.y, box.w, box.h)


def _staff_beside(design: Design, parent: Box, kids: list[Box]) -> list[Box]:
    """The parent's staff units that stand in its column (a unit dragged elsewhere by hand
    gets the ordinary line)."""
    if not any(design.departments[k.id].staff for k in kids):
        return []
    column = set(staff_beside(design, [k.id for k in kids]))
    return [k for k in kids if k.id in column and is_beside(_xywh(parent), _xywh(k))]


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


def _rect(box: Box) -> Rect:
    return box.x, box.y, box.w, box.h


def _links(
    design: Design,
    by_id: dict[str, Box],
    font: ChartFont,
    links=None,
    obstacles: Obstacles | None = None,
    unrouted: list[str] | None = None,
) -> list[LinkLine]:
    """Links routed around the boxes they do not connect, labels where they cover nothing.

    A link the router finds no free route for is left out (its id appended to `unrouted`).
    """
    chosen = [
        link
        for link in (design.links.values() if links is None else links)
        if link.source in by_id and link.target in by_id and link.source != link.target
    ]
    if not chosen:
        return []
    if obstacles is None:
        obstacles = Obstacles({k: _rect(b) for k, b in by_id.items()})
    rects = {k: _rect(b) for k, b in by_id.items()}
    routes, _ = route_all(
        rects, [(link.id, link.source, link.target) for link in chosen], obstacles=obstacles
    )
    space = LabelSpace()
    out: list[LinkLine] = []
    for link in chosen:
        route = routes[link.id]
        if route is None:
            if unrouted is not None:
                unrouted.append(link.id)
            continue
        color, dash = st.LINK_STYLE[link.kind]
        full = link.label.replace("\n", " ")
        label, size, at, label_w = "", st.LABEL_SIZE, route[len(route) // 2], 0.0
        if (
            full
        ):  # full size, then smaller, then shortened (the tooltip and link list keep it whole)
            for size, limit in (
                (st.LABEL_SIZE, 2 * BOX_W),
                (st.LABEL_MIN, 2 * BOX_W),
                (st.LABEL_MIN, BOX_W / 2),
            ):
                label = ellipsize(full, limit, size, font.width)
                label_w = font.width(label, size)
                spot = place_label(route, label_w + 6, size * 1.5, obstacles, space)
                if spot is not None:
                    at = spot
                    break
            else:
                label, label_w = "", 0.0
        out.append(
            LinkLine(
                link.id,
                link.kind,
                color,
                dash,
                route[0],
                route[-1],
                route[len(route) // 2],
                link.directed,
                label,
                at,
                label_w,
                st.darker(color),
                route,
                size,
            )
        )
    return out


def _unblock_connectors(
    connectors: list[Connector], by_id: dict[str, Box], obstacles: Obstacles
) -> None:
    """A reporting elbow that would pass behind a box in between is routed around it."""
    for conn in connectors:
        ends = (conn.parent, conn.child)
        if obstacles.path_blocked(conn.points, ends, 0.5):
            around = route_link(
                _rect(by_id[conn.parent]), _rect(by_id[conn.child]), obstacles, ends
            )
            if around is not None:  # else the elbow stays: a reporting line is always drawn
                conn.points = around


def never_arranged(design: Design) -> bool:
    """All boxes on one spot (e.g. fresh from an import): printing that pile helps no one."""
    depts = iter(design.departments.values())
    first = next(depts, None)
    if first is None or len(design.departments) < 2:
        return False
    return all(d.x == first.x and d.y == first.y for d in depts)


def build_chart(
    design: Design,
    font: ChartFont,
    *,
    auto_layout: bool = False,
    lang: str | None = None,
    route: bool = True,
) -> Chart:
    """The chart of `design`: positions as arranged, or from the tidy layout when asked.

    route=False gives the boxes only: the chart book draws each page's own reporting lines
    and routes its links (indexing and routing the whole chart's lines was half the work).
    """
    lang = lang or design.language
    positions: dict[str, tuple[float, float]] | None = None
    if auto_layout or never_arranged(design):
        from ..layout import tidy_layout

        positions = tidy_layout(design, compact=True)  # leaf-only branches stacked (4 or more)
    chart = Chart()
    for dept in design.departments.values():
        x, y = positions[dept.id] if positions else (dept.x, dept.y)
        box = make_box(dept.id, dept.name, dept.kind, dept.color, x, y)
        caption = "" if dept.kind is DeptKind.DEPARTMENT else text(dept.kind.value, lang)
        label_box(box, dept.name, detail_text(dept.leader, dept.headcount, lang), font, caption)
        chart.boxes.append(box)
        chart.by_id[dept.id] = box
    if route:
        chart.connectors = _connectors(design, chart.by_id)
        obstacles = Obstacles({k: _rect(b) for k, b in chart.by_id.items()})
        _unblock_connectors(chart.connectors, chart.by_id, obstacles)
        chart.links = _links(
            design, chart.by_id, font, obstacles=obstacles, unrouted=chart.unrouted
        )
    if chart.boxes:
        x0 = min(b.x for b in chart.boxes)
        y0 = min(b.y for b in chart.boxes)
        x1 = max(b.x + b.w for b in chart.boxes)
        y1 = max(b.y + b.h for b in chart.boxes)
        for link in chart.links:  # routes and labels may stick out of the boxes' area
            for mx, my in link.curve_points(4):
                x0, x1, y0, y1 = min(x0, mx), max(x1, mx), min(y0, my), max(y1, my)
            if link.label:
                lx, ly = link.label_at
                x0, x1 = min(x0, lx - link.label_w / 2 - 2), max(x1, lx + link.label_w / 2 + 2)
                y0, y1 = min(y0, ly - link.label_size), max(y1, ly + link.label_size)
        chart.bounds = (x0, y0, x1, y1)
    return chart
