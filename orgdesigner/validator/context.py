"""What every rule reads: the design plus indexes computed once, lazily, in O(n).

Rules must stay linear: they read these indexes instead of scanning the design
once per department or function.
"""

from __future__ import annotations

from functools import cached_property

from ..catalogue import BRAND_MANAGEMENT, MARKETING
from ..design import LANGUAGES, Design
from ..entities import DeptKind, Role
from ..findings import Finding, Severity, make_finding
from ..units import rival_groups
from .scan import Scan, scan
from .settings import Thresholds, thresholds


class Context:
    def __init__(self, design: Design, language: str | None = None):
        self.design = design
        self._departments = design.departments
        self.language = (
            language if language in LANGUAGES else ("en" if design.language == "en" else "zh")
        )
        self.thresholds: Thresholds = thresholds(design)
        # Rules reporting per department build only this language's message (`report`):
        # at 100,000 units most of the validator's time is message text.
        self.zh = self.language == "zh"
        # (opening, closing, the name of an unnamed unit): `dept` quotes with them; a rule
        # reporting per department inlines them in its message (one f-string, no calls).
        self.quotes = ("“", "”", "（未命名）") if self.zh else ('"', '"', "(unnamed)")

    # ----------------------------------------------------------------- messages
    def finding(
        self, rule: str, severity: Severity, zh: str, en: str, objects: tuple[str, ...] | list[str]
    ) -> Finding:
        """A finding whose message is `zh` or `en`, whichever the design speaks."""
        return self.report(rule, severity, zh if self.zh else en, objects)

    def report(
        self, rule: str, severity: Severity, message: str, objects: tuple[str, ...] | list[str]
    ) -> Finding:
        """A finding whose `message` is already in the context's language (see `zh`)."""
        return make_finding(
            rule, severity, message, objects if type(objects) is tuple else tuple(objects)
        )

    def dept(self, dept_id: str) -> str:
        """A department's name, quoted for a message."""
        opening, closing, unnamed = self.quotes
        return f"{opening}{self._departments[dept_id].name or unnamed}{closing}"

    def depts(self, dept_ids: list[str], limit: int = 5) -> str:
        names = [self.dept(d) for d in dept_ids[:limit]]
        more = len(dept_ids) - limit
        if more > 0:
            names.append(
                f"等 {len(dept_ids)} 个部门" if self.language == "zh" else f"and {more} more"
            )
        return ("、" if self.language == "zh" else ", ").join(names)

    def owners_with_units(self, dept_ids: list[str]) -> str:
        """Owners named with the business unit each covers: “消费品营销团队”（“消费品事业部”）."""
        parts = []
        for dept_id in dept_ids:
            unit = self.business_unit.get(dept_id)
            if unit is None or unit == dept_id:
                parts.append(self.dept(dept_id))
            elif self.language == "zh":
                parts.append(f"{self.dept(dept_id)}（{self.dept(unit)}）")
            else:
                parts.append(f"{self.dept(dept_id)} ({self.dept(unit)})")
        return ("、" if self.language == "zh" else ", ").join(parts)

    def func(self, function_id: str) -> str:
        """A function's name, quoted for a message."""
        return self._quote(self.design.functions[function_id].name)

    def quote(self, name: str) -> str:
        """Any name (a KPI's, a unit's) quoted for a message."""
        return self._quote(name)

    def _quote(self, name: str) -> str:
        opening, closing, unnamed = self.quotes
        return f"{opening}{name or unnamed}{closing}"

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
        owner = Role.A
        return {f: [d for d, r in roles.items() if r is owner] for f, roles in self.roles.items()}

    @cached_property
    def roles_per_department(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for roles in self.roles.values():
            for dept_id in roles:
                out[dept_id] = out.get(dept_id, 0) + 1
        return out

    @cached_property
    def scan(self) -> Scan:
        """What the per-department rules look at, from one pass over the departments."""
        return scan(self.design)

    @property
    def child_counts(self) -> dict[str, int]:
        """Department id -> number of direct sub-units (absent: none)."""
        return self.scan.child_counts

    @property
    def committees(self) -> list[str]:
        """The committee (委员会) departments, in design order."""
        return self.scan.committees

    @cached_property
    def depth(self) -> dict[str, int]:
        """Department id -> layer (1 for a root), iteratively (deep chains are fine)."""
        return {dept_id: level + 1 for dept_id, level in self.design.iter_parent_first()}

    @cached_property
    def unit(self) -> "_Units":
        """Department id -> its organisational unit: a group (小组) of a department belongs to it.

        So the 市场部 with its four sub-groups counts as one marketing hub. A team
        directly under an office, a business unit or a committee is a unit of its
        own, judged like a department (a marketing team and a sales team under the
        general manager are two units, not one). Looked up lazily and remembered: the
        rules ask about owners and the hub's ties, never all 100,000 departments.
        """
        return _Units(self.design)

    @cached_property
    def business_unit(self) -> "_BusinessUnits":
        """Department id -> the business unit (事业部) it sits in (itself if it is one), or None.

        Owners in different business units cover their own unit (the seed's
        embedded marketing teams), so they are not rival owners. Looked up lazily
        (a walk up the tree, remembered on the way): most designs ask for a few.
        """
        return _BusinessUnits(self.design)

    def scoped_owners(self, function_id: str) -> list[list[str]]:
        """The owners of a function that compete with each other (推诿扯皮), as groups.

        Owners in different business units are per-unit owners, not rivals. Two
        owners in one unit compete; so do several at group level, and a group-level
        owner with any owner inside a unit.
        """
        owners = self.owners[function_id]
        return rival_groups(owners, self.business_unit.__getitem__) if len(owners) > 1 else []

    @cached_property
    def unit_counts(self) -> dict[str, int]:
        """Unit -> how many marketing functions it owns."""
        counts: dict[str, int] = {}
        for function_id, owners in self.owners.items():
            if self.design.functions[function_id].category != MARKETING:
                continue
            for owner in set(self.unit[o] for o in owners):
                counts[owner] = counts.get(owner, 0) + 1
        return counts

    @cached_property
    def hub(self) -> str | None:
        """The marketing hub: the unit owning brand management, 品牌标准的制定者和守护者.

        When several units own brand, the one owning most marketing functions
        among them; when nobody owns brand, the unit owning most marketing
        functions (None if no marketing function is owned). Ties: the earliest.
        """
        design = self.design
        counts = self.unit_counts
        brand_units = list(
            dict.fromkeys(
                self.unit[o]
                for f, owners in self.owners.items()
                if design.functions[f].key == BRAND_MANAGEMENT
                for o in owners
            )
        )
        candidates = brand_units or list(counts)
        if not candidates:
            return None
        most = max(counts.get(u, 0) for u in candidates)
        leaders = {u for u in candidates if counts.get(u, 0) == most}
        if len(leaders) == 1:
            return leaders.pop()
        return next(d for d in design.departments if d in leaders)  # the earliest


_GROUP_HOSTS = (DeptKind.DEPARTMENT, DeptKind.TEAM)
_BUSINESS_UNIT = DeptKind.BUSINESS_UNIT
_TEAM = DeptKind.TEAM


class _Units:
    """A lazy, memoised `unit` mapping: a walk up through groups, remembered on the way."""

    def __init__(self, design: Design):
        self._departments = design.departments
        self._known: dict[str, str] = {}

    def __getitem__(self, dept_id: str) -> str:
        known = self._known
        found = known.get(dept_id)
        if found is not None:
            return found
        departments, team = self._departments, _TEAM
        chain = []
        current = dept_id
        while True:
            if current in known:
                found = known[current]
                break
            dept = departments[current]
            parent = departments[dept.parent] if dept.parent is not None else None
            if dept.kind is not team or parent is None or parent.kind not in _GROUP_HOSTS:
                found = known[current] = current
                break
            chain.append(current)
            current = parent.id
        for member in chain:
            known[member] = found
        return found


class _BusinessUnits:
    """A lazy, memoised `business_unit` mapping (linear overall, like every index here)."""

    def __init__(self, design: Design):
        self._departments = design.departments
        self._known: dict[str, str | None] = {}

    def __getitem__(self, dept_id: str) -> str | None:
        known, departments, business_unit = self._known, self._departments, _BUSINESS_UNIT
        chain = []
        current: str | None = dept_id
        while (
            current is not None
            and current not in known
            and departments[current].kind is not business_unit
        ):
            chain.append(current)
            current = departments[current].parent
        if current is None:
            found = None
        elif current in known:
            found = known[current]
        else:
            found = known[current] = current
        for member in chain:
            known[member] = found
        return found

    def get(self, dept_id: str, default: str | None = None) -> str | None:
        return self[dept_id] if dept_id in self._departments else default
