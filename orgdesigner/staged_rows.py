"""The rows of a full save, staged in a private in-memory SQLite database.

A full save of 100,000 departments wrote its rows into the new file and then
read every row back into Python to compare it with the rows it wrote: 1.8
million Python objects made and compared one by one, a third of the save. The
rows now go once through Python into an in-memory database (one executemany
per table), from there into the new file in C (`INSERT ... SELECT`), and the
verification compares the file with them in C: the file is ATTACHed
read-only and each table joined row for row on rowid (both were filled in the
same order) with every column compared with `IS` (type and value: text '1'
is not the number 1). A table passes only if the file holds as many rows as
were staged and every one of them matches; any row, value or order that
differs (sort_order is a column) fails, as before.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Sequence


def _names(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


class StagedRows:
    """Tables of rows (in the order they go into the file), kept until the save is verified."""

    def __init__(self) -> None:
        # "file::memory:" with uri=True: ATTACH then takes the file:...?mode= URIs below.
        self._conn = sqlite3.connect("file::memory:", uri=True, isolation_level=None)
        self._conn.execute("PRAGMA trusted_schema=OFF")
        self.columns: dict[str, tuple[str, ...]] = {}

    def add(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        """Append rows to a table (made on first use, untyped: values stay as Python gave them)."""
        known = self.columns.get(table)
        if known is None:
            self._conn.execute(f'CREATE TABLE "{table}" ({_names(columns)})')
            self.columns[table] = columns
        elif known != columns:
            raise ValueError(f"{table}: staged with columns {known}, not {columns}")
        if rows:
            marks = ", ".join("?" for _ in columns)
            self._conn.execute("BEGIN")
            self._conn.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
            self._conn.execute("COMMIT")

    def count(self, table: str) -> int:
        if table not in self.columns:
            return 0
        return int(self._conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])

    def copy_into(self, path: Path) -> None:
        """Insert every staged row into the (new, empty) tables of the design file at `path`,
        in staging order. References and CHECKs are not evaluated row by row: the
        verification checks references and compares every value."""
        conn = self._conn
        conn.execute("ATTACH DATABASE ? AS dest", (Path(path).resolve().as_uri() + "?mode=rw",))
        copied = False
        try:
            conn.execute("PRAGMA dest.journal_mode=OFF")  # a fresh temp file: discarded if it fails
            conn.execute("PRAGMA dest.synchronous=OFF")  # durability: the fsync before the rename
            conn.execute("PRAGMA dest.cache_size=-65536")
            conn.execute("PRAGMA foreign_keys=OFF")
            conn.execute("PRAGMA ignore_check_constraints=ON")
            conn.execute("BEGIN")
            for table, columns in self.columns.items():
                names = _names(columns)
                conn.execute(
                    f'INSERT INTO dest."{table}" ({names}) '
                    f'SELECT {names} FROM main."{table}" ORDER BY rowid'
                )
            conn.execute("COMMIT")
            copied = True
        finally:
            try:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                conn.execute("PRAGMA ignore_check_constraints=OFF")
                conn.execute("DETACH DATABASE dest")
            except sqlite3.Error:
                if copied:  # else the write's own error (disk full ...) is the one to report
                    raise

    def first_difference(self, path: Path, tables: Sequence[str]) -> tuple[str, int, int] | None:
        """(table, rows in the file, rows that match) of the first of `tables` whose rows in
        the file at `path` differ from the staged ones; None when all are the same."""
        conn = self._conn
        conn.execute("ATTACH DATABASE ? AS saved", (Path(path).resolve().as_uri() + "?mode=ro",))
        try:
            for table in tables:
                found = conn.execute(f'SELECT count(*) FROM saved."{table}"').fetchone()[0]
                staged = self.count(table)
                matching = 0
                if table in self.columns and staged:
                    same = " AND ".join(f'f."{c}" IS s."{c}"' for c in self.columns[table])
                    matching = conn.execute(
                        f'SELECT count(*) FROM main."{table}" AS s '
                        f'JOIN saved."{table}" AS f ON f.rowid = s.rowid WHERE {same}'
                    ).fetchone()[0]
                if not found == staged == matching:
                    return table, found, matching
            return None
        finally:
            conn.execute("DETACH DATABASE saved")

    def close(self) -> None:
        self._conn.close()
