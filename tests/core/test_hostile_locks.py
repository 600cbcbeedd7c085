"""Issue 19, items 12-14: lock edge cases with fake clocks and PIDs.

Unreadable locks mean "locked, owner unknown"; a reused PID does not keep a
dead lock alive (nor lock the user out of their own crash recovery); the
age of a lock is judged by time observed on this machine, never by the
clock of the machine that wrote it; a stale lock that cannot be removed
says why.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from orgdesigner import lockfile, recovery, storage
from orgdesigner.document import DesignDocument, LockedByOther
from orgdesigner.lockfile import LockInfo, lock_path, read_lock

from .hostile_support import digest
from .sharedfiles_support import data_dir, design_file, sample_design, shared  # noqa: F401
from .test_recovery import _crash


def _utc(**delta) -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0) + timedelta(**delta)


def _write_lock(design, mtime: datetime | None = None, **changes) -> LockInfo:
    info = LockInfo.mine("Zhang Wei")
    for key, value in changes.items():
        setattr(info, key, value)
    path = lock_path(design)
    path.write_bytes(info.to_bytes())
    if mtime is not None:
        os.utime(path, (mtime.timestamp(), mtime.timestamp()))
    return info


# ------------------------------------------------------------------ 12. unreadable locks
def _unreadable(monkeypatch) -> None:
    """Reading any lock file fails as for a 0600 lock of another user (root reads everything)."""
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if str(path).endswith(".~lock.design.db#") and not flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(lockfile.os, "open", refuse)


def test_an_unreadable_lock_means_locked_owner_unknown_never_stale(design_file, monkeypatch):
    _write_lock(design_file, mtime=_utc(days=-30), host="HR-PC-07")
    _unreadable(monkeypatch)
    before = digest(design_file)
    state = read_lock(design_file)
    assert state.exists and state.unreadable
    assert state.stale_reason(now=_utc(days=365)) == ""  # a year later: still respected
    for breaking in (False, True):
        with pytest.raises(LockedByOther) as caught:
            DesignDocument.open(design_file, break_stale_lock=breaking, heartbeat=False)
        assert str(caught.value) == (
            "design.db is locked for editing by someone else (the lock "
            "file cannot be read, so who is unknown)"
        )
        assert not caught.value.stale
    assert lock_path(design_file).exists() and digest(design_file) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_a_real_0600_lock_of_someone_else(design_file):
    _write_lock(design_file, mtime=_utc(days=-30), host="HR-PC-07")
    lock_path(design_file).chmod(0o000)
    try:
        assert read_lock(design_file).unreadable
        with pytest.raises(LockedByOther, match="cannot be read"):
            DesignDocument.open(design_file, break_stale_lock=True, heartbeat=False)
    finally:
        lock_path(design_file).chmod(0o644)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_our_lock_is_readable_by_colleagues_whatever_the_umask(design_file):
    old = os.umask(0o077)
    try:
        doc = DesignDocument.open(design_file, heartbeat=False)
        assert stat.S_IMODE(lock_path(design_file).stat().st_mode) == 0o644
        assert doc.heartbeat()
        assert stat.S_IMODE(lock_path(design_file).stat().st_mode) == 0o644
        doc.close()
    finally:
        os.umask(old)


# ------------------------------------------------------------------ 13. reused PIDs
def test_a_same_host_lock_whose_pid_now_belongs_to_another_process_is_stale(
    design_file, monkeypatch
):
    _write_lock(design_file, pid=4242, process="boot-a:1111")
    monkeypatch.setattr(lockfile, "pid_alive", lambda pid: True)  # pid 4242 runs again ...
    monkeypatch.setattr(
        lockfile, "process_identity", lambda pid: "boot-b:2222"
    )  # ... after a reboot
    reason = read_lock(design_file).stale_reason()
    assert reason == (
        "the program that opened it is no longer running (its process id now "
        "belongs to another program)"
    )
    doc = DesignDocument.open(design_file, break_stale_lock=True, heartbeat=False)
    assert doc.state.editable
    doc.close()

    _write_lock(design_file, pid=4242, process="boot-b:2222")  # the same process: alive
    assert read_lock(design_file).stale_reason() == ""
    _write_lock(design_file, pid=4242, process="")  # a lock of an older version: pid only
    assert read_lock(design_file).stale_reason() == ""


def test_own_crash_recovery_is_editable_when_the_pid_was_reused(design_file):
    _crash(str(design_file))
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:  # the crashed editor's pid now names a live process (as after a reboot)
        lock = json.loads(lock_path(design_file).read_text(encoding="utf-8"))
        assert lock["process"]
        lock["pid"] = sleeper.pid
        lock_path(design_file).write_text(json.dumps(lock), encoding="utf-8")
        session = next(p for p in recovery.sessions_dir().iterdir())
        manifest = json.loads((session / "manifest.json").read_text(encoding="utf-8"))
        manifest["pid"] = sleeper.pid
        (session / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

        items = recovery.find_recoverable()
        assert len(items) == 1
        doc = DesignDocument.recover(items[0], heartbeat=False)
        try:
            assert doc.state.editable, doc.state.read_only_reason
            assert doc.design.departments["unsaved"].name == "未保存的部门"
            doc.save()
            assert "unsaved" in storage.load(design_file).departments
        finally:
            doc.close()
    finally:
        sleeper.kill()
        sleeper.wait()


# ------------------------------------------------------------------ 14. clocks
def test_a_slow_owner_clock_does_not_make_a_live_lock_stale(design_file):
    # The owner's clock is 15 minutes slow: its heartbeat text looks old, the file is fresh.
    _write_lock(
        design_file,
        host="HR-PC-07",
        pid=1,
        heartbeat=_utc(minutes=-15).isoformat(),
        opened_at=_utc(minutes=-15).isoformat(),
        mtime=_utc(seconds=-20),
    )
    assert read_lock(design_file).stale_reason() == ""
    with pytest.raises(LockedByOther) as caught:
        DesignDocument.open(design_file, break_stale_lock=True, heartbeat=False)
    assert not caught.value.stale


def test_a_future_dated_heartbeat_still_goes_stale(design_file):
    _write_lock(
        design_file,
        host="HR-PC-07",
        pid=1,
        heartbeat=_utc(days=1).isoformat(),
        mtime=_utc(hours=-1),
    )
    reason = read_lock(design_file).stale_reason()
    assert reason.startswith("no sign of life since ")
    with pytest.raises(LockedByOther) as caught:
        DesignDocument.open(design_file, heartbeat=False)
    assert caught.value.stale and "no sign of life" in str(caught.value)
    doc = DesignDocument.open(design_file, break_stale_lock=True, heartbeat=False)
    assert doc.state.editable
    doc.close()


def test_staleness_uses_this_machines_clock(design_file):
    _write_lock(design_file, host="HR-PC-07", pid=1, mtime=_utc(minutes=-5))
    state = read_lock(design_file)
    assert state.stale_reason(now=_utc()) == ""
    assert state.stale_reason(now=_utc(minutes=6)).startswith("no sign of life")


def test_a_lock_time_in_the_future_is_watched_instead(design_file, monkeypatch):
    """A file server whose clock is ahead stamps the lock in our future: count how long it stays."""
    clock = [1000.0]
    monkeypatch.setattr(lockfile, "monotonic", lambda: clock[0])
    _write_lock(design_file, host="HR-PC-07", pid=1, mtime=_utc(hours=1))
    assert read_lock(design_file).stale_reason() == ""  # first seen now
    clock[0] += 9 * 60
    assert read_lock(design_file).stale_reason() == ""
    clock[0] += 2 * 60  # unchanged for 11 minutes of our time
    assert read_lock(design_file).stale_reason().startswith("no sign of life")
    info = _write_lock(design_file, host="HR-PC-07", pid=1, mtime=_utc(hours=1, minutes=1))
    assert info.token and read_lock(design_file).stale_reason() == ""  # it changed: alive


@pytest.mark.skipif(os.name != "posix", reason="sticky folders are POSIX")
def test_a_stale_lock_in_a_sticky_folder_says_why_it_stays(design_file, monkeypatch):
    _write_lock(design_file, host="HR-PC-07", pid=1, mtime=_utc(hours=-2))
    folder = design_file.parent
    folder.chmod(folder.stat().st_mode | stat.S_ISVTX)

    def refuse(src, dst):  # what the kernel answers another user in a sticky folder
        raise PermissionError(errno.EPERM, "Operation not permitted", str(src))

    monkeypatch.setattr(lockfile.os, "rename", refuse)
    before = digest(design_file)
    with pytest.raises(LockedByOther) as caught:
        DesignDocument.open(design_file, break_stale_lock=True, heartbeat=False)
    message = str(caught.value)
    assert message.startswith("design.db is being edited by Zhang Wei on HR-PC-07 since ")
    assert (
        "the lock looks abandoned but cannot be removed: the folder only lets a file's "
        "owner delete it (a sticky folder); ask its owner or an administrator to delete "
        ".~lock.design.db#"
    ) in message
    assert lock_path(design_file).exists() and digest(design_file) == before
    assert socket.gethostname() != "HR-PC-07"


# ------------------------------------------------------------------ a colleague over time
from hypothesis import settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule  # noqa: E402


class TwoUsersOverTime(RuleBasedStateMachine):
    """This editor and a colleague on another PC (its lock written directly) over a fake clock.

    The colleague's clock may be any amount off; time passes only as seen here
    (the lock file's modification time moves back). Whatever happens, the
    file is never editable in two places, a lock refreshed within STALE_AFTER
    is never broken, and an unreadable lock is never broken.
    """

    template = b""  # the design file's bytes, made once

    def __init__(self):
        super().__init__()
        import tempfile
        from pathlib import Path

        self.folder = Path(tempfile.mkdtemp(prefix="orgd-locks-"))
        self.env = {k: os.environ.get(k) for k in ("ORGDESIGNER_DATA_DIR", "ORGDESIGNER_USER_NAME")}
        os.environ["ORGDESIGNER_DATA_DIR"] = str(self.folder / "userdata")
        os.environ["ORGDESIGNER_USER_NAME"] = "Wang Li"
        self.path = self.folder / "design.db"
        if not TwoUsersOverTime.template:
            storage.save(sample_design(), self.path)
            TwoUsersOverTime.template = self.path.read_bytes()
        self.path.write_bytes(TwoUsersOverTime.template)
        self.doc: DesignDocument | None = None
        self.colleague: LockInfo | None = None  # the colleague's lock, while they hold it
        self.age = timedelta(0)  # how long ago (our clock) the colleague last refreshed it
        self.unreadable = False
        self.real_open = os.open

    def teardown(self):
        lockfile.os.open = self.real_open
        if self.doc is not None:
            self.doc.close()
        for key, value in self.env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)

    def _write_colleague(self) -> None:
        assert self.colleague is not None
        lock_path(self.path).write_bytes(self.colleague.to_bytes())
        stamp = (_utc() - self.age).timestamp()
        os.utime(lock_path(self.path), (stamp, stamp))

    @precondition(lambda self: self.colleague is None and self.doc is None)
    @rule(skew=st.integers(min_value=-24 * 60, max_value=24 * 60))
    def colleague_opens(self, skew):
        their_now = (_utc(minutes=skew)).isoformat()
        self.colleague = _write_lock(
            self.path, host="HR-PC-07", pid=4242, opened_at=their_now, heartbeat=their_now
        )
        self.age = timedelta(0)
        self._write_colleague()

    @precondition(lambda self: self.colleague is not None)
    @rule(skew=st.integers(min_value=-24 * 60, max_value=24 * 60))
    def colleague_heartbeat(self, skew):
        self.colleague.heartbeat = _utc(minutes=skew).isoformat()
        self.age = timedelta(0)
        self._write_colleague()

    @precondition(lambda self: self.colleague is not None)
    @rule(minutes=st.integers(min_value=1, max_value=30))
    def time_passes(self, minutes):
        self.age += timedelta(minutes=minutes)
        self._write_colleague()

    @precondition(lambda self: self.colleague is not None)  # only someone else's lock is private
    @rule(unreadable=st.booleans())
    def lock_readability(self, unreadable):
        self.unreadable = unreadable
        real_open = self.real_open
        path = str(lock_path(self.path))

        def refuse(target, flags, *args, **kwargs):
            if str(target) == path and not flags & (os.O_WRONLY | os.O_RDWR):
                raise PermissionError(errno.EACCES, "Permission denied", str(target))
            return real_open(target, flags, *args, **kwargs)

        lockfile.os.open = refuse if unreadable else real_open

    @precondition(lambda self: self.doc is None)
    @rule(breaking=st.booleans())
    def we_open(self, breaking):
        fresh = self.colleague is not None and self.age <= lockfile.STALE_AFTER
        try:
            self.doc = DesignDocument.open(self.path, break_stale_lock=breaking, heartbeat=False)
        except LockedByOther as exc:
            assert self.colleague is not None
            if self.unreadable or fresh:
                assert not exc.stale
            return
        assert self.colleague is None or (breaking and not fresh and not self.unreadable), (
            "opened although the colleague holds a live lock"
        )
        if self.colleague is not None:
            self.colleague = None  # broken: the colleague lost it
        self.lock_readability(False)  # the lock is ours now

    @precondition(lambda self: self.doc is not None)
    @rule()
    def we_close(self):
        self.doc.close()
        self.doc = None

    @invariant()
    def never_editable_twice(self):
        if self.doc is not None and self.doc.state.editable:
            assert self.colleague is None
            assert not self.unreadable
            assert read_lock(self.path).info.token == self.doc.lock.info.token


TwoUsersOverTime.TestCase.settings = settings(
    max_examples=40, stateful_step_count=15, deadline=None
)
test_two_users_over_time = TwoUsersOverTime.TestCase
