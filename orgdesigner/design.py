"""The design: departments, links, functions and RACI roles, with invariants.

Every mutating method validates first, changes the state, emits events and
returns what its inverse needs, so `orgdesigner.ops` can build exact undo.
Lookups are O(1) through indexes; no method is quadratic in the design size.
"""

from __future__ import annotations

import bisect
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator, cast

from . import events as ev
from .entities import (
    Department,
    Function,
    Kpi,
    Link,
    Role,
    check_text,
    new_id,
    checked_department,
    checked_function,
    checked_kpi,
    checked_link,
    normalise_department_field,
    normalise_function_field,
    normalise_kpi_field,
    normalise_link_field,
)
from .errors import (
    CycleError,
    DuplicateIdError,
    DuplicateLinkError,
    InvalidValueError,
    SelfLinkError,
    UnknownObjectError,
)

INFO_FIELDS = ("name", "description", "author", "language")
GAP = 1024  # spacing of department ranks (see Design._rank_new)
LANGUAGES = ("zh", "en")


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def check_language(language: str) -> None:
    """Refuse a design language the program has no texts for."""
    if language not in LANGUAGES:
        raise InvalidValueError(f"language must be one of {', '.join(LANGUAGES)}")


def _set_fields(obj: Any, clean: dict[str, Any]) -> dict[str, Any]:
    """Set already-normalised fields on `obj`; return their old values (the inverse edit)."""
    old = {k: getattr(obj, k) for k in clean}
    for k, v in clean.items():
        setattr(obj, k, v)
    return old


@dataclass
class FileStamp:
    """What the design file says about its last save (not part of the content)."""

    format_version: int = 0
    save_generation: int = 0
    save_id: str = ""
    saved_by: str = ""
    saved_at: str = ""
    app_version: str = ""


@dataclass
class Removal:
    """Everything `remove_department` took away, for an exact restore."""

    department: Department
    index: int
    children: list[str]  # re-parented children, their old parent was the department
    links: list[tuple[int, Link]]
    roles: list[tuple[str, Role]]  # function id, role
    kpis: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # KPI id, old fields


