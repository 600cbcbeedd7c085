"""Every file operation of the editor goes through here (one small adapter).

Today it uses `orgdesigner.storage`/`formats`; when the shared-file API
(`orgdesigner.document`: locks, working copy, conflict check, recovery)
lands, only this module changes. Errors are `OrgDesignerError`s whose text
is one sentence the main window shows as is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from orgdesigner.design import Design
from orgdesigner.errors import FileProblem, OrgDesignerError
from orgdesigner.formats import READERS, WRITERS, read_design, write_design


@dataclass
class OpenDesign:
    """A design as the editor holds it: where it lives and whether it may be saved there."""

    design: Design
    path: Path | None = None          # None: never saved (new, template, import)
    read_only_reason: str = ""        # "" when editable; else why not (shown in a banner)
    recovered: bool = False           # unsaved work brought back after a crash
    handle: object | None = field(default=None, repr=False)  # the core's document, when there is one

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)


def new_design(name: str = "", language: str = "zh") -> OpenDesign:
    return OpenDesign(Design(name, language=language))


def open_design(path: Path) -> OpenDesign:
    """Open a `.db` design for editing; raise OrgDesignerError with a clear sentence."""
    path = Path(path)
    if path.suffix.lower() != ".db":
        raise FileProblem(path, "is not a design file (.db); use File > Import to read it")
    return OpenDesign(read_design(path), path)


def import_design(path: Path) -> OpenDesign:
    """Read another format into a new, unsaved design."""
    return OpenDesign(read_design(path))


def save_design(doc: OpenDesign, path: Path | None = None) -> Path:
    """Save to `path` (Save As) or to where the design came from; return the path saved to."""
    target = Path(path) if path is not None else doc.path
    if target is None:
        raise OrgDesignerError("the design has no file yet; use Save As")
    if target.suffix.lower() != ".db":
        target = target.with_suffix(".db")
    try:
        write_design(doc.design, target)
    except OrgDesignerError:
        raise
    except OSError as exc:
        raise FileProblem(target, f"could not be saved: {exc.strerror or exc}") from None
    doc.path = target
    doc.read_only_reason = ""
    return target


def export_design(doc: OpenDesign, path: Path, **options) -> None:
    try:
        write_design(doc.design, path, **options)
    except OrgDesignerError:
        raise
    except OSError as exc:
        raise FileProblem(path, f"could not be written: {exc.strerror or exc}") from None


def close_design(doc: OpenDesign) -> None:
    """Release what the design holds on disk (the lock, once the shared-file API lands)."""


def recoverable() -> list[object]:
    """Unsaved work left by a crashed session (filled in by the shared-file API)."""
    return []


def import_suffixes() -> list[str]:
    return sorted(s for s in READERS if s != ".db")


def export_suffixes() -> list[str]:
    return sorted(WRITERS)
