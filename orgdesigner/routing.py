"""Link routing and label placement: one geometry for the canvas, the PDF, SVG, PNG and slides.

Collaboration, committee and dotted links are routed orthogonally around the
boxes they do not connect; each link leaves its box at a port spread along the
side by the link's lane, so parallel links to one box run apart. Routes are
tried from cheap shapes (L and Z through free channels) in order of length and
bends; a sparse orthogonal visibility search (the grid of box edges near the
two ends, as libavoid does) is the fallback. Labels go where they cover no box
and no other label: along the route, else shrunk, else nearby.

Coordinates are scene units, y down; a rect is (x, y, w, h).
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from typing import Iterable

from .boxindex import (  # noqa: F401  (re-exported: the router's callers ask it about boxes too)
    CLEAR,
    Obstacles,
    clip_span,
    Point,
    Rect,
    inflate,
    rects_overlap,
    segment_hits_rect,
)

STUB = 14.0  # a route leaves its box straight for this long
LANE = 12.0  # spacing of ports (and channels) of parallel links
PORT_ASIDE = 30.0  # top and bottom ports keep this far from the middle (the reporting line's end)
BEND = 40.0  # cost of a bend, in scene units of length
REACH = 300.0  # channels are looked for this far around a link's ends
SMALL_WINDOW = 1200.0 * 800.0
SEARCH_MAX = (
    600  # boxes in the search window: beyond this many the search gives up (the link is listed)
)
SEARCH_GROWS = (200.0, 800.0, 3000.0)  # the search window around the two ends, widened in turn
SEARCH_STEPS = 6000  # grid points the search may settle per window
SEARCH_WEIGHT = 2.0  # > 1: greedier towards the goal (quick, slightly longer routes)
LABEL_PAD = 3.0


# ------------------------------------------------------------------ link routes
SIDES = ("top", "bottom", "left", "right")
NORMAL = {"top": (0, -1), "bottom": (0, 1), "left": (-1, 0), "right": (1, 0)}


def lane_offset(lane: int) -> float:
    """0, +1, -1, +2, -2 ... lanes apart: parallel links fan out from the middle of a side."""
    if lane <= 0:
        return 0.0
    k = (lane + 1) // 2
    return LANE * k * (1 if lane % 2 else -1)


def port(r: Rect, side: str, lane: int = 0) -> Point:
    """Where a link in `lane` meets the side: on top and bottom, beside the middle, where the
    reporting lines meet the box (a link ending there would run down the reporting line)."""
    x, y, w, h = r
    if side in ("top", "bottom"):
        k = lane // 2
        off = (PORT_ASIDE + LANE * k) * (1 if lane % 2 == 0 else -1)
        off = max(-w / 2 + 8, min(w / 2 - 8, off))
        return x + w / 2 + off, (y if side == "top" else y + h)
    off = max(-h / 2 + 6, min(h / 2 - 6, lane_offset(lane) / 2))
    return (x if side == "left" else x + w), y + h / 2 + off


def _simplify(points: list[Point]) -> list[Point]:
    out: list[Point] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < 1e-6 and abs(out[-1][1] - p[1]) < 1e-6:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if (abs(ax - bx) < 1e-6 and abs(bx - p[0]) < 1e-6) or (
                abs(ay - by) < 1e-6 and abs(by - p[1]) < 1e-6
            ):
                out[-1] = p
                continue
        out.append(p)
    return out


def _cost(points: list[Point]) -> float:
    """Length plus a price per bend (collinear and repeated points are no bends)."""
    length = 0.0
    bends = 0
    last_axis = -1
    ax, ay = points[0]
    for bx, by in points[1:]:
        dx, dy = abs(bx - ax), abs(by - ay)
        if dx > 1e-6 or dy > 1e-6:
            length += dx + dy
            axis = 0 if dx > dy else 1
            if last_axis != -1 and axis != last_axis:
                bends += 1
            last_axis = axis
        ax, ay = bx, by
    return length + BEND * bends


def _side_pairs(a: Rect, b: Rect) -> list[tuple[str, str]]:
    """Side pairs worth trying, the facing ones first."""
    acx, acy = a[0] + a[2] / 2, a[1] + a[3] / 2
    bcx, bcy = b[0] + b[2] / 2, b[1] + b[3] / 2
    horiz = ("right", "left") if bcx >= acx else ("left", "right")
    vert = ("bottom", "top") if bcy >= acy else ("top", "bottom")
    pairs = [
        vert,
        horiz,
        (vert[0], horiz[1]),
        (horiz[0], vert[1]),
        ("bottom", "bottom"),
        ("top", "top"),
        (horiz[0], horiz[0]),
        (horiz[1], horiz[1]),
    ]
    seen: list[tuple[str, str]] = []
    for p in pairs:
        if p not in seen:
            seen.append(p)
    return seen


def _candidates(
    p0: Point, s0: str, q0: Point, s1: str, channels_x: list[float], channels_y: list[float]
) -> list[list[Point]]:
    """L and Z shapes through one channel, from the port's stub to the other port's stub."""
    n0, n1 = NORMAL[s0], NORMAL[s1]
    p1 = (p0[0] + n0[0] * STUB, p0[1] + n0[1] * STUB)
    q1 = (q0[0] + n1[0] * STUB, q0[1] + n1[1] * STUB)
    middles = [[(p1[0], q1[1])], [(q1[0], p1[1])]]
    for cx in channels_x:
        middles.append([(cx, p1[1]), (cx, q1[1])])
    for cy in channels_y:
        middles.append([(p1[0], cy), (q1[0], cy)])
    return [[p0, p1, *m, q1, q0] for m in middles]  # simplified when tried


def _channels(lo: float, hi: float, edges: list[float], lane: int) -> list[float]:
    """Coordinates to run along: the middle, and just outside box edges near the span."""
    mid = (lo + hi) / 2 + lane_offset(lane) / 2
    out = [mid]
    for e in edges:
        out.append(e)
    out.sort(key=lambda c: abs(c - mid))
    return out[:7]


def _quick_route(a: Rect, b: Rect, lane_a: int, lane_b: int, ok) -> list[Point] | None:
    """Straight, L and Z routes between the facing sides (no channels looked up): free or None."""
    cands: list[tuple[float, list[Point]]] = []
    for s0, s1 in _side_pairs(a, b)[:4]:
        p0, q0 = port(a, s0, lane_a), port(b, s1, lane_b)
        mid = lane_offset(lane_a) / 2
        for pts in _candidates(
            p0, s0, q0, s1, [(p0[0] + q0[0]) / 2 + mid], [(p0[1] + q0[1]) / 2 + mid]
        ):
            cands.append((_cost(pts), pts))
    cands.sort(key=lambda c: c[0])
    for _, raw in cands:
        if ok(raw):  # the raw shape (repeated and collinear points are harmless): simplified once
            return _simplify(raw)
    return None


def route_link(
    a: Rect,
    b: Rect,
    obstacles: Obstacles,
    ignore: Iterable[str] = (),
    lane_a: int = 0,
    lane_b: int = 0,
) -> list[Point] | None:
    """An orthogonal route from box a to box b around every other box (ignore: a's and b's keys).

    None when no free route is found within the search's bounds: the caller lists the link
    instead of drawing it through boxes.
    """
    ignore = tuple(ignore)
    ends = (inflate(a, 0.5), inflate(b, 0.5))

    skip = frozenset(ignore)
    seen: dict[tuple[Point, Point], bool] = {}  # candidates share stubs and runs: ask once each

    def free(p: Point, q: Point, inner: bool) -> bool:
        key = (p, q)
        got = seen.get(key)
        if got is None:
            got = seen[key] = not obstacles.segment_blocked(p, q, skip)
        if not got or not inner:
            return got
        # the middle of a route may not cross its own two end boxes either
        return not (segment_hits_rect(p, q, ends[0]) or segment_hits_rect(p, q, ends[1]))

    def ok(points: list[Point]) -> bool:
        last = len(points) - 2
        return all(free(p, q, 0 < i < last) for i, (p, q) in enumerate(pairwise(points)))

    quick = _quick_route(
        a, b, lane_a, lane_b, ok
    )  # the direct shapes first: most links need no more
    if quick is not None:
        return quick
    x0 = min(a[0], b[0]) - 2 * STUB
    y0 = min(a[1], b[1]) - 2 * STUB
    x1 = max(a[0] + a[2], b[0] + b[2]) + 2 * STUB
    y1 = max(a[1] + a[3], b[1] + b[3]) + 2 * STUB
    window = (x0, y0, x1 - x0, y1 - y0)
    # Channels from the boxes around the two ends (and between them when that is a small area):
    # a long link runs along the free gaps next to its ends' rows and columns.
    keys = obstacles.near(inflate(a, REACH)) | obstacles.near(inflate(b, REACH))
    if window[2] * window[3] <= SMALL_WINDOW:
        keys |= obstacles.near(inflate(window, 60))
    near = [obstacles.rects[k] for k in keys if k not in ignore]
    margin = CLEAR + 6 + lane_offset(lane_a) / 3
    edges_x = [r[0] - margin for r in near] + [r[0] + r[2] + margin for r in near]
    edges_y = [r[1] - margin for r in near] + [r[1] + r[3] + margin for r in near]
    edges_x += [x0 - 2 * STUB, x1 + 2 * STUB]
    edges_y += [y0 - 2 * STUB, y1 + 2 * STUB]

    pairs = _side_pairs(a, b)
    for stage in (pairs[:4], pairs[4:]):  # the facing sides first; the detours only if needed
        cands: list[tuple[float, list[Point]]] = []
        for s0, s1 in stage:
            p0, q0 = port(a, s0, lane_a), port(b, s1, lane_b)
            chx = _channels(p0[0], q0[0], edges_x, lane_a)
            chy = _channels(p0[1], q0[1], edges_y, lane_a)
            for pts in _candidates(p0, s0, q0, s1, chx, chy):
                cands.append((_cost(pts), pts))
        cands.sort(key=lambda c: c[0])
        for _, raw in cands[:80]:
            if ok(raw):
                return _simplify(raw)
    return _search(a, b, obstacles, ignore, lane_a, lane_b)


def _search(
    a: Rect, b: Rect, obstacles: Obstacles, ignore: tuple[str, ...], lane_a: int, lane_b: int
) -> list[Point] | None:
    """A* on the sparse grid of box edges around the two ends, the window widening until a route is found.

    The obstacle questions go to the chart's index, so the window's size costs
    only its grid lines; the search is weighted towards the goal (a route a
    little longer than the shortest, found quickly) and bounded by SEARCH_STEPS.
    """
    ends = set(ignore)
    key_a = ignore[0] if ignore else None
    key_b = ignore[1] if len(ignore) > 1 else None
    spans = (
        max(a[0] + a[2], b[0] + b[2]) - min(a[0], b[0]),
        max(a[1] + a[3], b[1] + b[3]) - min(a[1], b[1]),
    )
    grows = [g for g in SEARCH_GROWS if g < 2 * max(spans) + 4000] or [SEARCH_GROWS[0]]
    for grow in grows:
        x0 = min(a[0], b[0]) - grow
        y0 = min(a[1], b[1]) - grow
        x1 = max(a[0] + a[2], b[0] + b[2]) + grow
        y1 = max(a[1] + a[3], b[1] + b[3]) + grow
        if obstacles.crowded((x0, y0, x1 - x0, y1 - y0), SEARCH_MAX):
            return None
        keys = obstacles.near((x0, y0, x1 - x0, y1 - y0))
        found = _astar(
            a,
            b,
            obstacles,
            [obstacles.rects[k] for k in keys if k not in ends],
            (x0, y0, x1, y1),
            key_a,
            key_b,
            lane_a,
            lane_b,
        )
        if found:
            return found
    return None


def _astar(
    a: Rect,
    b: Rect,
    obstacles: Obstacles,
    rects: list[Rect],
    window: Rect,
    key_a: str | None,
    key_b: str | None,
    lane_a: int,
    lane_b: int,
) -> list[Point] | None:
    x0, y0, x1, y1 = window
    # a and b block the middle of the route too: the chart's index holds them under their keys
    # (the caller's ignore); without keys (a bare route_link call) they are added to the grid only.
    extra = Obstacles({"\0a": a, "\0b": b}) if key_a is None or key_b is None else None
    skip_a = (key_a, "\0a") if key_a else ("\0a",)
    skip_b = (key_b, "\0b") if key_b else ("\0b",)

    def blocked(p: Point, q: Point, skip: tuple = ()) -> bool:
        if obstacles.segment_blocked(p, q, skip, CLEAR):
            return True
        return extra is not None and extra.segment_blocked(p, q, skip, CLEAR)

    xs = {x0, x1}
    ys = {y0, y1}
    gap = CLEAR + 5
    for r in [*rects, a, b]:
        xs.update((r[0] - gap, r[0] + r[2] + gap))
        ys.update((r[1] - gap, r[1] + r[3] + gap))
    starts = {}
    goals = {}
    for side in SIDES:
        n = NORMAL[side]
        p = port(a, side, lane_a)
        starts[side] = (p, (p[0] + n[0] * STUB, p[1] + n[1] * STUB))
        q = port(b, side, lane_b)
        goals[(q[0] + n[0] * STUB, q[1] + n[1] * STUB)] = q
    for p1 in [s[1] for s in starts.values()] + list(goals):
        xs.add(p1[0])
        ys.add(p1[1])
    xs_s, ys_s = sorted(xs), sorted(ys)
    xi = {x: i for i, x in enumerate(xs_s)}
    yi = {y: i for i, y in enumerate(ys_s)}
    tx, ty = b[0] + b[2] / 2, b[1] + b[3] / 2
    heap: list = []
    best: dict = {}
    prev: dict = {}
    first_point = {}
    for side, (p, p1) in starts.items():
        if blocked(p, p1, skip_a):
            continue
        state = (xi[p1[0]], yi[p1[1]], NORMAL[side])
        best[state] = STUB
        prev[state] = None
        first_point[state] = p
        heapq.heappush(
            heap, (STUB + SEARCH_WEIGHT * (abs(p1[0] - tx) + abs(p1[1] - ty)), STUB, state)
        )
    steps = 0
    nx, ny = len(xs_s), len(ys_s)
    closed: dict[
        tuple[int, int, int, int], bool
    ] = {}  # grid edges asked about (from any direction)
    while heap and steps < SEARCH_STEPS:
        _, g, state = heapq.heappop(heap)
        if g > best.get(state, math.inf):
            continue
        steps += 1
        i, j, d = state
        here = (xs_s[i], ys_s[j])
        if here in goals and not blocked(here, goals[here], skip_b):
            path = [goals[here]]
            s = state
            while s is not None:
                path.append((xs_s[s[0]], ys_s[s[1]]))
                if prev[s] is None:
                    path.append(first_point[s])
                s = prev[s]
            return _simplify(path[::-1])
        for nd in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            if nd == (-d[0], -d[1]):
                continue
            ni, nj = i + nd[0], j + nd[1]
            if not (0 <= ni < nx and 0 <= nj < ny):
                continue
            there = (xs_s[ni], ys_s[nj])
            ng = g + abs(there[0] - here[0]) + abs(there[1] - here[1]) + (BEND if nd != d else 0)
            ns = (ni, nj, nd)
            if ng >= best.get(ns, math.inf):
                continue
            edge = (i, j, ni, nj) if (i, j) < (ni, nj) else (ni, nj, i, j)
            shut = closed.get(edge)
            if shut is None:
                shut = closed[edge] = blocked(here, there)
            if shut:
                continue
            best[ns] = ng
            prev[ns] = state
            heapq.heappush(
                heap, (ng + SEARCH_WEIGHT * (abs(there[0] - tx) + abs(there[1] - ty)), ng, ns)
            )
    return None


STUB_MARK = 3.0  # clearance of an unrouted link's stubs: room for the mark at their open end


def unrouted_stubs(
    a: Rect, b: Rect, obstacles: Obstacles, ignore: Iterable[str] = ()
) -> list[list[Point]]:
    """For a link with no route around the boxes: a short stub out of each end box, towards the
    other end, on the first side where it meets no other box (ignore: the two ends' keys).

    The canvas draws these (marked, with the reason in a tooltip) instead of a line through the
    boxes in between, which would read as a link to them; the printed chart lists such a link.
    A box walled in on every side gets an empty stub (its port alone).
    """
    skip = frozenset(ignore)
    pieces: list[list[Point]] = []
    for box, other in ((a, b), (b, a)):
        dx = other[0] + other[2] / 2 - box[0] - box[2] / 2
        dy = other[1] + other[3] / 2 - box[1] - box[3] / 2
        horiz, vert = ("right" if dx >= 0 else "left"), ("bottom" if dy >= 0 else "top")
        sides = [horiz, vert] if abs(dx) >= abs(dy) else [vert, horiz]  # towards the other end
        sides += [s for s in SIDES if s not in sides]
        found: list[Point] | None = None
        for length in (2 * STUB, STUB):
            for side in sides:
                p = port(box, side)
                n = NORMAL[side]
                q = (p[0] + n[0] * length, p[1] + n[1] * length)
                if not obstacles.segment_blocked(p, q, skip, STUB_MARK):
                    found = [p, q]
                    break
            if found:
                break
        pieces.append(found or [port(box, sides[0])])
    return pieces


# ------------------------------------------------------------------ labels
def point_along(points: list[Point], t: float) -> tuple[Point, bool]:
    """The point at fraction t of the route's length, and whether its segment is horizontal."""
    lengths = [abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in zip(points, points[1:])]
    goal = sum(lengths) * t
    for i, length in enumerate(lengths):
        a, b = points[i], points[i + 1]
        if goal <= length or i == len(lengths) - 1:
            f = min(goal / length, 1.0) if length else 0.0
            return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f), abs(a[1] - b[1]) < 1e-6
        goal -= length
    return points[-1], True


