"""A design open from a repository, kept live: others' edits arrive, ours go out.

Edits take the editor's ordinary path (gesture -> op -> undo stack -> model
event); the core `LiveSession` listens to the model and commits each change
at once. A timer polls the session (LISTEN/NOTIFY wakes it), so others' edits
appear within a second through the same model events. A lost connection
makes the design read-only with a banner; unsent edits are kept and sent when
it returns. A refused edit is shown in the banner and the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from orgdesigner.design import Design
from orgdesigner.errors import OrgDesignerError
from orgdesigner.formats import write_design
from orgdesigner.repository.connection import display_url
from orgdesigner.repository.live import LiveSession
from ..error_text import error_text

POLL_MS = 250
PRESENCE_MS = 5000


def tr(text: str) -> str:
    return QCoreApplication.translate("repository", text)


class RepositoryDesign(QObject):
    """What the main window holds for a repository design (duck-types OpenDesign)."""

    is_repository = True
    path = None
    recovered = False
    problem = ""

    def __init__(self, session: LiveSession, window: Any):  # the MainWindow (no import: a circle)
        super().__init__(window)
        self.session = session
        self.window = window
        self.document = self  # document_io.close_design(doc) calls doc.document.close()
        self.last_conflict = ""
        self.presence = QLabel()
        self.presence.setObjectName("repository_presence")
        window.statusBar().addPermanentWidget(self.presence)
        session.on_conflict = self._on_conflict
        session.on_status = self._on_status
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()
        self._notifier: QSocketNotifier | None = None
        self._watch_socket()
        self._presence_timer = QTimer(self)
        self._presence_timer.setInterval(PRESENCE_MS)
        self._presence_timer.timeout.connect(self._update_presence)
        self._presence_timer.start()
        self._update_presence()
        if session.recovered:  # after the window has installed the design and its banner
            QTimer.singleShot(0, self._show_recovered)

    # ------------------------------------------------------- OpenDesign's face
    @property
    def design(self) -> Design:
        return self.session.design

    @property
    def title(self) -> str:
        return f"{self.session.ref.name} @ {display_url(self.session.ref.url)}"

    @property
    def read_only(self) -> bool:
        return not self.session.online

    @property
    def read_only_reason(self) -> str:
        if self.session.online:
            return ""
        return tr(
            "the connection to the repository was lost ({reason}); {n} unsent edit(s) are "
            "kept and will be sent when it returns"
        ).format(reason=self.session.offline_reason, n=len(self.session.pending))

    def save_in_window(self) -> bool:
        """File > Save: nothing to do when every edit is stored; False while some wait
        (so closing the window asks again instead of dropping them)."""
        if self.session.pending:
            self.window.show_message(
                tr("{n} edit(s) wait for the connection to the repository").format(
                    n=len(self.session.pending)
                )
            )
            return False
        self.window.show_message(tr("Every edit is already stored in the repository"))
        return True

    def save_copy_in_window(self) -> bool:
        """File > Save As: write a `.db` copy of the design as it is now; it stays live here."""
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            tr("Save a copy as"),
            (self.design.name or "design") + ".db",
            tr("Design files (*.db)"),
        )
        if not name:
            return False
        path = Path(name) if name.lower().endswith(".db") else Path(name + ".db")
        try:
            write_design(self.design, path)
        except OrgDesignerError as exc:
            QMessageBox.warning(self.window, tr("Cannot save a copy"), error_text(exc))
            return False
        self.window.show_message(tr("Saved a copy as {name}").format(name=path.name))
        return True

    def close(self) -> None:
        self._timer.stop()
        self._presence_timer.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self.session.close()
        self.window.statusBar().removeWidget(self.presence)
        self.presence.deleteLater()

    def _show_recovered(self) -> None:
        text = tr("{n} edit(s) your last session could not send were sent now.").format(
            n=self.session.recovered
        )
        if self.session.conflicts:
            text += " " + " ".join(self.session.conflicts)
        self.window.banner.setText(text)
        self.window.banner.show()

    # ------------------------------------------------------------------ live
    def _watch_socket(self) -> None:
        """Wake on NOTIFY at once instead of waiting for the next tick."""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        fd = self.session.listener_socket()
        if fd is not None:
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._on_tick)

    def _on_tick(self, *_args) -> None:
        was_online = self.session.online
        self.session.poll(0)
        if self.session.online and not was_online:
            self._watch_socket()
        stack = self.window.ctx.undo_stack
        if self.session.online and not self.session.pending and not stack.isClean():
            stack.setClean()  # stored in the repository: nothing to save

    def _on_conflict(self, message: str) -> None:
        self.last_conflict = message
        self.window.banner.setText(message)
        self.window.banner.show()
        self.window.show_message(message)

    def _on_status(self, online: bool, reason: str) -> None:
        w = self.window
        w._apply_read_only()
        if online:
            w.banner.hide()
            w.show_message(tr("Connected to the repository again; unsent edits were sent"))
        else:
            w.banner.setText(tr("Read-only: {reason}.").format(reason=self.read_only_reason))
            w.banner.show()
        w._update_title()
        w._update_actions()

    def _update_presence(self) -> None:
        others = self.session.others()
        if not self.session.online:
            self.presence.setText(tr("Offline"))
        elif others:
            self.presence.setText(tr("Also editing: {names}").format(names=", ".join(others)))
        else:
            self.presence.setText(tr("Only you are editing"))
