"""The owner file beside a design open for editing, LibreOffice style.

`design.db` open for editing has `.~lock.design.db#` beside it: a small JSON
record of who holds it (display name, OS user, host, pid and the identity of
that process, app version, opened at, heartbeat) and a random token that
only the owner knows is its own. It is created exclusively (a hard link of
a complete temp file), so of two openers exactly one wins; the other reads
the record and tells the user
"design.db is being edited by Wang Li on HR-PC-07 since 09:12".

A lock is *stale* when its process is gone (same host: the pid is dead, or
now belongs to another process: the recorded boot id and start time differ)
or, for a lock from another host, it has not been refreshed for
`STALE_AFTER`. "Refreshed" is judged by time observed here (the lock file's
modification time against this machine's clock, or, when that time lies in
the future, how long the file has been seen unchanged), never by the
owner's clock written inside. A damaged lock older than `EMPTY_GRACE` is
stale; an *unreadable* one (its owner's umask made it private) means
"locked, owner unknown" and is never stale. Lock files are only opened when
they are regular files, and without blocking. Only the owner removes its
lock (`OwnedLock.release` checks the token first).
"""

from __future__ import annotations

import json
import os
import socket
import stat
import sys
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from . import __version__
from .errors import FileProblem
from .fileutil import fsync_file, replace_atomically, temp_path_beside

HEARTBEAT_SECONDS = 60.0
STALE_AFTER = timedelta(minutes=10)
EMPTY_GRACE = timedelta(seconds=30)
CLOCK_TOLERANCE = timedelta(minutes=2)  # a lock time this far ahead of ours: the clocks differ
MAX_LOCK_BYTES = 64 * 1024
LOCK_MODE = 0o644  # colleagues must be able to read who holds the file, whatever our umask


class LockUnavailable(Exception):
    """The lock file cannot be created at all (read-only folder, no permission)."""


def lock_path(design_path: str | Path) -> Path:
    design_path = Path(design_path)
    return design_path.with_name(f".~lock.{design_path.name}#")


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


_chosen_name = ""  # the user's own choice (the editor's Preferences), for this process


def set_user_display_name(name: str) -> None:
    """Use `name` in locks and "saved by" from now on ("" goes back to the system's name)."""
    global _chosen_name
    _chosen_name = " ".join(name.split())[:100]


def system_display_name() -> str:
    """The OS full name (ORGDESIGNER_USER_NAME overrides), else the login name."""
    name = os.environ.get("ORGDESIGNER_USER_NAME", "").strip()
    if name:
        return name
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if gecos:
            return gecos
    except (ImportError, KeyError, OSError):
        pass
    return os_user()


def user_display_name() -> str:
    """The name colleagues see in the lock message and as "saved by": the user's choice first."""
    return _chosen_name or system_display_name()


def os_user() -> str:
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no login name (some services)
        return "unknown"


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (zombies count as gone)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - not run in CI
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            state = handle.read().rsplit(b")", 1)[1].split()[0]
        return state not in (b"Z", b"X")
    except (OSError, IndexError):
        return True


def process_identity(pid: int) -> str:
    """Boot id + start time of a process (Linux), so a reused pid is not mistaken for the owner.

    '' where the system does not tell (then only "is the pid alive" counts).
    """
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as handle:
            boot = handle.read().strip()
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
        return f"{boot}:{fields[19].decode()}"
    except (OSError, IndexError, UnicodeDecodeError):
        return ""


@dataclass
class LockInfo:
    """Who holds a design open for editing."""

    user: str
    os_user: str
    host: str
    pid: int
    app_version: str
    opened_at: str  # ISO 8601, UTC
    heartbeat: str  # ISO 8601, UTC, refreshed every HEARTBEAT_SECONDS
    token: str = field(default_factory=lambda: uuid.uuid4().hex)
    process: str = ""  # process_identity(pid) when the lock was taken ('' if unknown)

    @classmethod
    def mine(cls, user: str | None = None) -> "LockInfo":
        now = _utcnow().isoformat()
        return cls(
            user=user or user_display_name(),
            os_user=os_user(),
            host=socket.gethostname(),
            pid=os.getpid(),
            app_version=__version__,
            opened_at=now,
            heartbeat=now,
            process=process_identity(os.getpid()),
        )

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> "LockInfo":
        """Parse a lock record; raise ValueError for anything not exactly ours."""
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a lock record")
        text = ("user", "os_user", "host", "app_version", "opened_at", "heartbeat", "token")
        values = {}
        for key in text:
            value = raw.get(key)
            if not isinstance(value, str) or len(value) > 500:
                raise ValueError(f"bad {key}")
            values[key] = value
        pid = raw.get("pid")
        if not isinstance(pid, int) or isinstance(pid, bool):
            raise ValueError("bad pid")
        process = raw.get("process", "")  # absent in locks of older versions
        if not isinstance(process, str) or len(process) > 500:
            raise ValueError("bad process")
        info = cls(pid=pid, process=process, **values)
        info.heartbeat_time()
        info.opened_time()
        return info

    def opened_time(self) -> datetime:
        return _parse_time(self.opened_at)

    def heartbeat_time(self) -> datetime:
        return _parse_time(self.heartbeat)

    def describe(self, design_path: str | Path, language: str = "en") -> str:
        """'design.db is being edited by Wang Li on HR-PC-07 since 09:12' (local time)."""
        opened = self.opened_time().astimezone()
        today = datetime.now().astimezone().date()
        if language == "zh":
            when = opened.strftime("%H:%M" if opened.date() == today else "%m月%d日 %H:%M")
            return f"{Path(design_path).name} 正在由 {self.user} 编辑（电脑 {self.host}，自 {when} 起）"
        when = (
            opened.strftime("%H:%M") if opened.date() == today else opened.strftime("%d %b %H:%M")
        )
        return (
            f"{Path(design_path).name} is being edited by {self.user} on {self.host} since {when}"
        )


