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

The layout tree is flat: node `i` is a row across parallel lists of numbers, its
children a `range` (siblings are numbered together), parents numbered before
their children. No object per node, so nothing for the cyclic collector (node
objects linked both ways were cycles it had to find and free after each run: up
to a third of a 10,000 layout), and the hot loops index lists instead of reading
attributes; a row of leaves (most of a real chart) is placed without the contour walk.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import repeat
from typing import Literal

from .design import Design
from .gcpause import gc_paused
from .geometry import BOX_H, BOX_W, H_GAP, STACK_GAP, STACK_INDENT, V_GAP
from .staffunits import staff_beside

Orientation = Literal["top-down", "left-right"]

NONE = -1  # no node (a missing thread)


def _place(
    kids_of: list[Sequence[int]], extra: list[float], leafy: set[int], distance: float
) -> tuple[list[float], list[float], list[int]]:
    """Buchheim's first walk (children before parents), then the sums for the second walk.

    Returns each node's preliminary x, the sum of its ancestors' modifiers (its x is
    prelim + sum) and its depth (0 for a top department). `_apportion` and
    `_move_subtree` of the paper are inlined: this loop is most of a layout's time.
    Siblings are consecutive numbers (`kids_of[v]` is a range), so a sibling's place
    is its number and "a child of v" is `in kids_of[v]`.
    """
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
        prelim[first] = at = midpoint[first]
        if v in leafy:
            # Leaves side by side: nothing below them to clear, nothing to shift.
            for w in kids[1:]:
                prelim[w] = at = at + distance + extra[w - 1]
            midpoint[v] = (prelim[first] + at) / 2
            continue
        for w in kids[1:]:
            left = w - 1
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
                    if anc not in kids:
                        anc = default
                    # move_subtree(anc, w, gap)
                    subtrees = w - anc
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
        moved = changed = 0.0
        for w in reversed(kids):
            prelim[w] += moved
            mod[w] += moved
            changed += change[w]
            moved += shift[w] + changed
        midpoint[v] = (prelim[first] + prelim[kids[-1]]) / 2
    prelim[0] = midpoint[0]
    # Second walk: the sum of the ancestors' modifiers and the depth, parents first.
    above = [0.0] * n
    depth = [-1] * n
    for v, kids in enumerate(kids_of):
        if kids:
            sum_mod, below_v = above[v] + mod[v], depth[v] + 1
            for w in kids:
                above[w] = sum_mod
                depth[w] = below_v
    return prelim, above, depth


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
    managers = {d.parent for d in departments.values()}  # (and None)
    child_ids = design.child_ids

    # The layout tree, flat: node i is ids[i] (None: a virtual root, node 0, or a
    # placeholder), its children the range kids_of[i]; parents come before children.
    ids: list[str | None] = [None]
    kids_of: list[Sequence[int]] = [()]
    wide: dict[int, float] = {}  # node -> more room on its right at its level (a staff column)
    leafy: set[int] = set()  # nodes whose children are all leaves
    add_ids, add_kids = ids.extend, kids_of.extend
    start = [root] if root is not None else sorted(design.child_ids(None), key=order_key)
    stacks: dict[str, tuple[int, list[str]]] = {}  # parent id -> its node, its stacked leaves
    staff_of: dict[str, tuple[int, list[str]]] = {}  # manager id -> its node, its staff column
    # A leaf needs none of the checks below, unless an empty stack may reach below it.
    plain_leaves = not compact or compact_min > 0
    build: list[tuple[int, list[str]]] = [(0, start)]
    while build:
        parent, kid_ids = build.pop()
        if parent and len(kid_ids) > 1:
            kid_ids = sorted(kid_ids, key=order_key)
        first = len(ids)
        add_ids(kid_ids)
        add_kids(repeat((), len(kid_ids)))
        kids_of[parent] = range(first, len(ids))
        if plain_leaves and managers.isdisjoint(kid_ids):
            leafy.add(parent)
            continue
        for node, dept_id in enumerate(kid_ids, first):
            if plain_leaves and dept_id not in managers:
                continue
            kids = child_ids(dept_id)
            reach = 0.0  # how far below the box its columns reach
            staff = staff_beside(design, kids) if not flagged.isdisjoint(kids) else []
            if staff:
                staff_of[dept_id] = (node, sorted(staff, key=order_key))
                wide[node] = breadth  # the column's width beside the box
                kids = [k for k in kids if k not in staff]
                reach = (len(staff) - 1) * stack_step
            if compact and len(kids) >= compact_min and not any(child_ids(k) for k in kids):
                ordered = sorted(kids, key=order_key)
                stacks[dept_id] = (node, ordered)
                reach = max(reach, box_depth + V_GAP / 2 + (len(ordered) - 1) * stack_step)
                kids = []
            # Reserve the columns' levels with a chain of placeholders; line units hang below.
            tail = node
            for _ in range(math.ceil(reach / level)):
                kids_of[tail] = range(len(ids), len(ids) + 1)
                tail = len(ids)
                ids.append(None)
                kids_of.append(())
                if node in wide:
                    wide[tail] = wide[node]
            if kids:
                build.append((tail, kids))
    if not kids_of[0]:
        return {}
    extra = [0.0] * len(ids)
    for node, room in wide.items():
        extra[node] = room
    prelim, above, depth = _place(kids_of, extra, leafy, breadth)
    along = [p + a for p, a in zip(prelim, above)]
    down = [d * level for d in depth]

    # The result in the order it always had: the tree depth first from the last top, each
    # node's last child first; then the staff columns and the stacks in the order built.
    order: list[int] = []
    walk = list(kids_of[0])
    pop, extend, visit = walk.pop, walk.extend, order.append
    while walk:
        node = pop()
        visit(node)
        extend(kids_of[node])
    order = [node for node in order if ids[node] is not None]
    keys: list[str] = [ids[node] for node in order]  # type: ignore[misc]
    xs = [along[node] for node in order]
    ys = [down[node] for node in order]
    if not top_down:
        xs, ys = ys, xs
    beside = breadth  # a staff column starts one box and gap right of (below) its manager
    for node, staff in staff_of.values():
        for i, kid in enumerate(staff):
            spot = (along[node] + beside, down[node] + i * stack_step)
            keys.append(kid)
            xs.append(spot[0] if top_down else spot[1])
            ys.append(spot[1] if top_down else spot[0])
    for node, kids in stacks.values():
        px, py = (along[node], down[node]) if top_down else (down[node], along[node])
        for i, kid in enumerate(kids, start=1):
            keys.append(kid)
            if top_down:
                xs.append(px + STACK_INDENT)
                ys.append(py + box_depth + V_GAP / 2 + (i - 1) * stack_step)
            else:
                xs.append(px + box_depth + V_GAP / 2 + (i - 1) * stack_step)
                ys.append(py + STACK_INDENT)

    if root is not None:
        anchor = departments[root]
        dx, dy = anchor.x - xs[0], anchor.y - ys[0]  # (the root comes first)
    else:
        dx, dy = -min(xs), -min(ys)
    return dict(zip(keys, zip([x + dx for x in xs], [y + dy for y in ys])))