class LabelSpace:
    """Label rectangles placed so far (one index per chart)."""

    def __init__(self) -> None:
        self.placed = Obstacles()
        self.count = 0

    def free(self, r: Rect, boxes: Obstacles) -> bool:
        return not boxes.rect_blocked(r) and not self.placed.rect_blocked(r)

    def take(self, r: Rect, key: str | None = None) -> None:
        if key is None:
            key = f"\0{self.count}"
            self.count += 1
        self.placed.move(key, r)

    def release(self, key: str) -> None:
        self.placed.remove(key)


def place_label(
    points: list[Point],
    w: float,
    h: float,
    boxes: Obstacles,
    space: LabelSpace,
    key: str | None = None,
) -> Point | None:
    """The centre of a w x h label near the route where it covers no box and no label; None if none."""
    w, h = w + 2 * LABEL_PAD, h + 2 * LABEL_PAD
    tried: list[Point] = []
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8):
        (x, y), horizontal = point_along(points, t)
        tried.append((x, y))
        offsets = (
            [(0, 0), (0, -h / 2 - 2), (0, h / 2 + 2)]
            if horizontal
            else [(0, 0), (w / 2 + 3, 0), (-w / 2 - 3, 0)]
        )
        for dx, dy in offsets:
            r = (x + dx - w / 2, y + dy - h / 2, w, h)
            if space.free(r, boxes):
                space.take(r, key)
                return x + dx, y + dy
    cx, cy = tried[0]
    for radius in range(12, 600, 12):  # nearby, on a widening ring
        steps = max(8, radius // 6)
        for k in range(steps):
            ang = 2 * math.pi * k / steps
            x, y = cx + radius * math.cos(ang), cy + radius * math.sin(ang)
            r = (x - w / 2, y - h / 2, w, h)
            if space.free(r, boxes):
                space.take(r, key)
                return x, y
    return None


@dataclass
class RoutedLink:
    id: str
    points: list[Point]
    label_at: Point | None
    label_size: float


def link_lanes(links: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], int]:
    """(link id, box id) -> lane: the n-th link of a box takes lane n (stable: link order)."""
    count: dict[str, int] = defaultdict(int)
    lanes: dict[tuple[str, str], int] = {}
    for link_id, a, b in links:
        for end in (a, b):
            lanes[(link_id, end)] = count[end]
            count[end] += 1
    return lanes


