"""Owner (lock) file scenarios: who may edit a shared design, and what others are told."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from orgdesigner import lockfile, ops, storage
from orgdesigner.document import DesignDocument, LockedByOther, SaveFailed
from orgdesigner.entities import Department
from orgdesigner.lockfile import LockInfo, lock_path
from orgdesigner.safesave import backup_folder

from .sharedfiles_support import data_dir, design_file, shared  # noqa: F401


def _write_lock(path, **changes) -> LockInfo:
    info = LockInfo.mine("Zhang Wei")
    for key, value in changes.items():
        setattr(info, key, value)
    lock_path(path).write_bytes(info.to_bytes())
    return info


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _ago(**delta) -> str:
    return (datetime.now(timezone.utc) - timedelta(**delta)).replace(microsecond=0).isoformat()


def test_lock_file_beside_the_design_says_who_holds_it(design_file):
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        raw = json.loads(lock_path(design_file).read_text(encoding="utf-8"))
        assert lock_path(design_file).name == ".~lock.design.db#"
        assert raw["user"] == "Wang Li"
        assert raw["host"] == socket.gethostname()
        assert raw["pid"] == os.getpid()
        for key in ("os_user", "app_version", "opened_at", "heartbeat"):
            assert raw[key]
        assert doc.state.editable and not doc.state.read_only_reason
    finally:
        doc.close()
    assert not lock_path(design_file).exists()


def test_second_opener_is_told_who_edits_and_can_open_read_only_or_a_copy(design_file):
    first = DesignDocument.open(design_file, heartbeat=False)
    try:
        with pytest.raises(LockedByOther) as caught:
            DesignDocument.open(design_file, heartbeat=False)
        since = datetime.now().strftime("%H:%M")
        message = str(caught.value)
        assert message.startswith("design.db is being edited by Wang Li on ")
        assert socket.gethostname() in message
        assert caught.value.stale is False
        # minutes may roll over between open and check: accept either
        assert message.endswith(since) or "since" in message

        viewer = DesignDocument.open(design_file, read_only=True)
        assert not viewer.state.editable
        assert viewer.state.read_only_reason.startswith("design.db is being edited by Wang Li")
        assert viewer.design.counts() == first.design.counts()
        with pytest.raises(SaveFailed, match="read-only"):
            viewer.save()
        viewer.close()

        copy = DesignDocument.open_copy(design_file)
        assert copy.state.untitled and copy.path is None
        with pytest.raises(SaveFailed, match="Save As"):
            copy.save()
        copy.close()
        assert lockfile.read_lock(design_file).info.token == first.lock.info.token
    finally:
        first.close()


def test_stale_lock_of_a_dead_process_is_offered_for_breaking_with_a_backup(design_file, data_dir):
    _write_lock(design_file, pid=_dead_pid(), user="Zhang Wei")
    original = design_file.read_bytes()
    with pytest.raises(LockedByOther) as caught:
        DesignDocument.open(design_file, heartbeat=False)
    assert caught.value.stale
    assert "no longer running" in str(caught.value)
    assert "Zhang Wei" in str(caught.value)

    doc = DesignDocument.open(design_file, break_stale_lock=True, heartbeat=False)
    try:
        assert doc.state.editable
        assert lockfile.read_lock(design_file).info.token == doc.lock.info.token
        backups = list(backup_folder(design_file).iterdir())
        assert [b.read_bytes() for b in backups] == [original]
    finally:
        doc.close()


def test_old_heartbeat_from_another_host_is_stale_a_fresh_one_is_not(design_file):
    _write_lock(
        design_file, host="HR-PC-07", pid=424242, opened_at=_ago(hours=3), heartbeat=_ago(hours=1)
    )
    hour_ago = (datetime.now() - timedelta(hours=1)).timestamp()  # judged by the file's time here
    os.utime(lock_path(design_file), (hour_ago, hour_ago))
    with pytest.raises(LockedByOther) as caught:
        DesignDocument.open(design_file, heartbeat=False)
    assert caught.value.stale and "no sign of life" in str(caught.value)
    assert "on HR-PC-07" in str(caught.value)

    _write_lock(design_file, host="HR-PC-07", pid=424242, heartbeat=_ago(seconds=30))
    with pytest.raises(LockedByOther) as caught:
        DesignDocument.open(design_file, break_stale_lock=True, heartbeat=False)
    assert not caught.value.stale
    assert lockfile.read_lock(design_file).info.host == "HR-PC-07"  # not broken


@pytest.mark.parametrize("content", [b"", b"\x00\xffgarbage", b'{"user": 3}', b"[]"])
def test_empty_or_corrupt_lock_file(design_file, content):
    path = lock_path(design_file)
    path.write_bytes(content)
    with pytest.raises(LockedByOther) as caught:  # fresh: someone may be writing it right now
        DesignDocument.open(design_file, heartbeat=False)
    assert not caught.value.stale
    assert str(caught.value) == "design.db is being edited by someone else"

    old = (datetime.now() - timedelta(minutes=5)).timestamp()
    os.utime(path, (old, old))
    with pytest.raises(LockedByOther) as caught:
        DesignDocument.open(design_file, heartbeat=False)
    assert caught.value.stale and "empty or damaged" in str(caught.value)
    doc = DesignDocument.open(design_file, break_stale_lock=True, heartbeat=False)
    assert doc.state.editable
    doc.close()
    assert not path.exists()


def test_lock_removed_between_open_and_save_is_taken_again(design_file):
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        lock_path(design_file).unlink()
        assert not doc.lock_lost
        assert doc.heartbeat() is False
        assert doc.lock_lost
        ops.AddDepartment(Department(id="new", name="新部门")).apply(doc.design)
        doc.save()
        assert "new" in storage.load(design_file).departments
        assert lockfile.read_lock(design_file).info.token == doc.lock.info.token
    finally:
        doc.close()
    assert not lock_path(design_file).exists()


def test_lock_taken_over_between_open_and_save_refuses_and_save_as_keeps_the_work(design_file):
    doc = DesignDocument.open(design_file, heartbeat=False)
    before = design_file.read_bytes()
    other = _write_lock(design_file, user="Zhang Wei", host="HR-PC-07")
    ops.AddDepartment(Department(id="new", name="新部门")).apply(doc.design)
    with pytest.raises(LockedByOther) as caught:
        doc.save()
    assert str(caught.value).startswith("design.db is being edited by Zhang Wei on HR-PC-07")
    assert design_file.read_bytes() == before
    doc.save_as(design_file.with_name("mine.db"))
    assert "new" in storage.load(design_file.with_name("mine.db")).departments
    doc.close()
    # only the owner removes its lock: the other user's lock is still there
    assert lockfile.read_lock(design_file).info.token == other.token
    assert not lock_path(design_file.with_name("mine.db")).exists()


def test_lock_that_cannot_be_created_means_read_only(design_file, monkeypatch):
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if ".~lock." in str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(lockfile.os, "open", refuse)
    before = design_file.read_bytes()
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        assert not doc.state.editable
        assert "read-only" in doc.state.read_only_reason
        with pytest.raises(SaveFailed):
            doc.save()
        assert design_file.read_bytes() == before
    finally:
        doc.close()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder modes")
def test_really_read_only_folder(design_file):
    design_file.parent.chmod(0o555)
    try:
        doc = DesignDocument.open(design_file, heartbeat=False)
        assert not doc.state.editable and "read-only" in doc.state.read_only_reason
        doc.close()
    finally:
        design_file.parent.chmod(0o755)


@pytest.mark.parametrize("suffix", ["-journal", "-wal"])
def test_journal_beside_the_file_means_someone_is_mid_write(design_file, suffix):
    marker = design_file.with_name(design_file.name + suffix)
    marker.write_bytes(b"x" * 512)
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        assert not doc.state.editable
        assert f"design.db{suffix}" in doc.state.read_only_reason
        assert not lock_path(design_file).exists()
    finally:
        doc.close()
    marker.unlink()

    doc = DesignDocument.open(design_file, heartbeat=False)
    before = design_file.read_bytes()
    marker.write_bytes(b"x" * 512)
    with pytest.raises(SaveFailed, match="writing to it"):
        doc.save()
    assert design_file.read_bytes() == before
    doc.close()


def test_heartbeat_refreshes_the_lock(design_file):
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        doc.lock.info.heartbeat = _ago(hours=2)
        lock_path(design_file).write_bytes(doc.lock.info.to_bytes())
        assert lockfile.read_lock(design_file).stale_reason() == ""  # our pid is alive
        assert doc.heartbeat()
        fresh = lockfile.read_lock(design_file).info.heartbeat_time()
        assert datetime.now(timezone.utc) - fresh < timedelta(minutes=1)
    finally:
        doc.close()


def test_heartbeat_thread_keeps_refreshing(design_file):
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        old = doc.lock.info.heartbeat = _ago(hours=2)
        lock_path(design_file).write_bytes(doc.lock.info.to_bytes())
        doc.lock.start_heartbeat(interval=0.05)
        import time

        for _ in range(500):
            if lockfile.read_lock(design_file).info.heartbeat != old:
                break
            time.sleep(0.02)
        heartbeat = lockfile.read_lock(design_file).info.heartbeat_time()
        assert datetime.now(timezone.utc) - heartbeat < timedelta(minutes=1)
    finally:
        doc.close()
    assert not lock_path(design_file).exists()


def test_normal_exit_without_close_releases_the_lock(design_file):
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys; from orgdesigner.document import DesignDocument; "
        "doc = DesignDocument.open(sys.argv[1]); print(doc.state.editable)"
    )
    env = dict(os.environ, PYTHONPATH=str(root))
    out = subprocess.run(
        [sys.executable, "-c", script, str(design_file)],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.stdout.strip() == "True", out.stderr
    assert not lock_path(design_file).exists()
