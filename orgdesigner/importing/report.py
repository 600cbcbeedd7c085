"""What an import did: every problem with its rows, ids and action, and every row's fate.

The editor shows it before the user commits the import; the CLI prints
`summary()` and writes `to_json()` with `--report`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

SEVERITIES = ("warning", "info")
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "gb18030": "GB18030",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1",
    "utf-16": "UTF-16",
}
ENCODING_NAMES_ZH = {**ENCODING_NAMES, "utf-8-sig": "UTF-8（带 BOM）"}
DELIMITER_NAMES_ZH = {",": "逗号", ";": "分号", "\t": "制表符", "|": "竖线"}
SEVERITY_ZH = {"warning": "警告", "info": "提示"}
_SUMMARY_WORDS = {
    "en": {
        "sheet": "sheet {sheet}",
        "csv": "{encoding}, {delimiter}-separated",
        "head": "{source} ({how}): {rows} rows -> {departments} departments, {roots} root{s}",
        "columns": "columns: ",
        "sep": ", ",
        "extra": "; {n} more kept in notes",
        "none": "no problems found",
        "count": "{n} {code}",
        "problems": "{n} problem{s} ({counts}):",
        "line": "  {severity:<7} {code:<18} {line}",
        "more": "  ... and {n} more (write them all with --report FILE.json)",
    },
    "zh": {
        "sheet": "工作表 {sheet}",
        "csv": "{encoding}，{delimiter}分隔",
        "head": "{source}（{how}）：{rows} 行 -> {departments} 个部门，{roots} 个最高层部门",
        "columns": "列：",
        "sep": "，",
        "extra": "；另有 {n} 列保存在备注中",
        "none": "没有发现问题",
        "count": "{title} {n}",
        "problems": "{n} 个问题（{counts}）：",
        "line": "  {severity} {title}：{line}",
        "more": "  ……另有 {n} 个（用 --report FILE.json 写出全部）",
    },
}


# A short title per problem code, for lists and the wizard (the message has the details).
TITLES: dict[str, tuple[str, str]] = {
    "ambiguous-parent": ("上级编号对应多个岗位", "parent id names several posts"),
    "bad-color": ("颜色无效", "invalid colour"),
    "bad-kind": ("类型无法识别", "unknown kind"),
    "bad-flag": ("参谋部门标记无效", "invalid staff-unit mark"),
    "bad-number": ("数字无效", "not a number"),
    "blank-row": ("空行", "blank rows"),
    "cycle": ("汇报关系成环", "reporting cycle"),
    "decimal-comma": ("小数用了逗号", "decimal comma"),
    "duplicate-conflict": ("编号重复（不同岗位）", "id used by different posts"),
    "duplicate-identical": ("重复行", "duplicate row"),
    "empty-id": ("缺少编号", "no id"),
    "empty-name": ("缺少名称", "no name"),
    "forest": ("多个最高层部门", "several roots"),
    "job-share": ("岗位共享", "job share"),
    "junior-staff": ("下属人员汇总", "aggregated staff"),
    "junior-unknown-parent": ("下属人员找不到上级", "staff with unknown parent"),
    "long-row": ("单元格多于表头", "row longer than header"),
    "missing-parent": ("上级不存在", "missing parent"),
    "no-parent-column": ("没有上级列", "no parent column"),
    "parent-by-name": ("按名称匹配上级", "parent matched by name"),
    "self-parent": ("向自己汇报", "reports to itself"),
    "several-sheets": ("工作簿有多个工作表", "several sheets"),
    "text-too-long": ("文字过长", "text too long"),
    "unbalanced-quote": ("引号未闭合", "unclosed quote"),
    "unnamed-column": ("无标题列", "unnamed column"),
    "unused-columns": ("未导入的列", "columns not imported"),
    "undisclosed": ("负责人未公开", "leader not disclosed"),
    "vacant": ("岗位空缺", "vacant post"),
    "whitespace": ("编号前后有空格", "spaces around ids"),
}


def title(code: str, language: str = "en") -> str:
    """The short title of a problem code in "zh" or "en" (the code itself if unknown)."""
    pair = TITLES.get(code)
    return code if pair is None else pair[0 if language == "zh" else 1]


@dataclass
class Problem:
    code: str  # e.g. "cycle", "duplicate-conflict", "missing-parent"
    severity: str  # "warning": data was changed or guessed; "info": kept as is
    message: str  # what was found
    action: str  # what the importer did about it
    rows: list[int] = field(default_factory=list)  # spreadsheet rows (header is row 1)
    ids: list[str] = field(default_factory=list)  # ids as written in the file
    source: str = ""  # the file name (main table or the junior file)
    suggestion: str = ""  # how the user could fix the file, when we know
    message_zh: str = ""  # the same three texts in Chinese (empty: not translated)
    action_zh: str = ""
    suggestion_zh: str = ""

    def text(self, field: str, language: str = "en") -> str:
        """message, action or suggestion in "zh" or "en" (English when no Chinese was given)."""
        english = getattr(self, field)
        return (getattr(self, f"{field}_zh") or english) if language == "zh" else english

    def line(self, language: str = "en") -> str:
        zh = language == "zh"
        where = ""
        if self.rows:
            shown = ", ".join(map(str, self.rows[:6])) + (" ..." if len(self.rows) > 6 else "")
            where = (
                f"第 {shown} 行：" if zh else f"row{'s' if len(self.rows) > 1 else ''} {shown}: "
            )
        text = (
            where
            + self.text("message", language)
            + ("；" if zh else "; ")
            + self.text("action", language)
        )
        if self.suggestion:
            suggestion = self.text("suggestion", language)
            text += f"（{suggestion}）" if zh else f" ({suggestion})"
        return text


@dataclass
class RowOutcome:
    row: int
    id: str  # the id as read (after trimming)
    department: str  # code of the department the row became or was merged into ("" if none)
    action: str  # created, merged, job-share, blank, attached, not-attached
    source: str = ""


@dataclass
class ImportReport:
    source: str
    kind: str = "csv"
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    header_row: int = 1
    mapping: dict[str, str] = field(default_factory=dict)
    extra_columns: list[str] = field(default_factory=list)
    rows_read: int = 0
    departments: int = 0
    roots: int = 0
    junior_source: str = ""
    problems: list[Problem] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)

    def add(
        self,
        code: str,
        severity: str,
        message: str,
        action: str,
        *,
        rows=(),
        ids=(),
        source: str | None = None,
        suggestion: str = "",
        zh: tuple[str, ...] = (),
    ) -> Problem:
        """Record a problem; `zh` is (message, action[, suggestion]) in Chinese."""
        message_zh, action_zh, suggestion_zh = (tuple(zh) + ("", "", ""))[:3]
        problem = Problem(
            code,
            severity,
            message,
            action,
            list(rows),
            list(ids),
            self.source if source is None else source,
            suggestion,
            message_zh,
            action_zh,
            suggestion_zh,
        )
        self.problems.append(problem)
        return problem

    def by_code(self, code: str) -> list[Problem]:
        return [p for p in self.problems if p.code == code]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.problems:
            out[p.code] = out.get(p.code, 0) + 1
        return out

    def summary(self, limit: int = 12, language: str = "en") -> str:
        """A few lines for a terminal or a dialog, in "zh" or "en"; the JSON has everything."""
        zh = language == "zh"
        w = _SUMMARY_WORDS["zh" if zh else "en"]
        encoding = (ENCODING_NAMES_ZH if zh else ENCODING_NAMES).get(self.encoding, self.encoding)
        how = (
            w["sheet"].format(sheet=repr(self.sheet))
            if self.kind == "xlsx"
            else w["csv"].format(
                encoding=encoding, delimiter=_delimiter_name(self.delimiter, language)
            )
        )
        lines = [
            w["head"].format(
                source=self.source,
                how=how,
                rows=self.rows_read,
                departments=self.departments,
                roots=self.roots,
                s="s" if self.roots != 1 else "",
            )
        ]
        lines.append(
            w["columns"]
            + w["sep"].join(f"{f}={c!r}" for f, c in self.mapping.items())
            + (w["extra"].format(n=len(self.extra_columns)) if self.extra_columns else "")
        )
        if not self.problems:
            lines.append(w["none"])
            return "\n".join(lines)
        ordered = sorted(self.problems, key=lambda p: SEVERITIES.index(p.severity))
        counts = w["sep"].join(
            w["count"].format(n=n, code=c, title=title(c, "zh")) for c, n in self.counts().items()
        )
        lines.append(
            w["problems"].format(
                n=len(self.problems), counts=counts, s="s" if len(self.problems) != 1 else ""
            )
        )
        for p in ordered[:limit]:
            lines.append(
                w["line"].format(
                    severity=SEVERITY_ZH[p.severity] if zh else p.severity,
                    code=p.code,
                    title=title(p.code, "zh"),
                    line=p.line(language),
                )
            )
        if len(ordered) > limit:
            lines.append(w["more"].format(n=len(ordered) - limit))
        return "\n".join(lines)

    def to_json(self) -> dict:
        return asdict(self)

    def write(self, path: str | Path) -> None:
        from ..fileutil import atomic_write_text

        atomic_write_text(
            Path(path), json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"
        )


def _delimiter_name(delimiter: str, language: str = "en") -> str:
    from .sniff import DELIMITER_NAMES

    if language == "zh":
        return DELIMITER_NAMES_ZH.get(delimiter, repr(delimiter))
    return DELIMITER_NAMES.get(delimiter, repr(delimiter))