CORNER = 6.0


def rounded(points: list[Point], radius: float = CORNER) -> list[tuple]:
    """The route as drawing steps with rounded corners: ("M", p), ("L", p), ("Q", control, p)."""
    if len(points) < 3:
        return [("M", points[0])] + [("L", p) for p in points[1:]]
    steps: list[tuple] = [("M", points[0])]
    for prev, here, nxt in zip(points, points[1:], points[2:]):
        d_in = math.hypot(here[0] - prev[0], here[1] - prev[1])
        d_out = math.hypot(nxt[0] - here[0], nxt[1] - here[1])
        r = min(radius, d_in / 2, d_out / 2)
        if r <= 0.01:
            steps.append(("L", here))
            continue
        a = (here[0] - (here[0] - prev[0]) / d_in * r, here[1] - (here[1] - prev[1]) / d_in * r)
        b = (here[0] + (nxt[0] - here[0]) / d_out * r, here[1] + (nxt[1] - here[1]) / d_out * r)
        steps.append(("L", a))
        steps.append(("Q", here, b))
    steps.append(("L", points[-1]))
    return steps


def clip_route(points: list[Point], r: Rect) -> list[list[Point]]:
    """The pieces of a polyline inside r (a tile draws only what it shows of a long route)."""
    pieces: list[list[Point]] = []
    current: list[Point] = []
    x0, y0, x1, y1 = r[0], r[1], r[0] + r[2], r[1] + r[3]
    for (px, py), (qx, qy) in pairwise(points):
        # the common cases first (a tile shows a segment whole, or nothing of it), with the same
        # arithmetic as the general case below
        if x0 <= px <= x1 and x0 <= qx <= x1 and y0 <= py <= y1 and y0 <= qy <= y1:
            span: tuple[float, float] | None = (0.0, 1.0)
        elif (
            (px < x0 and qx < x0)
            or (px > x1 and qx > x1)
            or (py < y0 and qy < y0)
            or (py > y1 and qy > y1)
        ):
            span = None
        else:
            span = clip_span((px, py), (qx, qy), r)
        if span is None:
            if current:
                pieces.append(current)
                current = []
            continue
        t0, t1 = span
        dx, dy = qx - px, qy - py
        a = (px + dx * t0, py + dy * t0)
        b = (px + dx * t1, py + dy * t1)
        if not current:
            current = [a]
        elif current[-1] != a:  # re-entered: a new piece
            pieces.append(current)
            current = [a]
        current.append(b)
        if t1 < 1.0:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return [p for p in pieces if len(p) >= 2]


