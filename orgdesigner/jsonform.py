"""The JSON text form of a design, defined with pydantic.

Ids in the file are free strings chosen by the author; on import they are
kept as the department `code` / function `key` and mapped to UUIDs, and on
export mapped back, so a file survives a round trip with its own ids.
`python -m orgdesigner schema` prints the JSON Schema of this form.
"""

from __future__ import annotations

import json
import math
import re
from operator import attrgetter
import uuid
from pathlib import Path
from typing import Annotated, Any, Literal, Union, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .design import Design
from .entities import (
    DEFAULT_COLOR,
    MAX_COORD,
    Department,
    MAX_TEXT,
    DeptKind,
    Function,
    Kpi,
    Link,
    LinkKind,
    Role,
)
from .department_reader import ROW_COLUMNS, ROW_FIELDS, department_of_row, departments_from_rows
from .entities import checked_department, department_from_values
from .errors import FileProblem, ModelError
from .fileutil import atomic_write_text, read_input_bytes
from .gcpause import gc_paused
from .json_columns import departments_of_json

JSON_VERSION = 1
MAX_JSON_BYTES = 256 * 1024 * 1024

Text = Annotated[str, Field(max_length=MAX_TEXT)]
Ident = Annotated[str, Field(min_length=1, max_length=200)]
Amount = Annotated[float, Field(ge=0, le=1e15, allow_inf_nan=False)]
Coord = Annotated[float, Field(ge=-MAX_COORD, le=MAX_COORD, allow_inf_nan=False)]
SettingValue = Union[bool, int, float, str]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class DepartmentDoc(_Doc):
    id: Ident
    name: Text
    kind: DeptKind = DeptKind.DEPARTMENT
    parent: Ident | None = None
    leader: Text = ""
    headcount: Amount = 0
    budget: Amount = 0
    color: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] = DEFAULT_COLOR
    x: Coord = 0
    y: Coord = 0
    notes: Text = ""
    chair: Text = Field(default="", description="a committee's chair (主任)")
    cadence: Text = Field(default="", description="how often a committee meets, e.g. 每月")
    vacant: bool = Field(default=False, description="the leading post is open (空缺)")
    staff: bool = Field(
        default=False, description="a staff unit (参谋部门), drawn beside its manager"
    )


class LinkDoc(_Doc):
    id: Ident | None = None
    source: Ident
    target: Ident
    kind: LinkKind = LinkKind.COLLABORATION
    label: Text = ""
    directed: bool = False


class FunctionDoc(_Doc):
    id: Ident
    name: Text
    category: Text | None = Field(
        default=None,
        description="left out: the catalogue's category for a catalogue key, else marketing",
    )
    required: bool = True
    description: Text = ""
    key: Text | None = None
    post: Text = Field(
        default="", description="the responsible post (岗位), e.g. for a journey stage"
    )


class KpiDoc(_Doc):
    """A KPI (考核指标): owned by one department, shared with others, measuring functions."""

    id: Ident
    name: Text
    unit: Text = ""
    owner: Ident | None = Field(default=None, description="a department id")
    shared: list[Ident] = Field(default_factory=list, description="department ids")
    functions: list[Ident] = Field(
        default_factory=list, description="function ids (journey stages included)"
    )
    description: Text = ""
    key: Text | None = None


class ResponsibilityDoc(_Doc):
    function: Ident
    department: Ident
    role: Role


