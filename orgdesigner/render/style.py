"""The look of the printed chart, shared by the PDF, SVG and PNG backends.

It follows the editor canvas (`ui/canvas/style.py`): white boxes tinted with
the department colour, a colour band whose place and the outline's shape tell
the kind apart, grey reporting lines, and links coloured and dashed by kind.
Sizes are scene units (1 unit = 1 pt at scale 1).
"""

from __future__ import annotations

import math

from ..entities import DeptKind, LinkKind

NAME_SIZE = 12.0  # the largest name font; shrinks to NAME_MIN for long names
NAME_MIN = 8.0
NAME_STROKE = 0.035  # a thin outline (x font size) makes names semi-bold like the canvas
DETAIL_SIZE = 9.0  # leader and headcount line
CAPTION_SIZE = 7.0  # the kind caption at the top right of non-department boxes
LINE_GAP = 1.18  # line height / font size
PAD = 8.0
BAND = 6.0
BORDER_W = 1.2
CONNECTOR_W = 1.6
LINK_W = 1.6
LABEL_SIZE = 8.0
LABEL_MIN = 6.5  # a link label shrinks to this before it is shortened
TEXT = "#1f2937"
MUTED = "#4b5563"
BORDER = "#9ca3af"
CONNECTOR = "#6b7280"
PAPER = "#ffffff"
FILL_ALPHA = 22 / 255  # the box colour over white, as on the canvas

# outline shape, corner size, dashed border, border width, band ("top", "left", "thick")
KIND_STYLE: dict[DeptKind, tuple[str, float, bool, float, str]] = {
    DeptKind.DEPARTMENT: ("round", 6.0, False, BORDER_W, "top"),
    DeptKind.TEAM: ("round", 16.0, False, BORDER_W, "left"),
    DeptKind.COMMITTEE: ("octagon", 12.0, True, BORDER_W, "top"),
    DeptKind.BUSINESS_UNIT: ("round", 6.0, False, 2.2, "thick"),
    DeptKind.OFFICE: ("square", 0.0, False, BORDER_W, "top"),
}
BOX_DASH = (4.8, 2.4)  # committee border

# colour, dash pattern (on, off, ...) in scene units: Qt's dash styles at width 1.6
LINK_STYLE: dict[LinkKind, tuple[str, tuple[float, ...]]] = {
    LinkKind.COLLABORATION: ("#0d9488", (6.4, 3.2)),
    LinkKind.COMMITTEE: ("#7c3aed", (6.4, 3.2, 1.6, 3.2)),
    LinkKind.DOTTED: ("#6b7280", (1.6, 3.2)),
}
LINK_BEND = 60.0  # links are gentle curves: bend = min(LINK_BEND, length * 0.15)


def hex_rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def tint(color: str, alpha: float = FILL_ALPHA) -> str:
    """`color` at `alpha` over white: the box fill."""
    r, g, b = hex_rgb(color)
    mix = [round(255 + (c - 255) * alpha) for c in (r, g, b)]
    return "#%02x%02x%02x" % tuple(mix)


def darker(color: str, factor: float = 1.3) -> str:
    """Like QColor.darker(130): link label text."""
    return "#%02x%02x%02x" % tuple(round(c / factor) for c in hex_rgb(color))


def outline(
    shape: str, corner: float, w: float, h: float, steps: int = 6
) -> list[tuple[float, float]]:
    """The shape's outline as a polygon at the origin (arcs as `steps` segments)."""
    if shape == "square" or corner <= 0:
        return [(0, 0), (w, 0), (w, h), (0, h)]
    c = corner
    if shape == "octagon":
        return [(c, 0), (w - c, 0), (w, c), (w, h - c), (w - c, h), (c, h), (0, h - c), (0, c)]
    pts: list[tuple[float, float]] = []
    for cx, cy, start in ((w - c, c, -90), (w - c, h - c, 0), (c, h - c, 90), (c, c, 180)):
        for i in range(steps + 1):
            a = math.radians(start + 90 * i / steps)
            pts.append((cx + c * math.cos(a), cy + c * math.sin(a)))
    return pts


def clip_polygon(
    points: list[tuple[float, float]], x0: float, y0: float, x1: float, y1: float
) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the part of a convex polygon inside an axis-aligned rectangle."""

    def cut(pts, inside, cross):
        out = []
        for i, p in enumerate(pts):
            q = pts[i - 1]
            if inside(p):
                if not inside(q):
                    out.append(cross(q, p))
                out.append(p)
            elif inside(q):
                out.append(cross(q, p))
        return out

    def at_x(x):
        return lambda a, b: (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def at_y(y):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    pts = points
    for inside, cross in (
        (lambda p: p[0] >= x0, at_x(x0)),
        (lambda p: p[0] <= x1, at_x(x1)),
        (lambda p: p[1] >= y0, at_y(y0)),
        (lambda p: p[1] <= y1, at_y(y1)),
    ):
        pts = cut(pts, inside, cross) if pts else pts
    return pts


_BANDS: dict[tuple[DeptKind, float, float], list[tuple[float, float]]] = {}


def band_polygon(kind: DeptKind, w: float, h: float) -> list[tuple[float, float]]:
    """The colour band of a box at the origin, following the box's corners."""
    key = (kind, w, h)
    if key not in _BANDS:
        shape, corner, _, border_w, band = KIND_STYLE[kind]
        # Inside the border's inner edge, so the border can be stroked first, in the same pass as the fill.
        i = border_w / 2
        poly = [(x + i, y + i) for x, y in outline(shape, max(corner - i, 0), w - 2 * i, h - 2 * i)]
        if band == "left":
            _BANDS[key] = clip_polygon(poly, 0, 0, BAND + 4, h)
        elif band == "thick":
            _BANDS[key] = clip_polygon(poly, 0, 0, w, BAND * 2.5)
        else:
            _BANDS[key] = clip_polygon(poly, 0, 0, w, BAND)
    return _BANDS[key]
