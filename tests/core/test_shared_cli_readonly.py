"""The CLI's read-only commands never take the lock and never write beside the file."""

from __future__ import annotations

import json

import pytest

from orgdesigner import cli, storage
from orgdesigner.document import DesignDocument
from orgdesigner.lockfile import lock_path

from .sharedfiles_support import data_dir, design_file, listing, shared  # noqa: F401


@pytest.fixture
def no_locking(monkeypatch):
    """Any attempt to take a lock fails the test."""
    from orgdesigner.lockfile import OwnedLock

    def refuse(*args, **kwargs):
        raise AssertionError("a read-only command tried to take the lock")

    monkeypatch.setattr(OwnedLock, "acquire", classmethod(refuse))


def test_info_and_export_leave_the_folder_byte_identical(design_file, tmp_path, capsys, no_locking):
    before = listing(design_file.parent)
    assert cli.main(["info", str(design_file)]) == 0
    out = tmp_path / "out.json"
    assert cli.main(["export", str(design_file), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["name"] == "市场部结构方案"
    assert listing(design_file.parent) == before
    assert "市场部结构方案" in capsys.readouterr().out


def test_validate_on_a_file_someone_is_editing_never_locks_or_writes(design_file, capsys):
    editor = DesignDocument.open(design_file, heartbeat=False)
    before = listing(design_file.parent)
    assert cli.main(["validate", str(design_file)]) in (0, 1)  # findings are fine here
    assert listing(design_file.parent) == before
    editor.close()


def test_validate_takes_no_lock(design_file, no_locking):
    before = listing(design_file.parent)
    assert cli.main(["validate", str(design_file)]) in (0, 1)
    assert listing(design_file.parent) == before


def test_info_works_on_a_file_someone_is_editing_and_says_who(design_file, capsys):
    editor = DesignDocument.open(design_file, heartbeat=False)
    before = listing(design_file.parent)
    assert cli.main(["info", str(design_file)]) == 0
    out = capsys.readouterr().out
    assert "design.db 正在由 Wang Li 编辑" in out  # a Chinese design: a Chinese report
    assert listing(design_file.parent) == before
    assert lock_path(design_file).read_bytes() == before[lock_path(design_file).name]
    editor.close()


def test_info_on_a_file_with_a_journal_beside_it_reads_without_touching_it(design_file):
    journal = design_file.with_name("design.db-journal")
    journal.write_bytes(b"\x00" * 512)  # a hot journal SQLite would roll back if it opened the file
    before = listing(design_file.parent)
    assert cli.main(["info", str(design_file)]) == 0
    assert listing(design_file.parent) == before


def test_hostile_file_through_the_cli_is_one_line_exit_2(design_file, capsys):
    design_file.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    before = design_file.read_bytes()
    assert cli.main(["info", str(design_file)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: design.db: is damaged")
    assert design_file.read_bytes() == before


def test_sqlite_never_opens_the_shared_file(design_file, monkeypatch, tmp_path):
    """Reading and editing work on private copies; SQLite is never pointed at the share."""
    import sqlite3

    opened: list[str] = []
    real_connect = sqlite3.connect

    def spy(database, *args, **kwargs):
        opened.append(str(database))
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", spy)
    storage.load(design_file)
    assert cli.main(["info", str(design_file)]) == 0
    doc = DesignDocument.open(design_file, heartbeat=False)
    doc.design.update_department("d1", name="改")
    doc.save()
    doc.close()
    assert opened, "the spy saw no connection at all"
    share = str(design_file.parent)
    assert [p for p in opened if share in p and ".tmp" not in p] == []
