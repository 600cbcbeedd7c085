"""The quick curve a link shows before its route arrives, and while one of its boxes is dragged.

Plain numbers (boxes as x, y, width, height), no Qt objects: a drag frame computes it
for every link of the dragged box (100 and more) and a QPointF per step cost more than
the drawing (drag_layer.py).
"""

from __future__ import annotations

import math

from orgdesigner.geometry import arrow_head

Rect = tuple[float, float, float, float]  # x, y, width, height
Curve = tuple[float, float, float, float, float, float, float, float]  # a, c1, c2, b


def rect_tuple(rect) -> Rect:
    """A QRectF as plain numbers."""
    return rect.x(), rect.y(), rect.width(), rect.height()


def _border(cx: float, cy: float, w: float, h: float, tx: float, ty: float):
    """Where the line from a box's centre (cx, cy) toward (tx, ty) leaves the box."""
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    sx = (w / 2) / abs(dx) if dx else math.inf
    sy = (h / 2) / abs(dy) if dy else math.inf
    s = min(sx, sy)
    return cx + dx * s, cy + dy * s


def curve_points(s: Rect, t: Rect) -> Curve | tuple[float, float]:
    """A cubic from box `s` to box `t` (a, c1, c2, b): a gentle bow between their borders, or
    an arc under the row when the boxes sit side by side (so it does not cross the boxes in
    between); just the start point when the borders touch (no room for a curve)."""
    sx, sy, sw, sh = s
    tx, ty, tw, th = t
    scx, scy, tcx, tcy = sx + sw / 2, sy + sh / 2, tx + tw / 2, ty + th / 2
    if abs(scy - tcy) < (sh + th) / 4 and abs(scx - tcx) > sw:
        dx = tcx - scx
        spread = max(-sw / 3, min(sw / 3, dx * 0.1))
        ax, ay, bx, by = scx + spread, sy + sh, tcx - spread, ty + th
        bottom = max(ay, by) + min(40.0 + abs(dx) * 0.18, 200.0)
        return ax, ay, ax, bottom, bx, bottom, bx, by
    ax, ay = _border(scx, scy, sw, sh, tcx, tcy)
    bx, by = _border(tcx, tcy, tw, th, scx, scy)
    dx, dy = bx - ax, by - ay
    length = math.hypot(dx, dy)
    if length < 1:
        return ax, ay
    k = min(60.0, length * 0.15) / length
    cx, cy = (ax + bx) / 2 - dy * k, (ay + by) / 2 + dx * k
    return ax, ay, cx, cy, cx, cy, bx, by


def middle(c: Curve) -> tuple[float, float]:
    """The curve's point at t = 0.5 (where the label goes)."""
    return (
        (c[0] + 3 * c[2] + 3 * c[4] + c[6]) / 8,
        (c[1] + 3 * c[3] + 3 * c[5] + c[7]) / 8,
    )


def curve_arrow(c: Curve) -> list[tuple[float, float]]:
    """The head of a directed link at the curve's end, along its last tangent."""
    ax, ay, _, _, qx, qy, bx, by = c
    if abs(bx - qx) + abs(by - qy) <= 0.5:  # the control point is the end: along the chord
        qx, qy = ax, ay
    return arrow_head((qx, qy), (bx, by))
