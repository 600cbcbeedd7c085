"""Copy, cut, paste and duplicate departments (with the links among them and their roles).

The clipboard holds plain JSON, so a paste into another open design works;
pasting creates new ids and is one undo step.
"""

from __future__ import annotations

import json
from dataclasses import fields

from PySide6.QtCore import QMimeData

from orgdesigner.entities import Department, Link, LinkKind, Role, new_id
from orgdesigner.ops import AddDepartment, AddLink, Batch, Op, SetRole

from .i18n import tr
from .context import EditorContext

MIME = "application/x-org-designer-departments"
OFFSET = 30.0


def _parent_first(ctx: EditorContext, ids: list[str]) -> list[str]:
    chosen = set(ids)
    return [d for d, _ in ctx.design.iter_parent_first() if d in chosen]


def selection_payload(ctx: EditorContext) -> dict | None:
    design = ctx.design
    ids = _parent_first(ctx, [d for d in ctx.selection.departments if d in design.departments])
    if not ids:
        return None
    chosen = set(ids)
    depts = []
    for dept_id in ids:
        d = design.departments[dept_id]
        row = {f.name: getattr(d, f.name) for f in fields(Department)}
        row["kind"] = d.kind.value
        depts.append(row)
    links = []
    seen = set()
    for dept_id in ids:
        for link in design.links_of(dept_id):
            if link.id not in seen and link.source in chosen and link.target in chosen:
                seen.add(link.id)
                links.append(
                    {
                        "source": link.source,
                        "target": link.target,
                        "kind": link.kind.value,
                        "label": link.label,
                        "directed": link.directed,
                    }
                )
    roles = [
        [f, dept_id, r.value]
        for dept_id in ids
        for f, r in design.roles_of_department(dept_id).items()
    ]
    return {"departments": depts, "links": links, "roles": roles}


def to_mime(payload: dict) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    data.setText("\n".join(d["name"] for d in payload["departments"]))
    return data


def from_mime(data: QMimeData | None) -> dict | None:
    if data is None or not data.hasFormat(MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(MIME)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) and payload.get("departments") else None


def paste_payload(ctx: EditorContext, payload: dict, offset: float = OFFSET) -> str | None:
    """Add copies of the payload's departments (new ids), shifted by `offset`; select them."""
    design = ctx.design
    mapping = {row["id"]: new_id() for row in payload["departments"]}
    ops: list[Op] = []
    try:
        for row in payload["departments"]:
            parent = row.get("parent")
            parent = mapping.get(parent) or (parent if parent in design.departments else None)
            dept = Department(
                **{
                    **row,
                    "id": mapping[row["id"]],
                    "parent": parent,
                    "x": float(row.get("x", 0)) + offset,
                    "y": float(row.get("y", 0)) + offset,
                }
            )
            ops.append(AddDepartment(dept))
        for row in payload.get("links", []):
            ops.append(
                AddLink(
                    Link(
                        source=mapping[row["source"]],
                        target=mapping[row["target"]],
                        kind=LinkKind(row["kind"]),
                        label=row.get("label", ""),
                        directed=bool(row.get("directed", False)),
                    )
                )
            )
        for function_id, dept_id, role in payload.get("roles", []):
            if function_id in design.functions:
                ops.append(SetRole(function_id, mapping[dept_id], Role(role)))
    except (KeyError, TypeError, ValueError) as exc:
        return tr(
            "The clipboard does not hold departments this version can paste ({error})."
        ).format(error=exc)
    n = len(payload["departments"])
    reason = ctx.apply(Batch(ops), tr("Paste %n department(s)", None, n))
    if reason is None:
        ctx.selection.set(list(mapping.values()))
    return reason
