"""The part of the Properties dock for selected links: kind, label, direction.

Shown when the selection holds links and no departments. An edit the model
refuses (it would duplicate a link) shows the model's reason; nothing is
pushed on the undo stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from orgdesigner.entities import Link, LinkKind
from orgdesigner.ops import Batch, Op, UpdateLink

from ..i18n import fill, link_kind_label


class LinkEditor(QWidget):
    refused = Signal(str)  # why an edit was not made

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = None
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.ends = QLabel()
        self.ends.setWordWrap(True)
        self.kind_combo = QComboBox()
        for kind in LinkKind:
            self.kind_combo.addItem(link_kind_label(kind), kind.value)
        self.label_edit = QLineEdit()
        self.directed_check = QCheckBox(self.tr("Has a direction (arrow)"))
        form.addRow(self.ends)
        form.addRow(self.tr("Link &kind:"), self.kind_combo)
        form.addRow(self.tr("&Label:"), self.label_edit)
        form.addRow(self.directed_check)
        self.kind_combo.activated.connect(
            lambda _i: self._commit("kind", LinkKind(self.kind_combo.currentData()))
        )
        self.label_edit.editingFinished.connect(
            lambda: self._commit("label", self.label_edit.text())
        )
        self.directed_check.clicked.connect(lambda on: self._commit("directed", bool(on)))

    def selected(self) -> list[Link]:
        if self.ctx is None:
            return []
        links = self.ctx.design.links
        return [links[i] for i in self.ctx.selection.links if i in links]

    def refresh(self) -> None:
        links = self.selected()
        blockers = [
            QSignalBlocker(w) for w in (self.kind_combo, self.label_edit, self.directed_check)
        ]
        try:
            deps = self.ctx.design.departments if self.ctx else {}
            if len(links) == 1:
                a, b = deps[links[0].source].name, deps[links[0].target].name
                self.ends.setText(fill(self.tr("Link: %1 — %2"), a, b))
            else:
                self.ends.setText(self.tr("%n links selected", "", len(links)))
            kinds = {l.kind for l in links}
            self.kind_combo.setCurrentIndex(
                self.kind_combo.findData(kinds.pop().value) if len(kinds) == 1 else -1
            )
            labels = {l.label for l in links}
            text = labels.pop() if len(labels) == 1 else ""
            if self.label_edit.text() != text:
                self.label_edit.setText(text)
            self.label_edit.setPlaceholderText(
                "" if len({l.label for l in links}) <= 1 else self.tr("(several values)")
            )
            self.directed_check.setChecked(bool(links) and all(l.directed for l in links))
        finally:
            del blockers

    def _commit(self, field: str, value: Any) -> None:
        """One undo step setting `field` on every selected link that differs; the model
        judges duplicates (two selected links between one pair set to one kind, say)."""
        if self.ctx is None:
            return
        ops: list[Op] = [
            UpdateLink(link.id, {field: value})
            for link in self.selected()
            if getattr(link, field) != value
        ]
        if not ops:
            return
        text = self.tr("Edit link")
        reason = self.ctx.apply(ops[0] if len(ops) == 1 else Batch(ops, text), text)
        if reason:
            self.refused.emit(reason)
            self.refresh()
