"""Small file helpers shared by the readers and the exporters."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import FileProblem


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to `path` via a temp file in the same folder and os.replace.

    `durable=False` skips the fsync: still whole-or-nothing when the process is
    killed (the page cache survives it), not after a power cut.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str, *, durable: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), durable=durable)


def read_input_bytes(path: Path, *, kind: str, limit: int, too_large: str) -> bytes:
    """The bytes of a file the user named; FileProblem if it is missing, a folder,
    over `limit` bytes (`too_large` says so) or unreadable. `kind` is e.g. "a table"."""
    try:
        if path.is_dir():
            raise FileProblem(path, f"is a folder, not {kind}")
        if path.stat().st_size > limit:
            raise FileProblem(path, too_large)
        return path.read_bytes()
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except OSError as exc:
        raise FileProblem.unreadable(path, exc) from None
