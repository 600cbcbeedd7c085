"""Aggregated child rows (the organogram `*-junior.csv`): headcount added under a parent id.

Such a file lists groups of staff below a post (`Reporting Senior Post`,
`Number of Posts in FTE`) rather than departments; their FTE is added to
the headcount of the department they report to. Rows that match no
department are listed in the report with the FTE that could not be placed.
"""

from __future__ import annotations

from pathlib import Path

from .mapping import resolve_mapping
from .repair import ROOT_MARKERS, PostIndex
from .report import ImportReport, RowOutcome
from .tables import is_blank, read_table
from .values import clean_text, parse_number


def attach_junior(
    path: str | Path,
    index: PostIndex,
    report: ImportReport,
    *,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    fix_ids: bool = False,
) -> None:
    """Add the FTE of every row of `path` to the headcount of the post it names."""
    path = Path(path)
    table = read_table(path, encoding=encoding, sheet=sheet)
    columns = resolve_mapping(path, table.header, mapping, required=("parent", "headcount"))
    report.junior_source = path.name
    col = {c: i for i, c in enumerate(table.header)}
    at_parent, at_count = col[columns["parent"]], col[columns["headcount"]]
    unknown: dict[str, tuple[list[int], float]] = {}
    bad: list[int] = []
    bad_ids: list[str] = []
    added, targets, rows_used = 0.0, set(), 0
    for number, cells in table.rows:
        if is_blank(cells):
            report.rows.append(RowOutcome(number, "", "", "blank", path.name))
            continue
        cells = cells + [""] * (len(table.header) - len(cells))
        ref = clean_text(cells[at_parent])
        fte, problem = parse_number(cells[at_count])
        if problem and "used 0" in problem:
            bad.append(number)
            bad_ids.append(ref)
        post = index.closest_to_top(ref) or index.by_unique_name(ref)
        if post is None and fix_ids and ref.casefold() not in ROOT_MARKERS:
            post = index.near(ref)
        if post is None:
            rows, total = unknown.get(ref, ([], 0.0))
            unknown[ref] = (rows + [number], total + fte)
            report.rows.append(RowOutcome(number, ref, "", "not-attached", path.name))
            continue
        post.headcount += fte
        added += fte
        targets.add(post.code)
        rows_used += 1
        report.rows.append(RowOutcome(number, ref, post.code, "attached", path.name))
    report.add(
        "junior-staff",
        "info",
        f"{rows_used} rows of aggregated staff ({added:g} FTE) under {len(targets)} departments",
        "added to their headcount",
        source=path.name,
        zh=(
            f"{rows_used} 行汇总人员（{added:g} 个全时当量）属于 {len(targets)} 个部门",
            "已计入这些部门的人数",
        ),
    )
    if bad:
        report.add(
            "bad-number",
            "warning",
            f"{columns['headcount']} is not a usable number",
            "counted as 0",
            rows=bad,
            ids=bad_ids,
            source=path.name,
            zh=(f"{columns['headcount']} 不是可用的数字", "按 0 计"),
        )
    for ref, (rows, total) in unknown.items():
        report.add(
            "junior-unknown-parent",
            "warning",
            f"no department has id {ref!r} ({total:g} FTE in {len(rows)} rows)",
            "not added to any headcount",
            rows=rows,
            ids=[ref],
            source=path.name,
            zh=(
                f"没有部门的编号是 {ref!r}（{len(rows)} 行，共 {total:g} 个全时当量）",
                "未计入任何部门的人数",
            ),
        )
