"""Design <-> repository rows: the same fields as the file's tables, plus position and key.

Order is kept by a float `position` (ties broken by id), so a live editor can
insert between two objects without renumbering the table.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from ..design import Design, FileStamp, build_design
from ..entities import Department, Function, Kpi, Link
from .. import storage
from ..scenarios import ScenarioInfo, ScenarioSet
from .schema import FLAGS

ORIGIN = "repository.origin"  # design setting: where a pulled file came from (JSON text)


# The file's rows with the repository's types: PostgreSQL booleans where SQLite keeps 0/1
# (any flag the file has, `staff` too once the file format has it), and a KPI's ties as
# JSON lists in its row (the file has tables for them).
def _flags(row: dict[str, Any]) -> dict[str, Any]:
    for name in FLAGS.intersection(row):
        row[name] = bool(row[name])
    return row


def department_row(d: Department) -> dict[str, Any]:
    return _flags(storage.department_row(d))


def link_row(l: Link) -> dict[str, Any]:  # noqa: E741
    return _flags(storage.link_row(l))


def function_row(f: Function) -> dict[str, Any]:
    return _flags(storage.function_row(f))


def kpi_row(k: Kpi) -> dict[str, Any]:
    return _flags(storage.kpi_row(k)) | {
        "shared": json.dumps(list(k.shared)),
        "functions": json.dumps(list(k.functions)),
    }


ROW_OF: dict[str, Callable[[Any], dict[str, Any]]] = {
    "departments": department_row,
    "links": link_row,
    "functions": function_row,
    "kpis": kpi_row,
}


def kpi_of(r: Any) -> Kpi:
    return storage.kpi_of(r, json.loads(r.functions or "[]"), json.loads(r.shared or "[]"))


OBJECT_OF: dict[str, Callable[[Any], Any]] = {
    "departments": storage.department_of,
    "links": storage.link_of,
    "functions": storage.function_of,
    "kpis": kpi_of,
}


def content_rows(design: Design) -> dict[str, list[dict[str, Any]]]:
    """All content rows of one scenario (without design_id/scenario/revision), positions
    0, 1, 2 ... in model order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for table, make in ROW_OF.items():
        out[table] = [
            make(obj) | {"position": float(i)}
            for i, obj in enumerate(getattr(design, table).values())
        ]
    out["responsibilities"] = [
        {"function_id": f, "department_id": d, "role": r.value}
        for f, d, r in design.responsibilities()
    ]
    return out


def scenario_row(design: Design, position: int) -> dict[str, Any]:
    """A scenario's own row (without design_id/revision): the file's (identity, place)
    with the repository's `position` for `sort_order`, and its settings."""
    row = storage.scenario_row(design, position)
    row["position"] = row.pop("sort_order")
    return row | {"settings": settings_text(design)}


def settings_text(design: Design) -> str:
    return json.dumps(plain_settings(design), ensure_ascii=False, sort_keys=True)


def as_set(designs: Design | ScenarioSet) -> ScenarioSet:
    return designs if isinstance(designs, ScenarioSet) else ScenarioSet.single(designs)


def plain_settings(design: Design) -> dict[str, Any]:
    """The design's settings without the origin marker (it describes a file, not the design)."""
    return {k: v for k, v in design.settings.items() if k != ORIGIN}


def meta_of(design: Design) -> dict[str, Any]:
    return {
        "design_uuid": design.id,
        "title": design.name,
        "description": design.description,
        "author": design.author,
        "language": design.language,
        "created": design.created,
        "modified": design.modified,
    }


def design_of(
    meta: dict[str, Any],
    scenario: Any,
    departments: Iterable[Any],
    links: Iterable[Any],
    functions: Iterable[Any],
    roles: Iterable[Any],
    kpis: Iterable[Any] = (),
) -> Design:
    """Build one scenario from its row and content rows already ordered by (position, id);
    `meta` holds the design-wide fields (the designs row, or a version's meta)."""
    dept_rows = list(departments)
    design = build_design(
        name=meta["title"],
        language=meta["language"],
        departments=[storage.department_of(r) for r in dept_rows],
        links=[storage.link_of(r) for r in links],
        functions=[storage.function_of(r) for r in functions],
        roles=[(r.function_id, r.department_id, r.role) for r in roles],
        kpis=[kpi_of(r) for r in kpis],
    )
    design.departments = {r.id: design.departments[r.id] for r in dept_rows}
    design.id = meta["design_uuid"]
    design.description = meta["description"]
    design.author = meta["author"]
    design.created = meta["created"]
    design.modified = meta["modified"]
    design.settings.update(json.loads(scenario.settings or "{}"))
    design.scenario = ScenarioInfo(
        id=scenario.id, name=scenario.name, created=scenario.created, modified=scenario.modified
    )
    return design


def set_origin(design: Design, name: str, version: int, edits: int, uuid: str) -> None:
    """Remember in the design which repository version it is based on (kept by `.db` files)."""
    design.settings[ORIGIN] = json.dumps(
        {"name": name, "version": version, "edits": edits, "design": uuid}, ensure_ascii=False
    )


def origin_of(design: Design) -> dict[str, Any] | None:
    raw = design.settings.get(ORIGIN)
    if not isinstance(raw, str):
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("edits"), int):
        return None
    return value


def stamp_of(saved_by: str, saved_at: str) -> FileStamp:
    return FileStamp(saved_by=saved_by, saved_at=saved_at)
