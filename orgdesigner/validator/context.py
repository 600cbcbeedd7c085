"""What every rule reads: the design plus indexes computed once, lazily, in O(n).

Rules must stay linear: they read these indexes instead of scanning the design
once per department or function.
"""

from __future__ import annotations

from functools import cached_property

from ..catalogue import BRAND_MANAGEMENT, MARKETING
from ..design import LANGUAGES, Design
from ..entities import DeptKind, Role
from ..findings import Finding, Severity
from .settings import Thresholds, thresholds


class Context:
    def __init__(self, design: Design, language: str | None = None):
        self.design = design
        self.language = language if language in LANGUAGES else (
            "en" if design.language == "en" else "zh")
        self.thresholds: Thresholds = thresholds(design)

    # ----------------------------------------------------------------- messages
    def finding(self, rule: str, severity: Severity, zh: str, en: str,
                objects: tuple[str, ...] | list[str]) -> Finding:
        """A finding whose message is `zh` or `en`, whichever the design speaks."""
        return Finding(rule, severity, zh if self.language == "zh" else en, tuple(objects))

    def dept(self, dept_id: str) -> str:
        """A department's name, quoted for a message."""
        return self._quote(self.design.departments[dept_id].name)

    def depts(self, dept_ids: list[str], limit: int = 5) -> str:
        names = [self.dept(d) for d in dept_ids[:limit]]
        more = len(dept_ids) - limit
        if more > 0:
            names.append(f"等 {len(dept_ids)} 个部门" if self.language == "zh" else f"and {more} more")
        return ("、" if self.language == "zh" else ", ").join(names)

    def func(self, function_id: str) -> str:
        """A function's name, quoted for a message."""
        return self._quote(self.design.functions[function_id].name)

    def _quote(self, name: str) -> str:
        if self.language == "zh":
            return f"“{name or '（未命名）'}”"
        return f'"{name or "(unnamed)"}"'

    # ------------------------------------------------------------------ indexes
    @cached_property
    def roles(self) -> dict[str, dict[str, Role]]:
        """function id -> {department id: role}, for every function (empty if none)."""
        out: dict[str, dict[str, Role]] = {f: {} for f in self.design.functions}
        for function_id, dept_id, role in self.design.responsibilities():
            out[function_id][dept_id] = role
        return out

    @cached_property
    def owners(self) -> dict[str, list[str]]:
        """function id -> departments holding A, in design order of assignment."""
        return {f: [d for d, r in roles.items() if r is Role.A] for f, roles in self.roles.items()}

    @cached_property
    def roles_per_department(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for roles in self.roles.values():
            for dept_id in roles:
                out[dept_id] = out.get(dept_id, 0) + 1
        return out

    @cached_property
    def depth(self) -> dict[str, int]:
        """Department id -> layer (1 for a root), iteratively (deep chains are fine)."""
        return {dept_id: level + 1 for dept_id, level in self.design.iter_parent_first()}

    @cached_property
    def unit(self) -> dict[str, str]:
        """Department id -> its organisational unit: a team (小组) belongs to its parent's unit.

        So the 市场部 with its four sub-groups counts as one marketing hub.
        """
        out: dict[str, str] = {}
        departments = self.design.departments
        for dept_id in departments:
            chain = []
            current = dept_id
            while current not in out:
                dept = departments[current]
                if dept.kind is not DeptKind.TEAM or dept.parent is None:
                    out[current] = current
                    break
                chain.append(current)
                current = dept.parent
            for member in chain:
                out[member] = out[current]
        return out

    @cached_property
    def hub(self) -> str | None:
        """The marketing hub: the unit owning most marketing functions (None if none owned).

        Among equals, the unit owning brand management wins, then the earliest.
        """
        design = self.design
        counts: dict[str, int] = {}
        for function_id, owners in self.owners.items():
            if design.functions[function_id].category != MARKETING:
                continue
            for owner in set(self.unit[o] for o in owners):
                counts[owner] = counts.get(owner, 0) + 1
        if not counts:
            return None
        brand_units = {self.unit[o] for f, owners in self.owners.items()
                       if design.functions[f].key == BRAND_MANAGEMENT for o in owners}
        order = {d: i for i, d in enumerate(design.departments)}
        return min(counts, key=lambda u: (-counts[u], u not in brand_units, order[u]))