def _parse_time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value


@dataclass
class LockState:
    """What is found beside a design: no lock, a readable lock, a damaged or an unreadable one."""

    exists: bool
    info: LockInfo | None = None
    damaged: bool = False
    modified: datetime | None = None  # the lock file's mtime, as this machine sees it
    unreadable: bool = False  # exists, but we may not read it: locked, owner unknown
    path: Path | None = None

    def stale_reason(self, now: datetime | None = None) -> str:
        """Why this lock may be broken, or '' if it must be respected.

        `now` is this machine's time (tests pass a fake clock); the owner's
        clock, written inside the record, is never used.
        """
        if not self.exists or self.unreadable:
            return ""
        now = now or _utcnow()
        if self.info is None:
            if self.modified is None or now - self.modified > EMPTY_GRACE:
                return "the lock file is empty or damaged"
            return ""
        info = self.info
        if info.host == socket.gethostname():  # we can ask the system directly
            if not pid_alive(info.pid):
                return "the program that opened it is no longer running"
            current = process_identity(info.pid)
            if info.process and current and current != info.process:
                return (
                    "the program that opened it is no longer running (its process id "
                    "now belongs to another program)"
                )
            return ""
        if self.modified is None:
            return ""
        age = now - self.modified
        if age < -CLOCK_TOLERANCE:  # written by a clock ahead of ours: watch it instead
            age = timedelta(seconds=_unchanged_for(self))
        if age > STALE_AFTER:
            seen = (now - age).astimezone().strftime("%d %b %H:%M")
            return f"no sign of life since {seen}"
        return ""


_OBSERVED: dict[tuple, float] = {}  # (path, mtime, heartbeat) -> when first seen (monotonic)


def monotonic() -> float:
    return time.monotonic()


def _unchanged_for(state: LockState) -> float:
    """Seconds this process has seen the lock exactly as it is now (0 the first time)."""
    assert state.info is not None and state.modified is not None
    key = (str(state.path), state.modified.timestamp(), state.info.heartbeat, state.info.token)
    first = _OBSERVED.setdefault(key, monotonic())
    return max(0.0, monotonic() - first)


