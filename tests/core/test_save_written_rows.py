"""A full save compares the file it wrote with the very rows it wrote (sort_order included).

Sharing the rows between writing and verifying must not make the verification
weaker: any row, value or order that differs in the file is still refused.
"""

from __future__ import annotations

import sqlite3

import pytest

from orgdesigner import storage
from orgdesigner.errors import FileProblem
from .factories import sample_design


def _written(tmp_path):
    design = sample_design()
    rows = storage.written_rows(design)
    path = tmp_path / "w.db"
    storage.write_file(design, path, rows)
    storage.verify_file(path, design, written=rows)  # holds exactly what was written
    return design, rows, path


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE departments SET headcount = headcount + 1 WHERE name = '市场部'",
        "UPDATE departments SET sort_order = sort_order + 100 WHERE name = '市场部'",
        "UPDATE departments SET kind = 'office' WHERE name = '市场部'",
        "DELETE FROM links WHERE rowid = (SELECT min(rowid) FROM links)",
        "UPDATE responsibilities SET role = 'C' WHERE role = 'A'",
        "DELETE FROM settings",
        "INSERT INTO settings SELECT id, 'extra', '1' FROM scenarios",
    ],
)
def test_a_file_that_differs_from_the_written_rows_is_refused(tmp_path, tamper):
    design, rows, path = _written(tmp_path)
    con = sqlite3.connect(path)
    changed = con.execute(tamper).rowcount
    con.commit()
    con.close()
    assert changed
    with pytest.raises(FileProblem, match="verification failed"):
        storage.verify_file(path, design, written=rows)
    with pytest.raises(FileProblem, match="verification failed"):
        storage.verify_file(path, design)  # and the general comparison agrees


def test_a_kind_outside_the_check_is_refused(tmp_path):
    """The kind CHECK is not evaluated while writing: the comparison of values catches it."""
    design, rows, path = _written(tmp_path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA ignore_check_constraints=ON")
    con.execute("UPDATE departments SET kind = 'nonsense' WHERE name = '市场部'")
    con.commit()
    con.close()
    with pytest.raises(FileProblem, match="verification failed"):
        storage.verify_file(path, design, written=rows)
    with pytest.raises(FileProblem):
        storage.load(path)


def test_save_writes_a_file_that_opens_as_the_design(tmp_path):
    design = sample_design()
    path = tmp_path / "s.db"
    storage.save(design, path)
    assert storage.load(path).snapshot() == design.snapshot()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA ignore_check_constraints").fetchone() == (0,)
    con.close()
