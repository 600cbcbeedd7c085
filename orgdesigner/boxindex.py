"""A spatial index of boxes for the router's obstacle questions ("does this segment touch a box?").

Boxes are kept twice: in thin horizontal strips (sorted by left edge) for
horizontal segments, and in thin vertical strips (sorted by top edge) for
vertical ones. A route's channel runs a few units beside a row of boxes; with
strips thinner than that distance the row is not even in the strips the query
reads, so a free segment across a 10,000-box chart costs a few bisections,
and a blocked one stops at the first box it meets.

Coordinates are scene units, y down; a rect is (x, y, w, h).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from itertools import pairwise

Point = tuple[float, float]
Rect = tuple[float, float, float, float]

CLEAR = 8.0  # routes keep this far from boxes they pass
ROW_STRIP = 5.0  # below the gap between a channel's clearance and the row of boxes beside it
COLUMN_STRIP = 40.0  # vertical runs are short (between levels): coarser columns, fewer entries
CELL = 200.0  # cells of the coarse grid for "which boxes are in this area"


def inflate(r: Rect, d: float) -> Rect:
    return r[0] - d, r[1] - d, r[2] + 2 * d, r[3] + 2 * d


def rects_overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def segment_hits_rect(p: Point, q: Point, r: Rect) -> bool:
    """Does the axis-parallel (or any) segment p-q pass through the open interior of r?"""
    x0, y0, w, h = r
    x1, y1 = x0 + w, y0 + h
    (px, py), (qx, qy) = p, q
    if px == qx:
        if not (x0 < px < x1):
            return False
        lo, hi = min(py, qy), max(py, qy)
        return lo < y1 and hi > y0
    if py == qy:
        if not (y0 < py < y1):
            return False
        lo, hi = min(px, qx), max(px, qx)
        return lo < x1 and hi > x0
    span = clip_span(p, q, r, open_rect=True)  # a general segment
    return span is not None and span[1] - span[0] > 1e-9


def clip_span(p: Point, q: Point, r: Rect, open_rect: bool = False) -> tuple[float, float] | None:
    """The part of segment p-q inside r as fractions (t0, t1) of its length (Liang-Barsky); None
    if it misses r (or, with open_rect, only touches its edges)."""
    x0, y0, x1, y1 = r[0], r[1], r[0] + r[2], r[1] + r[3]
    (px, py), (qx, qy) = p, q
    t0, t1 = 0.0, 1.0
    dx, dy = qx - px, qy - py
    for pk, qk in ((-dx, px - x0), (dx, x1 - px), (-dy, py - y0), (dy, y1 - py)):
        if pk == 0:
            if qk < 0 or (open_rect and qk == 0):
                return None
            continue
        t = qk / pk
        if pk < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1 or (open_rect and t0 == t1):
            return None
    return t0, t1


class _Strips:
    """Boxes in strips across one axis (1: rows, by y; 0: columns, by x), each sorted along the other."""

    def __init__(self, axis: int, thickness: float):
        self.axis = axis
        self.thickness = thickness
        self.strips: dict[int, list[tuple[float, str]]] = {}
        self.longest: dict[int, float] = {}
        self.dirty: set[int] = set()

    def _range(self, lo: float, size: float) -> range:
        t = self.thickness
        return range(math.floor(lo / t), math.floor((lo + size) / t) + 1)

    def add(self, key: str, r: Rect) -> None:
        a = self.axis
        start, length = r[1 - a], r[3 - a]
        strips, longest = self.strips, self.longest
        span = self._range(r[a], r[a + 2])
        entry = (start, key)
        for j in span:
            strip = strips.get(j)
            if strip is None:
                strips[j] = [entry]
                longest[j] = length
            else:
                strip.append(entry)  # sorted when next read: bulk loading stays linear
                longest[j] = max(longest[j], length)
        self.dirty.update(span)

    def remove(self, key: str, r: Rect) -> None:
        a = self.axis
        entry = (r[1 - a], key)
        for j in self._range(r[a], r[a + 2]):
            strip = self.strip(j)
            if strip:
                i = bisect.bisect_left(strip, entry)
                if i < len(strip) and strip[i] == entry:
                    del strip[i]

    def strip(self, j: int) -> list[tuple[float, str]] | None:
        strip = self.strips.get(j)
        if strip is not None and j in self.dirty:
            strip.sort()
            self.dirty.discard(j)
        return strip

    def scan(self, lo: float, hi: float, start: float, end: float) -> Iterable[str]:
        """Keys of boxes in the strips over [lo, hi] that may reach [start, end] along the strips."""
        for j in self._range(lo, hi - lo):
            strip = self.strip(j)
            if not strip:
                continue
            i = bisect.bisect_left(strip, (start - self.longest[j], ""))
            n = len(strip)
            while i < n:
                left, key = strip[i]
                if left > end:
                    break
                i += 1
                yield key


class Obstacles:
    """The boxes of a chart, indexed for the router's segment and rectangle questions."""

    def __init__(self, rects: dict[str, Rect] | None = None):
        self.rects: dict[str, Rect] = {}
        self.rows = _Strips(1, ROW_STRIP)
        self.columns = _Strips(0, COLUMN_STRIP)
        self.cells: dict[tuple[int, int], set[str]] = {}
        for key, rect in (rects or {}).items():
            self.add(key, rect)

    def add(self, key: str, rect: Rect) -> None:
        if key in self.rects:
            self.remove(key)
        self.rects[key] = rect
        self.rows.add(key, rect)
        self.columns.add(key, rect)
        for cell in self._cells(rect):
            self.cells.setdefault(cell, set()).add(key)

    @staticmethod
    def _cells(r: Rect) -> Iterable[tuple[int, int]]:
        i0, i1 = math.floor(r[0] / CELL), math.floor((r[0] + r[2]) / CELL)
        j0, j1 = math.floor(r[1] / CELL), math.floor((r[1] + r[3]) / CELL)
        return ((i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1))

    def remove(self, key: str) -> None:
        rect = self.rects.pop(key, None)
        if rect is not None:
            self.rows.remove(key, rect)
            self.columns.remove(key, rect)
            for cell in self._cells(rect):
                self.cells[cell].discard(key)

    def move(self, key: str, rect: Rect) -> None:
        self.add(key, rect)

    def near(self, r: Rect, limit: int | None = None) -> set[str]:
        """Keys of the boxes that touch r (counting stops just past `limit`)."""
        rects, cells = self.rects, self.cells
        x0, y0, x1, y1 = r[0], r[1], r[0] + r[2], r[1] + r[3]
        found: set[str] = set()
        seen: set[str] = set()
        for cell in self._cells(r):
            for key in cells.get(cell, ()):
                if key in seen:
                    continue
                seen.add(key)
                b = rects[key]
                if b[0] <= x1 and x0 <= b[0] + b[2] and b[1] <= y1 and y0 <= b[1] + b[3]:
                    found.add(key)
                    if limit is not None and len(found) > limit:
                        return found
        return found

    def crowded(self, r: Rect, limit: int) -> bool:
        """More than `limit` boxes touch r? Counted by cell (a box is in at most 4): cheap when far over."""
        i0, i1 = math.floor(r[0] / CELL), math.floor((r[0] + r[2]) / CELL)
        j0, j1 = math.floor(r[1] / CELL), math.floor((r[1] + r[3]) / CELL)
        cells = self.cells
        if (i1 - i0 + 1) * (j1 - j0 + 1) > len(cells):  # a window wider than the chart's cells
            found: Iterable = (
                keys for (i, j), keys in cells.items() if i0 <= i <= i1 and j0 <= j <= j1
            )
        else:
            found = (cells.get((i, j), ()) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1))
        entries = 0
        for keys in found:
            entries += len(keys)
            if entries > 4 * limit:
                return True
        if entries <= limit:
            return False
        return len(self.near(r, limit)) > limit

    def segment_blocked(
        self, p: Point, q: Point, ignore: Iterable[str] = (), clear: float = CLEAR
    ) -> bool:
        """Does p-q pass through a box (grown by `clear`)? Stops at the first one it meets."""
        x0, x1 = min(p[0], q[0]), max(p[0], q[0])
        y0, y1 = min(p[1], q[1]), max(p[1], q[1])
        if x1 - x0 <= y1 - y0:  # vertical (or steep): the column strips around x
            keys = self.columns.scan(x0 - clear, x1 + clear, y0 - clear, y1 + clear)
        else:
            keys = self.rows.scan(y0 - clear, y1 + clear, x0 - clear, x1 + clear)
        rects = self.rects
        for key in keys:
            if key in ignore:
                continue
            r = rects[key]
            if segment_hits_rect(
                p, q, (r[0] - clear, r[1] - clear, r[2] + 2 * clear, r[3] + 2 * clear)
            ):
                return True
        return False

    def rect_blocked(self, r: Rect, ignore: Iterable[str] = ()) -> bool:
        skip = set(ignore)
        return any(k not in skip and rects_overlap(r, self.rects[k]) for k in self.near(r))

    def path_blocked(
        self, points: list[Point], ignore: Iterable[str] = (), clear: float = CLEAR
    ) -> bool:
        ignore = frozenset(ignore)
        return any(self.segment_blocked(a, b, ignore, clear) for a, b in pairwise(points))
