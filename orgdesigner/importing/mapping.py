"""Which column holds which department field, guessed from the header.

The guess covers the names real files use (English and Chinese HR exports,
UK organograms, the Federal Register's `id,parent_id,name`); the user can
override any field. A mapping is a plain dict `field -> column name`.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import FileProblem, OrgDesignerError
from .values import EXPORT_COLUMNS

# The fields a table can map are the columns our own export writes: the round trip holds.
FIELDS = EXPORT_COLUMNS
FIELD_HELP = {
    "id": "the department's own id (required)",
    "parent": "the id of the department it reports to",
    "name": "the name shown on the chart",
    "kind": "department, team, committee, business unit or office",
    "leader": "who leads it",
    "headcount": "staff or FTE (fractions are summed)",
    "budget": "its budget",
    "color": "box colour as #rrggbb",
    "x": "position across",
    "y": "position down",
    "notes": "free text",
    "staff_unit": "a staff unit drawn beside its manager (yes or empty)",
}

# Normalised header names (see `norm`) per field, most specific first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": (
        "id",
        "postuniquereference",
        "uniquereference",
        "uniqueid",
        "departmentid",
        "deptid",
        "departmentcode",
        "deptcode",
        "unitid",
        "unitcode",
        "orgid",
        "nodeid",
        "code",
        "key",
        "部门编号",
        "部门编码",
        "部门代码",
        "编号",
        "编码",
        "代码",
        "id号",
        "机构编码",
        "机构代码",
    ),
    "parent": (
        "parent",
        "parentid",
        "parentcode",
        "parentkey",
        "reportstoseniorpost",
        "reportingseniorpost",
        "reportsto",
        "reportstoid",
        "managerid",
        "supervisorid",
        "parentdepartmentid",
        "上级编号",
        "上级部门编号",
        "上级编码",
        "上级部门编码",
        "上级代码",
        "上级部门代码",
        "上级id",
        "父级编号",
        "父级",
        "上级",
        "上级部门",
        "汇报对象",
        "父部门",
    ),
    "name": (
        "name",
        "departmentname",
        "deptname",
        "unitname",
        "orgname",
        "organisationname",
        "organizationname",
        "部门名称",
        "名称",
        "部门",
        "机构名称",
        "单位名称",
        "组织名称",
    ),
    "kind": ("kind", "type", "departmenttype", "unittype", "部门类型", "类型", "类别"),
    "leader": (
        "leader",
        "head",
        "leadername",
        "headname",
        "manager",
        "managername",
        "director",
        "负责人",
        "部门负责人",
        "领导",
        "主管",
        "经理",
    ),
    "headcount": (
        "headcount",
        "fte",
        "numberofpostsinfte",
        "staff",
        "staffcount",
        "employees",
        "人数",
        "编制",
        "编制人数",
        "人员数量",
        "员工人数",
        "人员",
    ),
    "budget": ("budget", "annualbudget", "预算", "年度预算", "经费"),
    "color": ("color", "colour", "颜色"),
    "x": ("x",),
    "y": ("y",),
    "notes": (
        "notes",
        "note",
        "description",
        "comments",
        "comment",
        "remarks",
        "备注",
        "说明",
        "描述",
    ),
    "staff_unit": ("staffunit", "参谋部门", "幕僚部门", "参谋", "幕僚"),
}
# A file of posts (UK organograms): the title names the box, the person leads it.
TITLE_SYNONYMS = ("jobtitle", "posttitle", "position", "岗位", "岗位名称", "职位", "职务")


def norm(text: str) -> str:
    """Header text reduced for matching: case, spaces and punctuation dropped."""
    return re.sub(r"[\s_\-/\\().:：（）'\"?？#№]+", "", text.casefold())


def suggest_mapping(header: list[str]) -> dict[str, str]:
    """The auto-detected mapping for a header (fields with no matching column are left out)."""
    by_norm: dict[str, str] = {}
    for column in header:
        by_norm.setdefault(norm(column), column)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for field, names in SYNONYMS.items():
        for name in names:
            found = by_norm.get(name)
            if found is not None and found not in used:
                mapping[field] = found
                used.add(found)
                break
    title = next(
        (by_norm[n] for n in TITLE_SYNONYMS if n in by_norm and by_norm[n] not in used), None
    )
    if title is not None:
        if "name" in mapping and "leader" not in mapping:
            mapping["leader"] = mapping["name"]
        mapping["name"] = title
    if "id" not in mapping and "name" in mapping:
        mapping["id"] = mapping["name"]  # a list of names only: the name is the id
    return {f: mapping[f] for f in FIELDS if f in mapping}


def parse_map_options(items: list[str] | None) -> dict[str, str]:
    """`--map FIELD=COLUMN` arguments as a dict (`FIELD=` switches the field off)."""
    out: dict[str, str] = {}
    for item in items or ():
        field, sep, column = item.partition("=")
        field = field.strip().lower()
        if not sep:
            raise OrgDesignerError(f"--map {item!r}: write FIELD=COLUMN, e.g. --map headcount=FTE")
        if field not in FIELDS:
            raise OrgDesignerError(
                f"--map {item!r}: unknown field {field!r} (fields: {', '.join(FIELDS)})"
            )
        out[field] = column.strip()
    return out


def resolve_mapping(
    path: Path,
    header: list[str],
    given: dict[str, str] | None,
    *,
    required: tuple[str, ...] = ("id",),
) -> dict[str, str]:
    """The auto-detected mapping overridden by `given`; columns checked against the header.

    A column may be named by its header text (any case/spacing) or by its
    1-based number. A field mapped to "" is switched off.
    """
    mapping = suggest_mapping(header)
    for field, column in (given or {}).items():
        if field not in FIELDS:
            raise FileProblem(
                path,
                f"unknown field {field!r} in the column mapping",
                zh=f"列映射中有未知字段 {field!r}",
            )
        if column in (None, ""):
            mapping.pop(field, None)
            continue
        mapping[field] = find_column(path, header, column)
    for field in required:
        if field not in mapping:
            if field == "id" and "parent" in mapping and "headcount" in mapping:
                raise FileProblem(
                    path,
                    "has no id column but a parent and a headcount: it looks "
                    "like aggregated staff rows; import the posts file with "
                    f"--junior {path.name}",
                    zh="没有编号列，但有上级编号和人数：看起来是汇总的员工行，"
                    "请导入岗位文件，并把它作为基层人员文件附加",
                )
            raise FileProblem(
                path,
                f"no column for the {field} (name one with --{field} COLUMN or "
                f"--map {field}=COLUMN; columns: {', '.join(header)})",
                zh=f"没有对应“{_FIELD_ZH.get(field, field)}”的列（现有列：{'、'.join(header)}）",
            )
    return {f: mapping[f] for f in FIELDS if f in mapping}


def find_column(path: Path, header: list[str], column: str) -> str:
    if column in header:
        return column
    wanted = norm(column)
    matches = [c for c in header if norm(c) == wanted]
    if len(matches) == 1:
        return matches[0]
    if column.isdigit() and 1 <= int(column) <= len(header):
        return header[int(column) - 1]
    raise FileProblem(
        path,
        f"has no column {column!r} (columns: {', '.join(header)})",
        zh=f"没有列 {column!r}（现有列：{'、'.join(header)}）",
    )


_FIELD_ZH = {"id": "编号", "parent": "上级编号", "name": "名称", "headcount": "人数"}
