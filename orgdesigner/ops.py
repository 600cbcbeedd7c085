"""Reversible operations on a design: `op.apply(design)` returns the exact inverse.

The UI's one edit entry point, `EditorContext.apply(op, text)`, applies an
operation (or a `Batch`) once and pushes one undo entry holding the inverse
only if the model accepted it; undo applies the inverse. A refused operation
raises a ModelError and changes nothing (a Batch undoes its done part).
Scripts, imports and tests use the same objects, so every edit takes one path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .design import Design, Removal
from .entities import Department, Function, Kpi, Link, Role


class Op:
    """One reversible change. `text` is what Edit > Undo shows."""

    text = "Edit"

    def apply(self, design: Design) -> "Op":  # pragma: no cover - interface
        raise NotImplementedError


@dataclass
class AddDepartment(Op):
    department: Department
    index: int | None = None
    text = "Add department"

    def apply(self, design: Design) -> Op:
        design.add_department(self.department.copy(), self.index)
        return RemoveDepartment(self.department.id)


@dataclass
class RemoveDepartment(Op):
    id: str
    reparent_to_parent: bool = True
    text = "Delete department"

    def apply(self, design: Design) -> Op:
        return RestoreDepartment(design.remove_department(self.id, self.reparent_to_parent))


@dataclass
class RestoreDepartment(Op):
    removal: Removal
    text = "Restore department"

    def apply(self, design: Design) -> Op:
        design.restore_department(self.removal)
        return RemoveDepartment(self.removal.department.id)


@dataclass
class UpdateDepartment(Op):
    id: str
    changes: dict[str, Any]
    text = "Edit department"

    def apply(self, design: Design) -> Op:
        return UpdateDepartment(self.id, design.update_department(self.id, **self.changes))


@dataclass
class MoveDepartments(Op):
    positions: dict[str, tuple[float, float]]
    text = "Move"

    def apply(self, design: Design) -> Op:
        return MoveDepartments(design.move_departments(self.positions))


@dataclass
class SetParent(Op):
    id: str
    parent: str | None
    text = "Change reporting line"

    def apply(self, design: Design) -> Op:
        return SetParent(self.id, design.set_parent(self.id, self.parent))


@dataclass
class AddLink(Op):
    link: Link
    index: int | None = None
    text = "Add link"

    def apply(self, design: Design) -> Op:
        design.add_link(self.link.copy(), self.index)
        return RemoveLink(self.link.id)


@dataclass
class RemoveLink(Op):
    id: str
    text = "Delete link"

    def apply(self, design: Design) -> Op:
        link, index = design.take_link(self.id)
        return AddLink(link, index)


@dataclass
class UpdateLink(Op):
    id: str
    changes: dict[str, Any]
    text = "Edit link"

    def apply(self, design: Design) -> Op:
        return UpdateLink(self.id, design.update_link(self.id, **self.changes))


@dataclass
class AddFunction(Op):
    function: Function
    index: int | None = None
    roles: dict[str, Role] = field(default_factory=dict)
    kpis: list[tuple[str, dict[str, Any]]] = field(
        default_factory=list
    )  # KPI id, fields to restore
    text = "Add function"

    def apply(self, design: Design) -> Op:
        design.add_function(self.function.copy(), self.index)
        for dept_id, role in self.roles.items():
            design.set_role(self.function.id, dept_id, role)
        for kpi_id, fields in self.kpis:
            design.update_kpi(kpi_id, **fields)
        return RemoveFunction(self.function.id)


@dataclass
class RemoveFunction(Op):
    id: str
    text = "Delete function"

    def apply(self, design: Design) -> Op:
        function, index, roles, kpis = design.remove_function(self.id)
        return AddFunction(function.copy(), index, roles, kpis)


@dataclass
class UpdateFunction(Op):
    id: str
    changes: dict[str, Any]
    text = "Edit function"

    def apply(self, design: Design) -> Op:
        return UpdateFunction(self.id, design.update_function(self.id, **self.changes))


@dataclass
class SetRole(Op):
    function: str
    department: str
    role: Role | None
    text = "Set responsibility"

    def apply(self, design: Design) -> Op:
        return SetRole(
            self.function,
            self.department,
            design.set_role(self.function, self.department, self.role),
        )


@dataclass
class AddKpi(Op):
    kpi: Kpi
    index: int | None = None
    text = "Add KPI"

    def apply(self, design: Design) -> Op:
        design.add_kpi(self.kpi.copy(), self.index)
        return RemoveKpi(self.kpi.id)


@dataclass
class RemoveKpi(Op):
    id: str
    text = "Delete KPI"

    def apply(self, design: Design) -> Op:
        kpi, index = design.remove_kpi(self.id)
        return AddKpi(kpi.copy(), index)


@dataclass
class UpdateKpi(Op):
    id: str
    changes: dict[str, Any]
    text = "Edit KPI"

    def apply(self, design: Design) -> Op:
        return UpdateKpi(self.id, design.update_kpi(self.id, **self.changes))


@dataclass
class UpdateDesign(Op):
    changes: dict[str, Any]
    text = "Edit design properties"

    def apply(self, design: Design) -> Op:
        return UpdateDesign(design.update_info(**self.changes))


@dataclass
class Batch(Op):
    """Several operations as one undo step; if one fails, the done ones are undone."""

    ops: list[Op]
    text: str = "Edit"

    def apply(self, design: Design) -> Op:
        inverses: list[Op] = []
        with design.batch():
            try:
                for op in self.ops:
                    inverses.append(op.apply(design))
            except Exception:
                for inverse in reversed(inverses):
                    inverse.apply(design)
                raise
        return Batch(list(reversed(inverses)), self.text)
