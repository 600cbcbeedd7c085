"""Per-department roll-ups over the reporting tree, computed in one pass.

Collaboration links never count: each department is counted once, under its
single parent.
"""

from __future__ import annotations

from dataclasses import dataclass

from .design import Design


@dataclass(frozen=True)
class Rollup:
    headcount: float  # the department and everything below it
    budget: float
    span: int  # direct reports
    depth: int  # 1 for a root
    size: int  # departments in the subtree, itself included


def rollups(design: Design) -> dict[str, Rollup]:
    """Totals for every department in O(n) (iterative: deep trees are fine)."""
    order: list[str] = []
    depth: dict[str, int] = {}
    for dept_id, level in design.iter_parent_first():
        order.append(dept_id)
        depth[dept_id] = level + 1  # 1 for a root
    head: dict[str, float] = {}
    budget: dict[str, float] = {}
    size: dict[str, int] = {}
    for dept_id in reversed(order):  # children before parents
        dept = design.departments[dept_id]
        kids = design.child_ids(dept_id)
        head[dept_id] = dept.headcount + sum(head[c] for c in kids)
        budget[dept_id] = dept.budget + sum(budget[c] for c in kids)
        size[dept_id] = 1 + sum(size[c] for c in kids)
    return {
        d: Rollup(head[d], budget[d], len(design.child_ids(d)), depth[d], size[d]) for d in order
    }
