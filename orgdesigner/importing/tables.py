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

from ..errors import FileProblem
from ..fileutil import read_input_bytes
from .sniff import DELIMITER_NAMES, detect_delimiter, detect_encoding

MAX_TABLE_BYTES = 200 * 1024 * 1024
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
DELIMITER_WORDS = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


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
    header: list[str]                       # cleaned, unique column names
    rows: list[tuple[int, list[str]]]       # (spreadsheet row number, cells) after the header
    header_row: int = 1
    encoding: str = ""                      # "" for workbooks
    delimiter: str = ""                     # "" for workbooks
    sheet: str = ""                         # the sheet read ("" for CSV)
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


def _read_bytes(path: Path) -> bytes:
    return read_input_bytes(path, kind="a table", limit=MAX_TABLE_BYTES,
                            too_large=f"is larger than {MAX_TABLE_BYTES // 2**20} MB")


def _lines(text: str) -> list[str]:
    return _LINE.findall(text)


def parse_csv(text: str, delimiter: str) -> tuple[list[tuple[int, list[str]]], list[TableNote]]:
    """Records with their spreadsheet row numbers; a quote left open is read as a plain character.

    When a cell opens a quote and never closes it, Python's csv module
    silently swallows the following lines into that cell (to the end of the
    file, or to the next quote character). Such a record spans several lines
    and does not parse strictly; we re-read its first line with quotes taken
    literally and go on, so no row disappears into a cell.
    """
    lines = _lines(text)
    literal: set[int] = set()
    records = _parse(lines, delimiter, literal, 0)
    widths = Counter(len(c) for s, e, c in records if e - s == 1 and len(c) > 1)
    width = widths.most_common(1)[0][0] if widths else 0
    checked = 0  # records before this index are final
    while True:
        bad = next((i for i in range(checked, len(records)) if _suspect(records[i], lines, delimiter, width)),
                   None)
        if bad is None:
            break
        start = records[bad][0]
        literal.add(start)
        records = records[:bad] + _parse(lines, delimiter, literal, start)
        checked = bad + 1
    rows = [(number, cells) for number, (_, _, cells) in enumerate(records, start=1)]
    broken = [number for number, (start, _, _) in enumerate(records, start=1) if start in literal]
    notes = [TableNote("unbalanced-quote", broken, "a quote opened in a cell is never closed",
                       "read that line with the quote as a plain character",
                       ("单元格中的引号没有闭合", "那一行按普通字符读取引号"))] if broken else []
    return rows, notes


def _suspect(record: tuple[int, int, list[str]], lines: list[str], delimiter: str, width: int) -> bool:
    start, end, _ = record
    if end - start > 1:
        return _swallowed(lines[start:end], delimiter, width)
    return end == len(lines) and _unterminated(lines[start:end], delimiter)


def _parse(lines: list[str], delimiter: str, literal: set[int],
           pos: int) -> list[tuple[int, int, list[str]]]:
    """(first line, line after the last, cells) per record from line `pos`; `literal` lines ignore quotes."""
    records: list[tuple[int, int, list[str]]] = []
    while pos < len(lines):
        if pos in literal:
            cells = next(csv.reader([lines[pos]], delimiter=delimiter, quoting=csv.QUOTE_NONE))
            records.append((pos, pos + 1, cells))
            pos += 1
            continue
        stop = min((line for line in literal if line > pos), default=len(lines))
        reader = csv.reader(lines[pos:stop], delimiter=delimiter, strict=False)
        start = pos
        for cells in reader:
            end = pos + reader.line_num
            records.append((start, end, cells))
            start = end
        pos = stop
    return records


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


def _read_xlsx(path: Path, raw: bytes,
               sheet: str | None) -> tuple[list[tuple[int, list[str]]], str, list[str]]:
    """The rows of one sheet; any failure inside a damaged workbook is one FileProblem."""
    try:
        return _read_sheet(path, raw, sheet)
    except FileProblem:
        raise
    except Exception as exc:  # openpyxl raises many types (zip, XML, KeyError) on damaged files
        raise FileProblem(path, f"is not a readable .xlsx workbook ({type(exc).__name__})") from None


