"""The bar above a new design's chart: type its name at once (title, file name, PDF cover).

A template arrives named after its organisation form ("中大型企业市场部方案"); a
new user should make it theirs ("华东区营销中心 2027 方案") before the first save,
without a modal question in the way. Enter names the design (one undo step),
Esc or the close button keeps the proposed name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class DesignNameBar(QWidget):
    def __init__(self, on_name: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.on_name = on_name
        self.setObjectName("design_name_bar")
        self.setStyleSheet("#design_name_bar { background: #e0f2fe; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self.tr("Name this design:"))
        self.edit = QLineEdit()
        self.edit.setMaxLength(200)
        self.edit.setPlaceholderText(self.tr("for example: East China marketing structure 2027"))
        self.label.setBuddy(self.edit)
        hint = QLabel(
            self.tr("Enter keeps it; it is used in the title, the file name and the PDF.")
        )
        hint.setStyleSheet("color: #475569;")
        close = QToolButton()
        close.setText("×")
        close.setToolTip(self.tr("Keep the proposed name"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(hint)
        layout.addWidget(close)
        self.edit.returnPressed.connect(self._on_return)
        self.hide()

    def ask(self, current: str) -> None:
        """Show with the proposed name selected, so typing replaces it."""
        self.edit.setText(current)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def _on_return(self) -> None:
        name = " ".join(self.edit.text().split())
        self.hide()
        if name:
            self.on_name(name)
