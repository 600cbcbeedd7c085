"""ChartGeometry's bounds and topmost box, computed in C passes: the same answers as before."""

from __future__ import annotations

import random

from orgdesigner.geometry import BOX_H, BOX_W
from ui.canvas.chart_geometry import ChartGeometry


def _plain(geometry: ChartGeometry) -> tuple[float, float, float, float]:
    values = geometry.rects.values()
    left, top = min(r[0] for r in values), min(r[1] for r in values)
    right, bottom = max(r[0] + r[2] for r in values), max(r[1] + r[3] for r in values)
    return left, top, right - left, bottom - top


def test_bounds_and_topmost_match_a_plain_pass_with_tall_and_short_boxes():
    rng = random.Random(5)
    geometry = ChartGeometry()
    boxes = [(f"d{i}", rng.uniform(-500, 500), rng.uniform(-500, 500)) for i in range(300)]
    geometry.reset(boxes)
    lowest = max(boxes, key=lambda b: b[2])[0]
    for heights in ({lowest: BOX_H + 40}, {lowest: BOX_H - 20}, {"d7": BOX_H + 5}):
        for dept_id, height in heights.items():
            geometry.set_height(dept_id, height)
        bounds = geometry.bounds()
        assert (bounds.x(), bounds.y(), bounds.width(), bounds.height()) == _plain(geometry)
        geometry._bounds = None  # computed afresh, not kept up to date from the change
        bounds = geometry.bounds()
        assert (bounds.x(), bounds.y(), bounds.width(), bounds.height()) == _plain(geometry)
    assert geometry.rects["d0"][2] == BOX_W
    top = min(b[2] for b in boxes)
    assert geometry.topmost() == next(b[0] for b in boxes if b[2] == top)
    assert ChartGeometry().topmost() is None and ChartGeometry().bounds().isNull()
