"""What an import did: every problem with its rows, ids and action, and every row's fate.

The editor shows it before the user commits the import; the CLI prints
`summary()` and writes `to_json()` with `--report`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

SEVERITIES = ("warning", "info")
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "gb18030": "GB18030",
                  "cp1252": "Windows-1252", "latin-1": "Latin-1", "utf-16": "UTF-16"}


# A short title per problem code, for lists and the wizard (the message has the details).
TITLES: dict[str, tuple[str, str]] = {
    "ambiguous-parent": ("上级编号对应多个岗位", "parent id names several posts"),
    "bad-color": ("颜色无效", "invalid colour"),
    "bad-kind": ("类型无法识别", "unknown kind"),
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
    "whitespace": ("编号前后有空格", "spaces around ids"),
}


def title(code: str, language: str = "en") -> str:
    """The short title of a problem code in "zh" or "en" (the code itself if unknown)."""
    pair = TITLES.get(code)
    return code if pair is None else pair[0 if language == "zh" else 1]


@dataclass
class Problem:
    code: str              # e.g. "cycle", "duplicate-conflict", "missing-parent"
    severity: str          # "warning": data was changed or guessed; "info": kept as is
    message: str           # what was found
    action: str            # what the importer did about it
    rows: list[int] = field(default_factory=list)   # spreadsheet rows (header is row 1)
    ids: list[str] = field(default_factory=list)    # ids as written in the file
    source: str = ""       # the file name (main table or the junior file)
    suggestion: str = ""   # how the user could fix the file, when we know

    def line(self) -> str:
        where = ""
        if self.rows:
            shown = ", ".join(map(str, self.rows[:6])) + (" ..." if len(self.rows) > 6 else "")
            where = f"row{'s' if len(self.rows) > 1 else ''} {shown}: "
        text = f"{where}{self.message}; {self.action}"
        if self.suggestion:
            text += f" ({self.suggestion})"
        return text


@dataclass
class RowOutcome:
    row: int
    id: str            # the id as read (after trimming)
    department: str    # code of the department the row became or was merged into ("" if none)
    action: str        # created, merged, job-share, blank, attached, not-attached
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

    def add(self, code: str, severity: str, message: str, action: str, *,
            rows=(), ids=(), source: str | None = None, suggestion: str = "") -> Problem:
        problem = Problem(code, severity, message, action, list(rows), list(ids),
                          self.source if source is None else source, suggestion)
        self.problems.append(problem)
        return problem

    def by_code(self, code: str) -> list[Problem]:
        return [p for p in self.problems if p.code == code]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.problems:
            out[p.code] = out.get(p.code, 0) + 1
        return out

    def summary(self, limit: int = 12) -> str:
        """A few lines for a terminal or a dialog; the JSON has everything."""
        how = (f"sheet {self.sheet!r}" if self.kind == "xlsx"
               else f"{ENCODING_NAMES.get(self.encoding, self.encoding)}, "
                    f"{_delimiter_name(self.delimiter)}-separated")
        lines = [f"{self.source} ({how}): {self.rows_read} rows -> {self.departments} departments, "
                 f"{self.roots} root{'s' if self.roots != 1 else ''}"]
        lines.append("columns: " + ", ".join(f"{f}={c!r}" for f, c in self.mapping.items())
                     + (f"; {len(self.extra_columns)} more kept in notes" if self.extra_columns else ""))
        if not self.problems:
            lines.append("no problems found")
            return "\n".join(lines)
        ordered = sorted(self.problems, key=lambda p: SEVERITIES.index(p.severity))
        lines.append(f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''} "
                     f"({', '.join(f'{n} {c}' for c, n in self.counts().items())}):")
        for p in ordered[:limit]:
            lines.append(f"  {p.severity:<7} {p.code:<18} {p.line()}")
        if len(ordered) > limit:
            lines.append(f"  ... and {len(ordered) - limit} more (write them all with --report FILE.json)")
        return "\n".join(lines)

    def to_json(self) -> dict:
        return asdict(self)

    def write(self, path: str | Path) -> None:
        from ..fileutil import atomic_write_text

        atomic_write_text(Path(path), json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n")


def _delimiter_name(delimiter: str) -> str:
    from .sniff import DELIMITER_NAMES

    return DELIMITER_NAMES.get(delimiter, repr(delimiter))
