"""Every file operation of the editor goes through here (one small adapter).

It wraps the core's shared-file API (`orgdesigner.document.DesignDocument`):
a private working copy, the lock beside the file, the changed-by-others
check at save, crash recovery. Errors are `OrgDesignerError`s whose text is
one sentence; the typed ones (`LockedByOther`, `ChangedByOthers`,
`SaveFailed`) let the main window offer the right choices.
"""

from __future__ import annotations

from pathlib import Path

from orgdesigner import recovery
from orgdesigner.design import Design
from orgdesigner.docerrors import ChangedByOthers, LockedByOther, SaveFailed
from orgdesigner.document import DesignDocument
from orgdesigner.errors import FileProblem, OrgDesignerError, Words, zh_of
from orgdesigner.fileutil import describe_os_error
from orgdesigner.formats import READERS, WRITERS, read_design, write_design
from orgdesigner.progress import Callback

from .error_text import in_ui_language

__all__ = [
    "OpenDesign",
    "ChangedByOthers",
    "LockedByOther",
    "SaveFailed",
    "new_design",
    "from_design",
    "open_design",
    "open_copy",
    "import_design",
    "save_design",
    "export_design",
    "close_design",
    "recoverable",
    "recover",
    "discard_recovery",
]


class OpenDesign:
    """A design as the editor holds it: the core document plus what the window shows."""

    def __init__(self, document: DesignDocument):
        self.document = document

    @property
    def design(self) -> Design:
        return self.document.design

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def read_only_reason(self) -> str:
        state = self.document.state
        if state.editable:
            return ""
        return in_ui_language(state.read_only_reason or Words("opened read-only", "以只读方式打开"))

    @property
    def read_only(self) -> bool:
        return not self.document.state.editable

    @property
    def recovered(self) -> bool:
        return self.document.state.recovered

    @property
    def save_note(self) -> str:
        """'' or what the last save could not do although it succeeded (e.g. keep a backup)."""
        return self.document.save_note

    @property
    def problem(self) -> str:
        """'' or a sentence: the lock was lost, or the working copy cannot keep up."""
        if self.document.lock_lost:
            return "the lock on this file was broken or taken over; saving will check for changes"
        return self.document.problem


def new_design(name: str = "", language: str = "zh", author: str = "") -> OpenDesign:
    design = Design(name, language=language)
    design.author = author
    return OpenDesign(DesignDocument.new(design))


def from_design(design: Design, author: str = "") -> OpenDesign:
    """An untitled document around a design built elsewhere (template, import).

    `author`: the user's name, when the design names no author yet (the PDF cover shows it).
    """
    if author and not design.author:
        design.author = author
    return OpenDesign(DesignDocument.new(design))


def open_design(
    path: Path,
    *,
    read_only: bool = False,
    break_stale_lock: bool = False,
    progress: Callback | None = None,
) -> OpenDesign:
    """Open a `.db` design; raise LockedByOther when someone else edits it, FileProblem if unusable.

    `progress` is told how far reading goes and may raise `Cancelled` (nothing is left behind).
    """
    path = Path(path)
    if path.suffix.lower() != ".db" and path.suffix.lower() in READERS:
        raise FileProblem(path, "is not a design file (.db); use File > Import to read it")
    return OpenDesign(
        DesignDocument.open(
            path, read_only=read_only, break_stale_lock=break_stale_lock, progress=progress
        )
    )


def open_copy(path: Path, progress: Callback | None = None) -> OpenDesign:
    return OpenDesign(DesignDocument.open_copy(path, progress=progress))


def import_design(path: Path) -> OpenDesign:
    """Read another format into a new, untitled design."""
    return from_design(read_design(path))


def save_design(doc: OpenDesign, path: Path | None = None, *, overwrite: bool = False) -> Path:
    """Save (path None) or Save As; return the path saved to.

    Every failure is an OrgDesignerError (the window shows its dialog): an OS
    error from outside the core's save pipeline becomes SaveFailed too.
    """
    target = path
    try:
        if path is None:
            doc.document.save(overwrite=overwrite)
        else:
            target = Path(path)
            if target.suffix.lower() != ".db":
                target = target.with_name(target.name + ".db")
            doc.document.save_as(target)
    except OSError as exc:
        raise SaveFailed(target or doc.path, describe_os_error(exc)) from None
    assert doc.path is not None
    return doc.path


def export_design(doc: OpenDesign, path: Path, **options) -> None:
    try:
        write_design(doc.design, path, **options)
    except OrgDesignerError:
        raise
    except OSError as exc:
        reason = describe_os_error(exc)
        raise FileProblem(
            path, f"could not be written: {reason}", zh=f"无法写入：{zh_of(reason)}"
        ) from None


def close_design(doc: OpenDesign | None) -> None:
    """Release the lock and the working copy (the window asked about unsaved edits first)."""
    if doc is not None:
        doc.document.close()


def recoverable() -> list[recovery.RecoveryItem]:
    """Unsaved work left by sessions that crashed."""
    try:
        return recovery.find_recoverable()
    except OSError:
        return []


def recover(item: recovery.RecoveryItem) -> OpenDesign:
    return OpenDesign(DesignDocument.recover(item))


def discard_recovery(item: recovery.RecoveryItem) -> None:
    recovery.discard(item)


def import_suffixes() -> list[str]:
    return sorted(s for s in READERS if s != ".db")


def export_suffixes() -> list[str]:
    return sorted(WRITERS)
