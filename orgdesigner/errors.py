"""Typed errors with messages a user can read.

Every error the core raises for bad input or a refused edit derives from
`OrgDesignerError`; the CLI shows `str(error)` (English) as one line, the UI
shows `error.text(language)`: the Chinese text where the error carries one
(a Chinese UI must not show an English dialog), else the English.

A reason that travels through several layers before it becomes a message
(the disk is full -> could not be written -> could not save) is a `Words`:
a `str` holding the English that also knows its Chinese (`zh_of`).
"""

from __future__ import annotations

import errno
from pathlib import Path


class Words(str):
    """English text (the str itself) that also carries its Chinese as `.zh`."""

    zh: str

    def __new__(cls, en: str, zh: str) -> Words:
        text = super().__new__(cls, en)
        text.zh = zh
        return text


def zh_of(text: object) -> str:
    """The Chinese of a `Words` (or of an error), else the text as it is."""
    if isinstance(text, OrgDesignerError):
        return text.text("zh")
    return getattr(text, "zh", None) or str(text)


class OrgDesignerError(Exception):
    """Base class: `str(self)` is a complete, user-readable sentence (English).

    `zh` is the same sentence in Chinese, when the raiser wrote one; a `Words`
    message brings its own.
    """

    def __init__(self, *args: object, zh: str | None = None):
        super().__init__(*args)
        self.zh = zh if zh is not None else getattr(args[0] if args else None, "zh", None)

    def text(self, language: str) -> str:
        """The message in `language` ("zh" or "en"); English where no Chinese was written."""
        zh = getattr(self, "zh", None)
        return zh if language == "zh" and zh else str(self)


class ModelError(OrgDesignerError):
    """An edit that would break an invariant of the design."""


class CycleError(ModelError):
    """A reporting line that would make a department report to itself."""


class SelfLinkError(ModelError):
    """A link from a department to itself."""


class DuplicateLinkError(ModelError):
    """A second link of the same kind between the same two departments."""


class DuplicateIdError(ModelError):
    """An object whose id is already used in the design."""


class UnknownObjectError(ModelError):
    """A reference to a department, link or function that does not exist."""


class InvalidValueError(ModelError):
    """A field value outside what the model accepts (bad colour, NaN, ...)."""


class FileProblem(OrgDesignerError):
    """A file that cannot be used: names the file and the problem in one line."""

    def __init__(self, path: str | Path, problem: str, zh: str | None = None):
        self.path = Path(path)
        self.problem = problem
        zh = zh if zh is not None else getattr(problem, "zh", None)
        self.problem_zh = zh
        super().__init__(
            f"{self.path.name}: {problem}", zh=f"{self.path.name}：{zh}" if zh else None
        )

    @classmethod
    def unreadable(cls, path: str | Path, exc: OSError) -> FileProblem:
        """The one line for a file the operating system would not let us read."""
        reason = _READ_REASONS_ZH.get(exc.errno or 0, "操作系统拒绝了读取")
        return cls(path, f"cannot be read ({exc.strerror or exc})", zh=f"无法读取（{reason}）")


_READ_REASONS_ZH = {
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EIO: "磁盘或网络报告了读写错误",
    errno.ENOENT: "文件不存在",
    errno.EISDIR: "这是文件夹",
}


class NewerFormatError(FileProblem):
    """A design file written by a newer version of the program."""

    def __init__(self, path: str | Path, found: int, supported: int):
        self.found = found
        self.supported = supported
        super().__init__(
            path,
            f"was made by a newer Org Designer (format {found}); "
            f"this version reads up to format {supported}",
            zh=f"由更新版本的组织架构设计器保存（格式 {found}）；"
            f"本版本最多能读取格式 {supported}，请升级后再打开",
        )
        # The message reads "design.db was made by ...", without the colon.
        self.args = (f"{self.path.name} {self.problem}",)

    def __str__(self) -> str:
        return self.args[0]
