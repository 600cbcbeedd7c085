"""Edit > Preferences: the name colleagues see, instead of a login name such as "root".

The name goes into the lock ("正在由 王丽 编辑"), "saved by" and the PDF cover's
author line; empty means the system's full name.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from orgdesigner.lockfile import set_user_display_name, system_display_name

from ..settings import AppSettings


class PreferencesDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit(settings.user_name())
        self.name_edit.setPlaceholderText(system_display_name())
        self.name_edit.setMaxLength(100)
        form.addRow(self.tr("Your &name:"), self.name_edit)
        hint = QLabel(
            self.tr(
                "Colleagues see it when you have a design open, as who saved it, "
                "and as the author on the PDF cover."
            )
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.set_user_name(self.name_edit.text())
        self.settings.sync()
        apply_user_name(self.settings)
        super().accept()


def apply_user_name(settings: AppSettings) -> None:
    """Make the saved name the one locks and saves use (at start and after a change)."""
    set_user_display_name(settings.user_name())