class DesignDoc(_Doc):
    """An Org Designer design as JSON (`"format": "org-designer"`)."""

    format: Literal["org-designer"]
    version: int = JSON_VERSION
    id: Ident | None = None
    created: Text | None = None
    name: Text = ""
    description: Text = ""
    author: Text = ""
    language: Literal["zh", "en"] = "zh"
    settings: dict[str, SettingValue] = Field(default_factory=dict)
    departments: list[DepartmentDoc] = Field(default_factory=list)
    links: list[LinkDoc] = Field(default_factory=list)
    functions: list[FunctionDoc] = Field(default_factory=list)
    responsibilities: list[ResponsibilityDoc] = Field(default_factory=list)
    kpis: list[KpiDoc] = Field(default_factory=list)

    @field_validator("version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > JSON_VERSION:
            raise ValueError(
                f"made by a newer Org Designer (version {value}); "
                f"this version reads up to version {JSON_VERSION}"
            )
        if value < 1:
            raise ValueError("must be 1 or more")
        return value

    @field_validator("settings")
    @classmethod
    def _finite_settings(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key, item in value.items():
            if isinstance(item, float) and not math.isfinite(item):
                raise ValueError(f"setting {key!r} must be a finite number")
        return value


def json_schema() -> dict[str, Any]:
    return DesignDoc.model_json_schema()


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


# Exactly the texts `str(uuid.UUID(text)) == text` accepts (the canonical form), without
# making a UUID: 10,000 departments asked it twice each.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _is_uuid(text: str) -> bool:
    return _CANONICAL_UUID.fullmatch(text) is not None


def _model_id(doc_id: str) -> str:
    return doc_id if _is_uuid(doc_id) else str(uuid.uuid4())


# The row values after (id, code, name, kind, parent): a DepartmentDoc has them as they are.
_SAME_AS_FILE = attrgetter(*ROW_FIELDS[5:])


class _Problem(Exception):
    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")


Departments = tuple[dict[str, str], list[Department]]  # (JSON id -> model id, departments)


def design_from_doc(doc: DesignDoc, departments: Departments | None = None) -> Design:
    """Build a design from a validated document; raise _Problem naming the path.

    `departments`: the document's departments made already (`json_columns`), for a
    document validated without them."""
    design = Design(doc.name, language=doc.language, id=doc.id)
    design.created = doc.created or design.created
    design.description, design.author = doc.description, doc.author
    design.settings = dict(doc.settings)
    dept_ids, made = _departments_of_docs(doc.departments) if departments is None else departments
    design.load_departments(made, checked=True)
    _add_functions_links_roles(design, doc, dept_ids)
    return design


def _departments_of_docs(docs: list[DepartmentDoc]) -> Departments:
    """The validated departments of a document, checked for duplicates, unknown parents
    and cycles with the path of the culprit."""
    dept_ids: dict[str, str] = {}
    for i, d in enumerate(docs):
        if d.id in dept_ids:
            raise _Problem(f"departments[{i}].id", f"duplicate id {d.id!r}")
        dept_ids[d.id] = _model_id(d.id)
    index_of = {d.id: i for i, d in enumerate(docs)}
    for i, d in enumerate(docs):
        if d.parent is not None and d.parent not in dept_ids:
            raise _Problem(f"departments[{i}].parent", f"no department has id {d.parent!r}")
    # Refuse cycles with the path of the culprit; then add in the document's order.
    checked: set[str] = set()
    for start in docs:
        chain: list[str] = []
        on_chain: set[str] = set()
        current: str | None = start.id
        while current is not None and current not in checked:
            if current in on_chain:
                raise _Problem(
                    f"departments[{index_of[current]}].parent",
                    f"reporting lines form a cycle through {current!r}",
                )
            chain.append(current)
            on_chain.add(current)
            current = docs[index_of[current]].parent
        checked.update(chain)
    # The same row values as a design file's (`storage.department_values` order), checked
    # and made the way opening a file makes them (`department_from_values`), not field by field.
    rows = [
        (
            dept_ids[d.id],
            "" if dept_ids[d.id] == d.id else d.id,
            d.name,
            d.kind.value,
            dept_ids[d.parent] if d.parent is not None else None,
            *_SAME_AS_FILE(d),
        )
        for d in docs
    ]
    return dept_ids, departments_from_rows(ROW_COLUMNS, rows) or [
        department_from_values(row) or checked_department(department_of_row(row)) for row in rows
    ]


def _add_functions_links_roles(design: Design, doc: DesignDoc, dept_ids: dict[str, str]) -> None:
    function_ids: dict[str, str] = {}
    for i, f in enumerate(doc.functions):
        if f.id in function_ids:
            raise _Problem(f"functions[{i}].id", f"duplicate id {f.id!r}")
        function_ids[f.id] = _model_id(f.id)
        key = f.key if f.key is not None else ("" if _is_uuid(f.id) else f.id)
        category = f.category if f.category is not None else _catalogue_category(key)
        design.add_function(
            Function(
                id=function_ids[f.id],
                name=f.name,
                category=category,
                required=f.required,
                description=f.description,
                key=key,
                post=f.post,
            )
        )
    for i, l in enumerate(doc.links):
        for end in ("source", "target"):
            if getattr(l, end) not in dept_ids:
                raise _Problem(f"links[{i}].{end}", f"no department has id {getattr(l, end)!r}")
        try:
            design.add_link(
                Link(
                    id=_model_id(l.id) if l.id else str(uuid.uuid4()),
                    source=dept_ids[l.source],
                    target=dept_ids[l.target],
                    kind=l.kind,
                    label=l.label,
                    directed=l.directed,
                )
            )
        except ModelError as exc:
            raise _Problem(f"links[{i}]", str(exc)) from None
    for i, r in enumerate(doc.responsibilities):
        if r.function not in function_ids:
            raise _Problem(f"responsibilities[{i}].function", f"no function has id {r.function!r}")
        if r.department not in dept_ids:
            raise _Problem(
                f"responsibilities[{i}].department", f"no department has id {r.department!r}"
            )
        if design.role(function_ids[r.function], dept_ids[r.department]) is not None:
            raise _Problem(
                f"responsibilities[{i}]", "this department already has a role for this function"
            )
        design.set_role(function_ids[r.function], dept_ids[r.department], r.role)
    _add_kpis(design, doc, dept_ids, function_ids)


def _add_kpis(
    design: Design, doc: DesignDoc, dept_ids: dict[str, str], function_ids: dict[str, str]
) -> None:
    seen: set[str] = set()
    for i, k in enumerate(doc.kpis):
        if k.id in seen:
            raise _Problem(f"kpis[{i}].id", f"duplicate id {k.id!r}")
        seen.add(k.id)
        if k.owner is not None and k.owner not in dept_ids:
            raise _Problem(f"kpis[{i}].owner", f"no department has id {k.owner!r}")
        for j, d in enumerate(k.shared):
            if d not in dept_ids:
                raise _Problem(f"kpis[{i}].shared[{j}]", f"no department has id {d!r}")
        for j, f in enumerate(k.functions):
            if f not in function_ids:
                raise _Problem(f"kpis[{i}].functions[{j}]", f"no function has id {f!r}")
        key = k.key if k.key is not None else ("" if _is_uuid(k.id) else k.id)
        try:
            design.add_kpi(
                Kpi(
                    id=_model_id(k.id),
                    name=k.name,
                    unit=k.unit,
                    key=key,
                    owner=dept_ids[k.owner] if k.owner is not None else None,
                    shared=tuple(dept_ids[d] for d in k.shared),
                    functions=tuple(function_ids[f] for f in k.functions),
                    description=k.description,
                )
            )
        except ModelError as exc:
            raise _Problem(f"kpis[{i}]", str(exc)) from None


def _catalogue_category(key: str) -> str:
    """The category of a known catalogue key (`sales` -> sales), else marketing."""
    from .catalogue import MARKETING, load_catalogue

    categories = {entry.key: entry.category for entry in load_catalogue().entries}
    return categories.get(key, MARKETING)


def _export_ids(objects, own_id) -> dict[str, str]:
    """Model id -> id written in the file: the user's own id when unique, else the UUID."""
    counts: dict[str, int] = {}
    for obj in objects:
        counts[own_id(obj)] = counts.get(own_id(obj), 0) + 1
    taken = {obj.id for obj in objects}
    return {
        obj.id: own_id(obj)
        if own_id(obj)
        and counts[own_id(obj)] == 1
        and (own_id(obj) not in taken or own_id(obj) == obj.id)
        else obj.id
        for obj in objects
    }


def design_to_doc(design: Design) -> DesignDoc:
    depts = list(design.departments.values())
    dept_ids = _export_ids(depts, lambda d: d.code)
    functions = list(design.functions.values())
    function_ids = _export_ids(functions, lambda f: f.key)
    kpis = list(design.kpis.values())
    kpi_ids = _export_ids(kpis, lambda k: k.key)
    return DesignDoc(
        format="org-designer",
        version=JSON_VERSION,
        id=design.id,
        created=design.created,
        name=design.name,
        description=design.description,
        author=design.author,
        language=cast(Literal["zh", "en"], design.language),  # Design checks its language
        settings=dict(design.settings),
        departments=[
            DepartmentDoc(
                id=dept_ids[d.id],
                name=d.name,
                kind=d.kind,
                parent=dept_ids[d.parent] if d.parent else None,
                leader=d.leader,
                headcount=d.headcount,
                budget=d.budget,
                color=d.color,
                x=d.x,
                y=d.y,
                notes=d.notes,
                chair=d.chair,
                cadence=d.cadence,
                vacant=d.vacant,
                staff=d.staff,
            )
            for d in depts
        ],
        links=[
            LinkDoc(
                id=l.id,
                source=dept_ids[l.source],
                target=dept_ids[l.target],
                kind=l.kind,
                label=l.label,
                directed=l.directed,
            )
            for l in design.links.values()
        ],
        functions=[
            FunctionDoc(
                id=function_ids[f.id],
                name=f.name,
                category=f.category,
                required=f.required,
                description=f.description,
                key=f.key or None,
                post=f.post,
            )
            for f in functions
        ],
        responsibilities=[
            ResponsibilityDoc(function=function_ids[f], department=dept_ids[d], role=r)
            for f, d, r in design.responsibilities()
        ],
        kpis=[
            KpiDoc(
                id=kpi_ids[k.id],
                name=k.name,
                unit=k.unit,
                owner=dept_ids[k.owner] if k.owner else None,
                shared=[dept_ids[d] for d in k.shared],
                functions=[function_ids[f] for f in k.functions],
                description=k.description,
                key=k.key or None,
            )
            for k in kpis
        ],
    )


def loads(text: str | bytes, source: str | Path = "design.json") -> Design:
    """Parse JSON text into a design; raise FileProblem naming the path inside the file."""
    # The parsed document and the design made from it survive: the collector's full
    # passes over them while they are made find nothing (see `gcpause`).
    with gc_paused():
        return _loads(text, source)


def _loads(text: str | bytes, source: str | Path) -> Design:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem(
            source,
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            zh=f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）",
        ) from None
    except (UnicodeDecodeError, RecursionError) as exc:
        raise FileProblem(
            source,
            f"is not valid JSON ({type(exc).__name__})",
            zh=f"不是有效的 JSON（{type(exc).__name__}）",
        ) from None
    if not isinstance(data, dict) or data.get("format") != "org-designer":
        raise FileProblem(
            source,
            'is not an Org Designer JSON design (no "format": "org-designer")',
            zh='不是组织架构设计器的 JSON 设计（没有 "format": "org-designer"）',
        )
    design = _quick_design(data)
    if design is not None:
        return design
    try:
        doc = DesignDoc.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        more_zh = f"（另有 {exc.error_count() - 1} 处问题）" if exc.error_count() > 1 else ""
        where = _path(first["loc"])
        raise FileProblem(
            source,
            f"{where}: {first['msg']}{more}",
            zh=f"内容有误：{where}：{first['msg']}{more_zh}",
        ) from None
    try:
        return design_from_doc(doc)
    except _Problem as exc:
        raise FileProblem(source, str(exc), zh=f"内容有误：{exc}") from None
    except ModelError as exc:
        raise FileProblem(source, str(exc), zh=exc.text("zh")) from None


def _quick_design(data: dict[str, Any]) -> Design | None:
    """The design of a document whose departments pass `json_columns` (its fast path) and
    whose other parts pass pydantic; None for anything else, which `loads` then validates
    whole (and names the problem of), so bad input gets the same message either way."""
    departments = departments_of_json(data.get("departments"), _model_id)
    if departments is None:
        return None
    try:
        return design_from_doc(DesignDoc.model_validate({**data, "departments": []}), departments)
    except (ValidationError, _Problem, ModelError):
        return None


def dumps(design: Design) -> str:
    return design_to_doc(design).model_dump_json(indent=2, exclude_none=True)


def read(path: str | Path) -> Design:
    path = Path(path)
    raw = read_input_bytes(
        path, kind="a JSON file", limit=MAX_JSON_BYTES, too_large="is too large for a JSON design"
    )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileProblem(path, "is not UTF-8 text", zh="不是 UTF-8 文本") from None
    return loads(text, path)


def write(design: Design, path: str | Path) -> None:
    atomic_write_text(Path(path), dumps(design) + "\n")
