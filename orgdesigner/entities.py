"""The plain objects a design is made of (no ORM, no Qt).

Objects are mutable dataclasses owned by a `Design`; only `Design` methods
change them, so that every change emits an event and keeps the invariants.
"""

from __future__ import annotations

import math
import re
import uuid
from typing import Any
from dataclasses import dataclass, field, fields, replace
from enum import Enum

from .errors import InvalidValueError


class DeptKind(str, Enum):
    DEPARTMENT = "department"
    TEAM = "team"
    COMMITTEE = "committee"
    BUSINESS_UNIT = "business_unit"
    OFFICE = "office"


class LinkKind(str, Enum):
    COLLABORATION = "collaboration"
    COMMITTEE = "committee"
    DOTTED = "dotted"


class Role(str, Enum):
    R = "R"  # 执行 responsible: does the work
    A = "A"  # 负责 accountable: the owner
    C = "C"  # 咨询 consulted
    I = "I"  # 知会 informed  # noqa: E741


DEFAULT_COLOR = "#4472c4"
MAX_TEXT = 10_000  # longest name/notes we accept; longer text is hostile or a mistake
# Positions on the chart: far beyond the largest layout of an importable design
# (200,000 levels x 150 = 3e7), so an automatic layout never overflows it.
MAX_COORD = 1e9
_COLOR_RE = re.compile(r"#[0-9a-fA-F]{6}")  # fullmatch: `$` would let "#aabbcc\n" through


def new_id() -> str:
    return str(uuid.uuid4())


# The fields a user can type into, as the Chinese UI names them (value errors carry Chinese).
FIELD_ZH = {
    "name": "名称",
    "code": "编号",
    "leader": "负责人",
    "notes": "备注",
    "chair": "主席",
    "cadence": "会议频率",
    "headcount": "人数",
    "budget": "预算",
    "position x": "横坐标",
    "position y": "纵坐标",
    "label": "标签",
    "category": "类别",
    "description": "说明",
    "key": "标识",
    "post": "负责岗位",
    "unit": "单位",
    "owner": "负责部门",
    "id": "编号 (id)",
}


def _field_zh(what: str) -> str:
    return FIELD_ZH.get(what, what)


