"""The part of the Properties dock for selected links: kind, label, direction.

Shown when the selection holds links and no departments. An edit that would
duplicate an existing link is refused with the reason, before anything is
pushed on the undo stack.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from orgdesigner.entities import Link, LinkKind
from orgdesigner.ops import Batch, Op, UpdateLink

from ..i18n import fill


def link_kind_label(kind: LinkKind) -> str:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {LinkKind.COLLABORATION: translate("LinkKind", "Collaboration"),
            LinkKind.COMMITTEE: translate("LinkKind", "Committee membership"),
            LinkKind.DOTTED: translate("LinkKind", "Dotted line")}[kind]


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
        self.kind_combo.activated.connect(lambda _i: self._commit("kind", LinkKind(self.kind_combo.currentData())))
        self.label_edit.editingFinished.connect(lambda: self._commit("label", self.label_edit.text()))
        self.directed_check.clicked.connect(lambda on: self._commit("directed", bool(on)))

    def selected(self) -> list[Link]:
        if self.ctx is None:
            return []
        links = self.ctx.design.links
        return [links[i] for i in self.ctx.selection.links if i in links]

    def refresh(self) -> None:
        links = self.selected()
        blockers = [QSignalBlocker(w) for w in (self.kind_combo, self.label_edit, self.directed_check)]
        try:
            deps = self.ctx.design.departments if self.ctx else {}
            if len(links) == 1:
                a, b = deps[links[0].source].name, deps[links[0].target].name
                self.ends.setText(fill(self.tr("Link: %1 — %2"), a, b))
            else:
                self.ends.setText(self.tr("%n links selected", "", len(links)))
            kinds = {l.kind for l in links}
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kinds.pop().value) if len(kinds) == 1 else -1)
            labels = {l.label for l in links}
            text = labels.pop() if len(labels) == 1 else ""
            if self.label_edit.text() != text:
                self.label_edit.setText(text)
            self.label_edit.setPlaceholderText("" if len({l.label for l in links}) <= 1 else self.tr("(several values)"))
            self.directed_check.setChecked(bool(links) and all(l.directed for l in links))
        finally:
            del blockers

    def _commit(self, field: str, value: Any) -> None:
        if self.ctx is None:
            return
        design = self.ctx.design
        ops: list[Op] = []
        for link in self.selected():
            if getattr(link, field) == value:
                continue
            candidate = link.copy()
            setattr(candidate, field, value)
            clash = design.find_link(candidate.source, candidate.target, candidate.kind, candidate.directed)
            if clash is not None and clash.id != link.id:
                a, b = design.departments[link.source].name, design.departments[link.target].name
                self.refused.emit(fill(self.tr("%1 and %2 already have such a link."), a, b))
                self.refresh()
                return
            ops.append(UpdateLink(link.id, {field: value}))
        if ops:
            text = self.tr("Edit link")
            self.ctx.push(ops[0] if len(ops) == 1 else Batch(ops, text), text)
