"""Minimal designs for validator tests: ids are short readable strings.

Departments default to a leader and one person, so that only the rule under
test fires; functions default to required marketing functions.
"""

from __future__ import annotations

from typing import Any, Sequence

from orgdesigner.design import Design
from orgdesigner.entities import Department, DeptKind, Function, Link, LinkKind
from orgdesigner.findings import Severity
from orgdesigner.validator import validate


def make(
    departments: Sequence[tuple] = (),
    functions: Sequence[tuple] = (),
    roles: Sequence[tuple] = (),
    links: Sequence[tuple] = (),
    *,
    language: str = "zh",
    settings: dict | None = None,
) -> Design:
    """departments: (id, parent[, {field: value}]); functions: (key[, category[, required]]);
    roles: (function key, department id, role); links: (source, target[, kind])."""
    design = Design("测试", language=language)
    design.settings.update(settings or {})
    for spec in departments:
        dept_id, parent = spec[0], spec[1]
        fields: dict[str, Any] = {"name": dept_id, "leader": "负责人", "headcount": 1}
        fields.update(spec[2] if len(spec) > 2 else {})
        if "kind" in fields:
            fields["kind"] = DeptKind(fields["kind"])
        design.add_department(Department(id=dept_id, parent=parent, **fields))
    for spec in functions:
        key = spec[0]
        category = spec[1] if len(spec) > 1 else "marketing"
        required = spec[2] if len(spec) > 2 else True
        design.add_function(
            Function(id=key, key=key, name=f"职能{key}", category=category, required=required)
        )
    for key, dept_id, role in roles:
        design.set_role(key, dept_id, role)
    for spec in links:
        kind = LinkKind(spec[2]) if len(spec) > 2 else LinkKind.COLLABORATION
        design.add_link(Link(id=f"{spec[0]}-{spec[1]}", source=spec[0], target=spec[1], kind=kind))
    return design


def found(design: Design, rule: str) -> list[tuple[Severity, tuple[str, ...]]]:
    """(severity, objects) of every finding of `rule`, in report order."""
    return [(f.severity, f.objects) for f in validate(design) if f.rule == rule]
