"""Read a CSV or .xlsx file into a plain table of text cells.

A `Table` keeps the spreadsheet row number of every record (the header is
row 1, as Excel shows it, even when quoted cells span several lines), so
the import report can point at rows the user can find.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from ..errors import FileProblem, Words
from ..fileutil import read_input_bytes
from .sniff import DELIMITER_NAMES, detect_delimiter, detect_encoding

# Limits of one import (README "Importing spreadsheets"): beyond them a file is
# refused at once with one line naming the limit, never read for minutes.
MAX_TABLE_BYTES = 200 * 1024 * 1024  # the file itself
MAX_TABLE_ROWS = 200_000  # records in the file (header and blank rows included)
MAX_TABLE_COLUMNS = 1_000  # cells in one row, trailing empty ones not counted
MAX_CELL_CHARS = 1_000_000  # one cell (Python's csv module stops at 128 KB by default)
MAX_XLSX_UNPACKED = 200 * 1024 * 1024  # all parts of a workbook, uncompressed (zip bombs)
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
DELIMITER_WORDS = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))


@dataclass
class TableNote:
    """Something the reader had to interpret (reported with the import's problems)."""

    code: str
    rows: list[int]
    message: str
    action: str
    zh: tuple[str, ...] = ()  # message and action in Chinese


@dataclass
class Table:
    path: Path
    header: list[str]  # cleaned, unique column names
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells) after the header
    header_row: int = 1
    encoding: str = ""  # "" for workbooks
    delimiter: str = ""  # "" for workbooks
    sheet: str = ""  # the sheet read ("" for CSV)
    sheets: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)  # columns whose header cell was empty
    notes: list[TableNote] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return "xlsx" if self.sheet or self.sheets else "csv"

    def describe(self) -> str:
        if self.kind == "xlsx":
            return f"sheet {self.sheet!r}"
        return f"{self.encoding}, {DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))}-separated"


_TOO_LARGE_ZH = "太大，超出了一次导入的上限"


class TableTooLarge(ValueError):
    """A table beyond the import limits; str() names the limit."""


def _fit_row(cells: list[str], number: int) -> list[str]:
    """`cells` within the column and cell limits (trailing empty cells dropped), else refuse."""
    if len(cells) > MAX_TABLE_COLUMNS:
        while cells and not cells[-1].strip():
            cells.pop()
        if len(cells) > MAX_TABLE_COLUMNS:
            raise TableTooLarge(
                f"row {number} has {len(cells):,} cells; the limit is {MAX_TABLE_COLUMNS:,} columns"
            )
    return cells


def _count_row(count: int) -> None:
    if count > MAX_TABLE_ROWS:
        raise TableTooLarge(f"has more than {MAX_TABLE_ROWS:,} rows (the limit of one import)")


def _read_bytes(path: Path) -> bytes:
    return read_input_bytes(
        path,
        kind="a table",
        limit=MAX_TABLE_BYTES,
        too_large=Words(
            f"is larger than {MAX_TABLE_BYTES // 2**20} MB",
            f"大于 {MAX_TABLE_BYTES // 2**20} MB",
        ),
    )


def _lines(text: str) -> list[str]:
    return _LINE.findall(text)


