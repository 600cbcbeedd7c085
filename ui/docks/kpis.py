"""KPI dock (考核指标): the design's KPIs, who owns each, who shares it, what it measures.

The seed asks for KPIs that move from single-department results to customer lifetime value,
satisfaction and cross-department success, with budgets tied to clear measures. The list
shows every KPI; the form below edits the current one. Each committed edit is one undo step
(`ops.UpdateKpi`); adding from the catalogue takes the seed's KPIs with the design's
functions ticked. Model events rebuild the view with a zero-delay timer, once per burst.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import events as ev
from orgdesigner.catalogue import load_catalogue
from orgdesigner.display import default_name
from orgdesigner.entities import Kpi
from orgdesigner.ops import AddKpi, RemoveKpi, UpdateDesign, UpdateKpi
from orgdesigner.validator.settings import BRAND_BUDGET, PERFORMANCE_BUDGET, amount_setting

from .base import ContextDock, scrolling

_REBUILD_EVENTS = (
    ev.KpiAdded,
    ev.KpiRemoved,
    ev.KpiChanged,
    ev.DepartmentAdded,
    ev.DepartmentRemoved,
    ev.FunctionAdded,
    ev.FunctionRemoved,
    ev.FunctionChanged,
)


class KpisDock(ContextDock):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("KPIs"), "KpisDock", parent)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("KPI"),
                self.tr("Unit"),
                self.tr("Owner"),
                self.tr("Shared with"),
                self.tr("Measures"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 3)

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("kpi_name")
        self.unit_edit = QLineEdit()
        self.unit_edit.setObjectName("kpi_unit")
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("kpi_owner")
        self.shared_list = QListWidget()
        self.shared_list.setObjectName("kpi_shared")
        self.functions_list = QListWidget()
        self.functions_list.setObjectName("kpi_functions")
        lists = QHBoxLayout()
        for title, widget in (
            (self.tr("Shared with:"), self.shared_list),
            (self.tr("Measures:"), self.functions_list),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget)
            lists.addLayout(column)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Unit:"), self.unit_edit)
        form.addRow(self.tr("&Owner:"), self.owner_combo)
        form.addRow(lists)
        self.form_widget = form_widget
        layout.addWidget(form_widget, 2)

        # 品牌广告投入 / 效果营销投入…不可偏废: the marketing budget's two sides.
        split = QHBoxLayout()
        self.brand_budget = self._budget_spin("brand_budget")
        self.performance_budget = self._budget_spin("performance_budget")
        split.addWidget(QLabel(self.tr("Marketing budget: brand")))
        split.addWidget(self.brand_budget)
        split.addWidget(QLabel(self.tr("performance")))
        split.addWidget(self.performance_budget)
        layout.addLayout(split)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add KPI"))
        self.catalogue_button = QPushButton(self.tr("From the &catalogue"))
        self.catalogue_menu = QMenu(self.catalogue_button)
        self.catalogue_button.setMenu(self.catalogue_menu)
        self.catalogue_menu.aboutToShow.connect(self._fill_catalogue_menu)
        self.delete_button = QPushButton(self.tr("&Delete KPI"))
        for b in (self.add_button, self.catalogue_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        self.setWidget(scrolling(body))  # a laptop screen must not force the window taller

        self.rebuild_timer = QTimer(self)
        self.rebuild_timer.setSingleShot(True)
        self.rebuild_timer.setInterval(0)
        self.rebuild_timer.timeout.connect(self._rebuild)
        self.table.itemSelectionChanged.connect(self._show_current)
        self.name_edit.editingFinished.connect(lambda: self._commit("name", self.name_edit.text()))
        self.unit_edit.editingFinished.connect(lambda: self._commit("unit", self.unit_edit.text()))
        self.owner_combo.activated.connect(
            lambda _i: self._commit("owner", self.owner_combo.currentData())
        )
        self.shared_list.itemChanged.connect(
            lambda _item: self._commit("shared", self._checked(self.shared_list))
        )
        self.functions_list.itemChanged.connect(
            lambda _item: self._commit("functions", self._checked(self.functions_list))
        )
        self.brand_budget.editingFinished.connect(
            lambda: self._commit_budget(BRAND_BUDGET, self.brand_budget.value())
        )
        self.performance_budget.editingFinished.connect(
            lambda: self._commit_budget(PERFORMANCE_BUDGET, self.performance_budget.value())
        )
        self.add_button.clicked.connect(self.add_kpi)
        self.delete_button.clicked.connect(self.delete_current)
        self.set_context(None)

    @staticmethod
    def _budget_spin(name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(0, 1e15)
        spin.setDecimals(2)
        spin.setGroupSeparatorShown(True)
        spin.setKeyboardTracking(False)
        return spin

    # ------------------------------------------------------------- following
    def current_id(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.UserRole) if item is not None else None

    def _reload(self) -> None:
        self._rebuild()

    def _on_read_only_changed(self) -> None:
        self._rebuild()

    def _on_model_event(self, event: ev.Event) -> None:
        if (
            isinstance(event, _REBUILD_EVENTS)
            or (isinstance(event, ev.DepartmentChanged) and "name" in event.changes)
            or (isinstance(event, ev.DesignInfoChanged))
        ):
            self.rebuild_timer.start()

    def _rebuild(self) -> None:
        """Show the KPIs, keeping the current one (signals blocked: nothing is committed)."""
        self.rebuild_timer.stop()
        keep = self.current_id()
        design = self.ctx.design if self.ctx else None
        kpis = list(design.kpis.values()) if design else []
        blockers = [QSignalBlocker(self.table)]
        try:
            self.table.setRowCount(len(kpis))
            for row, kpi in enumerate(kpis):
                for column, text in enumerate(self._row_texts(kpi)):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.UserRole, kpi.id)
                    self.table.setItem(row, column, item)
            rows = [k.id for k in kpis]
            self.table.setCurrentCell(rows.index(keep) if keep in rows else (0 if rows else -1), 0)
        finally:
            del blockers
        self._update_status()
        self._show_current()
        for spin, key in (
            (self.brand_budget, BRAND_BUDGET),
            (self.performance_budget, PERFORMANCE_BUDGET),
        ):
            with QSignalBlocker(spin):
                spin.setValue(amount_setting(design, key) if design else 0.0)
                spin.setEnabled(design is not None and not self.read_only)

    def _row_texts(self, kpi: Kpi) -> list[str]:
        design = self.ctx.design
        names = ", ".join
        owner = design.departments[kpi.owner].name if kpi.owner else self.tr("(no owner)")
        return [
            kpi.name,
            kpi.unit,
            owner,
            names(design.departments[d].name for d in kpi.shared),
            names(design.functions[f].name for f in kpi.functions),
        ]

    def _update_status(self) -> None:
        if self.ctx is None:
            self.status.clear()
            return
        design = self.ctx.design
        if not design.kpis:
            self.status.setText(
                self.tr(
                    "No KPIs yet: add the seed's from the catalogue, such as "
                    "customer lifetime value and customer satisfaction."
                )
            )
            return
        measured = {f for k in design.kpis.values() for f in k.functions}
        missing = sum(
            1
            for f, fn in design.functions.items()
            if (fn.required or fn.category == "journey") and f not in measured
        )
        self.status.setText(
            self.tr("%n required function(s) or stage(s) without a KPI.", "", missing)
            if missing
            else self.tr("Every required function and stage has a KPI.")
        )

    def _show_current(self) -> None:
        """Fill the form with the current KPI (or empty it)."""
        design = self.ctx.design if self.ctx else None
        kpi = design.kpis.get(self.current_id()) if design else None
        widgets = (
            self.name_edit,
            self.unit_edit,
            self.owner_combo,
            self.shared_list,
            self.functions_list,
        )
        blockers = [QSignalBlocker(w) for w in widgets]
        try:
            editable = kpi is not None and not self.read_only
            for w in widgets:
                w.setEnabled(editable)
            self.delete_button.setEnabled(editable)
            self.add_button.setEnabled(design is not None and not self.read_only)
            self.catalogue_button.setEnabled(design is not None and not self.read_only)
            self.name_edit.setText(kpi.name if kpi else "")
            self.unit_edit.setText(kpi.unit if kpi else "")
            self.owner_combo.clear()
            self.shared_list.clear()
            self.functions_list.clear()
            if kpi is None:
                return
            self.owner_combo.addItem(self.tr("(no owner)"), None)
            for dept_id, dept in design.departments.items():
                self.owner_combo.addItem(dept.name, dept_id)
            self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(kpi.owner)))
            self._fill_checks(
                self.shared_list,
                ((d, x.name) for d, x in design.departments.items()),
                set(kpi.shared),
            )
            self._fill_checks(
                self.functions_list,
                ((f, x.name) for f, x in design.functions.items()),
                set(kpi.functions),
            )
        finally:
            del blockers

    @staticmethod
    def _fill_checks(widget: QListWidget, items, checked: set[str]) -> None:
        for obj_id, name in items:
            item = QListWidgetItem(name)
            item.setData(Qt.UserRole, obj_id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if obj_id in checked else Qt.Unchecked)
            widget.addItem(item)

    @staticmethod
    def _checked(widget: QListWidget) -> tuple[str, ...]:
        return tuple(
            widget.item(i).data(Qt.UserRole)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.Checked
        )

    # ------------------------------------------------------------- editing
    def _commit(self, field: str, value: Any) -> None:
        """One undo step setting one field of the current KPI."""
        kpi_id = self.current_id()
        if self.ctx is None or self.read_only or kpi_id is None:
            return
        kpi = self.ctx.design.kpis.get(kpi_id)
        if kpi is None or getattr(kpi, field) == value:
            return
        texts = {
            "name": self.tr("Rename KPI"),
            "unit": self.tr("Change KPI unit"),
            "owner": self.tr("Change KPI owner"),
            "shared": self.tr("Share KPI"),
            "functions": self.tr("Change what a KPI measures"),
        }
        self._push(UpdateKpi(kpi_id, {field: value}), texts[field])

    def _commit_budget(self, key: str, value: float) -> None:
        """One undo step setting one side of the marketing budget (a design setting)."""
        if self.ctx is None or self.read_only:
            return
        if amount_setting(self.ctx.design, key) == value:
            return
        self._push(UpdateDesign({f"settings.{key}": value}), self.tr("Change budget split"))

    def _push(self, op, text: str) -> bool:
        """Apply through the one edit entry point; show the model's reason if it refuses."""
        reason = self.ctx.apply(op, text)
        if reason:
            self.message.setText(reason)
            self._show_current()
            return False
        self.message.clear()
        return True

    def add_kpi(self, kpi: Kpi | None = None) -> None:
        """Add a KPI (a new empty one by default), owned by the selected department if any."""
        if self.ctx is None or self.read_only:
            return
        if not isinstance(kpi, Kpi):
            kpi = Kpi(name=default_name("kpi", self.ctx.design.language))
        selected = [d for d in self.ctx.selection.departments if d in self.ctx.design.departments]
        if kpi.owner is None and selected:
            kpi.owner = selected[0]
        if self._push(AddKpi(kpi), self.tr("Add KPI")):
            self._rebuild()
            rows = [self.table.item(r, 0).data(Qt.UserRole) for r in range(self.table.rowCount())]
            self.table.setCurrentCell(rows.index(kpi.id), 0)

    def delete_current(self) -> None:
        kpi_id = self.current_id()
        if self.ctx is None or self.read_only or kpi_id is None:
            return
        self._push(RemoveKpi(kpi_id), self.tr("Delete KPI"))

    def _fill_catalogue_menu(self) -> None:
        """The catalogue's KPIs the design does not have yet."""
        self.catalogue_menu.clear()
        if self.ctx is None:
            return
        design = self.ctx.design
        have = {k.key for k in design.kpis.values()}
        entries = [e for e in load_catalogue().kpis if e.key not in have]
        if not entries:
            self.catalogue_menu.addAction(self.tr("The design has every catalogue KPI")).setEnabled(
                False
            )
            return
        ids = {f.key: f_id for f_id, f in design.functions.items() if f.key}
        for entry in entries:
            zh = design.language == "zh"
            action = self.catalogue_menu.addAction(entry.name_zh if zh else entry.name_en)
            action.setToolTip(entry.description_zh if zh else entry.description_en)
            action.triggered.connect(
                lambda _c=False, e=entry: self.add_kpi(e.to_kpi(design.language, ids))
            )
