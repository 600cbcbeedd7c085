"""Departments as a CSV or .xlsx table with the columns the importer reads back.

`export FILE.db -o OUT.csv` writes one row per department: the user's own
id (the department code, or its UUID when it has none or it is not unique),
the parent's id, then every field. Importing the file gives the same
departments, parents and fields. CSV is UTF-8 with a BOM so that Excel on
Chinese or Western Windows opens it with the right characters; a text cell
starting with = + - @ (a formula to Excel) is written with a leading `'`,
which the import of our own CSV takes off again.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .design import Design
from .errors import FileProblem
from .fileutil import atomic_write_bytes
from .importing.values import EXPORT_COLUMNS, EXPORT_TEXT_COLUMNS, format_number, neutralise_formula

COLUMNS = EXPORT_COLUMNS


def export_ids(design: Design) -> dict[str, str]:
    """Department id -> the id written in the file (its code when unique and not empty)."""
    counts: dict[str, int] = {}
    for dept in design.departments.values():
        counts[dept.code] = counts.get(dept.code, 0) + 1
    taken = set(design.departments)
    out = {}
    for dept in design.departments.values():
        own = dept.code
        usable = own and counts[own] == 1 and (own not in taken or own == dept.id)
        out[dept.id] = own if usable else dept.id
    return out


def table_rows(design: Design) -> list[list[str]]:
    """The header and one row per department, as text cells."""
    ids = export_ids(design)
    rows = [list(COLUMNS)]
    for d in design.departments.values():
        rows.append(
            [
                ids[d.id],
                ids[d.parent] if d.parent else "",
                d.name,
                d.kind.value,
                d.leader,
                format_number(d.headcount),
                format_number(d.budget),
                d.color,
                format_number(d.x),
                format_number(d.y),
                d.notes,
                "yes" if d.staff else "",
            ]
        )
    return rows


def write_csv(design: Design, path: str | Path, *, encoding: str = "utf-8-sig") -> None:
    """The table as CSV; text cells that a spreadsheet would run as a formula get a leading '."""
    rows = table_rows(design)
    text_columns = [i for i, name in enumerate(COLUMNS) if name in EXPORT_TEXT_COLUMNS]
    for row in rows[1:]:
        for i in text_columns:
            row[i] = neutralise_formula(row[i])
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        raise FileProblem(path, f"the design has characters that {encoding} cannot hold") from None
    atomic_write_bytes(Path(path), data)


def write_xlsx(design: Design, path: str | Path) -> None:
    """One sheet named after the design; numbers stay numbers, ids stay text."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = _sheet_title(design.name)
    numeric = {COLUMNS.index(c) for c in ("headcount", "budget", "x", "y")}
    for i, row in enumerate(table_rows(design), start=1):
        for j, value in enumerate(row):
            if i > 1 and j in numeric:
                sheet.cell(i, j + 1, float(value))
            else:
                cell = sheet.cell(i, j + 1, _safe_cell(value))
                cell.data_type = "s"  # "=..." is a name, not a formula
    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write_bytes(Path(path), buffer.getvalue())


def _sheet_title(name: str) -> str:
    title = "".join(c for c in name if c not in "[]:*?/\\").strip()[:31]
    return title or "departments"


def _safe_cell(value: str) -> str:
    """Control characters dropped: the xlsx format cannot hold them."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)
