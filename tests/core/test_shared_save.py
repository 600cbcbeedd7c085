"""The verified save: a failure at any step leaves the file and the working copy intact."""

from __future__ import annotations

import errno
import os

import pytest

from orgdesigner import fileutil, ops, safesave, storage
from orgdesigner.document import DesignDocument, SaveFailed
from orgdesigner.entities import Department
from orgdesigner.errors import FileProblem
from orgdesigner.lockfile import lock_path

from .sharedfiles_support import data_dir, shared, write_sample  # noqa: F401

ERRORS = {
    "io": (OSError(errno.EIO, "Input/output error"), "input/output error"),
    "permission": (PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
    "disk full": (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
    "quota": (OSError(errno.EDQUOT, "Disk quota exceeded"), "quota"),
    "read-only drive": (OSError(errno.EROFS, "Read-only file system"), "read-only drive"),
}
# The steps of the one save pipeline (fileutil.replace_atomically), as (module, function).
STEPS = {
    "write_temp": fileutil,
    "fsync_temp": fileutil,
    "verify_file": storage,
    "replace_target": fileutil,
}


@pytest.fixture
def doc(shared, data_dir):
    path = shared / "design.db"
    write_sample(path)
    document = DesignDocument.open(path, heartbeat=False)
    yield document
    document.close()


def _edit(doc) -> None:
    ops.AddDepartment(Department(id="added", name="数字营销组", parent="d1")).apply(doc.design)
    ops.UpdateDepartment("d2", {"notes": "changed"}).apply(doc.design)


def _working_copy_content(doc, tmp_path):
    copy = tmp_path / "wc-check.db"
    copy.unlink(missing_ok=True)
    doc.working.write_complete_copy(copy)
    return storage.load(copy).snapshot()


@pytest.mark.parametrize("step", sorted(STEPS))
@pytest.mark.parametrize("kind", sorted(ERRORS))
def test_failure_at_each_step_keeps_original_and_work(doc, monkeypatch, tmp_path, step, kind):
    error, words = ERRORS[kind]
    before = doc.path.read_bytes()
    _edit(doc)
    expected = doc.design.snapshot()
    stamp = doc.design.stamp
    module = STEPS[step]
    real = getattr(module, step)

    def failing(*args):
        if step == "write_temp":  # a partial file first, as a real full disk would leave
            args[1].write_bytes(b"SQLite format 3\x00" + b"\x00" * 1000)
        if step == "replace_target":
            args[1].stat()
        raise error

    monkeypatch.setattr(module, step, failing)
    with pytest.raises(SaveFailed) as caught:
        doc.save()
    message = str(caught.value)
    assert message.startswith("could not save design.db: ")
    assert words in message.lower()
    assert "unchanged" in message and "Save As" in message
    assert doc.path.read_bytes() == before
    assert sorted(p.name for p in doc.path.parent.iterdir()) == [".~lock.design.db#", "design.db"]
    assert doc.design.snapshot() == expected and doc.design.stamp == stamp
    assert doc.dirty
    assert _working_copy_content(doc, tmp_path) == expected

    monkeypatch.setattr(module, step, real)  # Retry
    doc.save()
    assert storage.load(doc.path).snapshot() == expected
    assert not doc.dirty


@pytest.mark.parametrize("target", ["os.fsync", "os.replace"])
def test_real_os_calls_failing(doc, monkeypatch, target):
    before = doc.path.read_bytes()
    _edit(doc)

    def boom(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(target, boom)
    with pytest.raises(SaveFailed, match="the disk is full"):
        doc.save()
    monkeypatch.undo()
    assert doc.path.read_bytes() == before
    assert [p.name for p in doc.path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_verification_failure_is_reported_and_nothing_replaced(doc, monkeypatch):
    before = doc.path.read_bytes()
    _edit(doc)

    def wrong(tmp, design):
        raise FileProblem(tmp, "verification failed: counts differ")

    monkeypatch.setattr(storage, "verify_file", wrong)
    with pytest.raises(SaveFailed, match="did not pass verification"):
        doc.save()
    assert doc.path.read_bytes() == before


def test_corrupted_temp_file_is_caught_by_verification(doc, monkeypatch):
    before = doc.path.read_bytes()
    _edit(doc)
    real = fileutil.write_temp

    def write_then_damage(write, tmp):
        real(write, tmp)
        data = bytearray(tmp.read_bytes())
        at = data.index("数字营销组".encode("utf-8"))  # the new row's page
        data[at - 40 : at + 40] = b"\xff" * 80
        tmp.write_bytes(bytes(data))

    monkeypatch.setattr(fileutil, "write_temp", write_then_damage)
    with pytest.raises(SaveFailed):
        doc.save()
    assert doc.path.read_bytes() == before


def test_working_copy_out_of_step_with_the_model_fails_verification(doc):
    before = doc.path.read_bytes()
    doc.working.conn.execute("DELETE FROM departments WHERE id='d5'")  # a bug would do this
    with pytest.raises(SaveFailed, match="verification"):
        doc.save()
    assert doc.path.read_bytes() == before


def test_save_keeps_the_previous_version_as_a_backup_and_the_file_mode(doc):
    os.chmod(doc.path, 0o640)
    versions = [doc.path.read_bytes()]
    for i in range(7):
        ops.UpdateDepartment("d1", {"notes": f"v{i}"}).apply(doc.design)
        doc.save()
        versions.append(doc.path.read_bytes())
    assert oct(doc.path.stat().st_mode & 0o777) == oct(0o640)
    backups = sorted(safesave.backup_folder(doc.path).iterdir())
    assert len(backups) == safesave.BACKUPS_KEPT
    assert [b.read_bytes() for b in backups] == versions[-1 - safesave.BACKUPS_KEPT : -1]


def test_save_after_one_edit_writes_the_new_stamp(doc):
    generation = doc.design.stamp.save_generation
    save_id = doc.design.stamp.save_id
    ops.UpdateDepartment("d1", {"name": "品牌与公关组"}).apply(doc.design)
    doc.save()
    on_disk = storage.load(doc.path)
    assert on_disk.departments["d1"].name == "品牌与公关组"
    assert on_disk.stamp.save_generation == generation + 1
    assert on_disk.stamp.save_id != save_id
    assert on_disk.stamp.saved_by == doc.design.stamp.saved_by
    assert lock_path(doc.path).exists()


def test_untitled_document_saves_as(data_dir, shared):
    from .sharedfiles_support import sample_design

    doc = DesignDocument.new(sample_design())
    with pytest.raises(SaveFailed, match="no file name"):
        doc.save()
    target = shared / "新方案.db"
    doc.save_as(target)
    assert doc.path == target and doc.state.editable and not doc.state.untitled
    assert storage.load(target).snapshot() == doc.design.snapshot()
    assert lock_path(target).exists()
    doc.close()
    assert not lock_path(target).exists()


def test_leftover_temp_files_of_old_crashed_saves_are_swept(shared, data_dir):
    path = shared / "design.db"
    write_sample(path)
    old_tmp = shared / ".design.db.0123456789ab.tmp"
    old_journal = shared / ".design.db.0123456789ab.tmp-journal"
    fresh_tmp = shared / ".design.db.ba9876543210.tmp"
    other = shared / ".other.db.0123456789ab.tmp"
    for leftover in (old_tmp, old_journal, fresh_tmp, other):
        leftover.write_bytes(b"partial")
    for leftover in (old_tmp, old_journal, other):
        os.utime(leftover, (1_000_000_000, 1_000_000_000))
    DesignDocument.open(path, read_only=True).close()
    assert old_tmp.exists()  # read-only openers never delete anything
    doc = DesignDocument.open(path, heartbeat=False)
    doc.close()
    assert not old_tmp.exists() and not old_journal.exists()
    assert fresh_tmp.exists() and other.exists()


def test_folder_fsync_failing_after_the_replace_is_not_reported_as_a_failed_save(doc, monkeypatch):
    _edit(doc)

    def no_dir_fsync(folder):
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(fileutil, "fsync_dir", no_dir_fsync)
    doc.save()
    assert storage.load(doc.path).snapshot() == doc.design.snapshot()
    assert not doc.dirty


def test_saved_file_is_a_plain_rollback_journal_file(doc, monkeypatch):
    import sqlite3

    created: list[str] = []
    real = fileutil.write_temp

    def watch(write, tmp):
        real(write, tmp)
        created.extend(p.name for p in doc.path.parent.iterdir())  # the share only

    monkeypatch.setattr(fileutil, "write_temp", watch)
    _edit(doc)
    doc.save()
    assert not [name for name in created if name.endswith(("-wal", "-shm"))]
    header = doc.path.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"
    conn = sqlite3.connect(f"file:{doc.path}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
