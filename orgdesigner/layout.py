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

The layout tree is flat: node `i` is a row across parallel lists (`_Tree`), its
children a list of ints, parents numbered before their children. No object per
node, so nothing for the cyclic collector (node objects linked both ways were
cycles it had to find and free: up to a third of a 10,000 layout under load),
and the hot loops index lists instead of reading attributes.
"""

from __future__ import annotations

import math
from operator import itemgetter
from typing import Literal

from .design import Design
from .gcpause import gc_paused
from .geometry import BOX_H, BOX_W, H_GAP, STACK_GAP, STACK_INDENT, V_GAP
from .staffunits import staff_beside

Orientation = Literal["top-down", "left-right"]

NONE = -1  # no node (a missing thread)


class _Tree:
    """The nodes as rows of parallel lists; node 0 is a virtual root over the forest.

    A node is a department (`ids`) or a placeholder (id None) reserving a level
    below a staff column or a stack.
    """

    def __init__(self) -> None:
        self.ids: list[str | None] = [None]
        self.kids: list[list[int]] = [[]]
        self.parent: list[int] = [NONE]
        self.number: list[int] = [0]  # place among its siblings
        self.depth: list[int] = [-1]  # 0 for a top department
        self.extra: list[float] = [0.0]  # more room on the right at this level (a staff column)

    def add(self, dept_id: str | None, parent: int, extra: float = 0.0) -> int:
        node = len(self.ids)
        siblings = self.kids[parent]
        self.ids.append(dept_id)
        self.kids.append([])
        self.parent.append(parent)
        self.number.append(len(siblings))
        self.depth.append(self.depth[parent] + 1)
        self.extra.append(extra)
        siblings.append(node)
        return node


def _place(tree: _Tree, distance: float) -> tuple[list[float], list[float]]:
    """Buchheim's first walk (children before parents) and the sums for the second walk.

    Returns each node's preliminary x and the sum of its ancestors' modifiers
    (x = prelim + sum). `_apportion` and `_move_subtree` of the paper are inlined:
    this loop is most of a layout's time.
    """
    kids_of, parent_of, number, extra = tree.kids, tree.parent, tree.number, tree.extra
    n = len(kids_of)
    prelim = [0.0] * n
    mod = [0.0] * n
    shift = [0.0] * n
    change = [0.0] * n
    midpoint = [0.0] * n
    thread = [NONE] * n
    ancestor = list(range(n))
    # Parents are numbered before their children, so counting down visits children first;
    # a node's walk only touches its own subtree, so any such order gives the same result.
    for v in range(n - 1, -1, -1):
        kids = kids_of[v]
        if not kids:
            continue
        first = default = kids[0]
        left = NONE
        for w in kids:
            if left == NONE:
                prelim[w] = midpoint[w]
                left = w
                continue
            prelim[w] = prelim[left] + distance + extra[left]
            if kids_of[w]:
                mod[w] = prelim[w] - midpoint[w]
            # apportion(w): push w's subtree right until it clears its left siblings'
            vir = vor = w
            vil, vol = left, first
            sir, sor, sil, sol = mod[vir], mod[vor], mod[vil], mod[vol]
            while True:
                k = kids_of[vil]
                nil = k[-1] if k else thread[vil]
                if nil == NONE:
                    break
                k = kids_of[vir]
                nir = k[0] if k else thread[vir]
                if nir == NONE:
                    break
                # The outer contours reach at least as deep as the inner ones (threads see to it).
                k = kids_of[vol]
                vol = k[0] if k else thread[vol]
                k = kids_of[vor]
                vor = k[-1] if k else thread[vor]
                vil, vir = nil, nir
                ancestor[vor] = w
                gap = (prelim[vil] + sil) - (prelim[vir] + sir) + distance + extra[vil]
                if gap > 0:
                    anc = ancestor[vil]
                    if parent_of[anc] != v:
                        anc = default
                    # move_subtree(anc, w, gap)
                    subtrees = number[w] - number[anc]
                    change[w] -= gap / subtrees
                    shift[w] += gap
                    change[anc] += gap / subtrees
                    prelim[w] += gap
                    mod[w] += gap
                    sir += gap
                    sor += gap
                sil += mod[vil]
                sir += mod[vir]
                sol += mod[vol]
                sor += mod[vor]
            k = kids_of[vil]
            right = k[-1] if k else thread[vil]
            if right != NONE and not kids_of[vor] and thread[vor] == NONE:
                thread[vor] = right
                mod[vor] += sil - sor
            k = kids_of[vir]
            below = k[0] if k else thread[vir]
            if below != NONE and not kids_of[vol] and thread[vol] == NONE:
                thread[vol] = below
                mod[vol] += sir - sol
                default = w
            left = w
        moved = changed = 0.0
        for w in reversed(kids):
            prelim[w] += moved
            mod[w] += moved
            changed += change[w]
            moved += shift[w] + changed
        midpoint[v] = (prelim[first] + prelim[kids[-1]]) / 2
    prelim[0] = midpoint[0]
    # Second walk: the sum of the ancestors' modifiers, parents first (index order).
    above = [0.0] * n
    for v in range(1, n):
        p = parent_of[v]
        above[v] = above[p] + mod[p]
    return prelim, above


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
    The layout makes no reference cycles, so the cyclic collector is paused: its full
    passes over the heap (the design, the editor's scene) were 40% of a 100,000 layout.
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

    departments = design.departments
    # Sibling order: current position, design order among equals (sorting is stable).
    order_key = {
        dept_id: ((d.x, d.y) if top_down else (d.y, d.x)) for dept_id, d in departments.items()
    }.__getitem__
    flagged = {dept_id for dept_id, d in departments.items() if d.staff}
    child_ids = design.child_ids

    tree = _Tree()
    ids, kids_of, add = tree.ids, tree.kids, tree.add
    start = [root] if root is not None else sorted(design.child_ids(None), key=order_key)
    stacks: dict[str, list[str]] = {}  # parent id -> its stacked leaf children
    staff_of: dict[str, list[str]] = {}  # manager id -> its staff column
    # A leaf needs none of the checks below, unless an empty stack may reach below it.
    plain_leaves = not compact or compact_min > 0
    build = [(0, start)]
    while build:
        parent, kid_ids = build.pop()
        if parent and len(kid_ids) > 1:
            kid_ids = sorted(kid_ids, key=order_key)
        for dept_id in kid_ids:
            node = add(dept_id, parent)
            kids = child_ids(dept_id)
            if not kids and plain_leaves:
                continue
            reach = 0.0  # how far below the box its columns reach
            staff = staff_beside(design, kids) if not flagged.isdisjoint(kids) else []
            if staff:
                staff_of[dept_id] = sorted(staff, key=order_key)
                tree.extra[node] = breadth  # the column's width beside the box
                kids = [k for k in kids if k not in staff]
                reach = (len(staff) - 1) * stack_step
            if compact and len(kids) >= compact_min and not any(child_ids(k) for k in kids):
                ordered = sorted(kids, key=order_key)
                stacks[dept_id] = ordered
                reach = max(reach, box_depth + V_GAP / 2 + (len(ordered) - 1) * stack_step)
                kids = []
            # Reserve the columns' levels with a chain of placeholders; line units hang below.
            tail = node
            for _ in range(math.ceil(reach / level)):
                tail = add(None, tail, tree.extra[node])
            if kids:
                build.append((tail, kids))
    if not kids_of[0]:
        return {}
    prelim, above = _place(tree, breadth)

    depth = tree.depth
    positions: dict[str, tuple[float, float]] = {}
    walk = list(kids_of[0])
    pop, extend = walk.pop, walk.extend
    while walk:  # (the order of the result: last top first, depth first, as it always was)
        node = pop()
        dept_id = ids[node]
        if dept_id is not None:
            along, down = prelim[node] + above[node], depth[node] * level
            positions[dept_id] = (along, down) if top_down else (down, along)
        extend(kids_of[node])
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
        anchor = departments[root]
        dx, dy = anchor.x - positions[root][0], anchor.y - positions[root][1]
    else:
        dx = -min(map(itemgetter(0), positions.values()))
        dy = -min(map(itemgetter(1), positions.values()))
    return {k: (x + dx, y + dy) for k, (x, y) in positions.items()}
