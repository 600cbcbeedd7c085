"""Opening reads departments through a fast, inline-checked path: it must agree with the general one."""

from __future__ import annotations

import math

from hypothesis import given, settings, strategies as st

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


# ------------------------------------------- a column at a time (department_reader)
from orgdesigner.department_reader import departments_from_rows  # noqa: E402
from orgdesigner.storage import _DEPARTMENT_COLUMNS  # noqa: E402

GOOD = department_values(Department(id="d0", name="市场部", kind=DeptKind.TEAM, color="#A0B0C0"))


def _row(i: int, noise: list, keep: list) -> tuple:
    good = (f"d{i}", *GOOD[1:])
    return tuple(g if k else n for g, n, k in zip(good, noise, keep))


@settings(deadline=None)  # (timing varies on a loaded machine)
@given(
    st.lists(
        st.tuples(
            st.lists(ANY, min_size=16, max_size=16),
            st.lists(st.booleans(), min_size=16, max_size=16).map(
                lambda keep: keep if sum(keep) < 15 else [True] * 16
            ),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_columns_take_a_scenario_exactly_when_every_row_passes_alike(rows_spec):
    rows = [_row(i, noise, keep) for i, (noise, keep) in enumerate(rows_spec)]
    by_row = [department_from_values(r) for r in rows]
    by_column = departments_from_rows(_DEPARTMENT_COLUMNS, rows)
    if any(d is None for d in by_row):
        assert by_column is None
    else:
        assert by_column == by_row
        assert [type(d.kind) for d in by_column] == [DeptKind] * len(rows)
        assert all(type(d.vacant) is bool and type(d.x) is float for d in by_column)


def test_a_generated_design_reads_the_same_either_way(tmp_path):
    from benchmarks.generator import generate
    from orgdesigner import storage

    design = generate(300, seed=3)
    rows = [department_values(d) for d in design.departments.values()]
    assert departments_from_rows(_DEPARTMENT_COLUMNS, rows) == [
        department_from_values(r) for r in rows
    ]
    path = tmp_path / "g.db"
    storage.save(design, path)
    assert storage.load(path).snapshot() == design.snapshot()


def test_a_column_without_a_check_turns_the_fast_way_off():
    rows = [GOOD + ("extra",)]
    assert departments_from_rows((*_DEPARTMENT_COLUMNS, "staff_unit"), rows) is None


def test_every_file_column_has_a_check():
    """A new department column needs a line in `department_reader.CHECKS` (else opening
    quietly takes the slower row-by-row way)."""
    from orgdesigner.department_reader import CHECKS

    assert set(_DEPARTMENT_COLUMNS) <= set(CHECKS)


def test_row_columns_are_the_files():
    from orgdesigner.department_reader import ROW_COLUMNS

    assert ROW_COLUMNS == _DEPARTMENT_COLUMNS


def test_row_fields_start_with_the_ones_an_import_maps():
    """`jsonform` maps the first five (ids, code, kind) and takes the rest as they are."""
    from orgdesigner.department_reader import ROW_FIELDS

    assert ROW_FIELDS[:5] == ("id", "code", "name", "kind", "parent")
