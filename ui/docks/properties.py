"""Properties dock: edit name, kind, leader, headcount, budget, colour and notes of the selection
(and a vacant leading post, a staff unit; a committee's chair and meeting cadence).

Each committed edit is one undo step (an `ops.Batch` of `UpdateDepartment`
when several departments are selected). Name and notes are per department,
so they are editable only when one department is selected; the other fields
apply to every selected department and show "(several values)" when they differ.
Model events refresh the widgets with their signals blocked: no feedback loop.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import events as ev
from orgdesigner.entities import Department, DeptKind
from orgdesigner.ops import Batch, Op, UpdateDepartment

from ..i18n import fill, kind_label
from .base import ContextDock, scrolling
from .link_properties import LinkEditor

MIXED = -1.0  # spin-box value meaning "the selected departments differ"


class NotesEdit(QPlainTextEdit):
    """A plain-text box that reports when the user leaves it (like QLineEdit.editingFinished)."""

    editing_finished = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.editing_finished.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ControlModifier:
            self.editing_finished.emit()
            return
        super().keyPressEvent(event)


class NumberSpinBox(QDoubleSpinBox):
    """Numbers as the UI's locale writes them, without trailing zeros: "30", "1,250.5", not "30.00"."""

    def __init__(self):
        super().__init__()
        self.setGroupSeparatorShown(True)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        text = self.locale().toString(value, "f", self.decimals())
        point = self.locale().decimalPoint()
        return text.rstrip("0").rstrip(point) if point in text else text