def _read_lock_file(path: Path) -> tuple[bytes, datetime]:
    """The bytes and mtime of a lock file, opened only if it is a regular file, never blocking.

    Raises FileNotFoundError, PermissionError, or OSError for anything else
    (a FIFO planted as the lock is not opened at all).
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise IsADirectoryError(f"{path} is not a regular file")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise IsADirectoryError(f"{path} is not a regular file")
        data = os.read(fd, MAX_LOCK_BYTES + 1)
    finally:
        os.close(fd)
    return data, datetime.fromtimestamp(status.st_mtime, timezone.utc)


def read_lock(design_path: str | Path) -> LockState:
    path = lock_path(design_path)
    try:
        data, modified = _read_lock_file(path)
    except FileNotFoundError:
        return LockState(exists=False, path=path)
    except PermissionError:
        return LockState(exists=True, unreadable=True, path=path)
    except OSError:  # not a regular file, or it failed to read: damaged
        try:
            mtime = datetime.fromtimestamp(os.lstat(path).st_mtime, timezone.utc)
        except OSError:
            mtime = None
        return LockState(exists=True, damaged=True, modified=mtime, path=path)
    try:
        if len(data) > MAX_LOCK_BYTES:
            raise ValueError("too large")
        return LockState(exists=True, info=LockInfo.from_bytes(data), modified=modified, path=path)
    except (ValueError, UnicodeDecodeError, TypeError):
        return LockState(exists=True, damaged=True, modified=modified, path=path)


def describe_lock(path: str | Path, language: str = "en") -> str:
    """'' or the sentence saying who edits `path` (for `info` and the open dialog)."""
    seen = read_lock(path)
    name = Path(path).name
    zh = language == "zh"
    if not seen.exists:
        return ""
    if seen.unreadable:
        if zh:
            return f"{name} 已被他人锁定编辑（锁文件无法读取）"
        return f"{name} is locked for editing by someone (the lock file cannot be read)"
    if seen.info is None:
        return f"{name} 旁边的锁文件已损坏" if zh else f"{name} has a damaged lock file beside it"
    return seen.info.describe(path, language)


class OwnedLock:
    """A lock this process created; refresh it with `heartbeat()`, drop it with `release()`."""

    def __init__(self, design_path: Path, info: LockInfo):
        self.design_path = Path(design_path)
        self.path = lock_path(design_path)
        self.info = info
        self.lost = False  # set when a heartbeat found the lock broken or taken over
        self._timer: _Heartbeat | None = None

    @classmethod
    def acquire(cls, design_path: str | Path, user: str | None = None) -> "OwnedLock":
        """Create the lock exclusively. Raises FileExistsError if held, LockUnavailable if impossible.

        The record is written to a temp file first and hard-linked into place
        (atomic and exclusive), so a crash never leaves an empty lock behind.
        Where the filesystem has no hard links, `O_EXCL` creation is the fallback.
        """
        design_path = Path(design_path)
        info = LockInfo.mine(user)
        path = lock_path(design_path)
        tmp = temp_path_beside(path)
        try:
            _write_new(tmp, info.to_bytes())
            fsync_file(tmp)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise LockUnavailable(_why_unavailable(exc, path.parent)) from None
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links here (some SMB/FAT shares)
            try:
                _write_new(path, info.to_bytes())
                fsync_file(path)
            except FileExistsError:
                raise
            except OSError as exc:
                raise LockUnavailable(_why_unavailable(exc, path.parent)) from None
        finally:
            tmp.unlink(missing_ok=True)
        return cls(design_path, info)

    def still_ours(self) -> bool:
        state = read_lock(self.design_path)
        return state.info is not None and state.info.token == self.info.token

    def heartbeat(self) -> bool:
        """Refresh the heartbeat; False if the lock is no longer ours (broken or taken over)."""
        if not self.still_ours():
            self.lost = True
            return False
        self.info.heartbeat = _utcnow().isoformat()
        data = self.info.to_bytes()
        try:  # the save pipeline: temp name, fsync, replace, folder fsync
            replace_atomically(self.path, lambda tmp: _write_new(tmp, data))
        except (OSError, FileProblem):  # WriteFailed: disk full, share gone ...
            return False
        return True

    def start_heartbeat(self, interval: float = HEARTBEAT_SECONDS) -> None:
        """Refresh from a daemon thread every `interval` seconds until released."""
        if self._timer is None:
            self._timer = _Heartbeat(self, interval)
            self._timer.start()

    def release(self) -> None:
        """Remove the lock, but only if it is still ours."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.still_ours():
            self.path.unlink(missing_ok=True)


class _Heartbeat(threading.Thread):
    def __init__(self, lock: OwnedLock, interval: float):
        super().__init__(name="orgdesigner-lock-heartbeat", daemon=True)
        self._lock = lock
        self._interval = interval
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(self._interval):
            self._lock.heartbeat()

    def stop(self) -> None:
        self._stop_event.set()


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` exclusively with `data`, readable by others; remove it again if writing fails."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, LOCK_MODE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, LOCK_MODE)  # the umask must not hide the owner (077 would make it 0600)
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(data)
    except OSError:
        if fd >= 0:
            os.close(fd)
        path.unlink(missing_ok=True)
        raise


class LockNotRemovable(Exception):
    """A stale lock the folder does not let us remove (e.g. a sticky folder); str() says why."""


def break_lock(design_path: str | Path, seen: LockState) -> bool:
    """Remove a stale lock if it is still the one the user was shown; False if it changed.

    The lock is first renamed to a unique name (atomic: of two breakers only
    one succeeds), then compared with what was seen, then deleted.
    """
    path = lock_path(design_path)
    aside = path.with_name(f"{path.name}.broken-{uuid.uuid4().hex[:8]}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return True  # already gone
    except OSError as exc:
        import errno

        if exc.errno in (errno.EPERM, errno.EACCES, errno.EROFS):
            why = (
                "the folder only lets a file's owner delete it (a sticky folder)"
                if path.parent.stat().st_mode & stat.S_ISVTX and exc.errno != errno.EROFS
                else "the folder does not let you delete it"
            )
            raise LockNotRemovable(
                f"the lock looks abandoned but cannot be removed: {why}; "
                f"ask its owner or an administrator to delete {path.name}"
            ) from None
        return False
    try:
        data, _ = _read_lock_file(aside)
        info = LockInfo.from_bytes(data)
    except (OSError, ValueError, UnicodeDecodeError, TypeError):
        info = None
    same = (info is None and seen.info is None) or (
        info is not None and seen.info is not None and info.token == seen.info.token
    )
    if not same:  # someone else took the lock meanwhile: put theirs back
        try:
            os.link(aside, path)
        except OSError:
            pass
        aside.unlink(missing_ok=True)
        return False
    aside.unlink(missing_ok=True)
    return True


def _why_unavailable(exc: OSError, folder: Path) -> str:
    import errno

    from .errors import Words

    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Words(f"the folder {folder} is read-only for you", f"文件夹 {folder} 对您是只读的")
    if exc.errno == errno.ENOSPC:
        return Words(f"the disk holding {folder} is full", f"{folder} 所在的磁盘已满")
    return Words(
        f"the lock file cannot be created in {folder} ({exc.strerror or exc})",
        f"无法在 {folder} 中创建锁文件",
    )
