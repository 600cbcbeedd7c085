"""Applying a server row to the local model through its ordinary methods.

So a remote edit emits the same events as a local one: the canvas, the docks
and the validator follow without knowing where the edit came from. Each
function makes the local object equal to the row (or removes it); raises
ModelError when the model refuses (the session then resyncs everything).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import events as ev
from ..design import INFO_FIELDS, Design
from ..entities import DEPARTMENT_FIELDS, FUNCTION_FIELDS, KPI_FIELDS, LINK_FIELDS
from . import live_sql, rows

if TYPE_CHECKING:
    from .live_order import LiveOrder

_INFO_COLUMNS = {
    "name": "title",
    "description": "description",
    "author": "author",
    "language": "language",
}


def _diff(local: Any, remote: Any, names: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for name in names:
        mine, theirs = getattr(local, name), getattr(remote, name)
        if getattr(mine, "value", mine) != getattr(theirs, "value", theirs):
            out[name] = theirs
    return out


def _design(design: Design, row: Any) -> None:
    changes: dict[str, Any] = {}
    for field in INFO_FIELDS:
        value = getattr(row, _INFO_COLUMNS[field])
        if getattr(design, field) != value:
            changes[field] = value
    theirs = live_sql.settings_of(row)
    mine = rows.plain_settings(design)
    for key in set(theirs) | set(mine):
        if theirs.get(key) != mine.get(key):
            changes[f"settings.{key}"] = theirs.get(key)
    if changes:
        design.update_info(**changes)


# kind -> (model method suffix, editable fields); e.g. add_link, update_link, remove_link
_OBJECTS = {
    "departments": ("department", DEPARTMENT_FIELDS),
    "links": ("link", LINK_FIELDS),
    "functions": ("function", FUNCTION_FIELDS),
    "kpis": ("kpi", KPI_FIELDS),
}


def _object(design: Design, order: LiveOrder, kind: str, row: Any | None, obj_id: str) -> None:
    """Make one department, link or function equal to its row (or remove it)."""
    noun, fields = _OBJECTS[kind]
    local: Any = getattr(design, kind).get(obj_id)
    remove = getattr(design, f"remove_{noun}")
    if row is None:
        if local is not None:
            remove(obj_id)  # a department's children move up, as on the server
        return
    remote = rows.OBJECT_OF[kind](row)
    if (
        kind == "links"
        and local is not None
        and (local.source, local.target) != (remote.source, remote.target)
    ):
        remove(obj_id)
        local = None
    if local is None:
        getattr(design, f"add_{noun}")(remote, order.local_index(design, kind, row))
        return
    known = order.known(kind, obj_id)
    if known is not None and known != row.position:
        # Only an object added anew gets a new position (an undone removal, say): it was
        # removed and added again meanwhile, maybe elsewhere in the order. Do the same here,
        # with what hangs on it (links, roles, children, KPI ties) put back as it was.
        _move(design, order, kind, obj_id, row)
    if kind == "departments" and local.parent != remote.parent:
        design.set_parent(obj_id, remote.parent)
    changes = _diff(local, remote, fields)
    if changes:
        getattr(design, f"update_{noun}")(obj_id, **changes)


def _move(design: Design, order: LiveOrder, kind: str, obj_id: str, row: Any) -> None:
    """Put an object where the server's order has it now (its fields follow separately)."""
    order.remember(kind, obj_id, None)  # not counted where its new place is looked up
    if kind == "departments":
        removal = design.remove_department(obj_id)
        removal.index = order.local_index(design, kind, row)
        design.restore_department(removal)
    elif kind == "functions":
        function, _, roles, kpis = design.remove_function(obj_id)
        design.add_function(function, order.local_index(design, kind, row))
        for dept_id, role in roles.items():
            design.set_role(obj_id, dept_id, role)
        for kpi_id, old in reversed(kpis):
            design.update_kpi(kpi_id, **old)
    elif kind == "links":
        link = design.remove_link(obj_id)
        design.add_link(link, order.local_index(design, kind, row))
    else:
        kpi, _ = design.remove_kpi(obj_id)
        design.add_kpi(kpi, order.local_index(design, kind, row))
    order.remember(kind, obj_id, row.position)


