"""DesignDocument: the API the editor uses to open, save and close design files.

    doc = DesignDocument.open(path)          # may raise FileProblem, LockedByOther
    doc.design                                # the shown scenario; edit it through ops as usual
    doc.scenarios                             # all scenarios of the file (a ScenarioSet)
    doc.switch_scenario(name), doc.copy_scenario(name, new), doc.rename_scenario(old, new),
    doc.delete_scenario(name)                 # kept in the working copy; saved with the file
    doc.state.editable, doc.state.read_only_reason, doc.state.recovered
    doc.save()                                # may raise ChangedByOthers, LockedByOther, SaveFailed
    doc.save(overwrite=True)                  # after the user chose "Overwrite anyway"
    doc.save_as(other_path)                   # may raise LockedByOther, SaveFailed
    doc.heartbeat()                           # every minute (a QTimer); a daemon thread also does it
    doc.lock_lost, doc.dirty, doc.problem     # for the status bar
    doc.save_note                             # '' or what the last save could not do (no backup)
    doc.close()                               # releases the lock, deletes the working copy

Other formats (JSON, spreadsheets) are read with `orgdesigner.formats.read_design`
and wrapped in `DesignDocument.new(design)`: an untitled document whose first
save is a Save As.

On `LockedByOther` the UI offers: `DesignDocument.open(path, read_only=True)`,
`DesignDocument.open_copy(path)`, Cancel, and for a stale lock
`DesignDocument.open(path, break_stale_lock=True)` (a backup is taken first).
At start the UI lists `orgdesigner.recovery.find_recoverable()` and calls
`DesignDocument.recover(item)` or `recovery.discard(item)`.

The shared file is never opened by SQLite: it is copied to a private working
copy (`orgdesigner.workingcopy`) that records every edit as it happens, and
saved through `orgdesigner.safesave` (temp file, fsync, verify, conflict
check, backup, atomic replace). Every error's `str()` is a sentence for the user.
"""

from __future__ import annotations

import atexit
import glob
import os
import re
import shutil
import sqlite3
import signal
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy.exc import SQLAlchemyError

from . import fileutil, lockfile, storage, untrusted
from . import progress as progress_
from .design import Design
from .scenarios import ScenarioSet
from .docerrors import ChangedByOthers, LockedByOther, SaveFailed
from .errors import FileProblem, Words, zh_of
from .fileutil import WriteFailed, describe_write_error, read_only_for_us
from .lockfile import LockInfo, LockUnavailable, OwnedLock, describe_lock
from .safesave import (
    busy_marker,
    check_unchanged,
    describe_os_error,
    save_verified,
    take_backup,
)
from .untrusted import Fingerprint
from .workingcopy import Manifest, WorkingCopy

__all__ = ["DesignDocument", "DocumentState", "ChangedByOthers", "LockedByOther", "SaveFailed"]


@dataclass(frozen=True)
class DocumentState:
    """How a document was opened: what the title bar and the Save action show."""

    editable: bool
    read_only_reason: str = ""  # a sentence, e.g. "design.db is being edited by Wang Li ..."
    recovered: bool = False  # unsaved work brought back after a crash
    untitled: bool = False  # no file yet: Save means Save As


