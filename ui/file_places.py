"""Where file dialogs start and which names they propose.

Never the program's folder (a user who started the app from a shortcut finds
their files nowhere near it): the current design's folder, else the last
folder used, else Documents. A proposed name never points at an existing file,
so accepting the proposal cannot silently overwrite one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from .settings import AppSettings

UNSAFE = str.maketrans({c: "_" for c in '/\\:*?"<>|'})


def start_folder(settings: AppSettings, current: Path | None = None) -> Path:
    if current is not None:
        return Path(current).parent
    last = settings.last_folder()
    if last is not None:
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def file_name(name: str, fallback: str) -> str:
    """A design name as a file name: characters no file system takes become '_'."""
    return (" ".join(name.split()).translate(UNSAFE).strip(". ") or fallback)[:120]


def unused_path(path: Path) -> Path:
    """`path`, or 'name (2).ext', 'name (3).ext' ... the first that does not exist."""
    path = Path(path)
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        n += 1
    return candidate