def parse_csv(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], list[TableNote]]:
    """Records with their spreadsheet row numbers; a quote left open is read as a plain character.

    When a cell opens a quote and never closes it, Python's csv module
    silently swallows the following lines into that cell (to the end of the
    file, or to the next quote character). Such a record spans several lines
    and does not parse strictly; we re-read its first line with quotes taken
    literally and go on from the next line, so no row disappears into a cell.
    One pass from the start to the end (a repair never re-reads what came
    before it), so any file shape is read in linear time. Raises
    TableTooLarge beyond the row, column and cell limits.
    """
    lines = _lines(text)
    width = _usual_width(lines, delimiter)
    records: list[tuple[int, int, list[str]]] = []
    broken: list[int] = []
    pos = 0
    while pos < len(lines):
        for record in _records_from(lines, delimiter, pos):
            _count_row(len(records) + 1)
            if record[1] < 0 or _suspect(record, lines, delimiter, width):
                start = record[0]
                cells = next(
                    csv.reader([lines[start]], delimiter=delimiter, quoting=csv.QUOTE_NONE)
                )
                records.append((start, start + 1, _fit_row(cells, len(records) + 1)))
                broken.append(len(records))
                pos = start + 1
                break
            _fit_row(record[2], len(records) + 1)
            records.append(record)
        else:
            break
    rows = [(number, cells) for number, (_, _, cells) in enumerate(records, start=1)]
    notes = (
        [
            TableNote(
                "unbalanced-quote",
                broken,
                "a quote opened in a cell is never closed",
                "read that line with the quote as a plain character",
                ("单元格中的引号没有闭合", "那一行按普通字符读取引号"),
            )
        ]
        if broken
        else []
    )
    return rows, notes


def _usual_width(lines: list[str], delimiter: str) -> int:
    """The most common width of the one-line records (counted without keeping them)."""
    widths: Counter[int] = Counter()
    for count, (start, end, cells) in enumerate(_records_from(lines, delimiter, 0), start=1):
        _count_row(count)
        if end < 0:  # a quote swallowed the rest; the widths seen so far decide
            break
        if end - start == 1 and len(cells) > 1:
            widths[len(cells)] += 1
    return widths.most_common(1)[0][0] if widths else 0


def _records_from(lines: list[str], delimiter: str, pos: int):
    """(first line, line after the last, cells) of each record from line `pos` on.

    A record whose cell grows beyond MAX_CELL_CHARS across several lines is a
    quote that never closed: it ends the walk as (first line, -1, []) so the
    caller reads that line literally. A single line beyond the cap is refused.
    """
    reader = csv.reader(
        (lines[i] for i in range(pos, len(lines))), delimiter=delimiter, strict=False
    )
    start = pos
    try:
        for cells in reader:
            end = pos + reader.line_num
            yield start, end, cells
            start = end
    except csv.Error as exc:
        if "field larger than field limit" not in str(exc):
            raise
        if len(lines[start]) > MAX_CELL_CHARS:
            raise TableTooLarge(
                f"line {start + 1} has a cell larger than "
                f"{MAX_CELL_CHARS // 1000:,} kB (the limit of one cell)"
            ) from None
        yield start, -1, []


def _suspect(
    record: tuple[int, int, list[str]], lines: list[str], delimiter: str, width: int
) -> bool:
    start, end, _ = record
    if end - start > 1:
        return _swallowed(lines[start:end], delimiter, width)
    return end == len(lines) and _unterminated(lines[start:end], delimiter)


def _swallowed(lines: list[str], delimiter: str, width: int) -> bool:
    """Does this multi-line record look like a stray quote that ate whole rows?

    Either it does not parse strictly (the "closing" quote is really the
    opening quote of a later cell), or its first line read literally and one
    of its later lines read alone are each a complete row of the usual width.
    """
    if not _strict_ok(lines, delimiter):
        return True
    if width < 2:
        return False
    first = next(csv.reader([lines[0]], delimiter=delimiter, quoting=csv.QUOTE_NONE))
    if len(first) != width:
        return False
    for line in lines[1:]:
        alone = next(csv.reader([line], delimiter=delimiter, strict=False), [])
        plain = next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])
        if width in (len(alone), len(plain)):
            return True
    return False


def _unterminated(lines: list[str], delimiter: str) -> bool:
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "end of data" in str(exc) or "EOF" in str(exc)
    return False


def _strict_ok(lines: list[str], delimiter: str) -> bool:
    try:
        for _ in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return False
    return True


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


