"""The two calls a caller needs: `sniff` a file, then `import_table` it.

The editor's import wizard shows `sniff`'s preview and suggested mapping,
lets the user change the mapping, calls `import_table` and shows the
report before committing the design it returns; the CLI does the same in
one go. Neither call writes anything.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..design import Design, build_design
from ..entities import MAX_TEXT, Department
from ..errors import FileProblem, ModelError
from .junior import attach_junior
from .mapping import resolve_mapping, suggest_mapping
from .posts import Post, read_posts
from .repair import (
    ROOT_MARKERS,
    PostIndex,
    break_cycles,
    merge_duplicates,
    report_forest,
    resolve_parents,
)
from .report import ImportReport
from .sniff import has_cjk
from .tables import Table, is_blank, read_table
from .values import EXPORT_TEXT_COLUMNS, clip, is_own_export, restore_formula_text

PREVIEW_ROWS = 20


@dataclass
class ImportOptions:
    encoding: str | None = None  # None: detect (UTF-8, UTF-8 BOM, GB18030, cp1252)
    delimiter: str | None = None  # None: detect (, ; tab |)
    sheet: str | None = None  # workbook sheet name or 1-based number; None: first with data
    header_row: int | None = None  # spreadsheet row of the header; None: first non-blank row
    fix_ids: bool = False  # attach to ids differing only by leading zeros/spaces
    extras: bool = True  # keep unmapped columns as "column: value" lines in notes
    root_markers: frozenset[str] = ROOT_MARKERS  # parent values meaning "no parent" (casefolded)
    name: str | None = None  # design name; None: the file name
    language: str | None = None  # "zh"/"en"; None: zh when names hold Chinese
    junior: Path | None = None  # a file of aggregated staff rows (see junior.py)
    junior_mapping: dict[str, str] | None = None
    layout: bool = True  # apply the compact tidy-tree layout when no x/y columns are mapped


@dataclass
class Sniffed:
    """What the wizard shows before the user maps columns."""

    path: Path
    kind: str  # "csv" or "xlsx"
    encoding: str
    delimiter: str
    sheets: list[str]
    sheet: str
    header_row: int
    columns: list[str]
    preview: list[list[str]]  # the first data rows, padded to the header width
    preview_rows: list[int]  # their spreadsheet row numbers
    rows: int  # data rows (blank ones excluded)
    mapping: dict[str, str] = field(default_factory=dict)  # suggested field -> column


def _read(path: Path, options: ImportOptions) -> Table:
    """The table; in a workbook with no sheet chosen, the first sheet that has an id column."""
    table = read_table(
        path,
        encoding=options.encoding,
        delimiter=options.delimiter,
        sheet=options.sheet,
        header_row=options.header_row,
    )
    if table.sheets and options.sheet is None and "id" not in suggest_mapping(table.header):
        for name in table.sheets:
            if name == table.sheet:
                continue
            try:
                other = read_table(path, sheet=name, header_row=options.header_row)
            except FileProblem:
                continue
            if "id" in suggest_mapping(other.header):
                return other
    if table.kind == "csv" and is_own_export(table.header):  # our own export
        text = [i for i, name in enumerate(table.header) if name in EXPORT_TEXT_COLUMNS]
        for _, cells in table.rows:
            for i in text:
                if i < len(cells):
                    cells[i] = restore_formula_text(cells[i])
    return table


def sniff(path: str | Path, options: ImportOptions | None = None) -> Sniffed:
    """Read `path` and describe it; raise FileProblem when it is not a usable table."""
    path = Path(path)
    options = options or ImportOptions()
    table = _read(path, options)
    width = len(table.header)
    data = [(n, c) for n, c in table.rows if not is_blank(c)]
    return Sniffed(
        path=path,
        kind=table.kind,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheets=table.sheets,
        sheet=table.sheet,
        header_row=table.header_row,
        columns=list(table.header),
        preview=[(c + [""] * width)[:width] for _, c in data[:PREVIEW_ROWS]],
        preview_rows=[n for n, _ in data[:PREVIEW_ROWS]],
        rows=len(data),
        mapping=suggest_mapping(table.header),
    )


def import_table(
    path: str | Path, mapping: dict[str, str] | None = None, options: ImportOptions | None = None
) -> tuple[Design, ImportReport]:
    """A valid design from a CSV/xlsx file and the report of everything that was repaired.

    `mapping` overrides the auto-detected columns field by field (a field
    mapped to "" is switched off). Raises FileProblem only when the file is
    unusable as a whole (unreadable, no header, no id column, no data); dirty rows
    never raise, they are repaired and reported.
    """
    path = Path(path)
    options = options or ImportOptions()
    table = _read(path, options)
    columns = resolve_mapping(path, table.header, mapping)
    report = ImportReport(
        source=path.name,
        kind=table.kind,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        sheets=list(table.sheets),
        header_row=table.header_row,
        mapping=dict(columns),
    )
    if len(table.sheets) > 1 and options.sheet is None:
        report.add(
            "several-sheets",
            "info",
            f"the workbook has {len(table.sheets)} sheets: " + ", ".join(table.sheets),
            f"read {table.sheet!r} (choose another with --sheet)",
            zh=(
                f"工作簿有 {len(table.sheets)} 个工作表：" + "，".join(table.sheets),
                f"读取了 {table.sheet!r}（用 --sheet 选择其他工作表）",
            ),
        )
    for note in table.notes:
        report.add(note.code, "warning", note.message, note.action, rows=note.rows, zh=note.zh)
    posts = read_posts(table, columns, report, extras=options.extras)
    if not posts:
        raise FileProblem(
            path,
            f"has no data below its header (row {table.header_row})",
            zh=f"标题行（第 {table.header_row} 行）下面没有数据",
        )
    report.rows_read = len(table.rows)
    posts = merge_duplicates(posts, report)
    index = PostIndex(posts)
    resolve_parents(
        posts,
        index,
        report,
        fix_ids=options.fix_ids,
        root_markers=frozenset(m.casefold() for m in options.root_markers),
    )
    break_cycles(posts, report)
    report_forest(posts, report)
    if options.junior is not None:
        attach_junior(
            options.junior, index, report, mapping=options.junior_mapping, fix_ids=options.fix_ids
        )
    design = _build(posts, report, options, path)
    report.departments = len(design.departments)
    report.rows.sort(key=lambda r: (r.source != "", r.row))
    if options.layout and "x" not in columns and "y" not in columns and design.departments:
        from ..layout import tidy_layout

        # Compact: imported organisations are wide and leaf-heavy; leaves stack in columns.
        try:
            design.move_departments(tidy_layout(design, compact=True))
        except ModelError as exc:  # cannot happen within the import limits; say what if it does
            raise FileProblem(
                path, f"is too large to lay out as a chart ({exc})", zh="太大，无法排成一张组织图"
            ) from None
    return design, report


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def _build(posts: list[Post], report: ImportReport, options: ImportOptions, path: Path) -> Design:
    unnamed: list[Post] = []
    clipped: list[Post] = []
    used: set[str] = set()
    uid: dict[int, str] = {}
    for post in posts:
        keep = _is_uuid(post.code) and post.code not in used
        uid[id(post)] = post.code if keep else str(uuid.uuid4())
        used.add(uid[id(post)])
    departments = []
    language = options.language or ("zh" if any(has_cjk(p.name) for p in posts) else "en")
    for post in posts:
        if post.vacant and post.undisclosed:  # a person whose name is withheld: say so in the notes
            post.notes.insert(
                0,
                f"负责人姓名未公开（负责人一栏：{post.vacant}）"
                if language == "zh"
                else f"leader not disclosed (leader cell: {post.vacant})",
            )
        name = post.name
        if not name:
            name = post.code
            unnamed.append(post)
        name, cut_name = clip(name)
        notes, cut_notes = clip("\n".join(post.notes))
        leader, cut_leader = clip(" / ".join(post.leaders))
        if cut_name or cut_notes or cut_leader:
            clipped.append(post)
        departments.append(
            Department(
                id=uid[id(post)],
                code="" if _is_uuid(post.code) else post.code,
                name=name,
                kind=post.kind,
                parent=uid[id(post.parent)] if post.parent is not None else None,
                leader=leader,
                headcount=post.headcount,
                budget=post.budget,
                color=post.color,
                x=post.x,
                y=post.y,
                notes=notes,
                vacant=bool(post.vacant) and not post.undisclosed,
                staff=post.staff,
            )
        )
    if unnamed:
        report.add(
            "empty-name",
            "warning",
            "no name",
            "named after the id",
            rows=[p.row for p in unnamed],
            ids=[p.code for p in unnamed],
            zh=("没有名称", "以编号命名"),
        )
    if clipped:
        report.add(
            "text-too-long",
            "warning",
            f"a name, leader or notes longer than {MAX_TEXT} characters",
            "cut to fit",
            rows=[p.row for p in clipped],
            ids=[p.code for p in clipped],
            zh=(f"名称、负责人或备注超过 {MAX_TEXT} 个字符", "已截断"),
        )
    return build_design(
        name=options.name if options.name is not None else path.stem,
        language=language,
        departments=departments,
    )
