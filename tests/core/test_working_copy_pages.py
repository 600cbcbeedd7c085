"""The working copy of an opened file is a page copy when the file's schema is ours to the byte.

Copying the rows into a new file (our CREATE statements, the rows inserted
with their indexes) was most of making a working copy; a file this program
wrote has exactly our schema, so SQLite's backup API copies its pages
instead, running no SQL of the file. Anything else about the schema (even a
layout difference the schema check accepts) still gets the row copy, so only
our own CREATE text ever defines a working copy. Counted, not timed: which
path ran and what the copy holds.
"""

from __future__ import annotations

import sqlite3

import pytest

from orgdesigner import ops, storage
from orgdesigner.document import DesignDocument
from orgdesigner.errors import FileProblem

from .sharedfiles_support import data_dir, design_file, shared  # noqa: F401


def _schema(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        conn.close()


@pytest.fixture
def row_copies(monkeypatch) -> list:
    calls: list = []
    real = storage.copy_rows_into_new_file

    def counting(source, dest):
        calls.append(dest)
        return real(source, dest)

    monkeypatch.setattr(storage, "copy_rows_into_new_file", counting)
    return calls


def _ours(tmp_path) -> list[tuple]:
    storage.write_file(storage.load_scenarios(tmp_path / "share" / "design.db"), tmp_path / "o.db")
    return _schema(tmp_path / "o.db")


def test_a_file_we_wrote_gets_a_page_copy_holding_the_same_design(
    design_file, row_copies, tmp_path
):
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        assert row_copies == []  # no row was copied one by one
        working = doc.working.path
        assert _schema(working) == _ours(tmp_path)
        assert storage.load(working).departments.keys() == doc.design.departments.keys()
        ops.UpdateDepartment("d2", {"notes": "edited"}).apply(doc.design)  # the copy follows edits
        assert storage.load(working).departments["d2"].notes == "edited"
        doc.save()
        assert storage.load(design_file).departments["d2"].notes == "edited"
    finally:
        doc.close()


def test_a_schema_that_differs_in_layout_only_gets_our_own_create_text(
    design_file, row_copies, tmp_path
):
    conn = sqlite3.connect(design_file)
    conn.execute("PRAGMA writable_schema=ON")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='links'").fetchone()[0]
    changed = sql.replace("CREATE TABLE links", 'CREATE TABLE "links"')
    assert changed != sql
    conn.execute("UPDATE sqlite_master SET sql=? WHERE name='links'", (changed,))
    conn.commit()
    conn.close()
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        assert len(row_copies) == 1  # accepted by the schema check, but not copied by pages
        assert _schema(doc.working.path) == _ours(tmp_path)
        assert storage.load(doc.working.path).departments.keys() == doc.design.departments.keys()
    finally:
        doc.close()


def test_a_file_with_a_trigger_is_refused_and_nothing_of_it_is_copied(design_file, data_dir):
    conn = sqlite3.connect(design_file)
    conn.execute("CREATE TRIGGER spy AFTER UPDATE ON departments BEGIN DELETE FROM links; END")
    conn.commit()
    conn.close()
    with pytest.raises(FileProblem, match="trigger 'spy'"):
        DesignDocument.open(design_file, heartbeat=False)
    leftovers = [p for p in data_dir.rglob("*.db")] if data_dir.exists() else []
    assert leftovers == []  # no working copy of it anywhere


def test_the_page_copy_refuses_to_copy_a_schema_that_is_not_ours(tmp_path, row_copies):
    """Called on a file with a view (as if the checks had been skipped), the page copy is not
    taken: the rows go into our schema and the view is not there."""
    source = tmp_path / "source.db"
    storage.write_file(storage.as_set(storage.Design("x")), source)
    conn = sqlite3.connect(source)
    conn.execute("CREATE VIEW peek AS SELECT * FROM departments")
    conn.commit()
    conn.close()
    storage.copy_checked_file(source, tmp_path / "dest.db")
    assert len(row_copies) == 1
    names = [row[1] for row in _schema(tmp_path / "dest.db")]
    assert "peek" not in names


def test_the_order_of_rows_is_read_at_the_first_insert_not_at_open(design_file, tmp_path):
    """The working copy read every ordered table's ids and sort numbers at open (0.3 s for
    100,000 departments); it reads a table's at the first insert or delete, and the file
    still keeps the model's order."""
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        reads: list[str] = []
        doc.working.conn.set_trace_callback(
            lambda sql: reads.append(sql) if "ORDER BY sort_order" in sql else None
        )
        ops.UpdateDepartment("d2", {"notes": "no order needed"}).apply(doc.design)
        assert reads == []
        first = next(iter(doc.design.departments))
        ops.AddDepartment(storage.Department(id="new", name="新部门", parent=first), 1).apply(
            doc.design
        )
        ops.RemoveDepartment("d2").apply(doc.design)
        assert "FROM departments" in reads[0]  # each table's order once (d2's links went too)
        assert len(reads) == len(set(reads))
        assert list(storage.load(doc.working.path).departments) == list(doc.design.departments)
    finally:
        doc.close()