def _role(design: Design, row: Any | None, key: str) -> None:
    function_id, dept_id = live_sql.split_role_key(key)
    if row is None:
        if function_id in design.functions and dept_id in design.departments:
            design.set_role(function_id, dept_id, None)
        return
    design.set_role(function_id, dept_id, row.role)


def apply_row(design: Design, order: LiveOrder, key: tuple[str, str], row: Any | None) -> None:
    kind, obj = key
    if kind == "design":
        if row is not None:
            _design(design, row)
    elif kind in _OBJECTS:
        _object(design, order, kind, row, obj)
    elif kind == "responsibilities":
        _role(design, row, obj)


def describe_object(design: Design, kind: str, obj: str) -> str:
    """How a conflict message names the object: 「市场部」, 「市场部」–「销售部」 ..."""

    def dept(dept_id: str) -> str:
        found = design.departments.get(dept_id)
        return f"「{found.name}」" if found is not None else "a department"

    if kind == "departments":
        return dept(obj)
    if kind == "links":
        link = design.links.get(obj)
        return f"{dept(link.source)}–{dept(link.target)}" if link is not None else "a link"
    if kind == "kpis":
        kpi = design.kpis.get(obj)
        return f"「{kpi.name}」" if kpi is not None else "a KPI"
    if kind == "functions":
        function = design.functions.get(obj)
        return f"「{function.name}」" if function is not None else "a function"
    if kind == "responsibilities":
        function_id, dept_id = live_sql.split_role_key(obj)
        function = design.functions.get(function_id)
        name = function.name if function is not None else "?"
        return f"{dept(dept_id)}/「{name}」"
    return f"「{design.name}」"


def keys_of_event(event: ev.Event) -> list[tuple[str, str]]:
    """The objects a model event changed, as (kind, key) rows to send."""
    if isinstance(event, (ev.DepartmentAdded, ev.DepartmentRemoved)):
        return [("departments", event.department.id)]
    if isinstance(event, (ev.DepartmentChanged, ev.ParentChanged)):
        return [("departments", event.id)]
    if isinstance(event, ev.DepartmentsMoved):
        return [("departments", i) for i in event.positions]
    if isinstance(event, (ev.LinkAdded, ev.LinkRemoved)):
        return [("links", event.link.id)]
    if isinstance(event, ev.LinkChanged):
        return [("links", event.id)]
    if isinstance(event, (ev.FunctionAdded, ev.FunctionRemoved)):
        return [("functions", event.function.id)]
    if isinstance(event, ev.FunctionChanged):
        return [("functions", event.id)]
    if isinstance(event, (ev.KpiAdded, ev.KpiRemoved)):
        return [("kpis", event.kpi.id)]
    if isinstance(event, ev.KpiChanged):
        return [("kpis", event.id)]
    if isinstance(event, ev.RoleChanged):
        return [("responsibilities", live_sql.role_key(event.function, event.department))]
    if isinstance(event, ev.DesignInfoChanged):
        return [("design", "")]
    return []


def references(kind: str, row: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The objects a row refers to: sent before it when they are unsent too."""
    if row is None:
        return []
    if kind == "departments" and row["parent_id"]:
        return [("departments", row["parent_id"])]
    if kind == "links":
        return [("departments", row["source_id"]), ("departments", row["target_id"])]
    if kind == "responsibilities":
        return [("functions", row["function_id"]), ("departments", row["department_id"])]
    if kind == "kpis":
        owner = [("departments", row["owner_id"])] if row["owner_id"] else []
        return (
            owner
            + [("departments", d) for d in json.loads(row["shared"])]
            + [("functions", f) for f in json.loads(row["functions"])]
        )
    return []