NUDGE = 6.0  # spacing of parallel links sharing a channel
NUDGE_LANES = 6  # lanes tried on each side of a shared run before it is left where it is


class Channels:
    """The middle runs of the routes placed so far: a new route's run that would lie on (or within
    half a lane of) another link's run moves to the nearest free lane beside it.

    The printed chart places its links in order (route_all), the canvas as it routes them
    (LiveRoutes): one rule, so links sharing a corridor run side by side in both.
    """

    def __init__(self) -> None:
        # (axis, bucket of the coordinate) -> runs (coordinate, lo, hi, link); axis 1: horizontal
        self.runs: dict[tuple[int, int], list[tuple[float, float, float, str]]] = defaultdict(list)
        self.of: dict[str, list[tuple[int, int, tuple[float, float, float, str]]]] = {}

    def _taken(self, axis: int, coord: float, lo: float, hi: float, key: str) -> bool:
        b = math.floor(coord / NUDGE)
        for k in (b - 1, b, b + 1):
            for c, l0, l1, other in self.runs.get((axis, k), ()):
                if other != key and abs(c - coord) < NUDGE / 2 and l0 < hi - 1 and lo < l1 - 1:
                    return True
        return False

    def remove(self, key: str) -> None:
        for axis, b, run in self.of.pop(key, ()):
            self.runs[(axis, b)].remove(run)

    def place(
        self, key: str, points: list[Point], obstacles: Obstacles, ends: tuple[str, str]
    ) -> list[Point]:
        """The route with its shared middle runs moved to free lanes (boxes still avoided); kept."""
        self.remove(key)
        pts = list(points)
        for i in range(1, len(pts) - 2):  # not the stubs at the ports
            a, b = pts[i], pts[i + 1]
            axis = 1 if abs(a[1] - b[1]) < 1e-6 else 0 if abs(a[0] - b[0]) < 1e-6 else -1
            if axis < 0:
                continue
            coord = a[axis]
            lo, hi = sorted((a[1 - axis], b[1 - axis]))
            if hi - lo < 1 or not self._taken(axis, coord, lo, hi, key):
                continue
            for shift in (s * k * NUDGE for k in range(1, NUDGE_LANES + 1) for s in (1, -1)):
                c = coord + shift
                if self._taken(axis, c, lo, hi, key):
                    continue
                trial = list(pts)
                for j in (i, i + 1):
                    p = list(trial[j])
                    p[axis] = c
                    trial[j] = (p[0], p[1])
                if not obstacles.path_blocked(trial[i - 1 : i + 3], ends):
                    pts = trial
                    break
        runs = []
        for i in range(1, len(pts) - 2):
            a, b = pts[i], pts[i + 1]
            axis = 1 if abs(a[1] - b[1]) < 1e-6 else 0 if abs(a[0] - b[0]) < 1e-6 else -1
            if axis < 0:
                continue
            lo, hi = sorted((a[1 - axis], b[1 - axis]))
            run = (a[axis], lo, hi, key)
            bucket = math.floor(a[axis] / NUDGE)
            self.runs[(axis, bucket)].append(run)
            runs.append((axis, bucket, run))
        self.of[key] = runs
        return pts


