"""The model keeps its invariants, and every operation has an exact inverse."""

from __future__ import annotations

import pytest
from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from orgdesigner import ops
from orgdesigner.design import Design
from orgdesigner.entities import Department, Function, Kpi, Link, LinkKind, Role
from orgdesigner.errors import (
    CycleError,
    DuplicateLinkError,
    InvalidValueError,
    ModelError,
    SelfLinkError,
    UnknownObjectError,
)
from orgdesigner import events as ev

from .factories import sample_design

names = st.text(st.sampled_from("市场部销售客服财务ABC xyz"), min_size=0, max_size=8)


class DesignMachine(RuleBasedStateMachine):
    """Random operation sequences; then undoing every inverse gives the start state back."""

    def __init__(self) -> None:
        super().__init__()
        self.design = sample_design()
        self.start = self.design.snapshot()
        self.start_tree = list(self.design.iter_parent_first())
        self.inverses: list[ops.Op] = []

    def _do(self, op: ops.Op) -> None:
        before = self.design.snapshot()
        try:
            inverse = op.apply(self.design)
        except ModelError:
            assert self.design.snapshot() == before, "a refused op must change nothing"
            return
        self.inverses.append(inverse)

    def _dept(self, data) -> str:
        return data.draw(st.sampled_from(list(self.design.departments)))

    @rule(name=names, data=st.data())
    def add_department(self, name, data):
        parent = data.draw(st.none() | st.sampled_from(list(self.design.departments) or [None]))
        self._do(ops.AddDepartment(Department(name=name, parent=parent)))

    @precondition(lambda self: self.design.departments)
    @rule(data=st.data(), up=st.booleans())
    def remove_department(self, data, up):
        self._do(ops.RemoveDepartment(self._dept(data), up))

    @precondition(lambda self: self.design.departments)
    @rule(data=st.data())
    def set_parent(self, data):
        parent = data.draw(st.none() | st.sampled_from(list(self.design.departments)))
        self._do(ops.SetParent(self._dept(data), parent))

    @precondition(lambda self: self.design.departments)
    @rule(data=st.data(), headcount=st.floats(-5, 1e6), name=names)
    def update_department(self, data, headcount, name):
        self._do(ops.UpdateDepartment(self._dept(data), {"headcount": headcount, "name": name}))

    @precondition(lambda self: self.design.departments)
    @rule(data=st.data(), x=st.floats(-1e4, 1e4), y=st.floats(-1e4, 1e4))
    def move(self, data, x, y):
        self._do(ops.MoveDepartments({self._dept(data): (x, y)}))

    @precondition(lambda self: len(self.design.departments) >= 1)
    @rule(data=st.data(), kind=st.sampled_from(list(LinkKind)), directed=st.booleans())
    def add_link(self, data, kind, directed):
        self._do(
            ops.AddLink(
                Link(source=self._dept(data), target=self._dept(data), kind=kind, directed=directed)
            )
        )

    @precondition(lambda self: self.design.links)
    @rule(data=st.data())
    def remove_link(self, data):
        self._do(ops.RemoveLink(data.draw(st.sampled_from(list(self.design.links)))))

    @precondition(lambda self: self.design.links)
    @rule(data=st.data(), kind=st.sampled_from(list(LinkKind)))
    def update_link(self, data, kind):
        self._do(
            ops.UpdateLink(data.draw(st.sampled_from(list(self.design.links))), {"kind": kind})
        )

    @rule(name=names)
    def add_function(self, name):
        self._do(ops.AddFunction(Function(name=name)))

    @precondition(lambda self: self.design.functions)
    @rule(data=st.data())
    def remove_function(self, data):
        self._do(ops.RemoveFunction(data.draw(st.sampled_from(list(self.design.functions)))))

    @precondition(lambda self: self.design.functions and self.design.departments)
    @rule(data=st.data(), role=st.none() | st.sampled_from(list(Role)))
    def set_role(self, data, role):
        function = data.draw(st.sampled_from(list(self.design.functions)))
        self._do(ops.SetRole(function, self._dept(data), role))

    @precondition(lambda self: len(self.design.departments) >= 2)
    @rule(data=st.data())
    def remove_several_in_one_batch(self, data):
        chosen = data.draw(
            st.lists(
                st.sampled_from(list(self.design.departments)), min_size=2, max_size=4, unique=True
            )
        )
        self._do(ops.Batch([ops.RemoveDepartment(d) for d in chosen]))

    @precondition(lambda self: len(self.design.links) >= 2)
    @rule(data=st.data())
    def remove_links_in_one_batch(self, data):
        chosen = data.draw(
            st.lists(st.sampled_from(list(self.design.links)), min_size=2, max_size=3, unique=True)
        )
        self._do(ops.Batch([ops.RemoveLink(l) for l in chosen]))

    @precondition(lambda self: len(self.design.functions) >= 2)
    @rule(data=st.data())
    def remove_functions_in_one_batch(self, data):
        chosen = data.draw(
            st.lists(
                st.sampled_from(list(self.design.functions)), min_size=2, max_size=3, unique=True
            )
        )
        self._do(ops.Batch([ops.RemoveFunction(f) for f in chosen]))

    @rule(data=st.data(), name=names)
    def add_kpi(self, data, name):
        depts, functions = list(self.design.departments), list(self.design.functions)
        owner = data.draw(st.none() | st.sampled_from(depts or [None]))
        shared = (
            data.draw(st.lists(st.sampled_from(depts), unique=True, max_size=3)) if depts else []
        )
        measured = (
            data.draw(st.lists(st.sampled_from(functions), unique=True, max_size=3))
            if functions
            else []
        )
        self._do(
            ops.AddKpi(
                Kpi(
                    name=name,
                    unit="%",
                    owner=owner,
                    shared=tuple(shared),
                    functions=tuple(measured),
                )
            )
        )

    @precondition(lambda self: self.design.kpis)
    @rule(data=st.data())
    def remove_kpi(self, data):
        self._do(ops.RemoveKpi(data.draw(st.sampled_from(list(self.design.kpis)))))

    @precondition(lambda self: self.design.kpis and self.design.departments)
    @rule(data=st.data(), name=names)
    def update_kpi(self, data, name):
        kpi = data.draw(st.sampled_from(list(self.design.kpis)))
        self._do(
            ops.UpdateKpi(
                kpi, {"name": name, "owner": self._dept(data), "shared": (self._dept(data),)}
            )
        )

    @precondition(lambda self: self.design.departments)
    @rule(data=st.data(), chair=names, vacant=st.booleans())
    def update_committee_fields(self, data, chair, vacant):
        self._do(
            ops.UpdateDepartment(
                self._dept(data), {"chair": chair, "cadence": chair, "vacant": vacant}
            )
        )

    @rule(name=names)
    def rename_design(self, name):
        self._do(ops.UpdateDesign({"name": name, "settings.max_layers": len(name)}))

    @invariant()
    def invariants_hold(self):
        self.design.check_invariants()

    def teardown(self):
        for inverse in reversed(self.inverses):
            inverse.apply(self.design)
        self.design.check_invariants()
        assert self.design.snapshot() == self.start
        assert list(self.design.iter_parent_first()) == self.start_tree


