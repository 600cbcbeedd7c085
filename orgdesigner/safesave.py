"""The verified save: a design reaches the shared file whole, or not at all.

Steps (each a module-level function, so tests can inject a failure into any):
`write_temp` a complete new file beside the target under a hidden temp name,
`fsync_temp` it, `verify_temp` it (read back as an untrusted file:
integrity, schema, invariants, same content and counts as the model),
re-check the conflict token (the target's SHA-256 must still be the one we
opened or last saved), `backup_target` (the version about to be replaced
goes to a rotating local backup), `replace_target` with `os.replace`, and
fsync the folder. Any failure leaves the target untouched, removes the temp
file, restores the design's stamp and raises `SaveFailed` (or
`ChangedByOthers` for the conflict check).
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Callable

from . import storage, untrusted
from .design import Design
from .docerrors import ChangedByOthers, SaveFailed
from .errors import FileProblem
from .untrusted import Fingerprint

BACKUPS_KEPT = 5


def busy_marker(path: Path) -> Path | None:
    """A `-journal` or `-wal` file beside `path`: some program is mid-write on it."""
    for suffix in ("-journal", "-wal"):
        marker = path.with_name(path.name + suffix)
        if marker.exists():
            return marker
    return None


# ---------------------------------------------------------------- the steps
def write_temp(write: Callable[[Path], None], tmp: Path) -> None:
    write(tmp)


def fsync_temp(tmp: Path) -> None:
    storage.fsync_file(tmp)


def verify_temp(tmp: Path, design: Design) -> Fingerprint:
    return storage.verify_file(tmp, design)


def backup_target(target: Path) -> Path | None:
    """Copy the version about to be replaced into the rotating local backups."""
    if not target.exists():
        return None
    return take_backup(target)


def replace_target(tmp: Path, target: Path) -> None:
    os.replace(tmp, target)
    try:  # the new file is in place; a folder that cannot be fsynced (some shares) is no failure
        storage.fsync_dir(target.parent)
    except OSError:
        pass


# ------------------------------------------------------------------ backups
def backup_folder(target: Path) -> Path:
    from .workingcopy import data_dir

    tag = hashlib.sha256(str(target.resolve()).encode("utf-8")).hexdigest()[:10]
    return data_dir() / "backups" / f"{target.stem[:60]}-{tag}"


def take_backup(target: Path) -> Path:
    """A private copy of `target` in the backups folder; keeps the newest BACKUPS_KEPT."""
    folder = backup_folder(target)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = folder / f"{stamp}{target.suffix}"
    shutil.copyfile(target, dest)
    for old in sorted(folder.iterdir())[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)
    return dest


# --------------------------------------------------------------- the save
def check_unchanged(target: Path, base: Fingerprint | None) -> None:
    """Raise ChangedByOthers if `target` is no longer the version `base` describes."""
    if base is None:
        return
    try:
        current = untrusted.fingerprint(target)
    except FileNotFoundError:
        raise ChangedByOthers(target, missing=True) from None
    if current == base:
        return
    saved_by = saved_at = ""
    try:
        stamp = storage.load(target).stamp
        saved_by, saved_at = stamp.saved_by, stamp.saved_at
    except FileProblem:
        pass
    raise ChangedByOthers(target, saved_by, _local_time(saved_at))


def _local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d %b %H:%M")
    except ValueError:
        return iso


def save_verified(design: Design, target: Path, write: Callable[[Path], None],
                  base: Fingerprint | None,
                  before_replace: Callable[[Fingerprint], None] | None = None) -> Fingerprint:
    """Save `design` over `target` via `write(tmp)`; return the new file's fingerprint.

    `base` is the fingerprint the target must still have (None: no check, e.g.
    Save As or an explicit overwrite). `before_replace(fingerprint)` runs just
    before the target is replaced (the document records the save it is making).
    """
    target = Path(target)
    marker = busy_marker(target)
    if marker is not None:
        raise SaveFailed(target, f"another program is writing to it right now ({marker.name} "
                                 "is beside it)")
    if not target.parent.is_dir():
        raise SaveFailed(target, f"the folder {target.parent} is not available")
    old_stamp, old_modified = design.stamp, design.modified
    design.stamp = storage.stamp_for_save(design)
    design.modified = design.stamp.saved_at
    tmp = storage.temp_path_beside(target)
    try:
        write_temp(write, tmp)
        fsync_temp(tmp)
        fingerprint = verify_temp(tmp, design)
        check_unchanged(target, base)
        if before_replace is not None:
            before_replace(fingerprint)
        backup_target(target)
        storage.copy_mode(target, tmp)
        replace_target(tmp, target)
        return fingerprint
    except ChangedByOthers:
        design.stamp, design.modified = old_stamp, old_modified
        raise
    except FileProblem as exc:
        design.stamp, design.modified = old_stamp, old_modified
        raise SaveFailed(target, f"the new file did not pass verification ({exc.problem})") from None
    except OSError as exc:
        design.stamp, design.modified = old_stamp, old_modified
        raise SaveFailed(target, describe_os_error(exc)) from None
    except BaseException:
        design.stamp, design.modified = old_stamp, old_modified
        raise
    finally:
        _remove_quietly(tmp)
        _remove_quietly(Path(f"{tmp}-journal"))


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return "permission denied (the folder or file is read-only for you)"
    if exc.errno == errno.EROFS:
        return "the folder is on a read-only drive"
    if exc.errno == errno.EIO:
        return "the disk or network reported an input/output error"
    return exc.strerror or str(exc) or type(exc).__name__
