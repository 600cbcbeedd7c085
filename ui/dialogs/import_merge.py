"""The ops that add an imported design into the open one, as one undo step.

Qt-free on purpose (plain ops): ids that already exist in the target are
replaced by fresh ones, functions are matched by catalogue key, and the
imported chart is placed to the right of what is already there.
"""

from __future__ import annotations

from orgdesigner.design import Design
from orgdesigner.entities import new_id
from orgdesigner.geometry import BOX_W, H_GAP
from orgdesigner.ops import AddDepartment, AddFunction, AddLink, Batch, Op, SetRole


def _tree_order(design: Design) -> list[str]:
    """Parents before children, so every AddDepartment finds its parent."""
    return [dept_id for dept_id, _ in design.iter_parent_first()]


def merge_ops(target: Design, imported: Design, text: str = "Import") -> Batch:
    """A Batch adding `imported`'s departments, links, functions and roles to `target`."""
    dept_ids = {d: (new_id() if d in target.departments else d) for d in imported.departments}
    dx = dy = 0.0
    if target.departments and imported.departments:
        right = max(d.x for d in target.departments.values()) + BOX_W + 2 * H_GAP
        dx = right - min(d.x for d in imported.departments.values())
        dy = min(d.y for d in target.departments.values()) - min(
            d.y for d in imported.departments.values()
        )
    ops: list[Op] = []
    for dept_id in _tree_order(imported):
        dept = imported.departments[dept_id].copy()
        dept.id = dept_ids[dept_id]
        dept.parent = dept_ids[dept.parent] if dept.parent is not None else None
        dept.x, dept.y = dept.x + dx, dept.y + dy
        ops.append(AddDepartment(dept))
    function_ids: dict[str, str] = {}
    for function in imported.functions.values():
        existing = target.function_by_key(function.key) if function.key else None
        if existing is not None:
            function_ids[function.id] = existing.id
            continue
        copy = function.copy()
        copy.id = new_id() if copy.id in target.functions else copy.id
        function_ids[function.id] = copy.id
        ops.append(AddFunction(copy))
    for function_id, dept_id, role in imported.responsibilities():
        ops.append(SetRole(function_ids[function_id], dept_ids[dept_id], role))
    for link in imported.links.values():
        copy = link.copy()
        copy.id = new_id() if copy.id in target.links else copy.id
        copy.source, copy.target = dept_ids[link.source], dept_ids[link.target]
        ops.append(AddLink(copy))
    return Batch(ops, text)
