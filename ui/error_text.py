"""A core error as the user reads it: in the UI's language, one sentence.

The core's errors carry their Chinese beside the English (`OrgDesignerError.text`),
so every dialog that shows an open, save, import or repository failure renders
it here instead of with `str(error)` (which is the English the CLI prints).
"""

from __future__ import annotations

from orgdesigner.errors import OrgDesignerError, zh_of
from orgdesigner.fileutil import describe_os_error

from .i18n import ui_language


def error_text(error: BaseException) -> str:
    """The message of `error` in the UI's language (English where no Chinese was written)."""
    language = ui_language()
    if isinstance(error, OrgDesignerError):
        return error.text(language)
    if isinstance(error, OSError):
        name = f"{error.filename}: " if error.filename else ""
        return name + os_reason(error)
    return str(error)


def os_reason(error: OSError) -> str:
    """Why the system refused a file operation ("the disk is full"), in the UI's language."""
    reason = describe_os_error(error)
    return zh_of(reason) if ui_language() == "zh" else str(reason)


def in_ui_language(text: object) -> str:
    """A core sentence that may carry its Chinese (`Words`), in the UI's language."""
    return zh_of(text) if ui_language() == "zh" else str(text)