class Design:
    def __init__(self, name: str = "", *, language: str = "zh", id: str | None = None):
        self.id = id or new_id()
        self.name = name
        self.description = ""
        self.author = ""
        self.language = language
        self.created = now_iso()
        self.modified = self.created
        self.settings: dict[str, Any] = {}
        self.stamp = FileStamp()
        self.scenario: Any = None  # ScenarioInfo once part of a file (orgdesigner.scenarios)
        self.departments: dict[str, Department] = {}
        self.links: dict[str, Link] = {}
        self.functions: dict[str, Function] = {}
        self.kpis: dict[str, Kpi] = {}
        self._children: dict[str | None, dict[str, None]] = {None: {}}
        self._links_of: dict[str, dict[str, None]] = {}
        self._link_keys: dict[tuple, str] = {}
        self._roles_by_function: dict[str, dict[str, Role]] = {}
        self._roles_by_department: dict[str, dict[str, Role]] = {}
        self.events = ev.EventHub()
        self._batch_depth = 0
        self._live: dict[str, list[str]] = {}  # inside a batch: the true order of a collection
        self._rank: dict[str, int] = {}  # department id -> rank, growing along `departments`

    # -------------------------------------------------------------- ordering
    # The order of `departments`, `links` and `functions` is part of the design (the
    # file stores it, views show it). Sibling order is derived from it: the children
    # of a parent are kept in the order the departments have in `departments`, so
    # one order is stored and undo restores both by putting objects back at their index.
    @contextmanager
    def batch(self):
        """Group many edits: inside a batch, positional changes go to a plain list
        (C-speed inserts) and each collection's dict is rebuilt once at the end. A batch
        is one action for listeners (a live repository design sends it as one transaction),
        heard once the order is up to date."""
        with self.events.action() if self.events else nullcontext():
            self._batch_depth += 1
            try:
                yield self
            finally:
                self._batch_depth -= 1
                if self._batch_depth == 0:
                    self._flush_order()

    def position(self, collection: str, key: str) -> int:
        """Index of `key` in `departments`, `links`, `functions` or `kpis` (for exact undo)."""
        live = self._live.get(collection)
        return (live if live is not None else list(getattr(self, collection))).index(key)

    def _place(self, collection: str, key: str, value: Any, index: int | None) -> int:
        """Put a new `key` at `index` (None: the end); return the index it got."""
        mapping: dict = getattr(self, collection)
        end = len(mapping)
        index = end if index is None else max(0, min(index, end))
        last = next(reversed(mapping)) if mapping and index == end else None
        mapping[key] = value
        live = self._live.get(collection)
        order: list[str] | None = None
        if live is not None:
            live.insert(index, key)
            order = live
        elif index < end:
            order = list(mapping)
            order.pop()
            order.insert(index, key)
            if self._batch_depth:
                self._live[collection] = order
            else:
                self._reorder(mapping, order)
        if collection == "departments":
            self._rank_new(key, index, order, last)
        return index

    def _rank_new(self, key: str, index: int, order: list[str] | None, last: str | None) -> None:
        """Give a department placed at `index` a rank between its neighbours' ranks.

        Ranks grow along `departments` (with gaps), so a department's place among
        its siblings is a bisection over a few ranks instead of list searches.
        """
        if order is None:  # appended outside a batch: after the old last one
            self._rank[key] = self._rank[last] + GAP if last is not None else 0
            return
        before = self._rank[order[index - 1]] if index > 0 else None
        after = self._rank[order[index + 1]] if index + 1 < len(order) else None
        if before is None:
            rank = 0 if after is None else after - GAP
        elif after is None:
            rank = before + GAP
        elif after - before >= 2:
            rank = (before + after) // 2
        else:  # no gap left: space all ranks out again (rare)
            self._rank.update((k, i * GAP) for i, k in enumerate(order))
            return
        self._rank[key] = rank

    def _take(self, collection: str, key: str) -> int:
        """Remove `key`; return the index it had."""
        mapping: dict = getattr(self, collection)
        live = self._live.get(collection)
        if live is None and self._batch_depth:
            live = self._live[collection] = list(mapping)
        if live is not None:
            index = live.index(key)
            del live[index]
        else:
            index = list(mapping).index(key)
        del mapping[key]
        if collection == "departments":
            del self._rank[key]
        return index

    @staticmethod
    def _reorder(mapping: dict, order: list[str]) -> None:
        """Rebuild `mapping` in place (views may hold a reference to it) in `order`."""
        items = [(key, mapping[key]) for key in order]
        mapping.clear()
        mapping.update(items)

    def _flush_order(self) -> None:
        for collection, order in self._live.items():
            self._reorder(getattr(self, collection), order)
        self._live.clear()

    def _sibling_slot(self, dept_id: str, parent: str | None) -> int:
        """Where `dept_id` belongs among `parent`'s children: by its place in `departments`."""
        rank = self._rank
        kids = [rank[k] for k in self._children.get(parent, ()) if k != dept_id]
        return bisect.bisect_left(kids, rank[dept_id])

    def _attach(self, dept_id: str, parent: str | None) -> int:
        """Add `dept_id` to `parent`'s children at its derived place; return the sibling index."""
        kids = self._children.setdefault(parent, {})
        slot = self._sibling_slot(dept_id, parent)
        if slot >= len(kids):
            kids[dept_id] = None
        else:
            order = list(kids)
            order.insert(slot, dept_id)
            kids.clear()
            kids.update(dict.fromkeys(order))
        return slot

    def _detach(self, dept_id: str, parent: str | None) -> int:
        kids = self._children[parent]
        index = list(kids).index(dept_id)
        del kids[dept_id]
        return index

    # ------------------------------------------------------------------ reading
    def department(self, dept_id: str) -> Department:
        try:
            return self.departments[dept_id]
        except KeyError:
            raise UnknownObjectError(f"there is no department with id {dept_id!r}") from None

    def link(self, link_id: str) -> Link:
        try:
            return self.links[link_id]
        except KeyError:
            raise UnknownObjectError(f"there is no link with id {link_id!r}") from None

    def function(self, function_id: str) -> Function:
        try:
            return self.functions[function_id]
        except KeyError:
            raise UnknownObjectError(f"there is no function with id {function_id!r}") from None

    def children(self, dept_id: str | None) -> list[Department]:
        return [self.departments[c] for c in self._children.get(dept_id, ())]

    def child_ids(self, dept_id: str | None) -> list[str]:
        return list(self._children.get(dept_id, ()))

    def roots(self) -> list[Department]:
        return self.children(None)

    def ancestors(self, dept_id: str) -> Iterator[str]:
        parent = self.department(dept_id).parent
        while parent is not None:
            yield parent
            parent = self.departments[parent].parent

    def descendants(self, dept_id: str) -> list[str]:
        out: list[str] = []
        stack = list(self._children.get(dept_id, ()))
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(self._children.get(current, ()))
        return out

    def links_of(self, dept_id: str) -> list[Link]:
        return [self.links[i] for i in self._links_of.get(dept_id, ())]

    def find_link(self, source: str, target: str, kind, directed: bool = False) -> Link | None:
        probe = Link(id="", source=source, target=target, kind=kind, directed=directed)
        link_id = self._link_keys.get(probe.key())
        return self.links.get(link_id) if link_id else None

    def role(self, function_id: str, dept_id: str) -> Role | None:
        return self._roles_by_function.get(function_id, {}).get(dept_id)

    def roles_of_function(self, function_id: str) -> dict[str, Role]:
        return dict(self._roles_by_function.get(function_id, {}))

    def roles_of_department(self, dept_id: str) -> dict[str, Role]:
        return dict(self._roles_by_department.get(dept_id, {}))

    def owners(self, function_id: str) -> list[str]:
        return [d for d, r in self._roles_by_function.get(function_id, {}).items() if r is Role.A]

    def responsibilities(self) -> Iterator[tuple[str, str, Role]]:
        for function_id, roles in self._roles_by_function.items():
            for dept_id, role in roles.items():
                yield function_id, dept_id, role

    def kpi(self, kpi_id: str) -> Kpi:
        try:
            return self.kpis[kpi_id]
        except KeyError:
            raise UnknownObjectError(f"there is no KPI with id {kpi_id!r}") from None

    def function_by_key(self, key: str) -> Function | None:
        for function in self.functions.values():
            if function.key == key:
                return function
        return None

    # --------------------------------------------------------------- departments
    def add_department(self, dept: Department, index: int | None = None) -> Department:
        """Add at `index` in `departments` (None: the end); its sibling place follows from it."""
        dept = checked_department(dept)
        if dept.id in self.departments:
            raise DuplicateIdError(f"a department with id {dept.id!r} already exists")
        if dept.parent is not None and dept.parent not in self.departments:
            raise UnknownObjectError(f"the parent of {dept.name!r} does not exist")
        index = self._place("departments", dept.id, dept, index)
        sibling = self._attach(dept.id, dept.parent)
        self._children.setdefault(dept.id, {})
        if self.events:
            self.events.emit(ev.DepartmentAdded(dept.copy(), index, sibling))
        return dept

    def update_department(self, dept_id: str, **changes: Any) -> dict[str, Any]:
        """Set fields; return their old values."""
        dept = self.department(dept_id)
        clean = {k: normalise_department_field(k, v) for k, v in changes.items()}
        old = _set_fields(dept, clean)
        if self.events:
            self.events.emit(ev.DepartmentChanged(dept_id, clean))
        return old

    def move_departments(
        self, positions: dict[str, tuple[float, float]]
    ) -> dict[str, tuple[float, float]]:
        """Set many positions at once (drag of a selection, auto layout); return old ones."""
        clean: dict[str, tuple[float, float]] = {}
        for dept_id, (x, y) in positions.items():
            self.department(dept_id)
            # x and y normalise to floats (check_number); the helper is typed for every field.
            clean[dept_id] = (
                cast(float, normalise_department_field("x", x)),
                cast(float, normalise_department_field("y", y)),
            )
        old = {}
        for dept_id, (x, y) in clean.items():
            dept = self.departments[dept_id]
            old[dept_id] = (dept.x, dept.y)
            dept.x, dept.y = x, y
        if self.events:
            self.events.emit(ev.DepartmentsMoved(clean))
        return old

    def check_parent(self, dept_id: str, parent: str | None) -> None:
        """Raise CycleError/UnknownObjectError if `parent` cannot be the parent of dept."""
        dept = self.department(dept_id)
        if parent is None:
            return
        new_parent = self.department(parent)
        if parent == dept_id:
            raise CycleError(
                f"{dept.name!r} cannot report to itself", zh=f"“{dept.name}”不能向自己汇报"
            )
        if dept_id in self.ancestors(parent):
            raise CycleError(
                f"{dept.name!r} cannot report to {new_parent.name!r}: "
                f"{new_parent.name!r} already reports to {dept.name!r}, which would make a cycle",
                zh=f"“{dept.name}”不能向“{new_parent.name}”汇报："
                f"“{new_parent.name}”已经向“{dept.name}”汇报，这会形成循环",
            )

    def set_parent(self, dept_id: str, parent: str | None) -> str | None:
        """Change the reporting line; return the old parent.

        The department keeps its place in `departments`, so its place among the
        new siblings follows from it and undo puts it back exactly where it was.
        """
        self.check_parent(dept_id, parent)
        dept = self.departments[dept_id]
        old = dept.parent
        if old == parent:
            return old
        self._detach(dept_id, old)
        dept.parent = parent
        sibling = self._attach(dept_id, parent)
        if self.events:
            self.events.emit(ev.ParentChanged(dept_id, old, parent, sibling))
        return old

    def remove_department(self, dept_id: str, reparent_to_parent: bool = True) -> Removal:
        """Remove a department with its links and roles; children move up or become roots."""
        dept = self.department(dept_id)
        new_parent = dept.parent if reparent_to_parent else None
        children = list(self._children.get(dept_id, ()))
        for child in children:
            self.set_parent(child, new_parent)
        links = [self._remove_link(link_id) for link_id in list(self._links_of.get(dept_id, ()))]
        roles = list(self._roles_by_department.get(dept_id, {}).items())
        for function_id, _ in roles:
            self.set_role(function_id, dept_id, None)
        kpis = self._drop_from_kpis(dept_id, ("owner", "shared"))
        sibling = self._detach(dept_id, dept.parent)
        index = self._take("departments", dept_id)
        self._children.pop(dept_id, None)
        self._links_of.pop(dept_id, None)
        self._roles_by_department.pop(dept_id, None)
        removed = dept.copy()
        if self.events:
            self.events.emit(ev.DepartmentRemoved(removed, index, sibling))
        return Removal(removed, index, children, links, roles, kpis)

    def restore_department(self, removal: Removal) -> None:
        """The exact inverse of `remove_department` (its steps undone in reverse order)."""
        self.add_department(removal.department.copy(), removal.index)
        for function_id, role in removal.roles:
            self.set_role(function_id, removal.department.id, role)
        for kpi_id, old in reversed(removal.kpis):
            self.update_kpi(kpi_id, **old)
        for index, link in reversed(removal.links):
            self.add_link(link.copy(), index)
        for child in removal.children:
            self.set_parent(child, removal.department.id)

    # --------------------------------------------------------------------- links
    def _check_link(self, link: Link, ignore: str | None = None) -> None:
        for end in (link.source, link.target):
            if end not in self.departments:
                raise UnknownObjectError("a link must connect two existing departments")
        if link.source == link.target:
            raise SelfLinkError(
                f"{self.departments[link.source].name!r} cannot be linked to itself",
                zh=f"“{self.departments[link.source].name}”不能与自己建立关系",
            )
        existing = self._link_keys.get(link.key())
        if existing is not None and existing != ignore:
            a, b = self.departments[link.source].name, self.departments[link.target].name
            raise DuplicateLinkError(
                f"{a!r} and {b!r} already have a {link.kind.value} link",
                zh=f"“{a}”和“{b}”之间已经有这种关系",
            )

    def add_link(self, link: Link, index: int | None = None) -> Link:
        """Add at `index` in `links` (None: the end)."""
        link = checked_link(link)
        if link.id in self.links:
            raise DuplicateIdError(f"a link with id {link.id!r} already exists")
        self._check_link(link)
        index = self._place("links", link.id, link, index)
        self._link_keys[link.key()] = link.id
        for end in (link.source, link.target):
            self._links_of.setdefault(end, {})[link.id] = None
        if self.events:
            self.events.emit(ev.LinkAdded(link.copy(), index))
        return link

    def remove_link(self, link_id: str) -> Link:
        return self._remove_link(link_id)[1]

    def _remove_link(self, link_id: str) -> tuple[int, Link]:
        """Remove a link; return the index it had and the link (for an exact restore)."""
        link = self.link(link_id)
        index = self._take("links", link_id)
        del self._link_keys[link.key()]
        for end in (link.source, link.target):
            self._links_of[end].pop(link_id, None)
        removed = link.copy()
        if self.events:
            self.events.emit(ev.LinkRemoved(removed, index))
        return index, removed

    def take_link(self, link_id: str) -> tuple[Link, int]:
        """Remove a link; return it and the index it had (the inverse of `add_link`)."""
        index, link = self._remove_link(link_id)
        return link, index

    def update_link(self, link_id: str, **changes: Any) -> dict[str, Any]:
        link = self.link(link_id)
        clean = {k: normalise_link_field(k, v) for k, v in changes.items()}
        candidate = link.copy()
        _set_fields(candidate, clean)
        self._check_link(candidate, ignore=link_id)
        del self._link_keys[link.key()]
        old = _set_fields(link, clean)
        self._link_keys[link.key()] = link_id
        if self.events:
            self.events.emit(ev.LinkChanged(link_id, clean))
        return old

    # ----------------------------------------------------------------- functions
    def add_function(self, function: Function, index: int | None = None) -> Function:
        """Add at `index` in `functions` (None: the end)."""
        function = checked_function(function)
        if function.id in self.functions:
            raise DuplicateIdError(f"a function with id {function.id!r} already exists")
        index = self._place("functions", function.id, function, index)
        if self.events:
            self.events.emit(ev.FunctionAdded(function.copy(), index))
        return function

    def remove_function(
        self, function_id: str
    ) -> tuple[Function, int, dict[str, Role], list[tuple[str, dict[str, Any]]]]:
        """Remove a function with its roles and KPI ties; return what restores them."""
        function = self.function(function_id)
        roles = self.roles_of_function(function_id)
        for dept_id in roles:
            self.set_role(function_id, dept_id, None)
        kpis = self._drop_from_kpis(function_id, ("functions",))
        index = self._take("functions", function_id)
        self._roles_by_function.pop(function_id, None)
        if self.events:
            self.events.emit(ev.FunctionRemoved(function.copy(), index))
        return function, index, roles, kpis

    def update_function(self, function_id: str, **changes: Any) -> dict[str, Any]:
        function = self.function(function_id)
        clean = {k: normalise_function_field(k, v) for k, v in changes.items()}
        old = _set_fields(function, clean)
        if self.events:
            self.events.emit(ev.FunctionChanged(function_id, clean))
        return old

    def set_role(self, function_id: str, dept_id: str, role: Role | str | None) -> Role | None:
        """Give a department a RACI role for a function (None clears it); return the old role."""
        self.function(function_id)
        self.department(dept_id)
        if role is not None:
            try:
                role = Role(role)
            except ValueError:
                raise InvalidValueError(f"unknown role {role!r}; use R, A, C or I") from None
        by_function = self._roles_by_function.setdefault(function_id, {})
        old = by_function.get(dept_id)
        if old == role:
            return old
        by_department = self._roles_by_department.setdefault(dept_id, {})
        if role is None:
            del by_function[dept_id]
            del by_department[function_id]
        else:
            by_function[dept_id] = role
            by_department[function_id] = role
        if self.events:
            self.events.emit(ev.RoleChanged(function_id, dept_id, old, role))
        return old

    # ---------------------------------------------------------------------- KPIs
    def _check_kpi_refs(self, kpi: Kpi) -> None:
        if kpi.owner is not None and kpi.owner not in self.departments:
            raise UnknownObjectError(f"the owner of KPI {kpi.name!r} is not a department")
        for dept_id in kpi.shared:
            if dept_id not in self.departments:
                raise UnknownObjectError(f"KPI {kpi.name!r} is shared with an unknown department")
        for function_id in kpi.functions:
            if function_id not in self.functions:
                raise UnknownObjectError(f"KPI {kpi.name!r} measures an unknown function")

    def add_kpi(self, kpi: Kpi, index: int | None = None) -> Kpi:
        kpi = checked_kpi(kpi)
        if kpi.id in self.kpis:
            raise DuplicateIdError(f"a KPI with id {kpi.id!r} already exists")
        self._check_kpi_refs(kpi)
        index = self._place("kpis", kpi.id, kpi, index)
        if self.events:
            self.events.emit(ev.KpiAdded(kpi.copy(), index))
        return kpi

    def remove_kpi(self, kpi_id: str) -> tuple[Kpi, int]:
        kpi = self.kpi(kpi_id)
        index = self._take("kpis", kpi_id)
        if self.events:
            self.events.emit(ev.KpiRemoved(kpi.copy(), index))
        return kpi, index

    def update_kpi(self, kpi_id: str, **changes: Any) -> dict[str, Any]:
        """Set KPI fields (owner, shared, functions refer to existing objects); return old values."""
        kpi = self.kpi(kpi_id)
        clean = {k: normalise_kpi_field(k, v) for k, v in changes.items()}
        candidate = kpi.copy()
        _set_fields(candidate, clean)
        self._check_kpi_refs(candidate)
        old = _set_fields(kpi, clean)
        if self.events:
            self.events.emit(ev.KpiChanged(kpi_id, clean))
        return old

    def _drop_from_kpis(
        self, obj_id: str, names: tuple[str, ...]
    ) -> list[tuple[str, dict[str, Any]]]:
        """Remove a department or function from every KPI naming it; return the old fields."""
        out = []
        for kpi in list(self.kpis.values()):
            changes: dict[str, Any] = {}
            for name in names:
                value = getattr(kpi, name)
                if name == "owner" and value == obj_id:
                    changes[name] = None
                elif name != "owner" and obj_id in value:
                    changes[name] = tuple(v for v in value if v != obj_id)
            if changes:
                out.append((kpi.id, self.update_kpi(kpi.id, **changes)))
        return out

    # ---------------------------------------------------------------- the design
    def update_info(self, **changes: Any) -> dict[str, Any]:
        """Change name, description, author, language, or `settings.<key>`; return old values."""
        old: dict[str, Any] = {}
        clean: dict[str, Any] = {}
        for key, value in changes.items():
            if key.startswith("settings."):
                setting = key.split(".", 1)[1]
                old[key] = self.settings.get(setting)
                clean[key] = value
            elif key in INFO_FIELDS:
                if key == "language":
                    check_language(value)
                old[key] = getattr(self, key)
                clean[key] = check_text(value, key)
            else:
                raise InvalidValueError(f"designs have no field {key!r}")
        for key, value in clean.items():
            if key.startswith("settings."):
                setting = key.split(".", 1)[1]
                if value is None:
                    self.settings.pop(setting, None)
                else:
                    self.settings[setting] = value
            else:
                setattr(self, key, value)
        if self.events:
            self.events.emit(ev.DesignInfoChanged(clean))
        return old

    def load_departments(self, departments: Iterable[Department], checked: bool = False) -> None:
        """Fill an empty design with departments in the given order (no events).

        Parents may come after their children; unknown parents, repeated ids and
        cycles are refused before anything is added. `checked`: the departments
        were made by `entities.department_from_values` (fields already checked).
        """
        if self.departments:
            raise InvalidValueError("load_departments needs a design without departments")
        pending: dict[str, Department] = {}
        for dept in departments:
            if dept.id in pending:
                raise DuplicateIdError(f"a department with id {dept.id!r} already exists")
            pending[dept.id] = dept if checked else checked_department(dept)
        placed: set[str] = set()
        for dept_id, dept in pending.items():
            if dept.parent is None or dept.parent in placed:  # parents first: nothing to walk
                placed.add(dept_id)
                continue
            chain: list[str] = []
            on_chain: set[str] = set()
            current: str | None = dept_id
            while current is not None and current not in placed:
                if current not in pending:
                    raise UnknownObjectError(
                        f"the parent of {pending[chain[-1]].name!r} does not exist"
                    )
                if current in on_chain:
                    raise CycleError(
                        f"the reporting lines of {pending[current].name!r} form a cycle"
                    )
                chain.append(current)
                on_chain.add(current)
                current = pending[current].parent
            placed.update(chain)
        self.departments.update(pending)
        self._rank.update(zip(pending, range(0, len(pending) * GAP, GAP)))
        children = self._children
        children.update((dept_id, {}) for dept_id in pending if dept_id not in children)
        for dept in pending.values():
            kids = children.get(dept.parent)
            if kids is None:
                kids = children[dept.parent] = {}
            kids[dept.id] = None

    def iter_parent_first(self, under: str | None = None) -> Iterator[tuple[str, int]]:
        """(department id, depth) for every department below `under` (None: all roots),
        each parent before its children, siblings in order; depth 0 is the first level.

        Iterative, so a 100,000-level chain does not hit Python's recursion limit.
        """
        stack = [(c, 0) for c in reversed(self._children.get(under, ()))]
        while stack:
            dept_id, depth = stack.pop()
            yield dept_id, depth
            kids = self._children.get(dept_id)
            if kids:
                stack.extend((c, depth + 1) for c in reversed(kids))

    # ------------------------------------------------------------------- compare
    def snapshot(self) -> dict[str, Any]:
        """The content as plain data, for equality checks (file stamp excluded)."""
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "author": self.author,
            "language": self.language,
            "created": self.created,
            "settings": dict(sorted(self.settings.items())),
            "departments": [vars(d).copy() for d in self.departments.values()],
            "links": [vars(l).copy() for l in self.links.values()],
            "functions": [vars(f).copy() for f in self.functions.values()],
            "roles": sorted((f, d, r.value) for f, d, r in self.responsibilities()),
            "kpis": [vars(k).copy() for k in self.kpis.values()],
        }

    def counts(self) -> dict[str, int]:
        return {
            "departments": len(self.departments),
            "links": len(self.links),
            "functions": len(self.functions),
            "responsibilities": sum(len(r) for r in self._roles_by_function.values()),
            "kpis": len(self.kpis),
        }

    def check_invariants(self) -> None:
        """Assert the indexes agree with the objects (used by tests and storage verify)."""
        for dept in self.departments.values():
            assert dept.parent is None or dept.parent in self.departments, dept
            assert dept.id in self._children.get(dept.parent, {}), dept
        assert sum(len(c) for c in self._children.values()) == len(self.departments)
        # No cycle: every department is reached from a root (linear, iterative: deep chains too).
        reached = 0
        stack = list(self._children.get(None, ()))
        while stack:
            reached += 1
            stack.extend(self._children.get(stack.pop(), ()))
        assert reached == len(self.departments), "cycle"
        position = {d: i for i, d in enumerate(self.departments)}
        ranks = [self._rank[d] for d in self.departments]
        assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks), "ranks out of order"
        for parent, kids in self._children.items():
            places = [position[k] for k in kids]
            assert places == sorted(places), f"children of {parent!r} out of order"
        keys = set()
        for link in self.links.values():
            assert link.source in self.departments and link.target in self.departments
            assert link.source != link.target
            assert link.key() not in keys
            keys.add(link.key())
        assert len(self._link_keys) == len(self.links)
        for function_id, dept_id, _ in self.responsibilities():
            assert function_id in self.functions and dept_id in self.departments
        for kpi in self.kpis.values():
            self._check_kpi_refs(kpi)


def build_design(
    *,
    name: str = "",
    language: str = "zh",
    departments: Iterable[Department] = (),
    links: Iterable[Link] = (),
    functions: Iterable[Function] = (),
    roles: Iterable[tuple[str, str, Role | str]] = (),
    kpis: Iterable[Kpi] = (),
    checked_departments: bool = False,
) -> Design:
    """Build a design from objects in any order (parents may come after children).

    The departments keep the given order (a file's order), and so does every sibling list.
    """
    design = Design(name, language=language)
    design.load_departments(departments, checked=checked_departments)
    for function in functions:
        design.add_function(function)
    for link in links:
        design.add_link(link)
    for function_id, dept_id, role in roles:
        design.set_role(function_id, dept_id, role)
    for kpi in kpis:
        design.add_kpi(kpi)
    return design
