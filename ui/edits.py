"""Gesture-level edits: each turns one user intent into one op on the undo stack.

The canvas, the menus and the toolbar call these; none of them touches the
model directly: each builds an op and hands it to `EditorContext.apply`, so a
refused edit (a cycle, a duplicate link) comes back as the model's reason and
never leaves a command on the stack or raises out of a Qt callback.
"""

from __future__ import annotations

from orgdesigner.design import Design
from orgdesigner.display import default_name
from orgdesigner.entities import Department, Link, LinkKind
from orgdesigner.errors import OrgDesignerError
from orgdesigner.geometry import BOX_H, BOX_W, H_GAP, V_GAP
from orgdesigner.ops import (
    AddDepartment,
    AddLink,
    Batch,
    MoveDepartments,
    Op,
    RemoveDepartment,
    RemoveLink,
    SetParent,
    UpdateDepartment,
    UpdateLink,
)
from orgdesigner.placement import free_spot

from .error_text import error_text
from .commands import NUDGE_ID
from .context import EditorContext
from .i18n import tr


# ------------------------------------------------------------------ creating
def add_department(
    ctx: EditorContext, x: float, y: float, parent: str | None = None, name: str | None = None
) -> str:
    """Create a department with its top-left at (x, y); select it; return its id."""
    if name is None:
        name = default_name("department", ctx.design.language)
    dept = Department(name=name, parent=parent, x=x, y=y)
    reason = ctx.apply(AddDepartment(dept), tr("Add department"))
    if reason:  # pragma: no cover - a fresh department is always accepted
        raise OrgDesignerError(reason)
    ctx.selection.set([dept.id])
    return dept.id


def add_child(ctx: EditorContext, parent: str) -> str:
    """A new department reporting to `parent`, placed below it after its last child."""
    design = ctx.design
    p = design.departments[parent]
    kids = design.child_ids(parent)
    y = p.y + BOX_H + V_GAP
    x = max((design.departments[k].x for k in kids), default=p.x - BOX_W - H_GAP) + BOX_W + H_GAP
    x, y = free_spot(design, x, y)  # never on top of a cousin or another branch
    return add_department(ctx, x, y, parent)


def add_sibling(ctx: EditorContext, of: str) -> str:
    """A new department with the same parent as `of`, placed to its right."""
    design = ctx.design
    d = design.departments[of]
    x, y = free_spot(design, d.x + BOX_W + H_GAP, d.y)
    return add_department(ctx, x, y, d.parent)


# ---------------------------------------------------------------- changing
def rename(ctx: EditorContext, dept_id: str, name: str) -> str | None:
    name = name.strip()
    dept = ctx.design.departments.get(dept_id)
    if dept is None or not name or name == dept.name:
        return None
    return ctx.apply(UpdateDepartment(dept_id, {"name": name}), tr("Rename department"))


def relabel_link(ctx: EditorContext, link_id: str, label: str) -> str | None:
    link = ctx.design.links.get(link_id)
    if link is None or label.strip() == link.label:
        return None
    return ctx.apply(UpdateLink(link_id, {"label": label.strip()}), tr("Edit link label"))


def move(
    ctx: EditorContext, positions: dict[str, tuple[float, float]], text: str | None = None
) -> str | None:
    design = ctx.design
    changed = {
        k: v
        for k, v in positions.items()
        if (design.departments[k].x, design.departments[k].y) != v
    }
    if not changed:
        return None
    n = len(changed)
    return ctx.apply(MoveDepartments(changed), text or tr("Move %n department(s)", None, n))


def nudge(ctx: EditorContext, dx: float, dy: float) -> None:
    """Arrow keys: consecutive nudges of one selection merge into one undo step."""
    design = ctx.design
    ids = [d for d in ctx.selection.departments if d in design.departments]
    if not ids:
        return
    positions = {d: (design.departments[d].x + dx, design.departments[d].y + dy) for d in ids}
    text = tr("Nudge %n department(s)", None, len(ids))
    ctx.apply(MoveDepartments(positions), text, merge_id=NUDGE_ID)


def reparent_refusal(design: Design, ids: list[str], parent: str) -> str | None:
    """Why `ids` may not report to `parent` (a cycle, say); None if they may."""
    for dept_id in ids:
        try:
            design.check_parent(dept_id, parent)
        except OrgDesignerError as exc:
            return error_text(exc)
    return None


def reparent(
    ctx: EditorContext,
    ids: list[str],
    parent: str,
    positions: dict[str, tuple[float, float]] | None = None,
) -> str | None:
    """Make `ids` report to `parent` (a drop); the model refuses a cycle with its reason."""
    design = ctx.design
    ops: list[Op] = [SetParent(d, parent) for d in ids if design.departments[d].parent != parent]
    if positions:
        ops.append(MoveDepartments(positions))
    if not ops:
        return None
    return ctx.apply(Batch(ops), tr("Change reporting line"))


def check_connect(
    design: Design, source: str, target: str, mode: str, kind: LinkKind = LinkKind.COLLABORATION
) -> str | None:
    """Why connecting would be refused (None if fine): live feedback while dragging only;
    the edit itself is judged by the model."""
    if source == target:
        return tr("A department cannot be connected to itself.")
    if mode == "reporting":
        if design.departments[target].parent == source:
            return tr("{child} already reports to {parent}.").format(
                child=design.departments[target].name, parent=design.departments[source].name
            )
        return reparent_refusal(design, [target], source)
    if design.find_link(source, target, kind) is not None:
        return tr("These two departments already have a link of this kind.")
    return None


def connect(
    ctx: EditorContext, source: str, target: str, mode: str, kind: LinkKind = LinkKind.COLLABORATION
) -> str | None:
    """Draw a reporting line (source becomes target's parent) or a collaboration link."""
    if mode == "reporting":
        if ctx.design.departments[target].parent == source:
            return check_connect(ctx.design, source, target, mode, kind)  # nothing to change
        return ctx.apply(SetParent(target, source), tr("Draw reporting line"))
    link = Link(source=source, target=target, kind=kind)
    reason = ctx.apply(AddLink(link), tr("Draw link"))
    if reason is None:
        ctx.selection.set([], [link.id])
    return reason


def delete_selection(ctx: EditorContext) -> str | None:
    """Delete the selected departments (with their links and responsibilities) and links."""
    design = ctx.design
    depts = [d for d in ctx.selection.departments if d in design.departments]
    dept_set = set(depts)
    links = [
        l
        for l in ctx.selection.links
        if l in design.links and not {design.links[l].source, design.links[l].target} & dept_set
    ]
    if not depts and not links:
        return None
    ops: list[Op] = [RemoveLink(l) for l in links] + [RemoveDepartment(d) for d in depts]
    n = len(ops)
    text = (
        tr("Delete %n department(s)", None, len(depts))
        if not links
        else tr("Delete %n item(s)", None, n)
    )
    return ctx.apply(Batch(ops), text)