def check_text(value: object, what: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise InvalidValueError(f"{what} must be text", zh=f"{_field_zh(what)}必须是文字")
    if len(value) > limit:
        raise InvalidValueError(
            f"{what} is longer than {limit} characters",
            zh=f"{_field_zh(what)}超过 {limit} 个字符",
        )
    return value


def check_number(
    value: object, what: str, *, minimum: float | None = None, limit: float = 1e15
) -> float:
    field_zh = _field_zh(what)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidValueError(f"{what} must be a number", zh=f"{field_zh}必须是数字")
    number = float(value)
    if not math.isfinite(number) or abs(number) > limit:
        raise InvalidValueError(
            f"{what} must be a finite number below {limit:g}",
            zh=f"{field_zh}必须是小于 {limit:g} 的有限数值",
        )
    if minimum is not None and number < minimum:
        raise InvalidValueError(
            f"{what} must not be below {minimum:g}", zh=f"{field_zh}不能小于 {minimum:g}"
        )
    return number


def check_color(value: object) -> str:
    if not isinstance(value, str) or not _COLOR_RE.fullmatch(value):
        raise InvalidValueError(
            f"colour {value!r} is not of the form #rrggbb",
            zh=f"颜色 {value!r} 不是 #rrggbb 格式",
        )
    return value.lower()


@dataclass
class Department:
    id: str = field(default_factory=new_id)
    name: str = ""
    kind: DeptKind = DeptKind.DEPARTMENT
    parent: str | None = None
    leader: str = ""
    headcount: float = 0.0
    budget: float = 0.0
    color: str = DEFAULT_COLOR
    x: float = 0.0
    y: float = 0.0
    notes: str = ""
    code: str = ""  # the user's own id (from JSON/CSV), kept for round trips
    # A committee's working rules (委员会定期召开会议): who chairs it and how often it meets.
    chair: str = ""
    cadence: str = ""
    vacant: bool = False  # the leading post is open (an import's 'Vacant' / '空缺')
    # A staff unit (参谋部门: 总经理助理, 办公室 ...) serves its manager rather than being a
    # line unit: charts place it beside the manager, not in the row of line units.
    staff: bool = False

    def copy(self) -> "Department":
        return replace(self)


@dataclass
class Link:
    id: str = field(default_factory=new_id)
    source: str = ""
    target: str = ""
    kind: LinkKind = LinkKind.COLLABORATION
    label: str = ""
    directed: bool = False

    def copy(self) -> "Link":
        return replace(self)

    def key(self) -> tuple[object, ...]:
        """Two links with the same key are duplicates."""
        if self.directed:
            return (self.kind, self.source, self.target, True)
        a, b = sorted((self.source, self.target))
        return (self.kind, a, b, False)


@dataclass
class Function:
    id: str = field(default_factory=new_id)
    name: str = ""
    category: str = "marketing"
    required: bool = True
    description: str = ""
    key: str = ""  # catalogue key (e.g. "brand_management"), "" for user functions
    post: str = ""  # the responsible post (哪个岗位是主要责任人), e.g. for a journey stage

    def copy(self) -> "Function":
        return replace(self)


@dataclass
class Kpi:
    """A performance indicator (考核指标): measured in `unit`, owned by one department,
    shared with others, tied to the functions and journey stages it measures."""

    id: str = field(default_factory=new_id)
    name: str = ""
    unit: str = ""  # unit of measure: %, 万元, 分 ...
    owner: str | None = None  # department id
    shared: tuple[str, ...] = ()  # department ids that share the KPI
    functions: tuple[str, ...] = ()  # function ids (journey stages included)
    description: str = ""
    key: str = ""  # catalogue key, "" for the user's own KPIs

    def copy(self) -> "Kpi":
        return replace(self)


DEPARTMENT_FIELDS = tuple(f.name for f in fields(Department) if f.name not in ("id", "parent"))
LINK_FIELDS = ("kind", "label", "directed")
FUNCTION_FIELDS = tuple(f.name for f in fields(Function) if f.name != "id")
KPI_FIELDS = tuple(f.name for f in fields(Kpi) if f.name != "id")


def normalise_department_field(name: str, value: object) -> object:
    """Check and coerce one editable department field; raise InvalidValueError."""
    if name == "kind":
        try:
            return DeptKind(value)
        except ValueError:
            raise InvalidValueError(f"unknown department kind {value!r}") from None
    if name in ("name", "leader", "notes", "code", "chair", "cadence"):
        return check_text(value, name)
    if name in ("vacant", "staff"):
        if not isinstance(value, bool):
            raise InvalidValueError(f"{name} must be true or false")
        return value
    if name in ("headcount", "budget"):
        return check_number(value, name, minimum=0)
    if name in ("x", "y"):
        return check_number(value, f"position {name}", limit=MAX_COORD)
    if name == "color":
        return check_color(value)
    raise InvalidValueError(f"departments have no field {name!r}")


def normalise_link_field(name: str, value: object) -> object:
    if name == "kind":
        try:
            return LinkKind(value)
        except ValueError:
            raise InvalidValueError(f"unknown link kind {value!r}") from None
    if name == "label":
        return check_text(value, "label")
    if name == "directed":
        if not isinstance(value, bool):
            raise InvalidValueError("directed must be true or false")
        return value
    raise InvalidValueError(f"links have no field {name!r}")


def normalise_function_field(name: str, value: object) -> object:
    if name in ("name", "category", "description", "key", "post"):
        return check_text(value, name)
    if name == "required":
        if not isinstance(value, bool):
            raise InvalidValueError("required must be true or false")
        return value
    raise InvalidValueError(f"functions have no field {name!r}")


def checked_department(dept: Department) -> Department:
    """A validated copy of `dept` (all fields normalised)."""
    out = Department(id=check_text(dept.id, "id", 200), parent=dept.parent)
    for name in DEPARTMENT_FIELDS:
        setattr(out, name, normalise_department_field(name, getattr(dept, name)))
    return out


_KIND_OF = {kind.value: kind for kind in DeptKind}
_COLORS_SEEN: dict[str, str] = {}  # colour text -> normalised (a design uses a handful)
_NUMBER_TYPES = (int, float)


def department_from_values(values: tuple[Any, ...]) -> Department | None:
    """A checked department from a file row's values, in `department_values` order
    (id, code, name, kind, parent, leader, headcount, budget, color, x, y, notes,
    chair, cadence, vacant, staff), as `checked_department` would make it; None for
    anything unusual, which the caller sends the general way (it raises the
    precise message). Opening 100,000 departments calls this 100,000 times.
    """
    (ident, code, name, kind, parent, leader, headcount, budget, color, x, y, notes) = values[:12]
    chair, cadence, vacant, staff = values[12:16]
    kind_value = _KIND_OF.get(kind) if type(kind) is str else None
    colour = _COLORS_SEEN.get(color) if type(color) is str else None
    if colour is None and type(color) is str and _COLOR_RE.fullmatch(color):
        colour = color.lower()
        if len(_COLORS_SEEN) < 4096:
            _COLORS_SEEN[color] = colour
    if (
        kind_value is None
        or colour is None
        or type(ident) is not str
        or len(ident) > 200
        or type(code) is not str
        or type(name) is not str
        or type(leader) is not str
        or type(notes) is not str
        or type(chair) is not str
        or type(cadence) is not str
        or max(len(code), len(name), len(leader), len(notes), len(chair), len(cadence)) > MAX_TEXT
        or type(headcount) not in _NUMBER_TYPES
        or type(budget) not in _NUMBER_TYPES
        or type(x) not in _NUMBER_TYPES
        or type(y) not in _NUMBER_TYPES
        or not (0 <= headcount <= 1e15 and 0 <= budget <= 1e15)
        or not (-MAX_COORD <= x <= MAX_COORD and -MAX_COORD <= y <= MAX_COORD)
        or vacant not in (0, 1)
        or type(vacant) not in (int, bool)
        or staff not in (0, 1)
        or type(staff) not in (int, bool)
    ):
        return None
    return Department(
        id=ident,
        code=code,
        name=name,
        kind=kind_value,
        parent=parent,
        leader=leader,
        headcount=float(headcount),
        budget=float(budget),
        color=colour,
        x=float(x),
        y=float(y),
        notes=notes,
        chair=chair,
        cadence=cadence,
        vacant=bool(vacant),
        staff=bool(staff),
    )


def checked_link(link: Link) -> Link:
    out = Link(id=check_text(link.id, "id", 200), source=link.source, target=link.target)
    for name in LINK_FIELDS:
        setattr(out, name, normalise_link_field(name, getattr(link, name)))
    return out


def checked_function(function: Function) -> Function:
    out = Function(id=check_text(function.id, "id", 200))
    for name in FUNCTION_FIELDS:
        setattr(out, name, normalise_function_field(name, getattr(function, name)))
    return out


def _ids(value: object, what: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise InvalidValueError(f"{what} must be a list of ids")
    out = tuple(check_text(v, what, 200) for v in value)
    if len(set(out)) != len(out):
        raise InvalidValueError(f"{what} names an id twice")
    return out


def normalise_kpi_field(name: str, value: object) -> object:
    """Check and coerce one KPI field (references are checked by the design)."""
    if name in ("name", "unit", "description", "key"):
        return check_text(value, name)
    if name == "owner":
        return None if value is None else check_text(value, "owner", 200)
    if name in ("shared", "functions"):
        return _ids(value, name)
    raise InvalidValueError(f"KPIs have no field {name!r}")


def checked_kpi(kpi: Kpi) -> Kpi:
    out = Kpi(id=check_text(kpi.id, "id", 200))
    for name in KPI_FIELDS:
        setattr(out, name, normalise_kpi_field(name, getattr(kpi, name)))
    return out
