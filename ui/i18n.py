"""Translation helpers: every user-visible string goes through Qt's `translate`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr_n(context: str, text: str, n: int) -> str:
    """A `%n` plural through Qt; untranslated English "(s)" becomes the right form."""
    out = QCoreApplication.translate(context, text, None, n)
    if "(s)" in out:  # no translation loaded: make the English source read well
        out = out.replace("(s)", "" if n == 1 else "s")
    return out