def _read_xlsx(
    path: Path, raw: bytes, sheet: str | None
) -> tuple[list[tuple[int, list[str]]], str, list[str]]:
    """The rows of one sheet; any failure inside a damaged workbook is one FileProblem."""
    try:
        return _read_sheet(path, raw, sheet)
    except FileProblem:
        raise
    except TableTooLarge as exc:
        raise FileProblem(path, str(exc), zh=_TOO_LARGE_ZH) from None
    except Exception as exc:  # openpyxl raises many types (zip, XML, KeyError) on damaged files
        raise FileProblem(
            path,
            f"is not a readable .xlsx workbook ({type(exc).__name__})",
            zh="不是可读取的 .xlsx 工作簿（文件可能已损坏）",
        ) from None


def _read_sheet(
    path: Path, raw: bytes, sheet: str | None
) -> tuple[list[tuple[int, list[str]]], str, list[str]]:
    import openpyxl

    _check_unpacked_size(raw)
    # From bytes, not the path: openpyxl refuses a workbook whose name does not end in .xlsx.
    book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        names = list(book.sheetnames)
        if sheet is not None:
            chosen = sheet if sheet in names else None
            if chosen is None and sheet.isdigit() and 1 <= int(sheet) <= len(names):
                chosen = names[int(sheet) - 1]
            if chosen is None:
                raise FileProblem(
                    path,
                    f"has no sheet {sheet!r} (sheets: {', '.join(names)})",
                    zh=f"没有工作表 {sheet!r}（现有工作表：{'、'.join(names)}）",
                )
        else:
            chosen = next((n for n in names if _sheet_has_data(book, n)), names[0])
        rows = list(_sheet_rows(book, chosen))
        while rows and is_blank(rows[-1][1]):
            rows.pop()  # formatting below the data makes Excel report empty rows up to it
        return rows, chosen, names
    finally:
        book.close()


def _check_unpacked_size(raw: bytes) -> None:
    """Refuse a workbook whose parts unpack to more than MAX_XLSX_UNPACKED (a zip bomb)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        total = sum(info.file_size for info in archive.infolist())
    if total > MAX_XLSX_UNPACKED:
        raise TableTooLarge(
            f"unpacks to {total // 2**20:,} MB; the limit is {MAX_XLSX_UNPACKED // 2**20:,} MB"
        )


def _sheet_rows(book, name: str):
    """(row number, cell texts) of the rows the sheet really holds, streamed.

    openpyxl's own row iterator fills every missing row and column up to the
    farthest cell: one cell at XFD1048576 becomes 17 billion empty cells. Its
    sheet parser yields only the rows present, each with its cells' columns,
    so the limits are checked before anything is filled in.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    sheet = book[name]
    count = 0
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=True,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for number, cells in parser.parse():
            count += 1
            _count_row(max(count, number))
            values = {}
            for cell in cells:
                column = cell["column"]
                text = _cell_text(cell["value"])
                if text:
                    if column > MAX_TABLE_COLUMNS:
                        raise TableTooLarge(
                            f"row {number} has a cell in column {column:,}; the "
                            f"limit is {MAX_TABLE_COLUMNS:,} columns"
                        )
                    if len(text) > MAX_CELL_CHARS:
                        raise TableTooLarge(
                            f"row {number} has a cell larger than "
                            f"{MAX_CELL_CHARS // 1000:,} kB (the limit of one cell)"
                        )
                    values[column] = text
            row = [""] * max(values, default=0)
            for column, text in values.items():
                row[column - 1] = text
            yield number, row


def _sheet_has_data(book, name: str) -> bool:
    return any(not is_blank(cells) for _, cells in _sheet_rows(book, name))


def _clean_header(cells: list[str]) -> tuple[list[str], list[str]]:
    header: list[str] = []
    unnamed: list[str] = []
    seen: set[str] = set()
    for i, cell in enumerate(cells, start=1):
        name = " ".join(cell.split())
        if not name:
            name = f"column {i}"
            unnamed.append(name)
        base, n = name, 2
        while name in seen:
            name = f"{base} ({n})"
            n += 1
        seen.add(name)
        header.append(name)
    return header, unnamed


def _last_filled(cells: list[str]) -> int:
    """1 + the index of the last non-blank cell (0 for a blank row)."""
    for i in range(len(cells) - 1, -1, -1):
        if cells[i].strip():
            return i + 1
    return 0


