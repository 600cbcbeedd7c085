"""The progress dialog of a long open: what is happening, how far, and Cancel.

An `orgdesigner.progress` callback: the core (reading, checking, the working
copy) and the canvas (building the chart) report to it. It shows a
window-modal QProgressDialog once an open takes longer than SHOW_AFTER, keeps
the window painting while the work runs in the GUI thread, and raises
`Cancelled` at the next report after the user pressed Cancel.
"""

from __future__ import annotations

import time
from contextlib import AbstractContextManager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from orgdesigner import progress
from orgdesigner.progress import Cancelled

from .i18n import tr

STEPS = 1000  # the bar's resolution
# Each stage's share of the bar (start, end), roughly as long as it takes at 100,000 departments.
SPANS = {
    "read": (0, 150),
    "departments": (150, 500),
    "working_copy": (500, 600),
    "chart": (600, STEPS),
    "showing": (STEPS, STEPS),  # past the point of no return: no Cancel any more
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


class OpenProgress:
    """Callable progress for one open; a context manager that closes its dialog."""

    SHOW_AFTER = 0.5  # seconds: a quick open shows no dialog at all
    EVENTS_EVERY = 0.05  # seconds between two rounds of event processing

    def __init__(self, parent: QWidget, name: str = ""):
        self.parent = parent
        self.name = name
        self.dialog: QProgressDialog | None = None
        self.stage = ""
        self._started = time.monotonic()
        self._events = 0.0

    def __enter__(self) -> OpenProgress:
        self._started = time.monotonic()
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def reporting(self) -> AbstractContextManager[None]:
        """Report what runs in the `with` block (e.g. the canvas) to this dialog."""
        return progress.reporting(self)

    def close(self) -> None:
        """Hide the dialog (before a question, or at the end); a later report shows it again."""
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self._started = time.monotonic()

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if self.dialog is None:
            if now - self._started < self.SHOW_AFTER:
                return
            self.dialog = self._make()
        if stage != self.stage:
            self.stage = stage
            self.dialog.setLabelText(stage_text(stage))
            if stage == "showing":  # the design replaces the old one now: too late to cancel
                self.dialog.setCancelButton(None)
                self.dialog.setValue(STEPS)
                QApplication.processEvents()
                return
        start, end = SPANS.get(stage, (0, STEPS))
        share = min(1.0, done / total) if total > 0 else 0.0
        self.dialog.setValue(int(start + (end - start) * share))
        if now - self._events >= self.EVENTS_EVERY:
            self._events = now
            QApplication.processEvents()
        if self.dialog.wasCanceled() and self.stage != "showing":
            raise Cancelled()

    def _make(self) -> QProgressDialog:
        dialog = QProgressDialog(self.parent)
        dialog.setObjectName("open_progress")
        dialog.setWindowTitle(
            tr("Opening {name}").format(name=self.name) if self.name else tr("Opening")
        )
        dialog.setCancelButtonText(tr("Cancel"))
        dialog.setRange(0, STEPS)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)  # no edits while it opens
        dialog.setMinimumWidth(380)
        dialog.show()
        QApplication.processEvents()
        return dialog
