"""Bring an imported design into an open one as a single undoable operation.

The editor's wizard offers "import into the current design": the imported
departments are added with one `Batch` of `AddDepartment` ops (one undo
step), placed to the right of what is already on the canvas, optionally
with their roots reporting to a chosen department.
"""

from __future__ import annotations

import uuid

from ..design import Design
from ..errors import UnknownObjectError
from ..geometry import BOX_W, H_GAP
from ..ops import AddDepartment, Batch, Op


def import_ops(
    target: Design, imported: Design, *, under: str | None = None, text: str = "Import"
) -> Batch:
    """Ops that add every department of `imported` to `target` (parents before children).

    Ids already used in `target` are replaced by fresh ones; the imported
    roots report to `under` when it is given.
    """
    if under is not None and under not in target.departments:
        raise UnknownObjectError(f"there is no department with id {under!r}")
    new_id = {
        d: d if d not in target.departments else str(uuid.uuid4()) for d in imported.departments
    }
    dx = 0.0
    if target.departments and imported.departments:
        right = max(d.x for d in target.departments.values()) + BOX_W + 2 * H_GAP
        dx = right - min(d.x for d in imported.departments.values())
    ops: list[Op] = []
    for dept in _parents_first(imported):
        copy = dept.copy()
        copy.id = new_id[dept.id]
        copy.parent = new_id[dept.parent] if dept.parent is not None else under
        copy.x = dept.x + dx
        ops.append(AddDepartment(copy))
    return Batch(ops, text)


def _parents_first(design: Design):
    return [design.departments[dept_id] for dept_id, _ in design.iter_parent_first()]
