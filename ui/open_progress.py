"""The progress dialog of a long open: what is happening, how far, and Cancel.

An `orgdesigner.progress` callback (`ui.progress_window`): the core (reading,
checking, the working copy) and the canvas (building the chart) report to
it; once the design is being shown ("showing") the Cancel button goes, and
the dialog keeps repainting until the design is on screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .i18n import tr
from .progress_window import STEPS, ProgressWindow

# Each stage's share of the bar (start, end), roughly as long as it takes at 100,000 departments.
SPANS = {
    "read": (0, 150),
    "departments": (150, 500),
    "working_copy": (500, 600),
    "chart": (600, STEPS),
}


def stage_text(stage: str) -> str:
    """What the dialog says the open is doing now."""
    texts = {
        "read": tr("Reading and checking the file..."),
        "departments": tr("Reading the departments..."),
        "working_copy": tr("Preparing the working copy..."),
        "chart": tr("Drawing the chart..."),
        "showing": tr("Showing the design..."),
    }
    return texts.get(stage, tr("Opening..."))


class OpenProgress(ProgressWindow):
    """Callable progress for one open; a context manager that closes its dialog."""

    OBJECT_NAME = "open_progress"
    SPANS = SPANS
    FINAL = frozenset({"showing"})  # the design replaces the old one now: too late to cancel

    def __init__(self, parent: QWidget, name: str = ""):
        super().__init__(parent, tr("Opening {name}").format(name=name) if name else tr("Opening"))
        self.name = name

    def text(self, stage: str) -> str:
        return stage_text(stage)


class CloseProgress(ProgressWindow):
    """A busy dialog while a big design is taken down (no Cancel: closing always finishes)."""

    OBJECT_NAME = "close_progress"

    def __init__(self, parent: QWidget, name: str = ""):
        super().__init__(
            parent,
            tr("Closing {name}").format(name=name) if name else tr("Closing"),
            cancellable=False,
        )

    def text(self, stage: str) -> str:
        return tr("Closing the design...")
