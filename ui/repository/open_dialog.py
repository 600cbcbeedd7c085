"""File > Open from Repository: server address, connection test, the designs, errors in one line."""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from orgdesigner.errors import OrgDesignerError
from orgdesigner.repository.connection import display_url
from ..error_text import error_text

URL_KEY = "repository/url"


def with_password(url: str, password: str) -> str:
    """The URL with the password typed in the dialog (never stored, never shown)."""
    if not password:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = quote(parts.username or "", safe="")
    return urlunsplit(parts._replace(netloc=f"{user}:{quote(password, safe='')}@{host}"))


class OpenRepositoryDialog(QDialog):
    """Pick a design in a repository; `chosen()` gives (url, name) after accept."""

    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self.setObjectName("open_repository_dialog")
        self.setWindowTitle(self.tr("Open from Repository"))
        self.settings = settings
        self.url = QLineEdit(str(settings.value(URL_KEY, "") or ""))
        self.url.setPlaceholderText(self.tr("postgresql://user@host:5432/dbname"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("(from PGPASSWORD or .pgpass if empty)"))
        self.connect_button = QPushButton(self.tr("&Connect"))
        self.designs = QListWidget()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Server address:"), self.url)
        form.addRow(self.tr("Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.connect_button)
        layout.addWidget(QLabel(self.tr("Designs:")))
        layout.addWidget(self.designs)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.connect_button.clicked.connect(self.test_connection)
        self.url.returnPressed.connect(self.test_connection)
        self.designs.currentItemChanged.connect(self._on_current)
        self.designs.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(560, 420)

    def full_url(self) -> str:
        return with_password(self.url.text().strip(), self.password.text())

    def test_connection(self) -> bool:
        """Connect, list the designs; on failure show the one-line reason."""
        from orgdesigner.repository import list_designs

        self.designs.clear()
        url = self.url.text().strip()
        if not url.lower().startswith(("postgresql://", "postgres://")):
            self._show_error(self.tr("Enter an address like postgresql://user@host:5432/dbname"))
            return False
        try:
            found = list_designs(self.full_url())
        except OrgDesignerError as exc:
            self._show_error(error_text(exc))
            return False
        self.settings.setValue(URL_KEY, display_url(url))  # never the password
        for d in found:
            item = QListWidgetItem(
                self.tr("{name}  (version {version}, {n} departments, {who})").format(
                    name=d["name"], version=d["version"], n=d["departments"], who=d["saved_by"]
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, d["name"])
            self.designs.addItem(item)
        self.message.setStyleSheet("color: #166534;")
        self.message.setText(
            self.tr("Connected: {n} design(s)").format(n=len(found))
            if found
            else self.tr(
                "Connected; the repository has no designs yet (push one with "
                "python -m orgdesigner repo push)"
            )
        )
        if found:
            self.designs.setCurrentRow(0)
        return True

    def _show_error(self, text: str) -> None:
        self.message.setStyleSheet("color: #b91c1c;")
        self.message.setText(text)

    def _on_current(self, current, _previous) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(current is not None)

    def chosen(self) -> tuple[str, str] | None:
        item = self.designs.currentItem()
        if item is None:
            return None
        return self.full_url(), item.data(Qt.ItemDataRole.UserRole)
