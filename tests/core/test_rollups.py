"""Subtree roll-ups: headcount and budget counted once, span and depth per department."""

from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from orgdesigner.design import Design
from orgdesigner.entities import Department, Link, LinkKind
from orgdesigner.rollups import Rollup, rollups


def hand_example() -> Design:
    """gm(2, 100) -> mkt(3, 50) -> brand(4, 20), digital(5, 30); gm -> sales(10, 0)."""
    d = Design("例")
    for dept_id, parent, head, budget in [
        ("gm", None, 2, 100),
        ("mkt", "gm", 3, 50),
        ("brand", "mkt", 4, 20),
        ("digital", "mkt", 5, 30),
        ("sales", "gm", 10, 0),
        ("board", None, 0, 5),
    ]:
        d.add_department(
            Department(id=dept_id, name=dept_id, parent=parent, headcount=head, budget=budget)
        )
    # Collaboration and committee links must not count anyone twice.
    d.add_link(Link(source="mkt", target="sales"))
    d.add_link(Link(source="board", target="mkt", kind=LinkKind.COMMITTEE))
    d.add_link(Link(source="board", target="sales", kind=LinkKind.COMMITTEE))
    return d


def test_hand_computed_example():
    r = rollups(hand_example())
    assert r["gm"] == Rollup(headcount=24, budget=200, span=2, depth=1, size=5)
    assert r["mkt"] == Rollup(headcount=12, budget=100, span=2, depth=2, size=3)
    assert r["brand"] == Rollup(headcount=4, budget=20, span=0, depth=3, size=1)
    assert r["sales"] == Rollup(headcount=10, budget=0, span=0, depth=2, size=1)
    assert r["board"] == Rollup(headcount=0, budget=5, span=0, depth=1, size=1)
    assert len(r) == 6


def test_a_very_deep_chain_needs_no_recursion():
    d = Design("链")
    parent = None
    for i in range(5000):
        parent = d.add_department(Department(name=str(i), parent=parent, headcount=1)).id
    root = d.child_ids(None)[0]
    assert rollups(d)[root].headcount == 5000 and rollups(d)[parent].depth == 5000


@st.composite
def forests(draw) -> Design:
    rng = random.Random(draw(st.integers(0, 2**32)))
    d = Design("林")
    ids: list[str] = []
    for i in range(draw(st.integers(1, 60))):
        parent = rng.choice(ids) if ids and rng.random() < 0.9 else None
        head = draw(st.integers(0, 50)) if i < 3 else rng.randint(0, 50)
        ids.append(
            d.add_department(
                Department(name=str(i), parent=parent, headcount=head, budget=rng.randint(0, 9))
            ).id
        )
    for _ in range(rng.randint(0, len(ids))):
        a, b = rng.choice(ids), rng.choice(ids)
        if a != b and d.find_link(a, b, LinkKind.COLLABORATION) is None:
            d.add_link(Link(source=a, target=b))
    return d


@settings(max_examples=80, deadline=None)
@given(forests())
def test_root_totals_equal_the_sum_of_all_departments(design):
    r = rollups(design)
    roots = design.child_ids(None)
    assert sum(r[x].headcount for x in roots) == sum(
        d.headcount for d in design.departments.values()
    )
    assert sum(r[x].budget for x in roots) == sum(d.budget for d in design.departments.values())
    assert sum(r[x].size for x in roots) == len(design.departments)
    if len(roots) == 1:
        assert r[roots[0]].headcount == sum(d.headcount for d in design.departments.values())
    for dept in design.departments.values():
        kids = design.child_ids(dept.id)
        assert r[dept.id].span == len(kids)
        assert r[dept.id].depth == (1 if dept.parent is None else r[dept.parent].depth + 1)
        assert r[dept.id].headcount == dept.headcount + sum(r[k].headcount for k in kids)