def _read_sheet(path: Path, raw: bytes,
                sheet: str | None) -> tuple[list[tuple[int, list[str]]], str, list[str]]:
    import openpyxl

    # From bytes, not the path: openpyxl refuses a workbook whose name does not end in .xlsx.
    book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        names = list(book.sheetnames)
        if sheet is not None:
            chosen = sheet if sheet in names else None
            if chosen is None and sheet.isdigit() and 1 <= int(sheet) <= len(names):
                chosen = names[int(sheet) - 1]
            if chosen is None:
                raise FileProblem(path, f"has no sheet {sheet!r} (sheets: {', '.join(names)})")
        else:
            chosen = next((n for n in names if _sheet_has_data(book[n])), names[0])
        rows = [(number, [_cell_text(v) for v in values])
                for number, values in enumerate(book[chosen].iter_rows(values_only=True), start=1)]
        while rows and is_blank(rows[-1][1]):
            rows.pop()  # formatting below the data makes Excel report empty rows up to it
        return rows, chosen, names
    finally:
        book.close()


def _sheet_has_data(sheet) -> bool:
    for values in sheet.iter_rows(values_only=True):
        if any(v is not None and str(v).strip() for v in values):
            return True
    return False


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


def is_blank(cells: list[str]) -> bool:
    return not any(c.strip() for c in cells)


def read_table(path: str | Path, *, encoding: str | None = None, delimiter: str | None = None,
               sheet: str | None = None, header_row: int | None = None) -> Table:
    """Read `path` (CSV/TSV text or .xlsx) into a Table; raise FileProblem if it is unusable."""
    path = Path(path)
    raw = _read_bytes(path)
    table_encoding = table_delimiter = ""
    sheets: list[str] = []
    chosen = ""
    notes: list[TableNote] = []
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileProblem(path, "is an old Excel .xls workbook; save it as .xlsx or CSV first")
    if raw.startswith(b"PK\x03\x04"):
        records, chosen, sheets = _read_xlsx(path, raw, sheet)
    else:
        if path.suffix.lower() in EXCEL_SUFFIXES:
            raise FileProblem(path, "is not an .xlsx workbook (not a zip file)")
        if sheet is not None:
            raise FileProblem(path, "is a text table, it has no sheets (drop --sheet)")
        table_encoding = encoding or detect_encoding(raw)
        try:
            text = raw.decode(table_encoding)
        except LookupError:
            raise FileProblem(path, f"unknown encoding {table_encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise FileProblem(path, f"is not valid {table_encoding} text (byte {exc.start})") from None
        text = text.lstrip("\ufeff")
        if "\x00" in text:
            raise FileProblem(path, "is not a text table (it contains binary data)")
        hint = re.match(r"sep=(.)\r?\n", text)  # Excel's delimiter line, hidden when Excel opens it
        if hint:
            text = text[hint.end():]
        delimiter = DELIMITER_WORDS.get((delimiter or "").casefold(), delimiter)
        table_delimiter = delimiter or (hint.group(1) if hint else detect_delimiter(text))
        if len(table_delimiter) != 1:
            raise FileProblem(path, f"the delimiter must be one character, not {table_delimiter!r}")
        records, notes = parse_csv(text, table_delimiter)
    if header_row is None:
        header_at = next((i for i, (_, cells) in enumerate(records) if not is_blank(cells)), None)
    else:
        header_at = next((i for i, (n, _) in enumerate(records) if n == header_row), None)
    if header_at is None:
        what = f"has no row {header_row}" if header_row is not None else "is empty (no header row)"
        raise FileProblem(path, what)
    header, unnamed = _clean_header(records[header_at][1])
    # Trailing columns with no header and no data are Excel's empty formatted cells.
    while header and header[-1] in unnamed and not any(
            len(cells) >= len(header) and cells[len(header) - 1].strip()
            for _, cells in records[header_at + 1:]):
        unnamed.remove(header.pop())
    if not header:
        raise FileProblem(path, "has an empty header row")
    return Table(path=path, header=header, rows=records[header_at + 1:],
                 header_row=records[header_at][0], encoding=table_encoding,
                 delimiter=table_delimiter, sheet=chosen, sheets=sheets, unnamed=unnamed,
                 notes=notes)
