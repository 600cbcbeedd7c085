"""File helpers shared by the readers, the exporters, the design save and the lock.

Every file Org Designer writes goes through ONE pipeline,
`replace_atomically`: write a temp file beside the target, fsync it,
verify it (optional), run a last check (optional: the conflict check and
backup of a design save), give it the target's permissions, `os.replace`,
fsync the folder. Any failure leaves the target as it was and removes the
temp file; an operating-system or SQLite write error (disk full, quota,
I/O error, read-only drive, permission) becomes `WriteFailed` with one
readable reason. The steps are module-level functions so tests can inject
a failure into each.

Inputs the user names are opened only when they are regular files
(`check_regular`): a FIFO or device named `x.db` would block `open()`.
"""

from __future__ import annotations

import errno
import os
import socket
import sqlite3
import stat
import uuid
from pathlib import Path
from typing import Callable, TypeVar

from .errors import FileProblem, Words, zh_of

T = TypeVar("T")


class WriteFailed(FileProblem):
    """A file could not be written; the target (if any) is unchanged, no partial file is left."""

    def __init__(self, path: str | Path, reason: str):
        self.reason = reason
        super().__init__(
            path,
            f"could not be written: {reason}; nothing was changed",
            zh=f"无法写入：{zh_of(reason)}；没有任何改动",
        )


# ------------------------------------------------------------ error reasons
_DENIED = Words(
    "permission denied (the folder or file is read-only for you)",
    "没有权限（该文件夹或文件对您是只读的）",
)
_REASONS = {
    errno.ENOSPC: Words("the disk is full", "磁盘已满"),
    getattr(errno, "EDQUOT", 122): Words("your disk quota is used up", "您的磁盘配额已用完"),
    errno.EIO: Words(
        "the disk or network reported an input/output error", "磁盘或网络报告了读写错误"
    ),
    errno.EROFS: Words("the folder is on a read-only drive", "该文件夹位于只读驱动器上"),
    errno.EACCES: _DENIED,
    errno.EPERM: _DENIED,
}
# SQLite primary result codes of a failed write, and what they mean for the user.
_SQLITE_REASONS = {
    13: _REASONS[errno.ENOSPC],  # SQLITE_FULL
    10: _REASONS[errno.EIO],  # SQLITE_IOERR
    8: _REASONS[errno.EACCES],  # SQLITE_READONLY
    3: _REASONS[errno.EACCES],  # SQLITE_PERM
    14: Words("the file cannot be created there", "无法在那里创建文件"),  # SQLITE_CANTOPEN
}


def describe_os_error(exc: OSError) -> str:
    """The reason of a failed file operation, as a user reads it."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    if isinstance(exc, PermissionError):
        return _REASONS[errno.EACCES]
    text = exc.strerror or str(exc) or type(exc).__name__
    return Words(text, f"操作系统拒绝了该操作（{text}）")


def describe_write_error(exc: BaseException) -> str | None:
    """The reason for an OS or SQLite write error (SQLAlchemy-wrapped too); None for anything else."""
    exc = getattr(exc, "orig", None) or exc
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in _SQLITE_REASONS:
            return _SQLITE_REASONS[code & 0xFF]
        text = str(exc).lower()
        if "disk is full" in text:
            return _REASONS[errno.ENOSPC]
        if "disk i/o" in text:
            return _REASONS[errno.EIO]
        if "readonly" in text or "unable to open" in text:
            return _REASONS[errno.EACCES]
    return None


# ------------------------------------------------------------ small pieces
def temp_owner_tag() -> str:
    """`<host hash>-<pid>`: who writes a temp file, so we can sweep our own leftovers."""
    host = uuid.uuid5(uuid.NAMESPACE_DNS, socket.gethostname()).hex[:8]
    return f"{host}-{os.getpid()}"


def temp_path_beside(path: Path) -> Path:
    """A fresh, hidden temp name in the target's folder (same filesystem, so replace is atomic)."""
    path = Path(path)
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.{temp_owner_tag()}.tmp")


def current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def copy_mode(target: Path, tmp: Path) -> None:
    """Give the new file the permissions of the one it replaces, else what the umask allows.

    (`mkstemp` and our temp files start private; colleagues on a shared folder
    must be able to open the result as they could any file the user makes.)
    """
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~current_umask()
    os.chmod(tmp, mode)


def fsync_file(path: Path) -> None:
    """Force `path` (a file, or on POSIX a folder) to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX only; other systems cannot open a folder)."""
    if os.name == "posix":
        fsync_file(folder)


def remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def read_only_for_us(path: Path) -> bool:
    """Whether the file's own permissions say it must not be changed by us.

    No write bit at all counts even for an administrator (root may write
    anything, but a 0444 file is someone's "do not change").
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (mode & 0o222) or not os.access(path, os.W_OK)


def write_new_bytes(path: Path, data: bytes, mode: int = 0o666) -> None:
    """Create `path` exclusively and write all of `data` with os.write (short writes retried)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view[: 1 << 20])
            view = view[written:]
    finally:
        os.close(fd)


# ------------------------------------------------------------ the pipeline
def write_temp(write: Callable[[Path], None], tmp: Path) -> None:
    write(tmp)


def fsync_temp(tmp: Path) -> None:
    fsync_file(tmp)


def replace_target(tmp: Path, target: Path, sync_folder: bool = True) -> None:
    os.replace(tmp, target)
    if not sync_folder:
        return
    try:  # the new file is in place; a folder that cannot be fsynced (some shares) is no failure
        fsync_dir(target.parent)
    except OSError:
        pass


def replace_atomically(
    target: str | Path,
    write: Callable[[Path], None],
    *,
    verify: Callable[[Path], T] | None = None,
    before_replace: Callable[[Path], None] | None = None,
    sync_folder: bool = False,
    durable: bool = True,
) -> T | None:
    """Write `target` whole or not at all; return what `verify(tmp)` returned.

    `write(tmp)` creates the temp file; `verify` and `before_replace` may raise
    to stop the save (their own errors pass through unchanged). OS and SQLite
    write errors become `WriteFailed`. `sync_folder` also makes the rename
    itself durable (design saves; an export or a record can simply be redone).
    `durable=False` skips the fsync of the temp file (a record that only has to
    survive the process being killed, not a power cut).
    """
    target = Path(target)
    tmp = temp_path_beside(target)
    try:
        write_temp(write, tmp)
        if durable:
            fsync_temp(tmp)
        result = verify(tmp) if verify is not None else None
        if before_replace is not None:
            before_replace(tmp)
        copy_mode(target, tmp)
        replace_target(tmp, target, sync_folder)
        return result
    except Exception as exc:
        reason = describe_write_error(exc)
        if reason is None or isinstance(exc, FileProblem):
            raise
        raise WriteFailed(target, reason) from None
    finally:
        remove_quietly(tmp)
        remove_quietly(Path(f"{tmp}-journal"))


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` through the pipeline (exports, reports, manifests).

    `durable=False` skips the fsync: still whole-or-nothing when the process is
    killed (the page cache survives it), not after a power cut.
    """
    replace_atomically(path, lambda tmp: write_new_bytes(tmp, data), durable=durable)


def atomic_write_text(path: Path, text: str, *, durable: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), durable=durable)


# ------------------------------------------------------------ reading input
def check_regular(path: Path, kind: str = "a file") -> os.stat_result:
    """stat `path` (following links) and refuse anything but a regular file, before any open().

    A FIFO, socket or device would block or stream forever. Raises FileProblem.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileProblem(path, Words("no such file", "文件不存在")) from None
    except OSError as exc:
        raise FileProblem.unreadable(path, exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem(path, f"is a folder, not {kind}", zh="是文件夹，不是文件")
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(
            path,
            f"is not a regular file (a pipe, socket or device), not {kind}; it was not opened",
            zh="不是普通文件（而是管道、套接字或设备），没有打开",
        )
    return info


def open_regular(path: Path, kind: str = "a file"):
    """Open `path` for reading without blocking, and only if it is (still) a regular file."""
    check_regular(path, kind)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise FileProblem.unreadable(path, exc) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped after the stat
            raise FileProblem(
                path,
                f"is not a regular file, not {kind}; it was not opened",
                zh="不是普通文件，没有打开",
            )
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_input_bytes(path: Path, *, kind: str, limit: int, too_large: str) -> bytes:
    """The bytes of a file the user named; FileProblem if it is missing, a folder,
    not a regular file, over `limit` bytes (`too_large` says so) or unreadable.
    `kind` is e.g. "a table"."""
    info = check_regular(path, kind)
    if info.st_size > limit:
        raise FileProblem(path, too_large)
    try:
        with open_regular(path, kind) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise FileProblem.unreadable(path, exc) from None
    if len(data) > limit:
        raise FileProblem(path, too_large)
    return data