TestDesignMachine = DesignMachine.TestCase
TestDesignMachine.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)


def test_redo_after_undo_gives_the_same_state():
    design = sample_design()
    mkt = next(d for d in design.departments.values() if d.name == "市场部")
    op = ops.RemoveDepartment(mkt.id)
    inverse = op.apply(design)
    after = design.snapshot()
    redo = inverse.apply(design)
    redo.apply(design)
    assert design.snapshot() == after


def test_cycle_is_refused_with_a_readable_message():
    design = Design()
    a = design.add_department(Department(name="市场部"))
    b = design.add_department(Department(name="品牌组", parent=a.id))
    c = design.add_department(Department(name="设计小组", parent=b.id))
    with pytest.raises(CycleError, match="市场部.*设计小组.*cycle"):
        design.set_parent(a.id, c.id)
    with pytest.raises(CycleError, match="itself"):
        design.set_parent(a.id, a.id)
    assert design.departments[a.id].parent is None


def test_duplicate_and_self_links_are_refused():
    design = Design()
    a = design.add_department(Department(name="市场部"))
    b = design.add_department(Department(name="销售部"))
    design.add_link(Link(source=a.id, target=b.id))
    with pytest.raises(DuplicateLinkError, match="市场部"):
        design.add_link(Link(source=b.id, target=a.id))  # undirected: same pair
    design.add_link(Link(source=b.id, target=a.id, kind=LinkKind.COMMITTEE))  # another kind is fine
    with pytest.raises(SelfLinkError):
        design.add_link(Link(source=a.id, target=a.id))
    with pytest.raises(UnknownObjectError):
        design.add_link(Link(source=a.id, target="nope"))
    assert len(design.links) == 2


