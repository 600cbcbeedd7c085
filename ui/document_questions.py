"""The questions the document life cycle asks: one message box each, with named choices.

A base of `DocumentController`; each `ask_*` returns the key of the chosen
button ("cancel" on Escape), so tests can answer them by replacing the method.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from orgdesigner.errors import OrgDesignerError

from .document_io import ChangedByOthers, LockedByOther
from .error_text import error_text
from .i18n import tr


class DocumentQuestions:
    widget: QWidget  # the parent of the message boxes

    def ask_choice(
        self, title: str, text: str, choices: list[tuple[str, str]], icon=QMessageBox.Icon.Warning
    ) -> str:
        """A message box with named buttons; returns the chosen key ("cancel" on Escape)."""
        box = QMessageBox(icon, title, text, parent=self.widget)
        buttons = {}
        for key, label in choices:
            role = (
                QMessageBox.ButtonRole.RejectRole
                if key == "cancel"
                else QMessageBox.ButtonRole.AcceptRole
            )
            buttons[box.addButton(label, role)] = key
        box.exec()
        return buttons.get(box.clickedButton(), "cancel")

    def ask_locked(self, error: LockedByOther) -> str:
        choices = [("read_only", tr("Open Read-Only")), ("copy", tr("Open a Copy"))]
        if error.stale:
            choices.append(("break", tr("Break the Lock")))
        choices.append(("cancel", tr("Cancel")))
        return self.ask_choice(tr("Design in use"), self.locked_text(error), choices)

    def locked_text(self, error: LockedByOther) -> str:
        """The lock in the UI's language, from the error's facts (the core's text is English)."""
        owner = error.owner
        if owner is None:
            text = tr("{file} is being edited by someone else.").format(file=error.path.name)
        else:
            opened = QLocale().toString(
                QDateTime.fromString(owner.opened_at, Qt.DateFormat.ISODate).toLocalTime(),
                QLocale.FormatType.ShortFormat,
            )
            text = tr("{file} is being edited by {user} on {host} since {when}.").format(
                file=error.path.name, user=owner.user, host=owner.host, when=opened
            )
        if error.stale:  # the translation decides the space between sentences (none in Chinese)
            text = tr("{sentence} The lock looks abandoned.").format(sentence=text)
        return text

    def changed_text(self, error: ChangedByOthers) -> str:
        if error.missing:
            text = tr("{file} was moved or deleted since you opened it.")
        elif error.saved_by:
            text = tr("{file} was saved by {user} since you opened it.")
        else:
            text = tr("{file} was changed since you opened it.")
        return (
            text.format(file=error.path.name, user=error.saved_by)
            + " "
            + tr("Save under another name, or overwrite it explicitly.")
        )

    def ask_changed(self, error: ChangedByOthers) -> str:
        return self.ask_choice(
            tr("Changed by someone else"),
            self.changed_text(error),
            [
                ("save_as", tr("Save As...")),
                ("overwrite", tr("Overwrite Anyway")),
                ("cancel", tr("Cancel")),
            ],
        )

    def ask_failed(self, error: OrgDesignerError) -> str:
        return self.ask_choice(
            tr("Cannot save"),
            error_text(error),
            [
                ("retry", tr("Retry")),
                ("save_as", tr("Save As...")),
                ("cancel", tr("Cancel")),
            ],
        )

    def ask_recover(self, message: str) -> str:
        return self.ask_choice(
            tr("Recover unsaved work"),
            message,
            [
                ("recover", tr("Recover")),
                ("discard", tr("Discard")),
                ("cancel", tr("Later")),
            ],
            QMessageBox.Icon.Question,
        )

    def _error(self, title: str, error: Exception) -> None:
        QMessageBox.warning(self.widget, title, error_text(error))
