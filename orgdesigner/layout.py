"""Tidy-tree auto layout in linear time (Walker's algorithm as fixed by Buchheim et al. 2002).

Works on the reporting forest of a design (several roots side by side) or on
one branch, top-down or left-right, with an optional compact mode that
stacks leaf-only children in a column under their parent to save width.
Staff units (`staffunits`) sit in a column right of their manager (below it
when left-right), the line units' row moved down past that column: the
manager's node is wider on that side (a per-node extra separation in the
contour walk) and a chain of placeholders reserves the column's levels.
Iterative throughout, so a 10,000-deep chain is fine. Returns positions; the
caller applies them as one `MoveDepartments` operation (one undo step).
"""

from __future__ import annotations

import math
from typing import Literal

from .design import Design
from .gcpause import gc_paused
from .geometry import BOX_H, BOX_W, H_GAP, STACK_GAP, STACK_INDENT, V_GAP
from .staffunits import staff_beside

Orientation = Literal["top-down", "left-right"]


class _Node:
    __slots__ = (
        "id",
        "children",
        "parent",
        "number",
        "prelim",
        "mod",
        "shift",
        "change",
        "thread",
        "ancestor",
        "x",
        "depth",
        "midpoint",
        "extra",
    )

    def __init__(self, dept_id: str | None, parent: "_Node | None", number: int):
        self.id = dept_id
        self.children: list[_Node] = []
        self.parent = parent
        self.number = number
        self.prelim = self.mod = self.shift = self.change = self.midpoint = 0.0
        self.thread: _Node | None = None
        self.ancestor: _Node = self
        self.x = 0.0
        self.depth = 0
        self.extra = 0.0  # more room on the right at this level (a staff column)


def _next_left(v: _Node) -> _Node | None:
    return v.children[0] if v.children else v.thread


def _next_right(v: _Node) -> _Node | None:
    return v.children[-1] if v.children else v.thread


def _move_subtree(wl: _Node, wr: _Node, shift: float) -> None:
    subtrees = wr.number - wl.number
    wr.change -= shift / subtrees
    wr.shift += shift
    wl.change += shift / subtrees
    wr.prelim += shift
    wr.mod += shift


def _apportion(v: _Node, default: _Node, distance: float) -> _Node:
    if v.number == 0:
        return default
    siblings = v.parent.children  # type: ignore[union-attr]
    w = siblings[v.number - 1]
    vir = vor = v
    vil, vol = w, siblings[0]
    sir, sor, sil, sol = vir.mod, vor.mod, vil.mod, vol.mod
    while (nil := _next_right(vil)) is not None and (nir := _next_left(vir)) is not None:
        nol, nor = _next_left(vol), _next_right(vor)
        # The outer contours reach at least as deep as the inner ones (threads see to it).
        assert nol is not None and nor is not None
        vil, vir, vol, vor = nil, nir, nol, nor
        vor.ancestor = v
        shift = (vil.prelim + sil) - (vir.prelim + sir) + distance + vil.extra
        if shift > 0:
            anc = vil.ancestor if vil.ancestor.parent is v.parent else default
            _move_subtree(anc, v, shift)
            sir += shift
            sor += shift
        sil += vil.mod
        sir += vir.mod
        sol += vol.mod
        sor += vor.mod
    if _next_right(vil) is not None and _next_right(vor) is None:
        vor.thread = _next_right(vil)
        vor.mod += sil - sor
    if _next_left(vir) is not None and _next_left(vol) is None:
        vol.thread = _next_left(vir)
        vol.mod += sir - sol
        default = v
    return default


def _place(root: _Node, distance: float) -> None:
    """Buchheim's first walk (post-order, iterative) and second walk."""
    order: list[_Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node.children)
    for v in reversed(order):  # children before parents
        if not v.children:
            continue
        default = v.children[0]
        for i, w in enumerate(v.children):
            if i:
                left = v.children[i - 1]
                w.prelim = left.prelim + distance + left.extra
                if w.children:
                    w.mod = w.prelim - w.midpoint
            else:
                w.prelim = w.midpoint
            default = _apportion(w, default, distance)
        shift = change = 0.0
        for w in reversed(v.children):
            w.prelim += shift
            w.mod += shift
            change += w.change
            shift += w.shift + change
        v.midpoint = (v.children[0].prelim + v.children[-1].prelim) / 2
    root.prelim = root.midpoint
    stack2: list[tuple[_Node, float, int]] = [(root, 0.0, 0)]
    while stack2:
        v, m, depth = stack2.pop()
        v.x = v.prelim + m
        v.depth = depth
        for w in v.children:
            stack2.append((w, m + v.mod, depth + 1))


