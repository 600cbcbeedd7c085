"""Shared sizes of the chart, in scene units (1 unit = 1 px at 100% zoom = 1 pt in PDF).

The canvas, the auto layout and the PDF/SVG renderers use the same box size,
so what the user arranged prints as it looks.
"""

import math

Point = tuple[float, float]

BOX_W = 180.0
BOX_H = 70.0
H_GAP = 40.0  # between neighbouring boxes on one level
V_GAP = 80.0  # between levels
STACK_GAP = 16.0  # between boxes of a compact stack of leaf children
STACK_INDENT = 24.0


def arrow_head(behind: Point, tip: Point) -> list[Point]:
    """A directed link's arrow head at `tip` (10 long, 10 wide), pointing away from `behind`:
    the canvas and the printed chart draw the same one."""
    (qx, qy), (bx, by) = behind, tip
    d = math.hypot(bx - qx, by - qy) or 1.0
    ux, uy = (bx - qx) / d, (by - qy) / d
    return [
        (bx, by),
        (bx - 10 * ux + 5 * uy, by - 10 * uy - 5 * ux),
        (bx - 10 * ux - 5 * uy, by - 10 * uy + 5 * ux),
    ]
