"""Departments from a design file's rows, checked a column at a time instead of per field.

Opening 100,000 departments checked every value of every row in Python
(`entities.department_from_values`, ~3 us a row). Here the rows are turned into
columns (`zip(*rows)`, in C) and each column is checked with C-level builtins
(the set of its types, its longest text, its smallest and largest number, its
distinct kinds and colours); the departments are then made by
`map(Department, *columns)`. The checks are the per-row ones, column-wise: a
scenario passes here exactly when every row would pass there, and gives equal
departments. Anything else (None) is read the general way, which names the
problem. A column this module has no check for turns it off, so a new
department field is never let through unchecked.
"""

from __future__ import annotations

import math
from dataclasses import fields
from typing import Any, Callable, Mapping, Sequence

from .entities import _COLOR_RE, MAX_COORD, MAX_TEXT, Department, DeptKind
from .progress import step

Column = Sequence[Any]
_KIND_OF = {kind.value: kind for kind in DeptKind}
_NUMBERS = {int, float}


def _types(column: Column) -> set[type]:
    return set(map(type, column))


def _text(limit: int) -> Callable[[Column], Column | None]:
    def check(column: Column) -> Column | None:
        if not column:
            return column
        if _types(column) != {str} or max(map(len, column)) > limit:
            return None
        return column

    return check


def _number(low: float, high: float) -> Callable[[Column], Column | None]:
    def check(column: Column) -> Column | None:
        if not column:
            return column
        types = _types(column)
        if not types <= _NUMBERS or any(map(math.isnan, column)):
            return None
        if min(column) < low or max(column) > high:
            return None
        return column if types == {float} else list(map(float, column))

    return check


def _kind(column: Column) -> Column | None:
    if not set(column) <= _KIND_OF.keys() or not _types(column) <= {str}:
        return None
    return list(map(_KIND_OF.__getitem__, column))


def _color(column: Column) -> Column | None:
    if not _types(column) <= {str}:
        return None
    distinct = set(column)
    if not all(map(_COLOR_RE.fullmatch, distinct)):
        return None
    lowered = {c: c.lower() for c in distinct}
    return list(map(lowered.__getitem__, column))


def _flag(column: Column) -> Column | None:
    if not _types(column) <= {int, bool} or not set(column) <= {0, 1}:
        return None
    return list(map(bool, column))


def _as_is(column: Column) -> Column | None:
    return column


# file column -> (Department field, check-and-convert of the whole column: None refuses)
CHECKS: dict[str, tuple[str, Callable[[Column], Column | None]]] = {
    "id": ("id", _text(200)),
    "code": ("code", _text(MAX_TEXT)),
    "name": ("name", _text(MAX_TEXT)),
    "kind": ("kind", _kind),
    "parent_id": ("parent", _as_is),  # references are checked by the design
    "leader": ("leader", _text(MAX_TEXT)),
    "headcount": ("headcount", _number(0, 1e15)),
    "budget": ("budget", _number(0, 1e15)),
    "color": ("color", _color),
    "x": ("x", _number(-MAX_COORD, MAX_COORD)),
    "y": ("y", _number(-MAX_COORD, MAX_COORD)),
    "notes": ("notes", _text(MAX_TEXT)),
    "chair": ("chair", _text(MAX_TEXT)),
    "cadence": ("cadence", _text(MAX_TEXT)),
    "vacant": ("vacant", _flag),
    "staff": ("staff", _flag),
}
# A design file's department columns in `storage.department_values` order (sort_order aside).
ROW_COLUMNS = tuple(CHECKS)
ROW_FIELDS = tuple(field for field, _check in CHECKS.values())  # the Department field of each


def department_of_row(values: Sequence[Any]) -> Department:
    """A department from row values as they are (`checked_department` checks them)."""
    return Department(**dict(zip(ROW_FIELDS, values)))


_FIELDS = tuple(f.name for f in fields(Department))
CHUNK = 500  # departments made between two progress reports, as `progress.steps` reports


def departments_from_rows(
    columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> list[Department] | None:
    """The departments of `rows` (values in `columns` order), or None if any value is not
    what `entities.department_from_values` accepts, or a column or field is unknown here."""
    if not rows:
        return None
    return departments_from_columns(dict(zip(columns, zip(*rows))))


def departments_from_columns(columns: Mapping[str, Column]) -> list[Department] | None:
    """`departments_from_rows` for values already in columns (file column -> values, all
    of one length): the JSON form's reader makes columns, not rows (`json_columns`)."""
    if any(c not in CHECKS for c in columns):
        return None
    by_field: dict[str, Column] = {}
    for name, values in columns.items():
        field, check = CHECKS[name]
        checked = check(values)
        if checked is None:
            return None
        by_field[field] = checked
    if set(by_field) != set(_FIELDS):
        return None
    ordered = [by_field[name] for name in _FIELDS]
    total = len(ordered[0])
    out: list[Department] = []
    for start in range(0, total, CHUNK):
        step("departments", start, total)
        out.extend(map(Department, *(column[start : start + CHUNK] for column in ordered)))
    step("departments", total, total)
    return out
