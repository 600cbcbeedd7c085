"""Staff units (Department.staff) in the tidy layout: a column right of the manager, the
line units' row below that column, nothing overlapping, and the short line to each
staff unit crossing no box."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from orgdesigner.design import Design, build_design
from orgdesigner.entities import Department
from orgdesigner.geometry import BOX_H, BOX_W
from orgdesigner.layout import tidy_layout
from orgdesigner.staffunits import STAFF_MAX, is_staff, staff_beside, staff_line

from .test_layout import overlaps


def _company(staff_count: int, line_count: int = 3) -> tuple[Design, str, list[str], list[str]]:
    d = Design("staff")
    gm = d.add_department(Department(name="总经理", x=0)).id
    staff = [
        d.add_department(Department(name=f"助理{i}", parent=gm, staff=True, x=i)).id
        for i in range(staff_count)
    ]
    line = [
        d.add_department(Department(name=f"事业部{i}", parent=gm, x=10 + i)).id
        for i in range(line_count)
    ]
    for i, unit in enumerate(line):
        d.add_department(Department(name=f"小组{i}", parent=unit))
    return d, gm, staff, line


def test_staff_units_stand_in_a_column_right_of_their_manager():
    d, gm, staff, line = _company(2)
    pos = tidy_layout(d)
    mx, my = pos[gm]
    for i, unit in enumerate(staff):
        x, y = pos[unit]
        assert x >= mx + BOX_W and x - (mx + BOX_W) < BOX_W  # beside, not far away
        assert y == my + i * (BOX_H + 16)  # a column from the manager's top down
    column_bottom = max(pos[s][1] for s in staff) + BOX_H
    assert all(pos[u][1] > column_bottom for u in line)  # the row of line units below it
    assert len({pos[u][1] for u in line}) == 1
    centre = mx + BOX_W / 2
    assert min(pos[u][0] for u in line) < centre < max(pos[u][0] + BOX_W for u in line)
    assert overlaps(pos, BOX_W, BOX_H) == []


def test_one_staff_unit_leaves_the_row_where_it_was_and_the_line_is_straight():
    d, gm, staff, line = _company(1)
    pos = tidy_layout(d)
    (unit,) = staff
    assert pos[unit][1] == pos[gm][1]
    assert all(pos[u][1] == pos[gm][1] + BOX_H + 80 for u in line)
    box = lambda k: (*pos[k], BOX_W, BOX_H)  # noqa: E731
    points = staff_line(box(gm), box(unit))
    assert len(points) == 2 and points[0][1] == points[1][1]  # one short horizontal line
    assert points[1][0] - points[0][0] < BOX_W


def test_unmarked_units_and_managers_of_units_stay_in_the_row():
    d, gm, staff, line = _company(0)
    d.update_department(line[0], staff=True)  # has a unit of its own: stays a line unit
    assert not is_staff(d, line[0]) and staff_beside(d, d.child_ids(gm)) == []
    pos = tidy_layout(d)
    assert len({pos[u][1] for u in line}) == 1 and pos[line[0]][1] > pos[gm][1] + BOX_H


def test_more_staff_units_than_a_column_holds_go_into_the_row():
    d, gm, staff, _line = _company(STAFF_MAX + 1)
    pos = tidy_layout(d)
    assert all(pos[s][1] > pos[gm][1] + BOX_H for s in staff)


def _random(parents: list[int | None], flags: list[bool]) -> Design:
    depts: list[Department] = []
    for i, p in enumerate(parents):
        parent = depts[p % i].id if (p is not None and i) else None
        staff = flags[i % len(flags)] if flags else False
        depts.append(Department(name=f"部门{i}", parent=parent, x=float(i), staff=staff))
    return build_design(departments=depts)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.none() | st.integers(0, 10_000), min_size=1, max_size=50),
    st.lists(st.booleans(), min_size=1, max_size=7),
    st.sampled_from(["top-down", "left-right"]),
    st.booleans(),
)
def test_random_designs_with_staff_units_never_overlap(parents, flags, orientation, compact):
    design = _random(parents, flags)
    pos = tidy_layout(design, orientation=orientation, compact=compact)
    assert set(pos) == set(design.departments)
    assert overlaps(pos, BOX_W, BOX_H) == []
    if orientation != "top-down":
        return
    rects = {k: (x, y, BOX_W, BOX_H) for k, (x, y) in pos.items()}
    for manager in design.departments:
        for unit in staff_beside(design, design.child_ids(manager)):
            x, y, _, _ = rects[unit]
            assert x >= rects[manager][0] + BOX_W and y >= rects[manager][1]
            for a, b in zip(
                staff_line(rects[manager], rects[unit]), staff_line(rects[manager], rects[unit])[1:]
            ):
                for other, (ox, oy, ow, oh) in rects.items():
                    if other in (manager, unit):
                        continue
                    lo_x, hi_x = sorted((a[0], b[0]))
                    lo_y, hi_y = sorted((a[1], b[1]))
                    assert not (lo_x < ox + ow and hi_x > ox and lo_y < oy + oh and hi_y > oy), (
                        manager,
                        unit,
                        other,
                    )
