"""Opening reads departments through a fast, inline-checked path: it must agree with the general one."""

from __future__ import annotations

import math

from hypothesis import given, strategies as st

from orgdesigner.entities import Department, DeptKind, InvalidValueError, checked_department
from orgdesigner.entities import department_from_values
from orgdesigner.storage import department_values

ANY = st.one_of(
    st.text(max_size=5),
    st.integers(-3, 3),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.sampled_from(["team", "office", "#A0b1C2", "#zzzzzz", "x" * 10_001, 1e16, -1e10]),
)


def _general(values: tuple) -> Department | str:
    names = ("id", "code", "name", "kind", "parent", "leader", "headcount", "budget", "color")
    names += ("x", "y", "notes", "chair", "cadence", "vacant", "staff")
    try:
        return checked_department(Department(**dict(zip(names, values))))
    except (InvalidValueError, TypeError, ValueError) as exc:
        return type(exc).__name__


@given(st.lists(ANY, min_size=16, max_size=16), st.lists(st.booleans(), min_size=16, max_size=16))
def test_the_fast_path_takes_only_rows_the_general_path_accepts_alike(noise, keep):
    good = department_values(
        Department(id="d1", name="市场部", kind=DeptKind.TEAM, color="#A0B0C0")
    )
    values = tuple(g if k else n for g, n, k in zip(good, noise, keep))
    fast = department_from_values(values)
    if fast is None:
        return  # the general way decides (and words the message)
    general = _general(values[:14] + (bool(values[14]), bool(values[15])))
    assert isinstance(general, Department)
    assert fast == general
    assert all(math.isfinite(v) for v in (fast.headcount, fast.budget, fast.x, fast.y))


def test_a_plain_row_takes_the_fast_path():
    dept = Department(id="d1", name="市场部", leader="王", headcount=3, x=1.5, color="#ABCDEF")
    fast = department_from_values(department_values(dept))
    assert fast == checked_department(dept) and fast.color == "#abcdef"
