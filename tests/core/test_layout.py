"""The tidy-tree layout: no overlaps, parents centred, order kept, linear and iterative."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from orgdesigner.design import Design, build_design
from orgdesigner.entities import Department
from orgdesigner.geometry import BOX_H, BOX_W
from orgdesigner.layout import tidy_layout


def random_forest(parents: list[int | None]) -> Design:
    depts: list[Department] = []
    for i, p in enumerate(parents):
        parent = depts[p % i].id if (p is not None and i) else None
        depts.append(Department(name=f"部门{i}", parent=parent, x=float(i)))
    return build_design(departments=depts)


def overlaps(pos: dict[str, tuple[float, float]], w: float, h: float) -> list:
    boxes = sorted(pos.items(), key=lambda kv: kv[1])
    bad = []
    for i, (a, (ax, ay)) in enumerate(boxes):
        for b, (bx, by) in boxes[i + 1 :]:
            if bx >= ax + w:
                break
            if abs(ay - by) < h - 1e-6 and abs(ax - bx) < w - 1e-6:
                bad.append((a, b))
    return bad


forests = st.lists(st.none() | st.integers(0, 10_000), min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(forests, st.sampled_from(["top-down", "left-right"]), st.booleans())
def test_no_two_boxes_overlap(parents, orientation, compact):
    design = random_forest(parents)
    pos = tidy_layout(design, orientation=orientation, compact=compact)
    assert set(pos) == set(design.departments)
    assert not overlaps(pos, BOX_W, BOX_H)


@settings(max_examples=80, deadline=None)
@given(forests)
def test_parents_are_centred_over_children_and_order_is_kept(parents):
    design = random_forest(parents)
    pos = tidy_layout(design)
    for dept in design.departments.values():
        kids = design.child_ids(dept.id)
        if not kids:
            continue
        xs = [pos[k][0] for k in kids]
        assert abs(pos[dept.id][0] - (min(xs) + max(xs)) / 2) < 1e-6
        assert all(pos[k][1] > pos[dept.id][1] for k in kids)
        ordered = sorted(kids, key=lambda k: design.departments[k].x)
        assert [pos[k][0] for k in ordered] == sorted(xs)


def test_a_branch_keeps_its_root_in_place():
    design = random_forest([None, 0, 0, 1, 1, 2])
    root = list(design.departments)[1]
    design.move_departments({root: (500.0, 700.0)})
    pos = tidy_layout(design, root=root)
    assert pos[root] == (500.0, 700.0)
    assert set(pos) == {root, *design.descendants(root)}


def test_deep_chain_does_not_hit_the_recursion_limit():
    design = random_forest([None] + list(range(5000)))
    pos = tidy_layout(design)
    ys = sorted(y for _, y in pos.values())
    assert len(set(ys)) == 5001


def test_compact_mode_stacks_leaf_children_in_a_column():
    design = random_forest([None] + [0] * 8)
    wide = tidy_layout(design)
    narrow = tidy_layout(design, compact=True)
    width = lambda p: max(x for x, _ in p.values()) - min(x for x, _ in p.values())
    assert width(narrow) < width(wide) / 4


def test_empty_design():
    assert tidy_layout(Design()) == {}
