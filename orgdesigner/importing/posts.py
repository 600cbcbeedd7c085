"""Rows of a table -> `Post` records with cleaned values (one post per non-blank row).

Nothing here decides the structure; it only reads cells, and records in the
report every cell it could not take as it was.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from ..entities import DEFAULT_COLOR, DeptKind
from .report import ImportReport, RowOutcome
from .tables import Table, is_blank
from .values import (
    clean_text,
    no_leader,
    parse_color,
    parse_coord,
    parse_flag,
    parse_kind,
    parse_number,
)


@dataclass(eq=False)
class Post:
    """One department to be: a row of the file, later maybe with merged duplicates."""

    row: int
    base_id: str  # the id as written in the file (trimmed)
    code: str  # unique: base_id, or base_id#2 for a conflicting duplicate
    parent_ref: str
    name: str
    kind: DeptKind = DeptKind.DEPARTMENT
    leaders: list[str] = field(default_factory=list)
    headcount: float = 0.0
    budget: float = 0.0
    color: str = DEFAULT_COLOR
    x: float = 0.0
    y: float = 0.0
    notes: list[str] = field(default_factory=list)
    vacant: str = ""  # the leader cell when it names no person ("Vacant", "N/D", "空缺")
    undisclosed: bool = False  # ... because the name is withheld (N/D), not because nobody holds it
    staff: bool = False  # a staff unit (参谋部门)
    full_key: tuple = ()  # every named cell: equal keys mean an identical row
    post_key: tuple = ()  # the post without the person: equal keys mean a job share
    rows: list[int] = field(default_factory=list)
    parent: "Post | None" = None
    candidates: list["Post"] = field(default_factory=list)  # when the parent id is ambiguous
    uid: str = field(default_factory=lambda: str(uuid.uuid4()))


class _Grouped:
    """Collects per-row issues of one kind so the report gets one entry per kind."""

    def __init__(self) -> None:
        self.items: dict[tuple, tuple[list[int], list[str], list[str]]] = {}

    def add(self, key: tuple, row: int, ident: str, example: str = "") -> None:
        rows, ids, examples = self.items.setdefault(key, ([], [], []))
        if rows and rows[-1] == row:
            return
        rows.append(row)
        ids.append(ident)
        if example and len(examples) < 3 and example not in examples:
            examples.append(example)


NUMBER_FIELDS = ("headcount", "budget")


def read_posts(
    table: Table, mapping: dict[str, str], report: ImportReport, *, extras: bool = True
) -> list[Post]:
    """A Post per non-blank row, in file order; every row gets a RowOutcome later or here."""
    index = {c: i for i, c in enumerate(table.header)}
    mapped = set(mapping.values())
    extra_columns = [c for c in table.header if c not in mapped and c not in table.unnamed]
    report.extra_columns = extra_columns if extras else []
    ignored_unnamed = [c for c in table.unnamed if c not in mapped]
    if ignored_unnamed:
        report.add(
            "unnamed-column",
            "info",
            f"{', '.join(ignored_unnamed)} ha{'ve' if len(ignored_unnamed) > 1 else 's'} no header",
            "not imported (map it to a field to use it)",
            zh=(
                f"{'、'.join(ignored_unnamed)} 没有列标题",
                "未导入（要使用它，请把它对应到一个字段）",
            ),
        )
    if not extras and extra_columns:
        report.add(
            "unused-columns",
            "info",
            f"{len(extra_columns)} columns are not mapped: " + ", ".join(extra_columns),
            "not imported (extras switched off)",
            zh=(
                f"{len(extra_columns)} 列没有对应字段：" + "，".join(extra_columns),
                "未导入（已关闭保留其他列）",
            ),
        )
    if "parent" not in mapping:
        report.add(
            "no-parent-column",
            "warning",
            "no column holds the parent id",
            "every department is a root",
            zh=("没有一列是上级编号", "每个部门都是最高层部门"),
        )
    width = len(table.header)
    unnamed_at = {index[c] for c in table.unnamed}
    posts: list[Post] = []
    blank_rows: list[int] = []
    vacant_rows: list[int] = []
    undisclosed_rows: list[int] = []
    issues = _Grouped()
    taken_ids = {
        clean_text(cells[index[mapping["id"]]])
        for _, cells in table.rows
        if index[mapping["id"]] < len(cells)
    }
    for number, cells in table.rows:
        if is_blank(cells):
            blank_rows.append(number)
            report.rows.append(RowOutcome(number, "", "", "blank"))
            continue
        overflow = [(i, c) for i, c in enumerate(cells[width:], start=width) if c.strip()]
        cells = (cells + [""] * width)[:width]

        def get(field_name: str) -> str:
            column = mapping.get(field_name)
            return cells[index[column]] if column is not None else ""

        raw_id = get("id")
        ident = clean_text(raw_id)
        if not ident:
            ident = f"row-{number}"
            n = 2
            while ident in taken_ids:
                ident, n = f"row-{number}-{n}", n + 1
            taken_ids.add(ident)
            issues.add(("empty-id",), number, ident)
        elif raw_id != ident:
            issues.add(("whitespace",), number, ident, repr(raw_id))
        raw_parent = get("parent")
        parent_ref = clean_text(raw_parent)
        if parent_ref and raw_parent != parent_ref:
            issues.add(("whitespace",), number, ident, repr(raw_parent))
        post = Post(
            row=number,
            base_id=ident,
            code=ident,
            parent_ref=parent_ref,
            name=clean_text(get("name")),
            rows=[number],
        )
        leader = clean_text(get("leader"))
        why = no_leader(leader)
        if why:
            post.vacant, post.undisclosed, leader = leader, why == "undisclosed", ""
            (undisclosed_rows if post.undisclosed else vacant_rows).append(number)
        post.leaders = [leader] if leader else []
        post.notes = [clean_text(get("notes"))] if clean_text(get("notes")) else []
        post.kind, problem = parse_kind(get("kind"))
        if problem:
            issues.add(("bad-kind",), number, ident, repr(clean_text(get("kind"))))
        post.color, problem = parse_color(get("color"))
        if problem:
            issues.add(("bad-color",), number, ident, repr(clean_text(get("color"))))
        post.staff, problem = parse_flag(get("staff_unit"))
        if problem:
            issues.add(("bad-flag",), number, ident, repr(clean_text(get("staff_unit"))))
        for field_name in NUMBER_FIELDS:
            value, problem = parse_number(get(field_name))
            setattr(post, field_name, value)
            if problem:
                code = "decimal-comma" if "decimal comma" in problem else "bad-number"
                issues.add((code, field_name), number, ident, repr(clean_text(get(field_name))))
                if "used 0" in problem:
                    post.notes.append(f"{mapping[field_name]}: {clean_text(get(field_name))}")
        for field_name in ("x", "y"):
            coord, problem = parse_coord(get(field_name))
            setattr(post, field_name, coord)
            if problem:
                issues.add(
                    ("bad-number", field_name), number, ident, repr(clean_text(get(field_name)))
                )
        if extras:
            for column in extra_columns:
                extra = clean_text(cells[index[column]])
                if extra:
                    post.notes.append(f"{column}: {extra}")
        if overflow:
            issues.add(("long-row",), number, ident, f"{len(overflow)} extra cells")
            post.notes.extend(f"column {i + 1}: {clean_text(c)}" for i, c in overflow)
        post.full_key = tuple(
            clean_text(c) for i, c in enumerate(cells) if i not in unnamed_at
        ) + tuple(clean_text(c) for _, c in overflow)
        post.post_key = (post.parent_ref, post.name, post.kind, post.budget, post.color)
        posts.append(post)
    if blank_rows:
        report.add(
            "blank-row",
            "info",
            f"{len(blank_rows)} blank row{'s' if len(blank_rows) > 1 else ''}",
            "skipped",
            rows=blank_rows,
            zh=(f"{len(blank_rows)} 个空行", "已跳过"),
        )
    for code, rows in (("vacant", vacant_rows), ("undisclosed", undisclosed_rows)):
        if rows:
            verbs, what, action, what_zh, action_zh = _NO_LEADER_TEXT[code]
            n = len(rows)
            report.add(
                code,
                "info",
                f"{n} leader cell{'s' if n > 1 else ''} {verbs[n > 1]} {what}",
                action,
                rows=rows,
                zh=(f"{n} {what_zh}", action_zh),
            )
    _report_issues(issues, report)
    return posts


_ISSUE_TEXT = {
    "empty-id": ("warning", "no id", "given the id row-N (nothing can report to it by its old id)"),
    "whitespace": ("warning", "spaces around an id or parent id", "spaces removed"),
    "bad-kind": ("warning", "unknown department kind", "used department"),
    "bad-color": ("warning", "colour is not #rrggbb", "used the default colour"),
    "bad-flag": ("warning", "staff unit is not yes or no", "taken as a line unit"),
    "long-row": (
        "warning",
        "more cells than the header has columns",
        "the extra cells are kept in notes",
    ),
}
_NO_LEADER_TEXT = {  # (verb for one / several, what, action, and the same in Chinese)
    "vacant": (
        ("says", "say"),
        "the post is vacant (Vacant, Eliminated, 空缺)",
        "no leader; the post is marked vacant",
        "个负责人单元格表示岗位空缺（Vacant、Eliminated、空缺）",
        "不设负责人；标记为空缺岗位",
    ),
    "undisclosed": (
        ("withholds", "withhold"),
        "the name (N/D: not disclosed)",
        "no leader; the notes say the name is not disclosed",
        "个负责人单元格未公开姓名（N/D：未公开）",
        "不设负责人；在备注中注明姓名未公开",
    ),
}
_ISSUE_TEXT_ZH = {
    "empty-id": ("没有编号", "编号设为 row-N（无法再按原编号向它汇报）"),
    "whitespace": ("编号或上级编号前后有空格", "已去掉空格"),
    "bad-kind": ("无法识别的部门类型", "按“部门”处理"),
    "bad-color": ("颜色不是 #rrggbb 格式", "使用默认颜色"),
    "bad-flag": ("“参谋部门”一栏不是“是”或“否”", "按直线部门处理"),
    "long-row": ("单元格比表头的列多", "多出的单元格保存在备注中"),
}


def _report_issues(issues: _Grouped, report: ImportReport) -> None:
    for key, (rows, ids, examples) in issues.items.items():
        code = key[0]
        example = f" (e.g. {'; '.join(examples)})" if examples else ""
        example_zh = f"（例如 {'；'.join(examples)}）" if examples else ""
        if code == "decimal-comma":
            report.add(
                "decimal-comma",
                "info",
                f"{key[1]} written with a decimal comma{example}",
                "read the comma as a decimal point",
                rows=rows,
                ids=ids,
                zh=(f"{key[1]} 用逗号作小数点{example_zh}", "已把逗号读作小数点"),
            )
            continue
        if code == "bad-number":
            field_name = key[1]
            report.add(
                "bad-number",
                "warning",
                f"{field_name} is not a usable number{example}",
                "used 0 and kept the cell in notes" if field_name in NUMBER_FIELDS else "used 0",
                rows=rows,
                ids=ids,
                zh=(
                    f"{field_name} 不是可用的数字{example_zh}",
                    "按 0 处理，原单元格保存在备注中"
                    if field_name in NUMBER_FIELDS
                    else "按 0 处理",
                ),
            )
            continue
        severity, message, action = _ISSUE_TEXT[code]
        message_zh, action_zh = _ISSUE_TEXT_ZH[code]
        report.add(
            code,
            severity,
            message + (example if code != "empty-id" else ""),
            action,
            rows=rows,
            ids=ids,
            zh=(message_zh + (example_zh if code != "empty-id" else ""), action_zh),
        )