def test_directed_links_in_both_directions_are_distinct():
    design = Design()
    a = design.add_department(Department(name="A"))
    b = design.add_department(Department(name="B"))
    design.add_link(Link(source=a.id, target=b.id, directed=True))
    design.add_link(Link(source=b.id, target=a.id, directed=True))
    with pytest.raises(DuplicateLinkError):
        design.add_link(Link(source=a.id, target=b.id, directed=True))


@pytest.mark.parametrize(
    "field,value",
    [
        ("headcount", float("nan")),
        ("x", float("inf")),
        ("budget", -1),
        ("color", "red"),
        ("kind", "tribe"),
        ("name", "x" * 20_000),
        ("headcount", "12"),
    ],
)
def test_invalid_values_are_refused(field, value):
    design = Design()
    a = design.add_department(Department(name="A"))
    with pytest.raises(InvalidValueError):
        design.update_department(a.id, **{field: value})


def test_remove_department_reparents_children_to_its_parent_or_to_roots():
    for up, expected in ((True, "gm"), (False, None)):
        design = Design()
        gm = design.add_department(Department(id="gm", name="总经理"))
        mkt = design.add_department(Department(name="市场部", parent=gm.id))
        team = design.add_department(Department(name="品牌组", parent=mkt.id))
        design.remove_department(mkt.id, reparent_to_parent=up)
        assert design.departments[team.id].parent == expected


def test_remove_department_takes_its_links_and_roles_and_emits_events():
    design = sample_design()
    mkt = next(d for d in design.departments.values() if d.name == "市场部")
    seen: list[ev.Event] = []
    design.events.subscribe(seen.append)
    design.remove_department(mkt.id)
    assert not design.links_of(mkt.id)
    assert all(d != mkt.id for _, d, _ in design.responsibilities())
    kinds = [type(e) for e in seen]
    assert ev.LinkRemoved in kinds and ev.RoleChanged in kinds and ev.ParentChanged in kinds
    assert kinds[-1] is ev.DepartmentRemoved


def test_batch_is_all_or_nothing():
    design = sample_design()
    before = design.snapshot()
    a, b = list(design.departments)[:2]
    batch = ops.Batch([ops.UpdateDepartment(a, {"name": "新名"}), ops.SetParent(a, b)])
    with pytest.raises(CycleError):
        batch.apply(design)
    assert design.snapshot() == before


def test_undo_of_a_large_batch_deletion_restores_the_exact_order():
    design = Design()
    root = design.add_department(Department(name="总部"))
    ids = [
        design.add_department(Department(name=f"部门{i}", parent=root.id)).id for i in range(3000)
    ]
    for i in range(0, 2999, 3):
        design.add_link(Link(source=ids[i], target=ids[i + 1]))
    before = design.snapshot()
    batch = ops.Batch([ops.RemoveDepartment(d) for d in ids[::2]])
    inverse = batch.apply(design)
    assert len(design.departments) == 1 + 1500
    redo = inverse.apply(design)
    assert design.snapshot() == before
    design.check_invariants()
    redo.apply(design)
    assert len(design.departments) == 1501


def test_undo_of_a_batch_delete_restores_every_order():
    """The bug report's path: several departments (with links) deleted in one batch, undone:
    same departments, links and functions in the same order, same sibling order."""
    design = sample_design()
    ids = list(design.departments)
    tree = list(design.iter_parent_first())
    links = list(design.links)
    events = []
    design.events.subscribe(events.append)
    inverse = ops.Batch([ops.RemoveDepartment(ids[1]), ops.RemoveDepartment(ids[3])]).apply(design)
    inverse.apply(design)
    assert list(design.departments) == ids and list(design.links) == links
    assert list(design.iter_parent_first()) == tree
    design.check_invariants()
    added = [e for e in events if isinstance(e, ev.DepartmentAdded)]
    # ids[3] was at 2 once ids[1] had gone; undo puts it back there first, then ids[1] at 1
    assert [(e.department.id, e.index) for e in added] == [(ids[3], 2), (ids[1], 1)]
    assert all(
        e.sibling_index == design.child_ids(e.department.parent).index(e.department.id)
        for e in added
    )
    relinked = [e for e in events if isinstance(e, ev.LinkAdded)]
    assert [e.index for e in relinked] == sorted(e.index for e in relinked)
