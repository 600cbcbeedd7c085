"""Where every box is, from the model alone: the canvas works without an item per department.

A 100,000-department chart cannot afford a graphics item per box (building them
took minutes, and every overview repaint walked them all). The scene creates
items only for what is in view (`scene.py`), so whatever needs every box (fit,
the overview map, the zoomed-out image, hit tests and region queries) asks
this index instead: plain tuples, one grid cell per box (its top-left corner),
kept up to date from the model's events at O(changed boxes).

A box's height is BOX_H until its item has laid out its text once; the item
then reports its real height (`set_height`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from operator import itemgetter

from PySide6.QtCore import QRectF

from orgdesigner.geometry import BOX_H, BOX_W

CELL = 200.0  # scene units per grid cell, about one box wide

Rect = tuple[float, float, float, float]  # x, y, width, height
_X, _Y = itemgetter(0), itemgetter(1)


def _cell(x: float, y: float) -> tuple[int, int]:
    return math.floor(x / CELL), math.floor(y / CELL)


class ChartGeometry:
    def __init__(self) -> None:
        self.rects: dict[str, Rect] = {}
        self.heights: dict[str, float] = {}  # real heights of boxes taller than BOX_H
        self._cells: dict[tuple[int, int], set[str]] = {}
        self._tallest = BOX_H
        self._bounds: QRectF | None = None

    def __len__(self) -> int:
        return len(self.rects)

    def __contains__(self, dept_id: object) -> bool:
        return dept_id in self.rects

    def reset(self, positions: Iterable[tuple[str, float, float]]) -> None:
        """Every box at once (a design was opened): one pass, no per-box bookkeeping."""
        self.rects, self.heights, self._cells = {}, {}, {}
        self._tallest = BOX_H
        rects, cells = self.rects, self._cells
        for dept_id, x, y in positions:
            rects[dept_id] = (x, y, BOX_W, BOX_H)
            key = (math.floor(x / CELL), math.floor(y / CELL))
            bucket = cells.get(key)
            if bucket is None:
                cells[key] = {dept_id}
            else:
                bucket.add(dept_id)
        self._bounds = None

    # ---------------------------------------------------------------- updates
    def set(self, dept_id: str, x: float, y: float) -> None:
        """The box's (new) position; its height stays."""
        old = self.rects.get(dept_id)
        h = self.heights.get(dept_id, BOX_H)
        if old is not None:
            if (old[0], old[1]) == (x, y):
                return
            self._unindex(dept_id, old)
        rect = (x, y, BOX_W, h)
        self.rects[dept_id] = rect
        self._cells.setdefault(_cell(x, y), set()).add(dept_id)
        self._touch(old, rect)

    def set_height(self, dept_id: str, height: float) -> None:
        old = self.rects.get(dept_id)
        if old is None or old[3] == height:
            return
        if height == BOX_H:
            self.heights.pop(dept_id, None)
        else:
            self.heights[dept_id] = height
            self._tallest = max(self._tallest, height)
        self.rects[dept_id] = (old[0], old[1], old[2], height)
        self._touch(old, self.rects[dept_id])

    def remove(self, dept_id: str) -> None:
        old = self.rects.pop(dept_id, None)
        self.heights.pop(dept_id, None)
        if old is not None:
            self._unindex(dept_id, old)
            self._touch(old, None)

    def _unindex(self, dept_id: str, rect: Rect) -> None:
        key = _cell(rect[0], rect[1])
        bucket = self._cells.get(key)
        if bucket is not None:
            bucket.discard(dept_id)
            if not bucket:
                del self._cells[key]

    def _touch(self, old: Rect | None, new: Rect | None) -> None:
        """Keep the bounds without a full pass unless a box on their edge moved inward."""
        bounds = self._bounds
        if bounds is None:
            return
        if old is not None:
            x, y, w, h = old
            if (
                x <= bounds.left()
                or y <= bounds.top()
                or x + w >= bounds.right()
                or y + h >= bounds.bottom()
            ):
                self._bounds = None
                return
        if new is not None:
            self._bounds = bounds.united(QRectF(*new))

    # ---------------------------------------------------------------- queries
    def rect(self, dept_id: str) -> QRectF:
        return QRectF(*self.rects[dept_id])

    def bounds(self) -> QRectF:
        """The rectangle around every box (a null rect when there are none)."""
        if self._bounds is None:
            if not self.rects:
                return QRectF()
            # Four passes in C (map + itemgetter), not generators: 100,000 boxes at each open.
            values = self.rects.values()
            left = min(map(_X, values))
            top = min(map(_Y, values))
            right = max(map(_X, values)) + BOX_W  # every box is BOX_W wide
            if self.heights and min(self.heights.values()) < BOX_H:  # a box lower than BOX_H
                bottom = max(r[1] + r[3] for r in values)
            else:
                bottom = max(map(_Y, values)) + BOX_H
                for dept_id, height in self.heights.items():  # the few boxes taller than BOX_H
                    bottom = max(bottom, self.rects[dept_id][1] + height)
            self._bounds = QRectF(left, top, right - left, bottom - top)
        return QRectF(self._bounds)

    def topmost(self) -> str | None:
        """The first box (in model order) of those highest up."""
        if not self.rects:
            return None
        top = min(map(_Y, self.rects.values()))
        return next(d for d, r in self.rects.items() if r[1] == top)

    def ids_in(self, area: QRectF) -> set[str]:
        """The boxes that intersect `area` (scene coordinates)."""
        reach = math.ceil(max(BOX_W, self._tallest) / CELL)  # a box reaches this many cells on
        x0, y0 = _cell(area.left(), area.top())
        x1, y1 = _cell(area.right(), area.bottom())
        left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
        found: set[str] = set()
        cells, rects = self._cells, self.rects
        if (x1 - x0 + reach + 1) * (y1 - y0 + reach + 1) > 4 * len(cells):
            keys: Iterable[tuple[int, int]] = list(cells)  # a huge area: every occupied cell
        else:
            keys = (
                (cx, cy) for cx in range(x0 - reach, x1 + 1) for cy in range(y0 - reach, y1 + 1)
            )
        for key in keys:
            for dept_id in cells.get(key, ()):
                x, y, w, h = rects[dept_id]
                if x <= right and x + w >= left and y <= bottom and y + h >= top:
                    found.add(dept_id)
        return found

    def ids_at(self, x: float, y: float) -> list[str]:
        """The boxes containing the point (for hit tests)."""
        return [d for d in self.ids_in(QRectF(x, y, 0.001, 0.001))]
