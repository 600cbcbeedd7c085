"""Hostile and damaged design files: a clear message, no crash, no hang, file unchanged.

The corpus is generated here from a valid design file. Each case is read
through `storage.load` (what the CLI's info/export/validate use) and through
`DesignDocument.open` (what the editor uses).
"""

from __future__ import annotations

import random
import sqlite3
import struct
import sys
from pathlib import Path
from typing import Callable

import pytest

from orgdesigner import schema, storage
from orgdesigner.document import DesignDocument
from orgdesigner.errors import FileProblem, NewerFormatError
from orgdesigner.lockfile import lock_path

from .sharedfiles_support import data_dir, hang_guard, sample_design, shared  # noqa: F401

MARK_X = 12345.678


def _valid(path: Path) -> None:
    design = sample_design()
    design.departments["d3"].x = MARK_X
    storage.save(design, path)


def _sql(path: Path, *statements: str, params=()) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement, params) if params else conn.execute(statement)
    conn.commit()
    conn.close()


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _truncate(size: int | None = None, pages: int | None = None):
    def make(path: Path) -> None:
        _valid(path)
        data = path.read_bytes()
        path.write_bytes(data[: size if size is not None else pages * 4096])

    return make


def _other_app(path: Path) -> None:
    _sql(
        path,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
        "INSERT INTO notes (body) VALUES ('hello')",
    )


def _newer(path: Path) -> None:
    _valid(path)
    _sql(path, "PRAGMA user_version=7")


def _format_zero(path: Path) -> None:
    _valid(path)
    _sql(path, "PRAGMA user_version=0")


def _trigger(path: Path) -> None:
    _valid(path)
    _sql(path, "CREATE TRIGGER wipe AFTER INSERT ON meta BEGIN DELETE FROM departments; END")


def _view(path: Path) -> None:
    _valid(path)
    _sql(path, "CREATE VIEW everything AS SELECT * FROM departments")


def _extra_table(path: Path) -> None:
    _valid(path)
    _sql(path, "CREATE TABLE payload (blob BLOB)")


def _virtual_table(path: Path) -> None:
    _valid(path)
    _sql(path, "CREATE VIRTUAL TABLE search USING fts4(body)")


def _changed_table(path: Path) -> None:
    _valid(path)
    _sql(path, "ALTER TABLE departments ADD COLUMN secret TEXT DEFAULT 'x'")


def _missing_table(path: Path) -> None:
    _valid(path)
    _sql(path, "DROP TABLE settings")


