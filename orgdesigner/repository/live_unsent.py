"""Unsent live edits survive a crash: kept in a small file until the server has them.

While a session is offline, every pending change (object, the row version it
was based on, and its current local row) is written atomically to
`<data dir>/repository-unsent/<client>.json`; the file goes when everything
is sent. When the same design is opened again and such a file belongs to a
process that is gone, its edits are applied and sent as usual: with their
old base versions, so an edit that someone else overtook meanwhile is
refused and reported, never written over their work.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..fileutil import atomic_write_text
from ..workingcopy import data_dir, process_identity
from .connection import display_url


def folder() -> Path:
    return data_dir() / "repository-unsent"


def path_for(client: str) -> Path:
    return folder() / f"{client}.json"


def save(client: str, url: str, name: str, edits: list[dict[str, Any]], scenario: str = "") -> None:
    """Write the unsent edits to one scenario (or remove the file when there are none)."""
    path = path_for(client)
    if not edits:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    pid = os.getpid()
    atomic_write_text(
        path,
        json.dumps(
            {
                "url": display_url(url),
                "name": name,
                "scenario": scenario,
                "pid": pid,
                "process": process_identity(pid),
                "edits": edits,
            },
            ensure_ascii=False,
        ),
    )


def _alive(record: dict[str, Any]) -> bool:
    pid = record.get("pid")
    return (
        isinstance(pid, int)
        and pid > 0
        and bool(record.get("process"))
        and process_identity(pid) == record.get("process")
    )


def leftovers(url: str, name: str, scenario: str = "") -> list[tuple[Path, list[dict[str, Any]]]]:
    """Unsent edits to this scenario of this design left by sessions whose process is gone,
    oldest first (a record from before scenarios names none: it was the only one)."""
    found = []
    try:
        candidates = sorted(folder().glob("*.json"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return []
    for path in candidates:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if (
            not isinstance(record, dict)
            or record.get("url") != display_url(url)
            or record.get("name") != name
            or record.get("scenario", scenario) != scenario
            or _alive(record)
        ):
            continue
        edits = record.get("edits")
        if isinstance(edits, list):
            found.append((path, [e for e in edits if _well_formed(e)]))
    return found


def _well_formed(edit: Any) -> bool:
    return (
        isinstance(edit, dict)
        and isinstance(edit.get("kind"), str)
        and isinstance(edit.get("key"), str)
        and isinstance(edit.get("base"), int)
        and (edit.get("row") is None or isinstance(edit.get("row"), dict))
    )


def as_row(row: dict[str, Any] | None) -> Any:
    """A stored row in the shape the apply functions read (attributes, like a result row)."""
    return None if row is None else SimpleNamespace(**row)