def route_all(
    rects: dict[str, Rect],
    links: list[tuple[str, str, str]],
    labels: dict[str, tuple[float, float]] | None = None,
    obstacles: Obstacles | None = None,
) -> tuple[dict[str, list[Point] | None], dict[str, Point | None]]:
    """Routes for links (id, source, target) between boxes `rects`, nudged apart; label centres.

    A route is None when the router found none around the boxes (the caller lists the link).
    labels: link id -> (width, height) of its label; a centre is None when no free place was found.
    """
    obstacles = obstacles or Obstacles(rects)
    lanes = link_lanes(links)
    routes: dict[str, list[Point] | None] = {}
    channels = Channels()
    for link_id, a, b in links:
        route = route_link(
            rects[a], rects[b], obstacles, (a, b), lanes[(link_id, a)], lanes[(link_id, b)]
        )
        routes[link_id] = (
            None if route is None else channels.place(link_id, route, obstacles, (a, b))
        )
    centres: dict[str, Point | None] = {}
    space = LabelSpace()
    for link_id, (w, h) in (labels or {}).items():
        route = routes[link_id]
        centres[link_id] = None if route is None else place_label(route, w, h, obstacles, space)
    return routes, centres


class LiveRoutes:
    """Routes kept up to date as boxes move (the canvas): the same router, one box index."""

    def __init__(self) -> None:
        self.boxes = Obstacles()
        self.labels = LabelSpace()
        self.channels = Channels()

    def set_box(self, key: str, rect: Rect) -> None:
        self.boxes.move(key, rect)

    def remove_box(self, key: str) -> None:
        self.boxes.remove(key)

    def route(
        self, a: str, b: str, lane_a: int = 0, lane_b: int = 0, key: str | None = None
    ) -> list[Point] | None:
        """The link's route (None: none around the boxes); with its key, its shared runs get lanes."""
        if a not in self.boxes.rects or b not in self.boxes.rects or a == b:
            return None
        found = route_link(
            self.boxes.rects[a], self.boxes.rects[b], self.boxes, (a, b), lane_a, lane_b
        )
        if key is None:
            return found
        if found is None:
            self.channels.remove(key)
            return None
        return self.channels.place(key, found, self.boxes, (a, b))

    def stubs(self, a: str, b: str) -> list[list[Point]]:
        """An unrouted link's stubs out of its two boxes (see `unrouted_stubs`)."""
        rects = self.boxes.rects
        return unrouted_stubs(rects[a], rects[b], self.boxes, (a, b))

    def label(self, link_id: str, points: list[Point], w: float, h: float) -> Point | None:
        """Where the link's label goes now (its old place is given up first)."""
        self.labels.release(link_id)
        return place_label(points, w, h, self.boxes, self.labels, link_id)

    def forget(self, link_id: str) -> None:
        self.labels.release(link_id)
        self.channels.remove(link_id)