class PropertiesDock(ContextDock):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Properties"), "PropertiesDock", parent)
        body = QWidget()
        outer = QVBoxLayout(body)
        self.header = QLabel()
        self.header.setWordWrap(True)
        outer.addWidget(self.header)
        self.department_form = QWidget()
        form = QFormLayout(self.department_form)
        form.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.department_form)
        self.link_editor = LinkEditor()
        outer.addWidget(self.link_editor)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind")
        for kind in DeptKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.leader_edit = QLineEdit()
        self.leader_edit.setObjectName("leader")
        self.headcount_spin = self._spin("headcount", 1e9, 2)
        self.headcount_spin.setSuffix(self.tr(" people"))
        self.budget_spin = self._spin("budget", 1e15, 2)
        self.budget_spin.setPrefix(self.locale().currencySymbol() + " ")
        self.budget_spin.setGroupSeparatorShown(True)
        self.color_edit = QLineEdit()
        self.color_edit.setObjectName("color")
        self.color_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"#[0-9a-fA-F]{0,6}"))
        )
        self.color_button = QToolButton()
        self.color_button.setText("...")
        self.color_button.setToolTip(self.tr("Choose a colour"))
        color_row = QHBoxLayout()
        color_row.addWidget(self.color_edit, 1)
        color_row.addWidget(self.color_button)
        self.notes_edit = NotesEdit()
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        self.vacant_check = QCheckBox(self.tr("The leading post is &vacant"))
        self.vacant_check.setObjectName("vacant")
        self.staff_check = QCheckBox(self.tr("S&taff unit (drawn beside its manager)"))
        self.staff_check.setObjectName("staff")
        self.staff_check.setToolTip(
            self.tr(
                "A unit that assists its manager (an assistant, an office) rather than "
                "running a line of the business: charts place it in a column beside the "
                "manager, not in the row of line units"
            )
        )
        self.chair_edit = QLineEdit()
        self.chair_edit.setObjectName("chair")
        self.cadence_edit = QLineEdit()
        self.cadence_edit.setObjectName("cadence")
        self.cadence_edit.setPlaceholderText(self.tr("e.g. monthly"))

        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Leader:"), self.leader_edit)
        form.addRow("", self.vacant_check)
        form.addRow("", self.staff_check)
        # A committee's working rules (委员会定期召开会议): shown for committees only.
        form.addRow(self.tr("C&hair:"), self.chair_edit)
        form.addRow(self.tr("&Meets:"), self.cadence_edit)
        self.form = form
        form.addRow(self.tr("&Headcount:"), self.headcount_spin)
        form.addRow(self.tr("&Budget:"), self.budget_spin)
        color_label = QLabel(self.tr("&Colour:"))  # a row holding a layout gets no automatic buddy
        color_label.setBuddy(self.color_edit)
        form.addRow(color_label, color_row)
        form.addRow(self.tr("N&otes:"), self.notes_edit)
        self.kpi_label = (
            QLabel()
        )  # the KPIs this department owns or shares (edited in the KPIs tab)
        self.kpi_label.setObjectName("kpis")
        self.kpi_label.setWordWrap(True)
        form.addRow(self.tr("KPIs:"), self.kpi_label)
        self.message = QLabel()  # why an edit was refused
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        outer.addWidget(self.message)
        self.link_editor.refused.connect(self.message.setText)
        outer.addStretch(1)
        self.setWidget(scrolling(body))  # a laptop screen must not force the window taller
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(0)
        self.refresh_timer.timeout.connect(self._refresh)

        self.name_edit.editingFinished.connect(lambda: self._commit("name", self.name_edit.text()))
        self.leader_edit.editingFinished.connect(
            lambda: self._commit("leader", self.leader_edit.text())
        )
        self.kind_combo.activated.connect(
            lambda _i: self._commit("kind", DeptKind(self.kind_combo.currentData()))
        )
        self.headcount_spin.editingFinished.connect(
            lambda: self._commit_number("headcount", self.headcount_spin)
        )
        self.budget_spin.editingFinished.connect(
            lambda: self._commit_number("budget", self.budget_spin)
        )
        self.color_edit.editingFinished.connect(self._on_color_edited)
        self.color_button.clicked.connect(self._on_choose_color)
        self.notes_edit.editing_finished.connect(
            lambda: self._commit("notes", self.notes_edit.toPlainText())
        )
        self.vacant_check.clicked.connect(
            lambda _c: self._commit("vacant", self.vacant_check.checkState() != Qt.Unchecked)
        )
        self.staff_check.clicked.connect(
            lambda _c: self._commit("staff", self.staff_check.checkState() != Qt.Unchecked)
        )
        self.chair_edit.editingFinished.connect(
            lambda: self._commit("chair", self.chair_edit.text())
        )
        self.cadence_edit.editingFinished.connect(
            lambda: self._commit("cadence", self.cadence_edit.text())
        )
        self.set_context(None)

    def _spin(self, name: str, maximum: float, decimals: int) -> QDoubleSpinBox:
        spin = NumberSpinBox()
        spin.setObjectName(name)
        spin.setDecimals(decimals)
        spin.setRange(0, maximum)
        spin.setKeyboardTracking(False)
        return spin

    # ------------------------------------------------------------- reading
    def selected(self) -> list[Department]:
        if self.ctx is None:
            return []
        deps = self.ctx.design.departments
        return [deps[d] for d in self.ctx.selection.departments if d in deps]

    def _reload(self) -> None:
        self.link_editor.ctx = self.ctx
        self._refresh()

    def _on_read_only_changed(self) -> None:
        self._refresh()

    def _on_selection_changed(self) -> None:
        self.message.clear()
        self._refresh()

    def _on_model_event(self, event: ev.Event) -> None:
        if self.ctx is None:
            return
        selected = self.ctx.selection.departments
        if isinstance(event, (ev.LinkChanged, ev.LinkRemoved, ev.LinkAdded)):
            link_id = event.id if isinstance(event, ev.LinkChanged) else event.link.id
            if link_id in self.ctx.selection.links:
                self.refresh_timer.start()
            return
        if isinstance(event, (ev.KpiAdded, ev.KpiRemoved, ev.KpiChanged)):
            if selected:
                self.refresh_timer.start()
            return
        if isinstance(event, ev.DepartmentChanged):
            hit = event.id in selected
        elif isinstance(event, (ev.DepartmentRemoved, ev.DepartmentAdded)):
            hit = event.department.id in selected
        else:
            return
        if hit and len(selected) == 1:
            self._refresh()
        elif hit:
            self.refresh_timer.start()  # many selected: once after the burst (a Batch edit)

    def _refresh(self) -> None:
        """Show the selection's values; widget signals are blocked, so nothing is committed."""
        self.refresh_timer.stop()
        depts = self.selected()
        links_only = not depts and bool(self.link_editor.selected())
        self.department_form.setVisible(not links_only)
        self.link_editor.setVisible(links_only)
        if links_only:
            self.header.setText(self.tr("Collaboration link"))
            self.link_editor.setEnabled(not self.read_only)
            self.link_editor.refresh()
            return
        editors = (
            self.name_edit,
            self.kind_combo,
            self.leader_edit,
            self.headcount_spin,
            self.budget_spin,
            self.color_edit,
            self.color_button,
            self.notes_edit,
            self.vacant_check,
            self.staff_check,
            self.chair_edit,
            self.cadence_edit,
        )
        blockers = [QSignalBlocker(w) for w in editors]
        try:
            if not depts:
                self.header.setText(self.tr("Select a department to edit it."))
            elif len(depts) == 1:
                self.header.setText(fill(self.tr("Department: %1"), depts[0].name))
            else:
                self.header.setText(self.tr("%n departments selected", "", len(depts)))
            editable = bool(depts) and not self.read_only
            for w in editors:
                w.setEnabled(editable)
            single = len(depts) == 1
            self.name_edit.setEnabled(single and editable)
            self.notes_edit.setEnabled(single and editable)
            self._set_text(self.name_edit, depts[0].name if single else "")
            self._set_notes(depts[0].notes if single else "")
            self._set_text(self.leader_edit, self._common(depts, "leader", ""))
            self.leader_edit.setPlaceholderText(self._mixed_hint(depts, "leader"))
            kind = self._common(depts, "kind", None)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value) if kind else -1)
            self._set_number(
                self.headcount_spin, self._common(depts, "headcount", MIXED) if depts else 0.0
            )
            self._set_number(
                self.budget_spin, self._common(depts, "budget", MIXED) if depts else 0.0
            )
            color = self._common(depts, "color", "")
            self._set_text(self.color_edit, color)
            self.color_edit.setPlaceholderText(self._mixed_hint(depts, "color"))
            self.color_button.setStyleSheet(f"background-color: {color}" if color else "")
            self._set_flag(self.vacant_check, depts, "vacant")
            self._set_flag(self.staff_check, depts, "staff")
            self.kpi_label.setText(self._kpi_text(depts[0].id) if single else "")
            committees = bool(depts) and all(d.kind is DeptKind.COMMITTEE for d in depts)
            for edit in (self.chair_edit, self.cadence_edit):
                self.form.setRowVisible(edit, committees)
            if committees:
                self._set_text(self.chair_edit, self._common(depts, "chair", ""))
                self.chair_edit.setPlaceholderText(self._mixed_hint(depts, "chair"))
                self._set_text(self.cadence_edit, self._common(depts, "cadence", ""))
        finally:
            del blockers

    def _kpi_text(self, dept_id: str) -> str:
        """The KPIs a department owns, then those it shares: 考核指标 belong to someone."""
        kpis = self.ctx.design.kpis.values() if self.ctx else ()
        owned = [k.name for k in kpis if k.owner == dept_id]
        shared = [k.name for k in kpis if dept_id in k.shared and k.owner != dept_id]
        parts = []
        if owned:
            parts.append(fill(self.tr("owns %1"), ", ".join(owned)))
        if shared:
            parts.append(fill(self.tr("shares %1"), ", ".join(shared)))
        return "; ".join(parts) or self.tr("none")

    @staticmethod
    def _common(depts: list[Department], field: str, mixed: Any) -> Any:
        values = {getattr(d, field) for d in depts}
        return values.pop() if len(values) == 1 else mixed

    def _mixed_hint(self, depts: list[Department], field: str) -> str:
        return self.tr("(several values)") if len({getattr(d, field) for d in depts}) > 1 else ""

    def _set_flag(self, check: QCheckBox, depts: list[Department], field: str) -> None:
        value = self._common(depts, field, None)
        check.setTristate(bool(depts) and value is None)  # a click then sets all
        check.setCheckState(
            Qt.PartiallyChecked
            if depts and value is None
            else Qt.Checked
            if value
            else Qt.Unchecked
        )

    @staticmethod
    def _set_text(edit: QLineEdit, text: str) -> None:
        if edit.text() != text:  # keep the cursor where it is when nothing changed
            edit.setText(text)

    def _set_notes(self, text: str) -> None:
        if self.notes_edit.toPlainText() != text:
            self.notes_edit.setPlainText(text)

    def _set_number(self, spin: QDoubleSpinBox, value: float) -> None:
        # Qt shows the special text whenever the value is the minimum, so it is
        # set only in the mixed state: a single department with 0 shows "0".
        mixed = value == MIXED
        spin.setSpecialValueText(self.tr("(several values)") if mixed else "")
        spin.setMinimum(MIXED if mixed else 0.0)
        spin.setValue(value)

    # ------------------------------------------------------------- editing
    def _commit_number(self, field: str, spin: QDoubleSpinBox) -> None:
        if spin.value() >= 0:
            self._commit(field, spin.value())

    def _on_color_edited(self) -> None:
        text = self.color_edit.text().strip()
        if len(text) == 7:
            self._commit("color", text.lower())
        elif text:
            self.message.setText(self.tr("A colour is written #rrggbb, for example #4472c4."))

    def _on_choose_color(self) -> None:
        depts = self.selected()
        if not depts:
            return
        color = QColorDialog.getColor(QColor(depts[0].color), self, self.tr("Department colour"))
        if color.isValid():
            self._commit("color", color.name())

    def _commit(self, field: str, value: Any) -> None:
        """One undo step setting `field` on every selected department that differs."""
        if self.ctx is None or self.read_only:
            return
        depts = self.selected()
        if field in ("name", "notes") and len(depts) != 1:
            return
        self.message.clear()
        ops: list[Op] = [
            UpdateDepartment(d.id, {field: value}) for d in depts if getattr(d, field) != value
        ]
        if not ops:
            return
        text = self._undo_text(field, depts)
        reason = self.ctx.apply(ops[0] if len(ops) == 1 else Batch(ops, text), text)
        if reason:
            self.message.setText(reason)
            self._refresh()

    def _undo_text(self, field: str, depts: list[Department]) -> str:
        names = {
            "name": self.tr("Rename department"),
            "kind": self.tr("Change kind"),
            "leader": self.tr("Change leader"),
            "headcount": self.tr("Change headcount"),
            "budget": self.tr("Change budget"),
            "color": self.tr("Change colour"),
            "notes": self.tr("Edit notes"),
            "vacant": self.tr("Mark post vacant"),
            "staff": self.tr("Mark staff unit"),
            "chair": self.tr("Change chair"),
            "cadence": self.tr("Change meeting cadence"),
        }
        return names[field]
