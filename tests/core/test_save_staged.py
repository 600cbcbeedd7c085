"""A full save verifies in SQL against the rows it staged: still every value, none in Python.

The rows go through an in-memory database (`staged_rows`) into the file, and the
verification joins the file with them on rowid. A write that puts anything else
into the file than the model holds must still make the save fail and leave the
target as it was.
"""

from __future__ import annotations

import sqlite3

import pytest

from orgdesigner import schema, storage, untrusted
from orgdesigner.entities import Department
from orgdesigner.errors import FileProblem
from orgdesigner.staged_rows import StagedRows

from .factories import sample_design


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE departments SET name = name || ' ' WHERE rowid = 3",
        "UPDATE departments SET headcount = 'twelve' WHERE headcount = 12.5",  # text, not a number
        "UPDATE departments SET sort_order = 7 - sort_order",  # the order
        "UPDATE links SET directed = 1 - directed",
        "DELETE FROM responsibilities WHERE rowid = 2",
        "INSERT INTO settings SELECT id, 'extra', '1' FROM scenarios",
        "UPDATE functions SET required = 2 WHERE rowid = 1",
    ],
)
def test_a_save_whose_write_went_wrong_fails_and_changes_nothing(tmp_path, monkeypatch, damage):
    target = tmp_path / "plan.db"
    design = sample_design()
    storage.save(design, target)
    before = target.read_bytes()
    real = StagedRows.copy_into

    def copy_then_damage(self, path):
        real(self, path)
        con = sqlite3.connect(path)
        con.execute("PRAGMA ignore_check_constraints=ON")
        assert con.execute(damage).rowcount
        con.commit()
        con.close()

    monkeypatch.setattr(StagedRows, "copy_into", copy_then_damage)
    design.update_department(next(iter(design.departments)), leader="赵敏")
    with pytest.raises(FileProblem, match="verification failed"):
        storage.save(design, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.db"]


def test_every_column_of_every_scenario_table_is_staged():
    """The comparison covers what is staged: that must be every column of the file."""
    staged = storage.written_rows(sample_design())
    try:
        assert set(staged.columns) == set(schema.SCENARIO_TABLES) == set(storage.SCENARIO_TABLES)
        for table, columns in staged.columns.items():
            assert set(columns) == {c.name for c in schema.metadata.tables[table].columns}
    finally:
        staged.close()


class _Counting:
    """A checked connection that counts the rows handed to Python."""

    def __init__(self, conn, counter):
        self._conn, self._counter = conn, counter

    def execute(self, *args):
        return _CountingCursor(self._conn.execute(*args), self._counter)

    def __getattr__(self, name):
        return getattr(self._conn, name)


class _CountingCursor:
    def __init__(self, cursor, counter):
        self._cursor, self._counter = cursor, counter

    def fetchall(self):
        rows = self._cursor.fetchall()
        self._counter.append(len(rows))
        return rows

    def fetchone(self):
        self._counter.append(1)
        return self._cursor.fetchone()

    def __iter__(self):
        for row in self._cursor:
            self._counter.append(1)
            yield row


def _rows_read_back(tmp_path, monkeypatch, size: int) -> int:
    design = sample_design()
    root = next(iter(design.departments))
    for i in range(size):
        design.add_department(Department(name=f"小组 {i}", parent=root))
    counter: list[int] = []
    real = untrusted.open_checked
    monkeypatch.setattr(
        untrusted, "open_checked", lambda *a, **k: _Counting(real(*a, **k), counter)
    )
    storage.save(design, tmp_path / f"n{size}.db")
    return sum(counter)


def test_a_full_save_reads_no_row_back_into_python(tmp_path, monkeypatch):
    """Counts work: the rows read back through the checked connection do not grow with
    the design (they did: every row of every table, 1.8 million values at 100,000)."""
    small = _rows_read_back(tmp_path, monkeypatch, 10)
    large = _rows_read_back(tmp_path, monkeypatch, 2_000)
    assert large == small
    assert large < 200  # the schema, meta and scenarios rows


class _FullDisk:
    """The staged rows' connection, with the new file limited to a few pages: SQLITE_FULL."""

    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql, *args):
        if sql == "BEGIN":
            self._conn.execute("PRAGMA dest.max_page_count=12")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_a_full_disk_while_copying_is_reported_and_changes_nothing(tmp_path, monkeypatch):
    from orgdesigner.fileutil import WriteFailed

    target = tmp_path / "plan.db"
    design = sample_design()
    storage.save(design, target)
    before = target.read_bytes()
    root = next(iter(design.departments))
    for i in range(300):
        design.add_department(Department(name=f"小组 {i}", parent=root, notes="备注" * 20))
    real = StagedRows.copy_into

    def copy_on_a_full_disk(self, path):
        self._conn = _FullDisk(self._conn)
        real(self, path)

    monkeypatch.setattr(StagedRows, "copy_into", copy_on_a_full_disk)
    with pytest.raises(WriteFailed, match="full"):
        storage.save(design, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.db"]
