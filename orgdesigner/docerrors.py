"""Errors of the shared-file workflow, each with a message the UI can show as is.

`DesignDocument` (see `orgdesigner.document`) raises these; the UI catches
them by type to offer the right choices:

- `LockedByOther`: someone else has the file open for editing. Offer
  "Open read-only", "Open a copy", "Cancel"; if `stale` is true also
  "Break the lock" (then call `DesignDocument.open(path, break_stale_lock=True)`).
- `ChangedByOthers`: the file on disk was saved by someone else since we
  opened it. Offer "Save As...", "Overwrite anyway" (`save(overwrite=True)`), "Cancel".
- `SaveFailed`: a step of the save failed; the file on disk is unchanged and
  the unsaved work is kept. Offer "Retry" and "Save As...".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import OrgDesignerError, zh_of

if TYPE_CHECKING:  # pragma: no cover
    from .lockfile import LockInfo


class LockedByOther(OrgDesignerError):
    """The design is open for editing elsewhere (its owner file says by whom)."""

    def __init__(
        self,
        path: str | Path,
        owner: "LockInfo | None",
        *,
        stale: bool = False,
        why_stale: str = "",
        message: str | None = None,
    ):
        self.path = Path(path)
        self.owner = owner
        self.stale = stale
        self.why_stale = why_stale
        if owner is not None:
            zh = f"{self.path.name} 正在由 {owner.user}（{owner.host}）编辑"
        else:
            zh = f"{self.path.name} 正在由其他人编辑"
        if stale:
            zh += "（这个锁看起来已被遗弃）"
        if message is None:
            message = (
                owner.describe(self.path)
                if owner
                else (f"{self.path.name} is being edited by someone else")
            )
            if stale and why_stale:
                message += f" (the lock looks abandoned: {why_stale})"
        super().__init__(message, zh=zh)


class ChangedByOthers(OrgDesignerError):
    """The file on disk is no longer the version we opened; saving would overwrite it."""

    def __init__(
        self, path: str | Path, saved_by: str = "", saved_at: str = "", *, missing: bool = False
    ):
        self.path = Path(path)
        self.saved_by = saved_by
        self.saved_at = saved_at
        self.missing = missing
        if missing:
            text = f"{self.path.name} was moved or deleted since you opened it"
            zh = f"{self.path.name} 在您打开之后被移动或删除了"
        else:
            who = f" by {saved_by}" if saved_by else ""
            when = f" at {saved_at}" if saved_at else ""
            text = f"{self.path.name} was changed{who}{when} since you opened it"
            zh = f"{self.path.name} 在您打开之后被{saved_by or '其他人'}修改了"
        super().__init__(
            text + "; save under another name, or overwrite it explicitly",
            zh=zh + "；请另存为其他名称，或明确选择覆盖",
        )


class SaveFailed(OrgDesignerError):
    """A save step failed: the target is unchanged and the working copy keeps the edits."""

    def __init__(self, path: str | Path | None, reason: str):
        self.path = Path(path) if path is not None else None
        self.reason = reason
        name = self.path.name if self.path is not None else "the design"
        zh_name = self.path.name if self.path is not None else "设计"
        super().__init__(
            f"could not save {name}: {reason}. The file on disk is unchanged "
            "and your changes are kept; retry or use Save As",
            zh=f"无法保存 {zh_name}：{zh_of(reason)}。磁盘上的文件没有改动，您的修改仍然保留；"
            "请重试或使用“另存为”",
        )
