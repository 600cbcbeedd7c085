"""Where a new or re-parented box goes so that it never lands on another box.

The editor places a new child after its manager's last child and a dropped
branch below its new manager; either spot may already hold a box (a cousin, an
unrelated department). `clear_shift` says how far right the new boxes must
move to stand in free space. Box heights grow with long names; TALL is the
height of a box with a three-line name, so "no overlap" holds for any box.
"""

from __future__ import annotations

from collections.abc import Set

from .design import Design
from .geometry import BOX_H, BOX_W, H_GAP

TALL = 2 * BOX_H  # a box with the longest (three-line) name and its detail line
STEP = BOX_W + H_GAP


def _overlap(ax: float, ay: float, bx: float, by: float) -> bool:
    return abs(ax - bx) < BOX_W + H_GAP / 2 and abs(ay - by) < TALL


def clear_shift(
    design: Design,
    boxes: dict[str, tuple[float, float]] | list[tuple[float, float]],
    ignore: Set[str] = frozenset(),
) -> float:
    """The smallest rightward shift (in box steps) after which no box of `boxes` overlaps another."""
    spots = list(boxes.values()) if isinstance(boxes, dict) else list(boxes)
    if not spots:
        return 0.0
    left = min(x for x, _ in spots) - BOX_W - H_GAP
    top = min(y for _, y in spots) - TALL
    bottom = max(y for _, y in spots) + TALL
    others = [
        (d.x, d.y)
        for i, d in design.departments.items()
        if i not in ignore and d.y > top and d.y < bottom and d.x > left
    ]
    shift = 0.0
    while any(_overlap(x + shift, y, ox, oy) for x, y in spots for ox, oy in others):
        shift += STEP
    return shift


def free_spot(design: Design, x: float, y: float) -> tuple[float, float]:
    """(x, y), or the first spot to its right where a new box overlaps no other."""
    return x + clear_shift(design, [(x, y)]), y
