"""Format 1 -> 2, the domain half: a file made by format-1 Org Designer opens unchanged in content.

`tests/data/format1_domain.db` was written by the format-1 program (`new --template mid_large`).
"""

import hashlib
import shutil
import sqlite3
from pathlib import Path

from orgdesigner import schema, storage
from orgdesigner.entities import Kpi
from orgdesigner.migrations import MIGRATIONS

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "format1_domain.db"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _columns(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {
            t: [r[1:4] + r[5:6] for r in con.execute(f'PRAGMA table_xinfo("{t}")')] for t in tables
        }
    finally:
        con.close()


def test_the_fixture_is_format_1():
    con = sqlite3.connect(f"file:{FIXTURE}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        con.close()
    assert 1 in MIGRATIONS and schema.FORMAT_VERSION >= 2


def test_a_format_1_file_opens_with_the_new_fields_empty_and_stays_byte_identical(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    before = _digest(path)
    design = storage.load(path)
    assert _digest(path) == before
    assert len(design.departments) == 12 and len(design.functions) > 20
    assert all(
        d.chair == "" and d.cadence == "" and not d.vacant for d in design.departments.values()
    )
    assert all(f.post == "" for f in design.functions.values())
    assert design.kpis == {}
    assert any(d.name == "市场管理委员会" for d in design.departments.values())


def test_a_migrated_file_has_exactly_the_tables_of_a_new_file_and_takes_the_new_data(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    design = storage.load(path)
    committee = next(d for d in design.departments.values() if d.kind.value == "committee")
    design.update_department(committee.id, chair="总经理", cadence="每月", vacant=True)
    function = next(iter(design.functions))
    design.add_kpi(Kpi(name="客户满意度", unit="%", owner=committee.id, functions=(function,)))
    fresh = tmp_path / "new.db"
    storage.save(design, fresh)
    migrated = tmp_path / "migrated.db"
    storage.load_checked(path, working_copy=migrated)  # the migrated rows in our schema
    assert _columns(migrated) == _columns(fresh)
    again = storage.load(fresh)
    assert again.snapshot() == design.snapshot()