def is_blank(cells: list[str]) -> bool:
    return not any(c.strip() for c in cells)


def read_table(
    path: str | Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
) -> Table:
    """Read `path` (CSV/TSV text or .xlsx) into a Table; raise FileProblem if it is unusable."""
    path = Path(path)
    raw = _read_bytes(path)
    table_encoding = table_delimiter = ""
    sheets: list[str] = []
    chosen = ""
    notes: list[TableNote] = []
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem(
            path,
            "is an old Excel .xls workbook; save it as .xlsx or CSV first",
            zh="是旧版 Excel .xls 工作簿；请先另存为 .xlsx 或 CSV",
        )
    if raw.startswith(b"PK\x03\x04"):
        records, chosen, sheets = _read_xlsx(path, raw, sheet)
    else:
        if path.suffix.lower() in EXCEL_SUFFIXES:
            raise FileProblem(
                path,
                "is not an .xlsx workbook (not a zip file)",
                zh="不是 .xlsx 工作簿（不是 zip 文件）",
            )
        if sheet is not None:
            raise FileProblem(
                path,
                "is a text table, it has no sheets (drop --sheet)",
                zh="是文本表格，没有工作表",
            )
        table_encoding = encoding or detect_encoding(raw)
        try:
            text = raw.decode(table_encoding)
        except LookupError:
            raise FileProblem(
                path,
                f"unknown encoding {table_encoding!r}",
                zh=f"未知的编码 {table_encoding!r}",
            ) from None
        except UnicodeDecodeError as exc:
            raise FileProblem(
                path,
                f"is not valid {table_encoding} text (byte {exc.start})",
                zh=f"不是有效的 {table_encoding} 文本（第 {exc.start} 字节）",
            ) from None
        text = text.lstrip("\ufeff")
        if "\x00" in text:
            raise FileProblem(
                path,
                "is not a text table (it contains binary data)",
                zh="不是文本表格（含有二进制数据）",
            )
        hint = re.match(r"sep=(.)\r?\n", text)  # Excel's delimiter line, hidden when Excel opens it
        if hint:
            text = text[hint.end() :]
        delimiter = DELIMITER_WORDS.get((delimiter or "").casefold(), delimiter)
        table_delimiter = delimiter or (hint.group(1) if hint else detect_delimiter(text))
        if len(table_delimiter) != 1:
            raise FileProblem(
                path,
                f"the delimiter must be one character, not {table_delimiter!r}",
                zh=f"分隔符必须是一个字符，而不是 {table_delimiter!r}",
            )
        try:
            records, notes = parse_csv(text, table_delimiter)
        except TableTooLarge as exc:
            raise FileProblem(path, str(exc), zh=_TOO_LARGE_ZH) from None
    if header_row is None:
        header_at = next((i for i, (_, cells) in enumerate(records) if not is_blank(cells)), None)
    else:
        header_at = next((i for i, (n, _) in enumerate(records) if n == header_row), None)
    if header_at is None:
        what = f"has no row {header_row}" if header_row is not None else "is empty (no header row)"
        zh = f"没有第 {header_row} 行" if header_row is not None else "是空的（没有标题行）"
        raise FileProblem(path, what, zh=zh)
    header, unnamed = _clean_header(records[header_at][1])
    # Trailing columns with no header and no data are Excel's empty formatted cells.
    used = max((_last_filled(cells) for _, cells in records[header_at + 1 :]), default=0)
    nameless = set(unnamed)
    while len(header) > used and header[-1] in nameless:
        nameless.discard(header.pop())
    unnamed = [name for name in unnamed if name in nameless]
    if not header:
        raise FileProblem(path, "has an empty header row", zh="标题行是空的")
    return Table(
        path=path,
        header=header,
        rows=records[header_at + 1 :],
        header_row=records[header_at][0],
        encoding=table_encoding,
        delimiter=table_delimiter,
        sheet=chosen,
        sheets=sheets,
        unnamed=unnamed,
        notes=notes,
    )
