"""The owner file beside a design open for editing, LibreOffice style.

`design.db` open for editing has `.~lock.design.db#` beside it: a small JSON
record of who holds it (display name, OS user, host, pid, app version,
opened at, heartbeat) and a random token that only the owner knows is its
own. It is created exclusively (`O_EXCL`), so of two openers exactly one
wins; the other reads the record and tells the user
"design.db is being edited by Wang Li on HR-PC-07 since 09:12".

A lock is *stale* when its process is gone (same host, dead pid) or, for
a lock from another host, its heartbeat is older than `STALE_AFTER` (a
machine that crashed or lost the network). A stale lock may be broken on request; an empty or unreadable lock
older than `EMPTY_GRACE` counts as stale too. Only the owner removes its lock
(`OwnedLock.release` checks the token first).
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from . import __version__

HEARTBEAT_SECONDS = 60.0
STALE_AFTER = timedelta(minutes=10)
EMPTY_GRACE = timedelta(seconds=30)
MAX_LOCK_BYTES = 64 * 1024


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

    @classmethod
    def mine(cls, user: str | None = None) -> "LockInfo":
        now = _utcnow().isoformat()
        return cls(user=user or user_display_name(), os_user=os_user(),
                   host=socket.gethostname(), pid=os.getpid(), app_version=__version__,
                   opened_at=now, heartbeat=now)

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
        info = cls(pid=pid, **values)
        info.heartbeat_time()
        info.opened_time()
        return info

    def opened_time(self) -> datetime:
        return _parse_time(self.opened_at)

    def heartbeat_time(self) -> datetime:
        return _parse_time(self.heartbeat)

    def describe(self, design_path: str | Path) -> str:
        """'design.db is being edited by Wang Li on HR-PC-07 since 09:12' (local time)."""
        opened = self.opened_time().astimezone()
        today = datetime.now().astimezone().date()
        when = opened.strftime("%H:%M") if opened.date() == today else opened.strftime("%d %b %H:%M")
        return f"{Path(design_path).name} is being edited by {self.user} on {self.host} since {when}"


def _parse_time(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value


@dataclass
class LockState:
    """What is found beside a design: no lock, a readable lock, or a damaged one."""

    exists: bool
    info: LockInfo | None = None
    damaged: bool = False
    modified: datetime | None = None

    def stale_reason(self, now: datetime | None = None) -> str:
        """Why this lock may be broken, or '' if it must be respected."""
        if not self.exists:
            return ""
        now = now or _utcnow()
        if self.info is None:
            if self.modified is None or now - self.modified > EMPTY_GRACE:
                return "the lock file is empty or damaged"
            return ""
        info = self.info
        if info.host == socket.gethostname():  # we can ask the system directly
            return "" if pid_alive(info.pid) else "the program that opened it is no longer running"
        if now - info.heartbeat_time() > STALE_AFTER:
            local = info.heartbeat_time().astimezone().strftime("%d %b %H:%M")
            return f"no sign of life since {local}"
        return ""


def read_lock(design_path: str | Path) -> LockState:
    path = lock_path(design_path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_LOCK_BYTES + 1)
            modified = datetime.fromtimestamp(os.fstat(handle.fileno()).st_mtime, timezone.utc)
    except FileNotFoundError:
        return LockState(exists=False)
    except OSError:
        return LockState(exists=True, damaged=True, modified=None)
    try:
        if len(data) > MAX_LOCK_BYTES:
            raise ValueError("too large")
        return LockState(exists=True, info=LockInfo.from_bytes(data), modified=modified)
    except (ValueError, UnicodeDecodeError, TypeError):
        return LockState(exists=True, damaged=True, modified=modified)


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
        tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            _write_new(tmp, info.to_bytes())
        except OSError as exc:
            raise LockUnavailable(_why_unavailable(exc, path.parent)) from None
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # no hard links here (some SMB/FAT shares)
            try:
                _write_new(path, info.to_bytes())
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
        tmp = self.path.with_name(f"{self.path.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            tmp.write_bytes(self.info.to_bytes())
            os.replace(tmp, self.path)
        except OSError:
            tmp.unlink(missing_ok=True)
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
    """Create `path` exclusively with `data`, fsynced; remove it again if writing fails."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        path.unlink(missing_ok=True)
        raise


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
    except OSError:
        return False
    try:
        data = aside.read_bytes()
        info = LockInfo.from_bytes(data)
    except (OSError, ValueError, UnicodeDecodeError, TypeError):
        info = None
    same = (info is None and seen.info is None) or (
        info is not None and seen.info is not None and info.token == seen.info.token)
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

    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the folder {folder} is read-only for you"
    if exc.errno == errno.ENOSPC:
        return f"the disk holding {folder} is full"
    return f"the lock file cannot be created in {folder} ({exc.strerror or exc})"
