"""Crash recovery: unsaved work whose program is gone is offered at start.

Each open document has a session folder with `working.db` and
`manifest.json` (see `orgdesigner.workingcopy`). When the program starts,
`find_recoverable()` lists sessions whose owner process no longer runs and
that hold unsaved edits; the UI asks "Recover" (`DesignDocument.recover`)
or "Discard" (`discard`). Sessions of dead processes without unsaved edits
are cleaned up silently.
"""

from __future__ import annotations

import shutil
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import storage
from .scenarios import ScenarioSet
from .errors import FileProblem, Words
from .lockfile import pid_alive
from .workingcopy import MANIFEST, WORKING, Manifest, checkpoint, process_identity, sessions_dir


@dataclass
class RecoveryItem:
    folder: Path
    manifest: Manifest

    @property
    def source(self) -> Path | None:
        return Path(self.manifest.source) if self.manifest.source else None

    @property
    def message(self) -> Words:
        """'Unsaved changes to design.db (市场部结构方案), last edited 26 Nov 09:40'.

        A `Words`: its `.zh` is the same sentence for a Chinese UI.
        """
        name = self.source.name if self.source else ""
        title = self.manifest.title
        try:
            stamp = (self.folder / WORKING).stat().st_mtime
            wal = self.folder / f"{WORKING}-wal"
            if wal.exists():
                stamp = max(stamp, wal.stat().st_mtime)
            moment = datetime.fromtimestamp(stamp)
            when, when_zh = moment.strftime("%d %b %H:%M"), moment.strftime("%m月%d日 %H:%M")
        except OSError:
            when = when_zh = "?"
        en_title = f" ({title})" if title else ""
        zh_title = f"（{title}）" if title else ""
        return Words(
            f"Unsaved changes to {name or 'a new design'}{en_title}, last edited {when}",
            f"{name or '新方案'}{zh_title}有未保存的修改，最后编辑于 {when_zh}",
        )


def owner_alive(manifest: Manifest) -> bool:
    if manifest.host != socket.gethostname():
        return True  # another machine sharing this profile: not ours to judge
    if not pid_alive(manifest.pid):
        return False
    identity = process_identity(manifest.pid)
    return not manifest.process or not identity or identity == manifest.process


def find_recoverable(folder: Path | None = None) -> list[RecoveryItem]:
    """Sessions of programs that are gone and that hold unsaved edits, newest first."""
    root = folder or sessions_dir()
    items: list[RecoveryItem] = []
    if not root.is_dir():
        return items
    for session in root.iterdir():
        if not session.is_dir():
            continue
        try:
            manifest = Manifest.read(session / MANIFEST)
        except (OSError, ValueError, TypeError):
            if not (session / WORKING).exists():
                shutil.rmtree(session, ignore_errors=True)  # died before writing anything
            continue
        if owner_alive(manifest):
            continue
        if not manifest.dirty or not (session / WORKING).exists():
            shutil.rmtree(session, ignore_errors=True)
            continue
        items.append(RecoveryItem(session, manifest))
    items.sort(key=lambda item: item.manifest.updated, reverse=True)
    return items


def discard(item: RecoveryItem) -> None:
    """Throw the unsaved work away (the user chose Discard)."""
    shutil.rmtree(item.folder, ignore_errors=True)


def adopt(item: RecoveryItem) -> tuple[ScenarioSet, Manifest]:
    """Take over a crashed session: fold its journal, read it back, become its owner."""
    try:
        path = checkpoint(item.folder)
        design = storage.load_scenarios(path)
        for scenario in design:  # reopen the scenario that was shown
            if scenario.scenario.id == item.manifest.scenario:
                design.activate(scenario)
    except FileProblem as exc:
        raise FileProblem(
            item.source or item.folder,
            f"the unsaved work cannot be recovered ({exc.problem})",
            zh=f"未保存的工作无法恢复（{exc.problem_zh or exc.problem}）",
        ) from None
    except Exception as exc:
        raise FileProblem(
            item.source or item.folder,
            f"the unsaved work cannot be recovered ({exc})",
            zh="未保存的工作无法恢复",
        ) from None
    manifest = item.manifest
    fresh = Manifest(session=manifest.session, source=manifest.source, title=design.name)
    for name in (
        "base_sha256",
        "base_size",
        "base_generation",
        "base_save_id",
        "last_save",
        "started",
        "pending_sha256",
        "pending_size",
        "pending_save_id",
        "pending_generation",
    ):
        setattr(fresh, name, getattr(manifest, name))
    fresh.process = process_identity(fresh.pid)
    return design, fresh