class DesignDocument:
    """One open design: the model, its working copy, its lock and its file."""

    def __init__(
        self,
        design: Design | ScenarioSet,
        path: Path | None,
        working: WorkingCopy,
        lock: OwnedLock | None,
        state: DocumentState,
        base: Fingerprint | None,
    ):
        self.scenarios = storage.as_set(design)
        self.path = path
        self.working = working
        self.lock = lock
        self.state = state
        self.base = base  # fingerprint of the file version our edits are based on
        self.save_note = ""  # '' or a sentence about the last save (e.g. no backup could be kept)
        _OPEN.add(self)

    # ------------------------------------------------------------- opening
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        read_only: bool = False,
        break_stale_lock: bool = False,
        user: str | None = None,
        heartbeat: bool = True,
        progress: progress_.Callback | None = None,
    ) -> "DesignDocument":
        """Open a design file for editing (or read-only). See the module docstring.

        A symbolic link is followed to the real file: that file is locked,
        identified and saved, so two names of one file are one document.
        `progress` is told how far reading goes and may raise `progress.Cancelled`:
        then the lock is released and the working copy removed, as for any failure.
        """
        path = real_path(path)
        untrusted.check_header(path)
        lock: OwnedLock | None = None
        reason: str = ""
        if read_only:
            reason = Words(
                describe_lock(path) or "opened read-only",
                describe_lock(path, "zh") or "以只读方式打开",
            )
        if not read_only:
            marker = busy_marker(path)
            if marker is not None:
                reason = Words(
                    f"another program is writing to {path.name} right now "
                    f"({marker.name} is beside it)",
                    f"另一个程序正在写入 {path.name}（旁边有 {marker.name}）",
                )
            elif read_only_for_us(path):
                reason = Words(
                    f"{path.name} is read-only for you (its permissions do not allow changes)",
                    f"{path.name} 对您是只读的（文件权限不允许修改）",
                )
            else:
                try:
                    lock = _acquire(path, user, break_stale_lock)
                except LockUnavailable as exc:
                    reason = _unlockable(exc)
        try:
            with progress_.reporting(progress):
                doc = cls._load(
                    path, lock, DocumentState(editable=lock is not None, read_only_reason=reason)
                )
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if lock is not None:
            sweep_leftovers(path)
            if heartbeat:
                lock.start_heartbeat()
        return doc

    @classmethod
    def _load(cls, path: Path, lock: OwnedLock | None, state: DocumentState) -> "DesignDocument":
        folder, session = _new_session(path)
        try:
            with _working_copy_errors(path):  # FileProblem of the design passes unchanged
                # The working copy: our schema, the checked rows copied in (no SQL of the file).
                scenarios, fingerprint = storage.load_checked(
                    path, working_copy=folder / "working.db"
                )
                manifest = Manifest(
                    session=session,
                    source=str(path),
                    title=scenarios.name,
                    read_only=not state.editable,
                )
                progress_.step("working_copy", 1, 1)
                working = WorkingCopy.start(scenarios, folder, manifest, have_file=True)
                working.set_base(fingerprint, scenarios.stamp)
                manifest.write(folder)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return cls(scenarios, path, working, lock, state, fingerprint)

    @classmethod
    def open_copy(
        cls, path: str | Path, *, progress: progress_.Callback | None = None
    ) -> "DesignDocument":
        """Open the content of `path` as a new, untitled design (for a file someone is editing)."""
        path = real_path(path)
        with progress_.reporting(progress):
            doc = cls._load(path, None, DocumentState(editable=True, untitled=True))
        doc.path = None
        doc.base = None
        doc.working.manifest.source = None
        doc.working.manifest.write(doc.working.folder)
        return doc

    @classmethod
    def new(cls, design: Design | ScenarioSet | None = None) -> "DesignDocument":
        """An untitled document (a new design or an import); its first save is a Save As."""
        design = design or Design("")
        folder, session = _new_session(None)
        manifest = Manifest(session=session, source=None, title=design.name)
        try:
            with _working_copy_errors(None):
                working = WorkingCopy.start(design, folder, manifest)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return cls(design, None, working, None, DocumentState(editable=True, untitled=True), None)

    @classmethod
    def recover(cls, item, *, user: str | None = None, heartbeat: bool = True) -> "DesignDocument":
        """Reopen a crashed session's unsaved work (`item` from `recovery.find_recoverable`).

        The file is locked again if possible; if someone else holds it the
        document is read-only (Save As keeps the work). Saving goes through
        the conflict check against the version the work was based on.
        """
        from .recovery import adopt

        design, manifest = adopt(item)
        source = Path(manifest.source) if manifest.source else None
        lock = None
        reason = ""
        if source is not None:
            seen = lockfile.read_lock(source).info
            crashed_own = (
                seen is not None
                and seen.host == item.manifest.host
                and (
                    seen.process == item.manifest.process
                    if seen.process and item.manifest.process
                    else seen.pid == item.manifest.pid
                )
            )
            try:  # the crashed session's own lock is stale by definition: take it over
                lock = _acquire(source, user, break_stale=crashed_own)
            except LockedByOther as exc:
                reason = Words(str(exc), exc.text("zh"))
            except LockUnavailable as exc:
                reason = _unlockable(exc)
        manifest.read_only = source is not None and lock is None
        manifest.dirty = True
        own = _own_save(source, manifest) if source is not None else None
        if own is not None:  # killed after replacing the file, before noting it: it is ours
            manifest.base_sha256, manifest.base_size = own.sha256, own.size
            manifest.base_save_id, manifest.base_generation = (
                manifest.pending_save_id,
                manifest.pending_generation,
            )
            design.stamp.save_id = manifest.pending_save_id
            design.stamp.save_generation = manifest.pending_generation
        working = WorkingCopy(item.folder, design, manifest)
        manifest.write(item.folder)
        base = (
            Fingerprint(manifest.base_sha256, manifest.base_size) if manifest.base_sha256 else None
        )
        state = DocumentState(
            editable=source is None or lock is not None,
            read_only_reason=reason,
            recovered=True,
            untitled=source is None,
        )
        if lock is not None and heartbeat:
            lock.start_heartbeat()
        return cls(design, source, working, lock, state, base)

    # ----------------------------------------------------------- scenarios
    @property
    def design(self) -> Design:
        """The scenario the editor shows and edits."""
        return self.scenarios.active

    def switch_scenario(self, name: str) -> Design:
        """Show another scenario; the working copy follows its edits from now on."""
        design = self.scenarios.activate(name)
        if design is not self.working.design:
            self.working.switch(design)
        return design

    def copy_scenario(self, name: str, new_name: str) -> Design:
        """A new scenario holding a copy of `name` (same object ids); not yet shown."""
        self._check_editable()
        design = self.scenarios.copy(name, new_name)
        self.working.scenarios_changed()
        return design

    def add_scenario(self, design: Design, name: str) -> Design:
        """Add another design (an import, a template) as scenario `name`."""
        self._check_editable()
        self.scenarios.add(design, name)
        self.working.scenarios_changed()
        return design

    def rename_scenario(self, name: str, new_name: str) -> None:
        self._check_editable()
        self.scenarios.rename(name, new_name)
        self.working.scenarios_changed()

    def delete_scenario(self, name: str) -> Design:
        """Delete a scenario (never the last); returns the scenario shown afterwards."""
        self._check_editable()
        self.scenarios.delete(name)
        if self.working.design is not self.scenarios.active:
            self.working.switch(self.scenarios.active)
        self.working.scenarios_changed()
        return self.scenarios.active

    def _check_editable(self) -> None:
        from .scenarios import ScenarioError

        if not self.state.editable:
            raise ScenarioError(
                f"it is open read-only ({self.state.read_only_reason})", zh="设计以只读方式打开"
            )

    # -------------------------------------------------------------- status
    @property
    def dirty(self) -> bool:
        """True when the working copy holds edits not yet saved to the file."""
        return self.working.manifest.dirty

    @property
    def problem(self) -> str:
        """'' normally; a sentence if the working copy could not keep up (crash safety lost)."""
        return self.working.problem

    @property
    def lock_lost(self) -> bool:
        """True once a heartbeat found our lock broken or taken over (warn; Save will tell more)."""
        return self.lock is not None and self.lock.lost

    def heartbeat(self) -> bool:
        """Refresh the lock's heartbeat; False if the lock was broken or taken over."""
        return self.lock.heartbeat() if self.lock is not None else False

    # -------------------------------------------------------------- saving
    def save(self, *, overwrite: bool = False) -> None:
        """Save to the document's file. `overwrite=True` skips only the changed-by-others check."""
        if self.path is None:
            raise SaveFailed(
                None, Words("it has no file name yet; use Save As", "它还没有文件名，请用“另存为”")
            )
        if not self.state.editable:
            raise SaveFailed(
                self.path,
                Words(
                    f"it is open read-only ({self.state.read_only_reason}); use Save As",
                    "它以只读方式打开，请用“另存为”",
                ),
            )
        base = None if overwrite else self.base
        if not (self.lock is not None and self.lock.still_ours()):
            try:  # "changed by others" matters more than who holds the lock now
                check_unchanged(self.path, base)
            except OSError as exc:
                raise SaveFailed(self.path, describe_os_error(exc)) from None
        self._ensure_lock()
        self._write(self.path, base)

    def save_as(self, path: str | Path, *, user: str | None = None) -> None:
        """Save to a new file name and continue editing that file (the UI confirms replacing)."""
        path = real_path(path)
        if self.path is not None and path == self.path and self.state.editable:
            self.save(overwrite=True)
            return
        try:
            lock = _acquire(path, user, break_stale=False)
        except LockUnavailable as exc:
            raise SaveFailed(path, exc.args[0]) from None
        try:
            # The way out: write from the model itself, whatever became of the working copy.
            self.working.rebuild()
            self._write(path, None)
        except BaseException:
            lock.release()
            raise
        if self.lock is not None:
            self.lock.release()
        self.lock = lock
        lock.start_heartbeat()
        self.path = path
        self.state = DocumentState(editable=True)

    def _ensure_lock(self) -> None:
        assert self.path is not None
        if self.lock is not None and self.lock.still_ours():
            return
        seen = lockfile.read_lock(self.path)
        if seen.exists:  # someone broke our lock and took the file over
            raise LockedByOther(self.path, seen.info)
        try:  # our lock vanished: take it again; the conflict check guards the content
            lock = OwnedLock.acquire(self.path)
        except FileExistsError:
            raise LockedByOther(self.path, lockfile.read_lock(self.path).info) from None
        except LockUnavailable as exc:
            raise SaveFailed(self.path, exc.args[0]) from None
        if self.lock is not None:
            self.lock.release()
        self.lock = lock
        lock.start_heartbeat()

    def _write(self, path: Path, base: Fingerprint | None) -> None:
        notes: list[str] = []
        sweep_leftovers(path)
        changes = self.working.pending_changes()
        fingerprint = save_verified(
            self.scenarios,
            path,
            self.working.write_complete_copy,
            base,
            notes,
            before_replace=lambda fp: self.working.saving(fp, self.scenarios.stamp),
            changes=changes,
        )
        self.working.verified(changes)
        self.save_note = Words("; ".join(notes), "；".join(zh_of(n) for n in notes))
        self.base = fingerprint
        self.working.saved(path, fingerprint, self.scenarios.stamp)

    # ------------------------------------------------------------- closing
    def close(self) -> None:
        """Release the lock and delete the working copy (the UI asked about unsaved edits)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        self.working.close(discard=True)
        _OPEN.discard(self)


_OPEN: "weakref.WeakSet[DesignDocument]" = weakref.WeakSet()


@atexit.register
def release_locks() -> None:
    """A normal exit never leaves a lock behind; unsaved work stays recoverable."""
    for doc in list(_OPEN):
        if doc.lock is not None:
            doc.lock.release()
            doc.lock = None


def real_path(path: str | Path) -> Path:
    """The real file behind `path` (links resolved): what is locked, compared and saved."""
    return Path(os.path.realpath(path))


def end_on_signal(signum: int, _frame=None) -> None:
    """SIGTERM or SIGHUP (logout, `kill`): end like a crash the program expects.

    The locks go (colleagues can open the files at once), the working copies
    stay as they are (every finished edit is already in them) and are offered
    for recovery at the next start; nothing asks the user anything.
    """
    try:
        release_locks()
    finally:
        os._exit(128 + signum)


def install_signal_handlers() -> None:
    """Make SIGTERM/SIGHUP end through `end_on_signal` (the GUI calls this at start)."""
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, end_on_signal)


def _unlockable(exc: LockUnavailable) -> Words:
    return Words(
        f"it cannot be locked for editing: {exc}", f"无法锁定以便编辑：{zh_of(exc.args[0])}"
    )


def _new_session(path: Path | None) -> tuple[Path, str]:
    """A session folder for the working copy; a clear error if the data folder is unusable."""
    with _working_copy_errors(path):
        return WorkingCopy.new_folder()


@contextmanager
def _working_copy_errors(path: Path | None) -> Iterator[None]:
    """A full or read-only data folder is one clear FileProblem, never a raw OS/SQLite error."""
    try:
        yield
    except (OSError, sqlite3.Error, SQLAlchemyError, WriteFailed) as exc:
        from .workingcopy import data_dir

        reason = (
            exc.reason if isinstance(exc, WriteFailed) else describe_write_error(exc) or str(exc)
        )
        raise FileProblem(
            path or data_dir(),
            f"cannot be opened: no working copy can be made in {data_dir()} ({reason})",
            zh=f"无法打开：不能在 {data_dir()} 中建立工作副本（{zh_of(reason)}）",
        ) from None


def _acquire(path: Path, user: str | None, break_stale: bool) -> OwnedLock:
    """Take the lock on `path`, or raise LockedByOther / LockUnavailable."""
    try:
        return OwnedLock.acquire(path, user)
    except FileExistsError:
        pass
    seen = lockfile.read_lock(path)
    stale = seen.stale_reason()
    if not (stale and break_stale):
        if not seen.exists:  # released meanwhile: try once more
            try:
                return OwnedLock.acquire(path, user)
            except FileExistsError:
                seen = lockfile.read_lock(path)
        message = (
            (
                f"{path.name} is locked for editing by someone else (the lock file cannot "
                "be read, so who is unknown)"
            )
            if seen.unreadable
            else None
        )
        raise LockedByOther(path, seen.info, stale=bool(stale), why_stale=stale, message=message)
    if path.exists():
        try:
            take_backup(path)
        except OSError as exc:
            raise SaveFailed(
                path,
                Words(
                    f"no backup could be taken before breaking the lock ({exc.strerror or exc})",
                    f"解除锁定前无法备份（{zh_of(describe_os_error(exc))}）",
                ),
            ) from None
    try:
        broken = lockfile.break_lock(path, seen)
    except lockfile.LockNotRemovable as exc:
        owner = seen.info.describe(path) if seen.info else f"{path.name} is locked"
        raise LockedByOther(path, seen.info, message=f"{owner} ({exc})") from None
    if not broken:
        raise LockedByOther(path, lockfile.read_lock(path).info)
    try:
        return OwnedLock.acquire(path, user)
    except FileExistsError:
        raise LockedByOther(path, lockfile.read_lock(path).info) from None


def sweep_leftovers(path: Path) -> None:
    """Remove temp files that killed saves left beside `path`.

    Our own (this machine; the writing process is gone, or is us between two
    saves) go at once, at open and before each save; anyone else's only when
    they are older than the stale limit.
    """
    cutoff = time.time() - lockfile.STALE_AFTER.total_seconds()
    host = fileutil.temp_owner_tag().split("-")[0]
    lock_name = glob.escape(lockfile.lock_path(path).name)
    patterns = (
        f".{glob.escape(path.name)}.*.tmp*",
        f".{lock_name}.*.tmp",
        f"{lock_name}.*.tmp",
        f"{lock_name}.broken-*",
    )
    for leftover in (p for pattern in patterns for p in path.parent.glob(pattern)):
        try:
            if _ours_and_dead(leftover.name, host) or leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            pass


def _ours_and_dead(name: str, host: str) -> bool:
    """A save temp file (`.<name>.<hex>.<host>-<pid>.tmp`) this machine wrote, whose
    writer is gone or is this process (which saves one file at a time)."""
    match = re.search(r"\.([0-9a-f]{8})-(\d+)\.tmp", name)
    if match is None or match.group(1) != host:
        return False
    pid = int(match.group(2))
    return pid == os.getpid() or not lockfile.pid_alive(pid)


def _own_save(source: Path, manifest: Manifest) -> Fingerprint | None:
    """The fingerprint of `source` if it is the save a crashed session was making."""
    if not manifest.pending_save_id:
        return None
    try:
        current = untrusted.fingerprint(source)
    except OSError:
        return None
    if current.sha256 == manifest.pending_sha256:
        return current
    try:  # same save id: our save, whatever happened to the bytes' fingerprint record
        stamp = storage.load(source).stamp
    except (FileProblem, OSError):
        return None
    return current if stamp.save_id == manifest.pending_save_id else None


_ = LockInfo  # re-exported for the UI
