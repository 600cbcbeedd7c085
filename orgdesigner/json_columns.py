"""The departments of the JSON text form read a column at a time, without pydantic.

Validating 100,000 departments with pydantic made 100,000 `DepartmentDoc`
models and then read them field by field (about a third of a whole-process
import). Here the departments of the parsed JSON are turned into columns with
C-level builtins (`map(dict.get, ...)`) and checked with the design file's
column checks (`department_reader`), plus what the JSON form adds (no unknown
keys, an `id` of at least one character, parents that exist).

This is only a fast path: it accepts a strict subset of what
`jsonform.DepartmentDoc` accepts and then makes the same departments. Anything
it does not accept (None) goes the validated way, which also names the
problem, so messages for bad input are the pydantic path's, unchanged.
"""

from __future__ import annotations

from itertools import repeat
from typing import Any, Callable

from .department_reader import departments_from_columns
from .entities import DEFAULT_COLOR, Department

_MISSING = object()

# JSON key -> (file column, default when left out; _MISSING: required)
_KEYS: dict[str, tuple[str, Any]] = {
    "id": ("id", _MISSING),
    "name": ("name", _MISSING),
    "kind": ("kind", "department"),
    "parent": ("parent_id", None),
    "leader": ("leader", ""),
    "headcount": ("headcount", 0),
    "budget": ("budget", 0),
    "color": ("color", DEFAULT_COLOR),
    "x": ("x", 0),
    "y": ("y", 0),
    "notes": ("notes", ""),
    "chair": ("chair", ""),
    "cadence": ("cadence", ""),
    "vacant": ("vacant", False),
    "staff": ("staff", False),
}
_ALLOWED = frozenset(_KEYS)


def _column(items: list[dict], key: str, default: Any) -> list[Any]:
    return list(map(dict.get, items, repeat(key, len(items)), repeat(default, len(items))))


def departments_of_json(
    items: Any, model_id: Callable[[str], str]
) -> tuple[dict[str, str], list[Department]] | None:
    """(JSON id -> model id, departments in the document's order) of a `departments`
    list, or None for anything the validated way must judge (or refuse).

    Duplicate ids, unknown parents and everything pydantic would refuse give
    None; cycles are left to `Design.load_departments` (the caller then goes
    the validated way too, which names the department)."""
    if type(items) is not list or not items or set(map(type, items)) != {dict}:
        return None
    if not _ALLOWED.issuperset(set().union(*items)):
        return None  # an unknown key (the form forbids extra fields)
    columns = {column: _column(items, key, default) for key, (column, default) in _KEYS.items()}
    ids, names, parents = columns["id"], columns["name"], columns["parent_id"]
    if _MISSING in ids or _MISSING in names or set(map(type, ids)) != {str} or "" in ids:
        return None
    if not set(map(type, parents)) <= {str, type(None)}:
        return None
    kinds, colors = columns["kind"], columns["color"]
    if set(map(type, kinds)) != {str} or set(map(type, colors)) != {str}:
        return None  # (and no list reaches a set() of values below)
    model_ids = list(map(model_id, ids))
    dept_ids = dict(zip(ids, model_ids))
    if len(dept_ids) != len(ids):
        return None  # a duplicate id
    mapped = list(map(dept_ids.get, parents))
    if mapped.count(None) != parents.count(None):
        return None  # a parent that is no department's id
    columns["code"] = ["" if m is i else i for i, m in zip(ids, model_ids)]
    columns["id"], columns["parent_id"] = model_ids, mapped
    departments = departments_from_columns(columns)
    return None if departments is None else (dept_ids, departments)