def tidy_layout(
    design: Design,
    *,
    root: str | None = None,
    orientation: Orientation = "top-down",
    compact: bool = False,
    compact_min: int = 4,
) -> dict[str, tuple[float, float]]:
    """Positions (top-left corners) for the whole forest, or for `root`'s branch.

    Children keep their current left-to-right (or top-to-bottom) order. A
    branch keeps its root where it is; the whole forest starts at (0, 0).
    The layout nodes all survive to the end and make no cycles, so the cyclic
    collector is paused: its full passes over the heap were 40% of a 100,000 layout.
    """
    with gc_paused():
        return _tidy_layout(design, root, orientation, compact, compact_min)


def _tidy_layout(
    design: Design,
    root: str | None,
    orientation: Orientation,
    compact: bool,
    compact_min: int,
) -> dict[str, tuple[float, float]]:
    top_down = orientation == "top-down"
    breadth = (BOX_W + H_GAP) if top_down else (BOX_H + H_GAP)
    box_depth = BOX_H if top_down else BOX_W
    level = (BOX_H + V_GAP) if top_down else (BOX_W + V_GAP)
    stack_step = (BOX_H + STACK_GAP) if top_down else (BOX_W + STACK_GAP)

    def order_key(dept_id: str) -> tuple[float, float]:
        d = design.departments[dept_id]
        return (d.x, d.y) if top_down else (d.y, d.x)

    virtual = _Node(None, None, 0)
    start = [root] if root is not None else sorted((d.id for d in design.roots()), key=order_key)
    stacks: dict[str, list[str]] = {}  # parent id -> its stacked leaf children
    staff_of: dict[str, list[str]] = {}  # manager id -> its staff column
    departments = design.departments
    build = [(virtual, start)]
    while build:
        parent, kid_ids = build.pop()
        for dept_id in sorted(kid_ids, key=order_key) if parent is not virtual else kid_ids:
            node = _Node(dept_id, parent, len(parent.children))
            parent.children.append(node)
            kids = design.child_ids(dept_id)
            reach = 0.0  # how far below the box its columns reach
            staff = staff_beside(design, kids) if any(departments[k].staff for k in kids) else []
            if staff:
                staff_of[dept_id] = sorted(staff, key=order_key)
                node.extra = breadth  # the column's width beside the box
                kids = [k for k in kids if k not in staff]
                reach = (len(staff) - 1) * stack_step
            if compact and len(kids) >= compact_min and not any(design.child_ids(k) for k in kids):
                ordered = sorted(kids, key=order_key)
                stacks[dept_id] = ordered
                reach = max(reach, box_depth + V_GAP / 2 + (len(ordered) - 1) * stack_step)
                kids = []
            # Reserve the columns' levels with a chain of placeholders; line units hang below.
            tail = node
            for _ in range(math.ceil(reach / level)):
                placeholder = _Node(None, tail, 0)
                placeholder.extra = node.extra
                tail.children.append(placeholder)
                tail = placeholder
            if kids:
                build.append((tail, kids))
    if not virtual.children:
        return {}
    _place(virtual, breadth)

    positions: dict[str, tuple[float, float]] = {}
    walk = list(virtual.children)
    while walk:
        node = walk.pop()
        if node.id is not None:
            along, down = node.x, (node.depth - 1) * level
            positions[node.id] = (along, down) if top_down else (down, along)
        walk.extend(node.children)
    beside = breadth  # a staff column starts one box and gap right of (below) its manager
    for manager, staff in staff_of.items():
        px, py = positions[manager]
        for i, kid in enumerate(staff):
            along, down = (px, py) if top_down else (py, px)
            spot = (along + beside, down + i * stack_step)
            positions[kid] = spot if top_down else (spot[1], spot[0])
    for parent_id, kids in stacks.items():
        px, py = positions[parent_id]
        for i, kid in enumerate(kids, start=1):
            if top_down:
                positions[kid] = (
                    px + STACK_INDENT,
                    py + box_depth + V_GAP / 2 + (i - 1) * stack_step,
                )
            else:
                positions[kid] = (
                    px + box_depth + V_GAP / 2 + (i - 1) * stack_step,
                    py + STACK_INDENT,
                )

    if root is not None:
        anchor = design.departments[root]
        dx, dy = anchor.x - positions[root][0], anchor.y - positions[root][1]
    else:
        dx = -min(p[0] for p in positions.values())
        dy = -min(p[1] for p in positions.values())
    return {k: (x + dx, y + dy) for k, (x, y) in positions.items()}
