"""What the window shows when no design is open: new, from a template, open, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .core_adapters import TemplateInfo


class StartPage(QWidget):
    new_requested = Signal()
    template_requested = Signal(str)
    open_requested = Signal()
    recent_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("Org Designer"))
        font = title.font()
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            self.tr("Design departments, reporting lines and who owns each function.")
        )
        subtitle.setWordWrap(True)

        new_button = QPushButton(self.tr("New empty design"))
        new_button.clicked.connect(self.new_requested)
        open_button = QPushButton(self.tr("Open a design..."))
        open_button.clicked.connect(self.open_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(new_button)
        buttons.addWidget(open_button)
        buttons.addStretch()

        self.templates = QListWidget()
        self.templates.itemActivated.connect(
            lambda item: self.template_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.template_about = QLabel()
        self.template_about.setWordWrap(True)
        self.template_about.setMinimumHeight(60)
        self.template_about.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.templates.currentItemChanged.connect(
            lambda item, _old: self.template_about.setText(
                item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else ""
            )
        )
        self.template_button = QPushButton(self.tr("Create from template"))
        self.template_button.clicked.connect(self._on_template_button)
        self.recent = QListWidget()
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        )

        columns = QHBoxLayout()
        left = QVBoxLayout()
        self.templates_label = QLabel(self.tr("Start from a template"))
        left.addWidget(self.templates_label)
        left.addWidget(self.templates, 1)
        left.addWidget(self.template_about)
        left.addWidget(self.template_button)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Recent designs")))
        right.addWidget(self.recent)
        columns.addLayout(left)
        columns.addLayout(right)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addLayout(columns, 1)

    def set_templates(self, templates: list[TemplateInfo]) -> None:
        self.templates.clear()
        for info in templates:
            item = QListWidgetItem(info.title)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, info.description)
            item.setToolTip(info.description)
            self.templates.addItem(item)
        has = bool(templates)
        for widget in (
            self.templates,
            self.template_button,
            self.templates_label,
            self.template_about,
        ):
            widget.setVisible(has)
        if has:
            self.templates.setCurrentRow(0)

    def set_recent(self, files: list[Path]) -> None:
        self.recent.clear()
        for path in files:
            item = QListWidgetItem(f"{path.name}    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        if not files:
            item = QListWidgetItem(self.tr("No recent designs yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    def _on_template_button(self) -> None:
        item = self.templates.currentItem()
        if item is not None:
            self.template_requested.emit(item.data(Qt.ItemDataRole.UserRole))
