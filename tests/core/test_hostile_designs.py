"""Issue 19, items 6-10: design files that are not what they seem.

FIFOs, rewritten schemas, symbolic links, a -wal beside the file, a
read-only file in a writable folder. Each case: the exit code / exception,
the one-line message, a hang guard, and the input left as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat

from pathlib import Path

import pytest

from orgdesigner import storage, untrusted
from orgdesigner.document import DesignDocument, LockedByOther
from orgdesigner.errors import FileProblem
from orgdesigner.lockfile import lock_path

from .hostile_support import HANG_SECONDS, digest, one_line_error, run
from .sharedfiles_support import data_dir, design_file, hang_guard, shared  # noqa: F401

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")


# ------------------------------------------------------------------ 6. special files
@pytest.mark.parametrize("command", [["info"], ["validate"], ["export", "-o", "OUT.json"]])
def test_a_fifo_named_like_a_design_is_refused_without_opening_it(tmp_path, capsys, command):
    fifo = tmp_path / "x.db"
    os.mkfifo(fifo)
    argv = [command[0], fifo] + [str(tmp_path / a) if a == "OUT.json" else a for a in command[1:]]
    code, out, err = run(capsys, *argv)
    assert code == 2
    one_line_error(err, "x.db: is not a regular file (a pipe, socket or device)")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.parametrize("name", ["org.csv", "org.xlsx", "plan.json"])
def test_a_fifo_as_import_source_is_refused(tmp_path, capsys, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    code, _, err = run(capsys, "import", fifo, "-o", tmp_path / "out.db")
    assert code == 2
    one_line_error(err, f"{name}: is not a regular file")


def test_a_fifo_planted_as_the_lock_neither_hangs_info_nor_open(design_file, capsys):
    before = digest(design_file)
    os.mkfifo(lock_path(design_file))
    code, out, err = run(capsys, "info", design_file, "--lang", "en")
    assert code == 0, err
    assert "open for editing: design.db has a damaged lock file beside it" in out
    with hang_guard(HANG_SECONDS), pytest.raises(LockedByOther) as caught:
        DesignDocument.open(design_file, heartbeat=False)
    assert str(caught.value) == "design.db is being edited by someone else"
    with hang_guard(HANG_SECONDS):
        DesignDocument.open(design_file, read_only=True).close()
    assert digest(design_file) == before


def test_fifo_sidecars_are_seen_but_never_opened(design_file, capsys):
    before = digest(design_file)
    os.mkfifo(design_file.with_name("design.db-journal"))
    code, out, err = run(capsys, "info", design_file, "--lang", "en")
    assert code == 0
    assert "another program is writing to it right now (design.db-journal" in err
    with hang_guard(HANG_SECONDS):
        doc = DesignDocument.open(design_file, heartbeat=False)
    assert not doc.state.editable and "design.db-journal" in doc.state.read_only_reason
    doc.close()
    assert digest(design_file) == before


def test_the_editor_refuses_a_fifo_design(tmp_path, data_dir):
    fifo = tmp_path / "x.db"
    os.mkfifo(fifo)
    with hang_guard(HANG_SECONDS), pytest.raises(FileProblem, match="x.db: is not a regular file"):
        DesignDocument.open(fifo)


# ------------------------------------------------------------------ 7. CHECK / DEFAULT
HOSTILE_SCHEMAS = {
    "check": (
        "PRIMARY KEY (scenario_id, id), ",
        "PRIMARY KEY (scenario_id, id), CHECK (length(randomblob(300000000)) > 0), ",
    ),
    "failing check": (
        "PRIMARY KEY (scenario_id, id), ",
        "PRIMARY KEY (scenario_id, id), CHECK (0), ",
    ),
    "default": ("notes TEXT NOT NULL", "notes TEXT NOT NULL DEFAULT (hex(randomblob(1000000)))"),
}


def _rewrite_schema(path, old: str, new: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema=ON")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='departments'").fetchone()[0]
    flat = " ".join(sql.split())
    assert old in flat
    conn.execute(
        "UPDATE sqlite_master SET sql=? WHERE name='departments'", (flat.replace(old, new),)
    )
    conn.commit()
    conn.close()


@pytest.mark.parametrize("kind", sorted(HOSTILE_SCHEMAS))
def test_a_rewritten_check_or_default_is_refused_and_never_run(design_file, capsys, kind):
    _rewrite_schema(design_file, *HOSTILE_SCHEMAS[kind])
    before = digest(design_file)
    for command in (["info"], ["validate"]):
        code, _, err = run(capsys, *command, design_file)
        assert code == 2
        one_line_error(err, "design.db: has a changed table 'departments'", "refused and not run")
    with hang_guard(HANG_SECONDS), pytest.raises(FileProblem, match="changed table 'departments'"):
        DesignDocument.open(design_file, heartbeat=False)
    assert digest(design_file) == before
    assert not lock_path(design_file).exists()


def test_layout_and_quoting_differences_are_not_changes(design_file):
    """A file made by us, whatever the whitespace SQLite kept, is accepted."""
    conn = sqlite3.connect(design_file)
    conn.execute("PRAGMA writable_schema=ON")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name='links'").fetchone()[0]
    conn.execute(
        "UPDATE sqlite_master SET sql=? WHERE name='links'",
        (sql.replace("\n\t", "\n    ").replace("CREATE TABLE links", 'CREATE TABLE "links"'),),
    )
    conn.commit()
    conn.close()
    assert storage.load(design_file).departments


def test_the_working_copy_is_built_from_our_own_schema(design_file, data_dir):
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        found = {
            name: untrusted.normalised_sql(sql)
            for name, sql in doc.working.conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            )
        }
        expected = {
            name: value[3] for name, value in untrusted.expected_schema().items() if value[3]
        }
        assert found == expected
        assert storage.load(design_file).snapshot() == doc.design.snapshot()
    finally:
        doc.close()


# ------------------------------------------------------------------ 8. symbolic links
def test_a_link_and_the_real_path_are_one_document(design_file, data_dir, tmp_path):
    link = tmp_path / "link.db"
    link.symlink_to(design_file)
    doc = DesignDocument.open(link, heartbeat=False)
    try:
        assert doc.path == design_file.resolve()
        assert lock_path(design_file).exists() and not lock_path(link).exists()
        with pytest.raises(LockedByOther):  # the real path is the same, locked file
            DesignDocument.open(design_file, heartbeat=False)
        doc.design.update_info(name="通过链接保存")
        doc.save()
    finally:
        doc.close()
    assert link.is_symlink() and os.readlink(link) == str(design_file)
    assert storage.load(design_file).name == "通过链接保存"


# ------------------------------------------------------------------ 9. -wal beside the file
def test_a_wal_beside_the_design_is_read_and_named(design_file, capsys, tmp_path):
    conn = sqlite3.connect(design_file)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE meta SET value='写入中的名字' WHERE key='name'")
    conn.commit()
    busy = tmp_path / "busy"
    busy.mkdir()
    # What another program leaves while it is still writing: the file and its -wal.
    shutil.copy(design_file, busy / "design.db")
    shutil.copy(f"{design_file}-wal", busy / "design.db-wal")
    conn.close()
    target = busy / "design.db"
    before = {p.name: digest(p) for p in busy.iterdir()}
    code, out, err = run(capsys, "info", target, "--lang", "en")
    assert code == 0, err
    assert "name:             写入中的名字" in out  # the committed content, not the stale file
    assert err.strip() == (
        "note: design.db: another program is writing to it right now "
        "(design.db-wal is beside it); showing its last committed content"
    )
    assert {p.name: digest(p) for p in busy.iterdir()} == before


def test_the_editor_opens_a_design_with_a_wal_read_only(design_file, data_dir):
    wal = design_file.with_name("design.db-wal")
    wal.write_bytes(b"")
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        assert not doc.state.editable
        assert (
            "another program is writing to design.db right now (design.db-wal"
            in doc.state.read_only_reason
        )
    finally:
        doc.close()


# ------------------------------------------------------------------ 10. read-only file
def test_a_read_only_file_opens_read_only_and_save_never_replaces_it(
    design_file, data_dir, tmp_path
):
    design_file.chmod(0o444)
    before = digest(design_file)
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        assert not doc.state.editable
        assert doc.state.read_only_reason == (
            "design.db is read-only for you (its permissions do not allow changes)"
        )
        assert not lock_path(design_file).exists()
        doc.design.update_info(name="改过")
        with pytest.raises(Exception, match="read-only"):
            doc.save()
        with pytest.raises(Exception, match="the file is read-only for you"):
            doc.save_as(design_file)
        doc.save_as(tmp_path / "copy.db")
        assert storage.load(tmp_path / "copy.db").name == "改过"
    finally:
        doc.close()
    assert digest(design_file) == before
    assert stat.S_IMODE(design_file.stat().st_mode) == 0o444


def test_a_hot_journal_beside_the_design_is_rolled_back_on_the_private_copy(
    data_dir, capsys, tmp_path
):
    """A program killed mid-transaction: the main file holds half-written pages, the journal the old ones."""
    from orgdesigner.design import build_design
    from orgdesigner.entities import Department

    design_file = tmp_path / "design.db"
    storage.save(
        build_design(
            name="大方案",
            departments=[
                Department(id=f"d{i}", name=f"部门{i}", notes="n" * 300) for i in range(600)
            ],
        ),
        design_file,
    )
    conn = sqlite3.connect(design_file, isolation_level=None)
    conn.execute("PRAGMA cache_size=1")  # spill changed pages into the main file before commit
    conn.execute("BEGIN")
    conn.execute("UPDATE departments SET name='半途', notes=?", ("m" * 300,))
    conn.execute("UPDATE meta SET value='半途的名字' WHERE key='name'")
    busy = tmp_path / "busy"
    busy.mkdir()
    shutil.copy(design_file, busy / "design.db")
    shutil.copy(f"{design_file}-journal", busy / "design.db-journal")
    conn.execute("ROLLBACK")
    conn.close()
    target = busy / "design.db"
    assert b"\xe5\x8d\x8a\xe9\x80\x94" in target.read_bytes()  # torn: 半途 reached the main file
    before = {p.name: digest(p) for p in busy.iterdir()}
    code, out, err = run(capsys, "info", target, "--lang", "en")
    assert code == 0, err
    assert "name:             大方案" in out  # the last committed content, not the torn one
    assert "design.db-journal is beside it" in err
    loaded = storage.load(target)
    assert {d.name for d in loaded.departments.values()} == {f"部门{i}" for i in range(600)}
    assert {p.name: digest(p) for p in busy.iterdir()} == before


@pytest.mark.parametrize(
    "old, new",
    [
        ("PRIMARY KEY (id), ", "PRIMARY KEY (id), CHECK (length(randomblob(300000000)) > 0), "),
        ("notes TEXT NOT NULL", "notes TEXT NOT NULL DEFAULT (hex(randomblob(1000000)))"),
    ],
)
def test_an_older_format_file_with_a_foreign_expression_is_refused_before_migrating(
    design_file, capsys, old, new
):
    # A file of format 1 (made by the build before scenarios): migrated on the private copy.
    shutil.copy(Path(__file__).parent.parent / "data" / "format1_mid_large.db", design_file)
    _rewrite_schema(design_file, old, new)
    before = digest(design_file)
    code, _, err = run(capsys, "info", design_file, "--lang", "en")
    assert code == 2
    one_line_error(err, "design.db: has a changed table 'departments'", "refused and not run")
    assert digest(design_file) == before
