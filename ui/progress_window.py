"""A window-modal progress dialog for any long operation that reports through `orgdesigner.progress`.

The core and the UI report with `progress.step(stage, done, total)`; an
instance of `ProgressWindow` is the callback. It shows a QProgressDialog once
the operation takes longer than SHOW_AFTER, keeps the window painting while
the work runs in the GUI thread (it processes events at most every
EVENTS_EVERY seconds), and raises `Cancelled` at the next report after the
user pressed Cancel. A stage in FINAL (or a window made with
`cancellable=False`: closing, checking) has no Cancel button: past the point
of no return the dialog still repaints, it only no longer offers to stop.

Subclasses say what each stage is called (`text`) and how much of the bar it
takes (SPANS); a stage missing from SPANS shows a busy bar.
"""

from __future__ import annotations

import time
from contextlib import AbstractContextManager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from orgdesigner import progress
from orgdesigner.progress import Cancelled

from .i18n import tr

STEPS = 1000  # the bar's resolution


class ProgressWindow:
    """Callable progress of one operation; a context manager that closes its dialog."""

    SHOW_AFTER = 0.5  # seconds: a quick operation shows no dialog at all
    EVENTS_EVERY = 0.05  # seconds between two rounds of event processing
    OBJECT_NAME = "progress"
    SPANS: dict[str, tuple[int, int]] = {}  # stage -> its part of the bar (start, end)
    FINAL: frozenset[str] = frozenset()  # stages after which the operation cannot be cancelled

    def __init__(self, parent: QWidget, title: str, *, cancellable: bool = True):
        self.parent = parent
        self.title = title
        self.cancellable = cancellable
        self.dialog: QProgressDialog | None = None
        self.stage = ""
        self._started = time.monotonic()
        self._events = 0.0
        self._past_final = False

    def text(self, stage: str) -> str:
        """What the dialog says the operation is doing in `stage`."""
        return tr("Working...")

    def __enter__(self) -> ProgressWindow:
        self._started = time.monotonic()
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def reporting(self) -> AbstractContextManager[None]:
        """Report what runs in the `with` block to this dialog."""
        return progress.reporting(self)

    def show_now(self) -> None:
        """Show the dialog at once (before work that cannot report, such as one long Qt call)."""
        self._started -= self.SHOW_AFTER
        self(self.stage or "", 0, 0)

    def close(self) -> None:
        """Hide the dialog (before a question, or at the end); a later report shows it again."""
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self._started = time.monotonic()

    @property
    def can_cancel(self) -> bool:
        return self.cancellable and not self._past_final

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage in self.FINAL:
            self._past_final = True
        if self.dialog is None:
            if now - self._started < self.SHOW_AFTER:
                return
            self.dialog = self._make()
        elif self._past_final and self.dialog.findChild(QPushButton) is not None:
            self.dialog.setCancelButton(None)  # past the point of no return: no Cancel any more
        changed = stage != self.stage and not (self._past_final and stage not in self.FINAL)
        if changed:
            self.stage = stage  # after FINAL, reports of other stages only keep it painting
            self.dialog.setLabelText(self.text(stage))
        if changed or now - self._events >= self.EVENTS_EVERY:
            self._events = now
            # Only now: a modal QProgressDialog processes events in every setValue, so setting
            # it at each report (hundreds in an open) repainted far more often than this.
            self._show_value(stage, done, total)
            QApplication.processEvents()  # repaint; window-modal: the window takes no input
        if self.can_cancel and self.dialog.wasCanceled():
            raise Cancelled()

    def _show_value(self, stage: str, done: int, total: int) -> None:
        assert self.dialog is not None
        if self._past_final:  # no count for showing: a moving bar says it is still alive
            self.dialog.setRange(0, 0)
            return
        span = self.SPANS.get(stage)
        if span is None and total <= 0:
            self.dialog.setRange(0, 0)  # busy: a moving bar without a count
            return
        start, end = span or (0, STEPS)
        share = min(1.0, done / total) if total > 0 else 0.0
        self.dialog.setRange(0, STEPS)
        self.dialog.setValue(int(start + (end - start) * share))

    def _make(self) -> QProgressDialog:
        dialog = QProgressDialog(self.parent)
        dialog.setObjectName(self.OBJECT_NAME)
        dialog.setWindowTitle(self.title)
        if self.can_cancel:
            dialog.setCancelButtonText(tr("Cancel"))
        else:
            dialog.setCancelButton(None)
        dialog.setRange(0, STEPS)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)  # no edits meanwhile
        dialog.setMinimumWidth(380)
        dialog.setLabelText(self.text(self.stage))
        dialog.show()
        QApplication.processEvents()
        return dialog
