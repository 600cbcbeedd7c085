"""The Changes dock: what the shown scenario changes against a base, and the totals.

"Compare with" picks the base (another scenario of the file, or another
file); the list groups every change by kind like `compare` on the command
line; clicking a change selects its department or link on the canvas.
The window's `ScenarioUi` computes the comparison; this dock only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.compare import Comparison
from orgdesigner.compare_text import CHANGE_FILLS, describe, heading, total_label

from .base import ContextDock

OTHER_FILE = "\x00file"
NO_BASE = "\x00none"
ID_ROLE = Qt.ItemDataRole.UserRole


class ChangesDock(ContextDock):
    focus_requested = Signal(list)  # ids to select and centre
    function_focus_requested = Signal(list)  # function ids for the Functions & owners dock
    base_chosen = Signal(str)  # a scenario name, OTHER_FILE or NO_BASE

    def __init__(self, parent=None):
        super().__init__(self.tr("Changes"), "changes_dock", parent)
        body = QWidget()
        layout = QVBoxLayout(body)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Compare with:")))
        self.base_combo = QComboBox()
        self.base_combo.setObjectName("compare_base")
        row.addWidget(self.base_combo, 1)
        layout.addLayout(row)
        self.totals = QLabel()
        self.totals.setObjectName("compare_totals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.totals)
        self.tree = QTreeWidget()
        self.tree.setObjectName("changes_list")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        self.language = "zh"
        self.base_combo.activated.connect(
            lambda i: self.base_chosen.emit(self.base_combo.itemData(i))
        )
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.show_result(None)

    def set_choices(self, names: list[str], shown: str) -> None:
        """The scenarios a user can compare the shown one with."""
        current = self.base_combo.currentData()
        self.base_combo.blockSignals(True)
        self.base_combo.clear()
        self.base_combo.addItem(self.tr("(nothing: Compare off)"), NO_BASE)
        for name in names:
            if name != shown:
                self.base_combo.addItem(self.tr("Scenario {name}").format(name=name), name)
        self.base_combo.addItem(self.tr("Another file…"), OTHER_FILE)
        index = self.base_combo.findData(current)
        self.base_combo.setCurrentIndex(max(index, 0))
        self.base_combo.blockSignals(False)

    def show_base(self, name: str | None) -> None:
        index = self.base_combo.findData(name) if name else 0
        if index >= 0:
            self.base_combo.setCurrentIndex(index)

    def show_result(self, result: Comparison | None, base_label: str = "") -> None:
        self.tree.clear()
        if result is None:
            self.totals.setText(
                self.tr("Choose a scenario or a file to compare the shown scenario with.")
            )
            return
        lang = "en" if result.target.language == "en" else "zh"
        self.language = lang
        rows = "".join(
            f"<tr><td>{total_label(key, lang)}</td><td align=right>{_num(pair['from'])}</td>"
            f"<td>→</td><td align=right>{_num(pair['to'])}</td></tr>"
            for key, pair in result.totals.items()
        )
        found = self.tr("Findings resolved: {r} · introduced: {i}").format(
            r=len(result.resolved), i=len(result.introduced)
        )
        self.totals.setText(f"<b>{base_label}</b><table>{rows}</table>{found}")
        if not result.changes:
            QTreeWidgetItem(self.tree, [self.tr("No changes")])
            return
        for kind, changes in result.by_kind().items():
            group = QTreeWidgetItem(self.tree, [f"{heading(kind, lang)} ({len(changes)})"])
            fill = CHANGE_FILLS.get(kind)
            if fill:
                group.setBackground(0, QBrush(QColor(fill)))
            for change in changes:
                item = QTreeWidgetItem(group, [describe(change, lang)])
                item.setData(0, ID_ROLE, change.object)
                item.setToolTip(0, describe(change, lang))
            group.setExpanded(True)

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        obj = item.data(0, ID_ROLE)
        if not obj or self.ctx is None:
            return
        design = self.ctx.design
        if obj in design.departments or obj in design.links:
            self.focus_requested.emit([obj])
        elif obj in design.functions:
            self.function_focus_requested.emit([obj])


def _num(value) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
