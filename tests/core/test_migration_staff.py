"""Format 2 -> 3: the staff-unit flag. A format-2 file opens with the flag set where the
format-2 chart book guessed a staff unit, and the file itself stays byte-identical.

`tests/data/format2_staff.db` was written by the format-2 program (`storage.save` of a
9-department design: 总经理 with 总经理助理, 行政办公室 (an office), 市场部, 销售部 and
董事会秘书处 (which has a team of its own); 市场部 with 品牌组 and "Executive Assistant").
"""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from orgdesigner import schema, storage
from orgdesigner.errors import NewerFormatError
from orgdesigner.migrations import MIGRATIONS

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "format2_staff.db"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_fixture_is_format_2_without_the_column():
    con = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 2
        columns = [r[1] for r in con.execute("PRAGMA table_info(departments)")]
    finally:
        con.close()
    assert "staff" not in columns and "vacant" in columns
    assert 2 in MIGRATIONS and schema.FORMAT_VERSION == 3


def test_a_format_2_file_opens_with_the_guessed_staff_units_and_stays_byte_identical(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    before = _digest(path)
    design = storage.load(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]
    staff = {d.name for d in design.departments.values() if d.staff}
    # 董事会秘书处 has a unit of its own; 总经理 has no manager: neither is a staff unit.
    assert staff == {"总经理助理", "行政办公室", "Executive Assistant"}
    assert len(design.departments) == 9


def test_a_migrated_file_has_the_tables_of_a_new_file_and_keeps_a_changed_flag(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    design = storage.load(path)
    by_name = {d.name: d.id for d in design.departments.values()}
    design.update_department(by_name["总经理助理"], staff=False)
    design.update_department(by_name["销售部"], staff=True)
    saved = tmp_path / "saved.db"
    storage.save(design, saved)
    migrated = tmp_path / "migrated.db"
    storage.load_checked(path, working_copy=migrated)
    con = sqlite3.connect(migrated)
    try:
        columns = [r[1] for r in con.execute("PRAGMA table_info(departments)")]
    finally:
        con.close()
    assert columns[-1] == "staff"
    again = storage.load(saved)
    assert again.snapshot() == design.snapshot()
    assert {d.name for d in again.departments.values() if d.staff} == {
        "行政办公室",
        "Executive Assistant",
        "销售部",
    }
    con = sqlite3.connect(saved)
    try:
        flags = dict(con.execute("SELECT name, staff FROM departments"))
    finally:
        con.close()
    assert flags["销售部"] == 1 and flags["总经理助理"] == 0


def test_a_newer_format_is_still_refused_in_one_line(tmp_path):
    path = tmp_path / "newer.db"
    shutil.copy(FIXTURE, path)
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version={schema.FORMAT_VERSION + 1}")
    con.close()
    before = _digest(path)
    with pytest.raises(NewerFormatError) as info:
        storage.load(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith("newer.db was made by a newer")
    assert f"format {schema.FORMAT_VERSION + 1}" in message
    assert _digest(path) == before
