"""The verified save: a design reaches the shared file whole, or not at all.

It is `storage.save` (the one pipeline of `fileutil.replace_atomically`:
write a complete temp file beside the target, fsync it, verify it as an
untrusted file with the same content as the model, replace, fsync the
folder) with the shared-file checks around it: no other program writing the
file, the folder there, the file writable for us; then, after verification
and just before the replace, the conflict token (the target's SHA-256 must
still be the one we opened or last saved) and the rotating local backup of
the version about to be replaced. A backup that cannot be taken (local disk
full) is reported, not fatal: the verified save to the share goes on. Any
other failure leaves the target untouched, removes the temp file, restores
the design's stamp and raises `SaveFailed` (or `ChangedByOthers`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Callable

from . import storage, untrusted
from .docerrors import ChangedByOthers, SaveFailed
from .errors import FileProblem
from .quickverify import Changes
from .fileutil import WriteFailed, describe_os_error, read_only_for_us
from .untrusted import Fingerprint

BACKUPS_KEPT = 5
__all__ = ["busy_marker", "check_unchanged", "describe_os_error", "save_verified", "take_backup"]


def busy_marker(path: Path) -> Path | None:
    """A `-journal` or `-wal` file beside `path`: some program is mid-write on it."""
    for suffix in ("-journal", "-wal"):
        marker = path.with_name(path.name + suffix)
        if os.path.lexists(marker):
            return marker
    return None


def backup_target(target: Path) -> Path | None:
    """Copy the version about to be replaced into the rotating local backups."""
    if not target.exists():
        return None
    return take_backup(target)


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
    try:
        shutil.copyfile(target, dest)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
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


def save_verified(
    design: storage.Designs,
    target: Path,
    write: Callable[[Path], None],
    base: Fingerprint | None,
    notes: list[str] | None = None,
    before_replace: Callable[[Fingerprint], None] | None = None,
    changes: Changes | None = None,
) -> Fingerprint:
    """Save `design` over `target` via `write(tmp)`; return the new file's fingerprint.

    `base` is the fingerprint the target must still have (None: no check, e.g.
    Save As or an explicit overwrite). A sentence for the user is appended to
    `notes` when the save succeeded without a backup. `before_replace(fingerprint)`
    runs just before the target is replaced (the document records the save it is
    making, so recovery recognises it as ours).
    """
    target = Path(target)
    marker = busy_marker(target)
    if marker is not None:
        raise SaveFailed(
            target, f"another program is writing to it right now ({marker.name} is beside it)"
        )
    if not target.parent.is_dir():
        raise SaveFailed(target, f"the folder {target.parent} is not available")
    if read_only_for_us(target):
        raise SaveFailed(target, "the file is read-only for you")

    def checks_before_replace(_tmp: Path, fingerprint: Fingerprint) -> None:
        check_unchanged(target, base)
        if before_replace is not None:
            before_replace(fingerprint)
        try:
            backup_target(target)
        except OSError as exc:
            if notes is not None:
                notes.append(
                    f"no backup of the previous version of {target.name} could be "
                    f"kept ({describe_os_error(exc)}); the file itself was saved"
                )

    try:
        fingerprint = storage.save(
            design, target, write=write, before_replace=checks_before_replace, changes=changes
        )
    except WriteFailed as exc:
        raise SaveFailed(target, exc.reason) from None
    except FileProblem as exc:
        raise SaveFailed(
            target, f"the new file did not pass verification ({exc.problem})"
        ) from None
    assert fingerprint is not None
    return fingerprint
