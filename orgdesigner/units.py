"""Business units (事业部) and whom an owner covers: the scope of ownership.

In a divisional or project-based company each business unit owns its own front line
(事业部制下的嵌入式营销团队; 由业务负责人直接带领团队进行客户开发与关系维护), so owners in
different units are per-unit owners, not rivals. The validator and the owner matrix share
these rules.
"""

from __future__ import annotations

from typing import Callable

from .design import Design
from .entities import DeptKind


def business_unit_of(design: Design, dept_id: str) -> str | None:
    """The business unit a department sits in (itself if it is one), or None (group level)."""
    current: str | None = dept_id
    while current is not None:
        dept = design.departments[current]
        if dept.kind is DeptKind.BUSINESS_UNIT:
            return current
        current = dept.parent
    return None


def rival_groups(owners: list[str], unit_of: Callable[[str], str | None]) -> list[list[str]]:
    """The owners that compete (推诿扯皮), as groups; none when each covers its own unit.

    Two owners in one unit compete; so do several at group level, and a group-level
    owner beside any owner inside a unit.
    """
    if len(owners) < 2:
        return []
    scopes: dict[str | None, list[str]] = {}
    for owner in owners:
        scopes.setdefault(unit_of(owner), []).append(owner)
    if None in scopes and len(scopes) > 1:
        return [owners]
    return [group for group in scopes.values() if len(group) > 1]