def _huge_text(path: Path) -> None:
    _valid(path)
    _sql(path, "UPDATE departments SET notes=? WHERE id='d2'", params=("长" * (50 * 2**20 // 3),))


def _long_name(path: Path) -> None:
    _valid(path)
    _sql(path, "UPDATE departments SET name=? WHERE id='d2'", params=("x" * 20_000,))


def _nan(path: Path) -> None:
    _valid(path)
    data = path.read_bytes()
    assert data.count(struct.pack(">d", MARK_X)) == 1
    path.write_bytes(data.replace(struct.pack(">d", MARK_X), struct.pack(">d", float("nan"))))


def _inf(path: Path) -> None:
    _valid(path)
    _sql(path, "UPDATE departments SET y=9e999 WHERE id='d1'")


def _text_coordinate(path: Path) -> None:
    _valid(path)
    _sql(path, "UPDATE departments SET x='NaN' WHERE id='d1'")


def _cycle(path: Path) -> None:
    _valid(path)
    _sql(path, "UPDATE departments SET parent_id='d3' WHERE id='d0'")  # d3 -> d1 -> d0 -> d3


def _self_parent(path: Path) -> None:
    _valid(path)
    _sql(path, "UPDATE departments SET parent_id='d2' WHERE id='d2'")


def _dangling_parent(path: Path) -> None:
    _valid(path)
    _sql(path, "UPDATE departments SET parent_id='gone' WHERE id='d2'")


def _dangling_role(path: Path) -> None:
    _valid(path)
    _sql(
        path, "INSERT INTO responsibilities SELECT id, 'no-such-function', 'd1', 'A' FROM scenarios"
    )


def _dangling_link(path: Path) -> None:
    _valid(path)
    _sql(path, "UPDATE links SET target_id='gone'")


def _bad_colour(path: Path) -> None:
    _valid(path)
    _sql(path, "UPDATE departments SET color='javascript:alert(1)' WHERE id='d1'")


def _colour_with_line_break(path: Path) -> None:
    """Python's `$` matches before a trailing newline: a colour check must not."""
    _valid(path)
    _sql(path, "UPDATE departments SET color='#aabbcc' || char(10) WHERE id='d1'")


def _bad_kind(path: Path) -> None:
    _valid(path)
    _sql(
        path,
        "PRAGMA ignore_check_constraints=ON",
        "UPDATE departments SET kind='spaceship' WHERE id='d1'",
    )


def _bad_role(path: Path) -> None:
    _valid(path)
    _sql(path, "PRAGMA ignore_check_constraints=ON", "UPDATE responsibilities SET role='Z'")


def _nested_setting(path: Path) -> None:
    _valid(path)
    _sql(
        path,
        "INSERT INTO settings SELECT id, 'deep', ? FROM scenarios",
        params=("[" * 5000 + "]" * 5000,),
    )


def _bad_generation(path: Path) -> None:
    _valid(path)
    _sql(path, "UPDATE meta SET value='lots' WHERE key='save_generation'")


def _bad_page_size(path: Path) -> None:
    _valid(path)
    data = bytearray(path.read_bytes())
    data[16:18] = b"\x03\x00"
    path.write_bytes(bytes(data))


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "not a database": (_bytes("部门,上级\n市场部,\n".encode() * 100), "not an SQLite database"),
    "zero bytes": (_bytes(b""), "empty (0 bytes)"),
    "header only": (_bytes(b"SQLite format 3\x00"), "damaged"),
    "truncated mid-page": (_truncate(size=5000), "damaged"),
    "truncated to two pages": (_truncate(pages=2), "damaged"),
    "another application's database": (_other_app, "another program"),
    "newer format": (_newer, "was made by a newer Org Designer (format 7)"),
    "format 0": (_format_zero, "unknown format version 0"),
    "trigger added": (_trigger, "contains a trigger 'wipe'"),
    "view added": (_view, "contains a view 'everything'"),
    "extra table": (_extra_table, "contains a table 'payload'"),
    "virtual table": (_virtual_table, "refused and not run"),
    "changed table": (_changed_table, "has a changed table 'departments'"),
    "missing table": (_missing_table, "'settings' is missing"),
    "50 MB text value": (_huge_text, "holds a value larger than"),
    "over-long name": (_long_name, "longer than 10000 characters"),
    "NaN coordinate": (_nan, "must be a number"),
    "infinite coordinate": (_inf, "must be a finite number"),
    "text coordinate": (_text_coordinate, "must be a number"),
    "reporting cycle": (_cycle, "form a cycle"),
    "reports to itself": (_self_parent, "form a cycle"),
    "dangling parent": (_dangling_parent, "broken reference in table 'departments'"),
    "dangling responsibility": (_dangling_role, "broken reference in table 'responsibilities'"),
    "dangling link": (_dangling_link, "broken reference in table 'links'"),
    "bad colour": (_bad_colour, "is not of the form #rrggbb"),
    "colour with a line break": (_colour_with_line_break, "is not of the form #rrggbb"),
    "bad kind": (_bad_kind, "unknown department kind"),
    "bad role": (_bad_role, "unknown role"),
    "deeply nested setting": (_nested_setting, "setting 'deep' is not a plain value"),
    "bad save generation": (_bad_generation, "save generation is not a whole number"),
    "bad page size": (_bad_page_size, "damaged"),
}


@pytest.fixture
def hostile(shared, data_dir, request):
    make, expected = CASES[request.param]
    path = shared / "design.db"
    make(path)
    return path, expected


@pytest.mark.parametrize("hostile", sorted(CASES), indirect=True)
def test_hostile_file_gets_a_clear_message_and_stays_byte_identical(hostile, data_dir):
    path, expected = hostile
    before = path.read_bytes()
    folder = sorted(p.name for p in path.parent.iterdir())
    with hang_guard(60):
        with pytest.raises(FileProblem) as caught:
            storage.load(path)
        message = str(caught.value)
        assert message.startswith("design.db")
        assert expected in message
        assert "\n" not in message and len(message) < 300
        with pytest.raises(FileProblem) as caught_open:
            DesignDocument.open(path, heartbeat=False)
        assert str(caught_open.value) == message
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == folder  # no lock, journal, temp
    assert not lock_path(path).exists()
    sessions = data_dir / "sessions"
    assert not sessions.exists() or list(sessions.iterdir()) == []


def test_newer_format_error_is_typed(shared):
    path = shared / "design.db"
    _newer(path)
    with pytest.raises(NewerFormatError) as caught:
        storage.load(path)
    assert str(caught.value) == (
        "design.db was made by a newer Org Designer (format 7); "
        f"this version reads up to format {schema.FORMAT_VERSION}"
    )


def test_trigger_is_never_run(shared, data_dir):
    """A trigger that would record its own execution stays silent."""
    path = shared / "design.db"
    _valid(path)
    _sql(
        path,
        "CREATE TABLE IF NOT EXISTS ran (x)",
        "CREATE TRIGGER spy AFTER UPDATE ON meta BEGIN INSERT INTO ran VALUES (1); END",
    )
    before = path.read_bytes()
    with pytest.raises(FileProblem):
        storage.load(path)
    assert path.read_bytes() == before
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert conn.execute("SELECT count(*) FROM ran").fetchone()[0] == 0
    conn.close()


def test_oversized_file_is_refused_before_sqlite_reads_it(shared, monkeypatch):
    from orgdesigner import untrusted

    path = shared / "design.db"
    _valid(path)
    monkeypatch.setattr(untrusted, "MAX_FILE_BYTES", 4096)
    with pytest.raises(FileProblem, match="too large"):
        storage.load(path)


@pytest.mark.parametrize("seed", range(120))
def test_random_byte_flips(shared, data_dir, seed):
    path = shared / "design.db"
    _valid(path)
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    for _ in range(rng.choice((1, 2, 4, 16))):
        at = rng.randrange(len(data)) if rng.random() < 0.8 else rng.randrange(100)
        data[at] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    with hang_guard(60):
        try:
            design = storage.load(path)
        except FileProblem as exc:
            assert str(exc).startswith("design.db") and "\n" not in str(exc)
        else:  # the flip hit unused space or a value that is still valid
            design.check_invariants()
    assert path.read_bytes() == bytes(data)


def test_a_read_that_takes_too_long_is_stopped(shared, monkeypatch):
    from orgdesigner import untrusted

    path = shared / "design.db"
    storage.save(sample_design(departments=3000), path)  # enough work to reach the check
    monkeypatch.setattr(untrusted, "WORK_SECONDS", -1.0)  # the work budget is already spent
    with hang_guard(60), pytest.raises(FileProblem, match="took too long to read"):
        storage.load(path)


def test_hardened_connection_refuses_attach_and_keeps_limits(shared, tmp_path):
    from orgdesigner import untrusted

    path = shared / "design.db"
    _valid(path)
    copy = tmp_path / "copy.db"
    assert untrusted.private_copy(path, copy) == untrusted.fingerprint(path)
    conn = untrusted.open_checked(copy)
    try:
        assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        with pytest.raises(sqlite3.Error):
            conn.execute(f"ATTACH DATABASE '{tmp_path / 'other.db'}' AS other")
        with pytest.raises(sqlite3.Error):
            conn.execute("SELECT zeroblob(?)", (untrusted.MAX_VALUE_BYTES + 1,)).fetchone()
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("UPDATE meta SET value='x'")  # read-only even on the private copy
        if sys.version_info >= (3, 12):
            assert conn.getconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE)
    finally:
        conn.close()


def test_too_many_rows_are_refused_before_building_the_design(shared, monkeypatch):
    from orgdesigner import untrusted

    path = shared / "design.db"
    _valid(path)
    monkeypatch.setattr(untrusted, "MAX_ROWS", 3)
    with pytest.raises(
        FileProblem, match=r"has too many rows in 'departments' \(6; the limit is 3\)"
    ):
        storage.load(path)
