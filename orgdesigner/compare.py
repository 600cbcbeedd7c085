"""What a proposal changes: compare a base design with a target design.

`compare(base, target)` matches departments by identity (the same id, as in
two scenarios of one file), then by code (two imports of the same source),
then by name under the same matched parent, top-down, so a renamed or
independently imported unit is still recognised. It then reports added,
removed, renamed, moved, changed and merged departments, link changes,
function owner and RACI changes, before/after totals and the validator
findings a proposal resolves or introduces. Every step is a dictionary pass:
linear in the size of the designs. Format-independent: two scenarios, two
files or a `.json` all arrive here as `Design` objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from .design import Design
from .entities import Role
from .findings import Finding

# The order the change list is grouped in (the CLI, the dock and the PDF follow it).
KINDS = (
    "added",
    "removed",
    "merged",
    "renamed",
    "moved",
    "changed",
    "link-added",
    "link-removed",
    "link-changed",
    "function-added",
    "function-removed",
    "owner-changed",
    "ownerless",
    "role-changed",
)
DEPARTMENT_KINDS = frozenset(KINDS[:6])
COMPARED_FIELDS = ("kind", "leader", "headcount", "budget", "staff")
TOTALS = ("departments", "headcount", "budget", "layers", "widest_span", "errors", "warnings")


@dataclass(frozen=True)
class Change:
    """One difference; `object` is the target's id (the base's for removals)."""

    kind: str
    object: str
    name: str
    before: Any = None
    after: Any = None
    matched_by: str = ""  # "id", "code" or "name" for matched departments; "" otherwise

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "object": self.object,
            "name": self.name,
            "from": self.before,
            "to": self.after,
            "matched_by": self.matched_by,
        }


@dataclass
class Comparison:
    base: Design
    target: Design
    matches: dict[str, str]  # base department id -> target department id
    matched_by: dict[str, str]  # target department id -> "id" | "code" | "name"
    changes: list[Change] = field(default_factory=list)
    totals: dict[str, dict[str, float]] = field(default_factory=dict)
    resolved: list[Finding] = field(default_factory=list)
    introduced: list[Finding] = field(default_factory=list)

    def of_kind(self, *kinds: str) -> list[Change]:
        return [c for c in self.changes if c.kind in kinds]

    def by_kind(self) -> dict[str, list[Change]]:
        out: dict[str, list[Change]] = {}
        for change in self.changes:
            out.setdefault(change.kind, []).append(change)
        return out

    def department_marks(self) -> dict[str, str]:
        """target department id -> "added" | "moved" | "changed" (for colouring a chart)."""
        marks: dict[str, str] = {}
        for change in self.changes:
            if change.kind == "added":
                marks[change.object] = "added"
            elif change.kind == "moved":
                marks[change.object] = "moved"
            elif change.kind in ("renamed", "changed"):
                marks.setdefault(change.object, "changed")
        return marks

    def removed_departments(self) -> list[str]:
        """Base ids of departments the target no longer has (removed or merged)."""
        return [c.object for c in self.changes if c.kind in ("removed", "merged")]

    def to_json(self, base_label: str, target_label: str) -> dict[str, Any]:
        return {
            "base": base_label,
            "target": target_label,
            "changes": [c.to_json() for c in self.changes],
            "totals": self.totals,
            "findings": {
                "resolved": [f.to_json() for f in self.resolved],
                "introduced": [f.to_json() for f in self.introduced],
            },
        }


# ------------------------------------------------------------------ matching
def match_departments(base: Design, target: Design) -> tuple[dict[str, str], dict[str, str]]:
    """base id -> target id, and target id -> the rule that matched ("id", "code", "name")."""
    matches: dict[str, str] = {}
    how: dict[str, str] = {}
    for dept_id in base.departments:
        if dept_id in target.departments:
            matches[dept_id] = dept_id
            how[dept_id] = "id"
    # by code: only codes that are unique among the unmatched on each side
    base_codes = _unique(
        (d.code, d.id) for d in base.departments.values() if d.code and d.id not in matches
    )
    target_codes = _unique(
        (d.code, d.id) for d in target.departments.values() if d.code and d.id not in how
    )
    for code, base_id in base_codes.items():
        target_id = target_codes.get(code)
        if target_id is not None:
            matches[base_id] = target_id
            how[target_id] = "code"
    # by name under the same (matched) parent, top-down so matched parents enable children
    by_place = _unique(
        ((d.parent, d.name), d.id) for d in target.departments.values() if d.id not in how
    )
    for base_id in _top_down(base):
        if base_id in matches:
            continue
        dept = base.departments[base_id]
        if dept.parent is not None and dept.parent not in matches:
            continue
        parent = matches[dept.parent] if dept.parent is not None else None
        target_id = by_place.pop((parent, dept.name), None)
        if target_id is not None and target_id not in how:
            matches[base_id] = target_id
            how[target_id] = "name"
    return matches, how


def _unique(pairs: Iterable[tuple[Any, str]]) -> dict[Any, str]:
    """key -> id for keys that occur exactly once."""
    seen: dict[Any, str] = {}
    doubled: set[Any] = set()
    for key, value in pairs:
        if key in seen:
            doubled.add(key)
        seen[key] = value
    for key in doubled:
        del seen[key]
    return seen


def _top_down(design: Design) -> list[str]:
    order: list[str] = []
    queue = [d.id for d in design.roots()]
    while queue:
        order.extend(queue)
        queue = [c for dept_id in queue for c in design.child_ids(dept_id)]
    return order


def match_functions(base: Design, target: Design) -> dict[str, str]:
    """base function id -> target function id: by id, then catalogue key, then name."""
    matches = {f: f for f in base.functions if f in target.functions}
    taken = set(matches.values())
    for attribute in ("key", "name"):
        wanted = _unique(
            (getattr(f, attribute), f.id)
            for f in target.functions.values()
            if f.id not in taken and getattr(f, attribute)
        )
        for function in base.functions.values():
            if function.id in matches:
                continue
            target_id = wanted.get(getattr(function, attribute))
            if target_id is not None and target_id not in taken:
                matches[function.id] = target_id
                taken.add(target_id)
    return matches


# ------------------------------------------------------------------ comparing
def compare(
    base: Design,
    target: Design,
    *,
    findings: bool = True,
    language: str | None = None,
    base_findings: list[Finding] | None = None,
) -> Comparison:
    """All differences from `base` to `target` (see the module docstring).

    `base_findings`: the base's validator findings if known (the editor keeps them while
    it compares a base with every edit of the target), saving one validator run.
    """
    matches, how = match_departments(base, target)
    result = Comparison(base, target, matches, how)
    changes = result.changes
    _departments(result, changes)
    _links(result, changes)
    function_matches = match_functions(base, target)
    _functions(result, function_matches, changes)
    order = {kind: i for i, kind in enumerate(KINDS)}
    changes.sort(key=lambda c: order[c.kind])  # stable: design order within a kind
    result.totals = _totals(base, target)
    if findings:
        _findings(result, function_matches, language, base_findings)
    return result


def _parent_name(design: Design, dept_id: str | None) -> str | None:
    return design.departments[dept_id].name if dept_id is not None else None


def _departments(result: Comparison, changes: list[Change]) -> None:
    base, target, matches, how = result.base, result.target, result.matches, result.matched_by
    back = {t: b for b, t in matches.items()}
    for dept in target.departments.values():
        base_id = back.get(dept.id)
        if base_id is None:
            changes.append(
                Change("added", dept.id, dept.name, None, _parent_name(target, dept.parent))
            )
            continue
        old = base.departments[base_id]
        rule = how[dept.id]
        if old.name != dept.name:
            changes.append(Change("renamed", dept.id, dept.name, old.name, dept.name, rule))
        old_parent = matches.get(old.parent) if old.parent is not None else None
        moved = (old_parent != dept.parent) or (
            old.parent is not None and old.parent not in matches
        )
        if moved:
            changes.append(
                Change(
                    "moved",
                    dept.id,
                    dept.name,
                    _parent_name(base, old.parent),
                    _parent_name(target, dept.parent),
                    rule,
                )
            )
        before = {
            f: _plain(getattr(old, f))
            for f in COMPARED_FIELDS
            if getattr(old, f) != getattr(dept, f)
        }
        if before:
            after = {f: _plain(getattr(dept, f)) for f in before}
            changes.append(Change("changed", dept.id, dept.name, before, after, rule))
    for dept in base.departments.values():
        if dept.id in matches:
            continue
        into = _merged_into(result, dept.id)
        if into is not None:
            changes.append(
                Change("merged", dept.id, dept.name, dept.name, target.departments[into].name)
            )
        else:
            changes.append(Change("removed", dept.id, dept.name, dept.name, None))


def _merged_into(result: Comparison, removed_id: str) -> str | None:
    """The one target unit all children of a removed unit now report to, if there is one."""
    children = result.base.child_ids(removed_id)
    if not children:
        return None
    parents = set()
    for child in children:
        target_id = result.matches.get(child)
        if target_id is None:
            return None
        parents.add(result.target.departments[target_id].parent)
        if len(parents) > 1:
            return None
    (parent,) = parents
    return parent


def _plain(value: Any) -> Any:
    value = getattr(value, "value", value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _link_name(design: Design, link) -> str:
    arrow = " → " if link.directed else " — "
    return design.departments[link.source].name + arrow + design.departments[link.target].name


def _links(result: Comparison, changes: list[Change]) -> None:
    base, target, matches = result.base, result.target, result.matches
    target_by_key = {link.key(): link for link in target.links.values()}
    seen: set[str] = set()
    for link in base.links.values():
        source, dest = matches.get(link.source), matches.get(link.target)
        twin = None
        if source is not None and dest is not None:
            probe = link.copy()
            probe.source, probe.target = source, dest
            twin = target_by_key.get(probe.key())
        if twin is None:
            changes.append(
                Change(
                    "link-removed",
                    link.id,
                    _link_name(base, link),
                    link.label or link.kind.value,
                    None,
                )
            )
            continue
        seen.add(twin.id)
        if twin.label != link.label:
            changes.append(
                Change("link-changed", twin.id, _link_name(target, twin), link.label, twin.label)
            )
    for link in target.links.values():
        if link.id not in seen:
            changes.append(
                Change(
                    "link-added",
                    link.id,
                    _link_name(target, link),
                    None,
                    link.label or link.kind.value,
                )
            )


def _names(design: Design, dept_ids: Iterable[str]) -> str | None:
    names = sorted(design.departments[d].name for d in dept_ids)
    return "、".join(names) if names else None


def _functions(result: Comparison, function_matches: dict[str, str], changes: list[Change]) -> None:
    base, target, matches = result.base, result.target, result.matches
    back = {t: b for b, t in function_matches.items()}
    for function in target.functions.values():
        if function.id not in back:
            changes.append(
                Change(
                    "function-added",
                    function.id,
                    function.name,
                    None,
                    _names(target, target.owners(function.id)),
                )
            )
    for function in base.functions.values():
        if function.id not in function_matches:
            changes.append(
                Change(
                    "function-removed",
                    function.id,
                    function.name,
                    _names(base, base.owners(function.id)),
                    None,
                )
            )
    for function in target.functions.values():
        base_id = back.get(function.id)
        if base_id is None:
            continue
        old_owners = [matches.get(d, "") for d in base.owners(base_id)]
        new_owners = target.owners(function.id)
        if set(old_owners) != set(new_owners):
            before = _names(base, base.owners(base_id))
            if not new_owners:
                changes.append(Change("ownerless", function.id, function.name, before, None))
            else:
                changes.append(
                    Change(
                        "owner-changed",
                        function.id,
                        function.name,
                        before,
                        _names(target, new_owners),
                    )
                )
        old_roles = {
            matches[d]: r for d, r in base.roles_of_function(base_id).items() if d in matches
        }
        new_roles = target.roles_of_function(function.id)
        for dept_id in _ordered_union(old_roles, new_roles):
            old, new = old_roles.get(dept_id), new_roles.get(dept_id)
            if old != new:
                label = f"{function.name} · {target.departments[dept_id].name}"
                changes.append(Change("role-changed", function.id, label, _role(old), _role(new)))


def _ordered_union(first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))


def _role(role: Role | None) -> str | None:
    return role.value if role is not None else None


# ------------------------------------------------------------------ totals
def design_totals(design: Design, findings: list[Finding] | None = None) -> dict[str, float]:
    """Departments, headcount, budget, layers, widest span (and finding counts if given)."""
    layers = span = 0
    level = [d.id for d in design.roots()]
    while level:  # one pass down the tree, level by level
        layers += 1
        below: list[str] = []
        for dept_id in level:
            children = design.child_ids(dept_id)
            span = max(span, len(children))
            below.extend(children)
        level = below
    out: dict[str, float] = {
        "departments": len(design.departments),
        "headcount": _plain(sum(d.headcount for d in design.departments.values())),
        "budget": _plain(sum(d.budget for d in design.departments.values())),
        "layers": layers,
        "widest_span": span,
    }
    if findings is not None:
        out["errors"] = sum(1 for f in findings if f.severity.value == "error")
        out["warnings"] = sum(1 for f in findings if f.severity.value == "warning")
    return out


def _totals(base: Design, target: Design) -> dict[str, dict[str, float]]:
    before, after = design_totals(base), design_totals(target)
    return {key: {"from": before[key], "to": after[key]} for key in before}


def _findings(
    result: Comparison,
    function_matches: dict[str, str],
    language: str | None,
    base_findings: list[Finding] | None,
) -> None:
    from .validator import validate

    if base_findings is None:
        base_findings = validate(result.base, language=language)
    target_findings = validate(result.target, language=language)
    translate = {**result.matches, **function_matches}

    def key(finding: Finding, mapping: dict[str, str] | None) -> tuple:
        objects = (
            finding.objects
            if mapping is None
            else tuple(mapping.get(o, "?" + o) for o in finding.objects)
        )
        return finding.rule, frozenset(objects)

    base_keys = {key(f, translate) for f in base_findings}
    target_keys = {key(f, None) for f in target_findings}
    result.resolved = [f for f in base_findings if key(f, translate) not in target_keys]
    result.introduced = [f for f in target_findings if key(f, None) not in base_keys]
    for side, found in (("from", base_findings), ("to", target_findings)):
        for severity, name in (("error", "errors"), ("warning", "warnings")):
            result.totals.setdefault(name, {})[side] = sum(
                1 for f in found if f.severity.value == severity
            )
