"""Arrange menu: auto layout (whole chart or selected branches), align and distribute.

Each command computes positions and applies them as one `MoveDepartments`
step, so one Undo puts everything back.
"""

from __future__ import annotations

from typing import Callable

from orgdesigner.geometry import BOX_H
from orgdesigner.layout import tidy_layout

from . import edits
from .i18n import tr
from .context import EditorContext

HeightOf = Callable[[str], float]


def branch_roots(ctx: EditorContext) -> list[str]:
    """Selected departments none of whose ancestors is selected."""
    design = ctx.design
    chosen = [d for d in ctx.selection.departments if d in design.departments]
    chosen_set = set(chosen)
    return [d for d in chosen if not any(a in chosen_set for a in design.ancestors(d))]


def auto_layout(
    ctx: EditorContext,
    orientation: str = "top-down",
    selected_only: bool = False,
    compact: bool = False,
) -> str | None:
    design = ctx.design
    if selected_only:
        roots = branch_roots(ctx)
        if not roots:
            return tr("Select the top department of the branch to lay out.")
        positions: dict[str, tuple[float, float]] = {}
        for root in roots:
            positions.update(
                tidy_layout(design, root=root, orientation=orientation, compact=compact)
            )
    else:
        positions = tidy_layout(design, orientation=orientation, compact=compact)
    if not positions:
        return None
    return edits.move(ctx, positions, tr("Auto layout"))


def align(ctx: EditorContext, mode: str, height_of: HeightOf = lambda _: BOX_H) -> str | None:
    """Align the selection: left, hcenter, right, top, vcenter, bottom (to the first's extreme)."""
    design = ctx.design
    ids = [d for d in ctx.selection.departments if d in design.departments]
    if len(ids) < 2:
        return tr("Select two or more departments to align.")
    depts = [design.departments[d] for d in ids]
    if mode == "left":
        edge = min(d.x for d in depts)
        positions = {d.id: (edge, d.y) for d in depts}
    elif mode == "right":
        edge = max(d.x for d in depts)
        positions = {d.id: (edge, d.y) for d in depts}
    elif mode == "hcenter":
        center = sum(d.x for d in depts) / len(depts)
        positions = {d.id: (center, d.y) for d in depts}
    elif mode == "top":
        edge = min(d.y for d in depts)
        positions = {d.id: (d.x, edge) for d in depts}
    elif mode == "bottom":
        edge = max(d.y + height_of(d.id) for d in depts)
        positions = {d.id: (d.x, edge - height_of(d.id)) for d in depts}
    elif mode == "vcenter":
        center = sum(d.y + height_of(d.id) / 2 for d in depts) / len(depts)
        positions = {d.id: (d.x, center - height_of(d.id) / 2) for d in depts}
    else:
        raise ValueError(mode)
    return edits.move(ctx, positions, tr("Align %n department(s)", None, len(ids)))


def distribute(ctx: EditorContext, axis: str) -> str | None:
    """Spread the selection evenly between its outermost boxes (axis "x" or "y")."""
    design = ctx.design
    ids = [d for d in ctx.selection.departments if d in design.departments]
    if len(ids) < 3:
        return tr("Select three or more departments to distribute.")
    depts = sorted(
        (design.departments[d] for d in ids),
        key=lambda d: (d.x, d.y) if axis == "x" else (d.y, d.x),
    )
    first, last = (depts[0].x, depts[-1].x) if axis == "x" else (depts[0].y, depts[-1].y)
    step = (last - first) / (len(depts) - 1)
    positions = {}
    for i, d in enumerate(depts):
        value = first + i * step
        positions[d.id] = (value, d.y) if axis == "x" else (d.x, value)
    return edits.move(ctx, positions, tr("Distribute %n department(s)", None, len(ids)))
