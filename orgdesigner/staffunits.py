"""Staff units (参谋部门): which units a chart draws beside their manager, and their line.

A staff unit (总经理助理, 办公室 ...) serves its manager rather than running a line of
the business, so every chart (canvas auto layout, one-page PDF chart, chart book,
PowerPoint) puts it in a short column right of its manager, between the manager and
the row of line units, tied to the manager by a short horizontal line. The user marks
it (`Department.staff`); a unit with units of its own, or more flagged units under one
manager than such a column holds, stays in the row.
"""

from __future__ import annotations

from collections.abc import Sequence

from .design import Design

STAFF_MAX = 3  # at most this many in the column beside one manager; more go into the row

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x, y, width, height


def is_staff(design: Design, dept_id: str) -> bool:
    """Flagged, with a manager, and without units of its own."""
    dept = design.departments[dept_id]
    return dept.staff and dept.parent is not None and not design.child_ids(dept_id)


def staff_beside(design: Design, kids: Sequence[str]) -> list[str]:
    """The children of one manager (in their order) that sit in the column beside it."""
    departments = design.departments
    staff = [k for k in kids if departments[k].staff and not design.child_ids(k)]
    return staff if len(staff) <= STAFF_MAX else []


def is_beside(parent: Box, child: Box) -> bool:
    """The child's box is in a staff column: right of the manager, from its top down."""
    px, py, pw, ph = parent
    cx, cy, _cw, _ch = child
    return cx >= px + pw and py - 1 <= cy <= py + STAFF_MAX * (ph + ph / 2)


def staff_line(parent: Box, child: Box) -> list[Point]:
    """Right from the manager's side to a rail half way, down, right into the unit: a
    straight line for the first unit of the column."""
    px, py, pw, ph = parent
    cx, cy, _cw, ch = child
    rail = (px + pw + cx) / 2
    start, end = (px + pw, py + ph / 2), (cx, cy + ch / 2)
    if abs(start[1] - end[1]) < 0.5:
        return [start, end]
    return [start, (rail, start[1]), (rail, end[1]), end]
