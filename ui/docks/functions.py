"""Functions & owners dock: who does which function (RACI), and which functions have no owner.

One click only selects a cell (a stray click must not change who owns what);
a double-click steps its role through A, R, C, I and none; the keys A/R/C/I
set a role and Delete clears it; a right click offers the roles by name. "Selected departments only" shows just the selection's
columns, to assign from the department's side. Every change is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import events as ev
from orgdesigner.display import default_name
from orgdesigner.catalogue import load_catalogue
from orgdesigner.entities import Function, Role
from orgdesigner.errors import OrgDesignerError
from orgdesigner.ops import AddFunction, Batch, RemoveFunction, SetRole, UpdateFunction

from ..i18n import english_plural, fill
from .base import ContextDock
from .ownership_model import NAME_COLUMN, OwnershipModel, role_label
from .ownership_view import DepartmentHeader, OwnershipFilter, OwnershipTable, next_role


class FunctionsDock(ContextDock):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Functions && owners"), "FunctionsDock", parent)
        body = QWidget()
        layout = QVBoxLayout(body)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter functions"))
        self.search.setClearButtonEnabled(True)
        self.ownerless_check = QCheckBox(self.tr("Ownerless only"))
        self.selected_check = QCheckBox(self.tr("Selected departments only"))
        filters.addWidget(self.search, 1)
        filters.addWidget(self.ownerless_check)
        filters.addWidget(self.selected_check)
        layout.addLayout(filters)
        self.status = QLabel()  # "2 of 22 functions have no owner"
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.search.setMinimumWidth(80)
        filters.addWidget(self.status, 1)  # one row of controls: the table gets the height

        self.model = OwnershipModel(self)
        self.model.rename = self._rename
        self.proxy = OwnershipFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = OwnershipTable()
        self.table.setHorizontalHeader(DepartmentHeader(self.table))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
        )
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(3 * header.fontMetrics().lineSpacing() + 4)  # 3 upright lines
        header.setSectionResizeMode(QHeaderView.Interactive)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setColumnWidth(NAME_COLUMN, 150)
        self.table.setColumnWidth(NAME_COLUMN + 1, 110)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)

        buttons = filters
        self.add_button = QPushButton(self.tr("&Add function"))
        self.rename_button = QPushButton(self.tr("Re&name"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        # 明确哪个部门、哪个岗位是主要责任人: the post answering for a function or stage.
        self.post_button = QPushButton(self.tr("Responsible &post..."))
        self.catalogue_button = QPushButton(self.tr("From the &catalogue"))
        self.catalogue_menu = QMenu(self.catalogue_button)
        self.catalogue_button.setMenu(self.catalogue_menu)
        self.catalogue_menu.aboutToShow.connect(self._fill_catalogue_menu)
        for b in (
            self.add_button,
            self.catalogue_button,
            self.rename_button,
            self.delete_button,
            self.post_button,
        ):
            buttons.addWidget(b)
        self.setWidget(body)

        self.search.textChanged.connect(self._on_search)
        self.ownerless_check.toggled.connect(self._on_ownerless_toggled)
        self.selected_check.toggled.connect(lambda _on: self._apply_column_filter())
        self.table.doubleClicked.connect(self._on_cell_double_clicked)
        self.table.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self.table.role_key.connect(self._set_current_role)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.add_button.clicked.connect(self.add_function)
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.delete_button.clicked.connect(self.delete_selected_functions)
        self.post_button.clicked.connect(self._on_post_clicked)
        self.set_context(None)

    # ------------------------------------------------------------- following
    def _on_read_only_changed(self) -> None:
        for button in (
            self.add_button,
            self.catalogue_button,
            self.rename_button,
            self.delete_button,
            self.post_button,
        ):
            button.setEnabled(not self.read_only)
        self.table.setEditTriggers(
            QAbstractItemView.NoEditTriggers
            if self.read_only
            else QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
        )

    def _reload(self) -> None:
        self.model.set_design(self.ctx.design if self.ctx else None)
        self._apply_column_filter()
        self._update_status()

    def _on_model_event(self, event: ev.Event) -> None:
        self.model.apply_event(event)
        if isinstance(event, (ev.RoleChanged, ev.FunctionAdded, ev.FunctionRemoved)):
            self._update_status()

    def _update_status(self) -> None:
        if self.ctx is None:
            self.status.clear()
            return
        design = self.ctx.design
        ownerless = sum(1 for f in design.functions if not design.owners(f))
        if not design.functions:
            self.status.setText(
                self.tr("No functions yet: add the ones your organisation must do.")
            )
        elif ownerless:
            self.status.setText(
                fill(
                    self.tr("%1 of %2 functions have no owner (A)."),
                    ownerless,
                    len(design.functions),
                )
            )
        else:
            self.status.setText(self.tr("Every function has an owner."))

    def _on_selection_changed(self) -> None:
        if self.ctx is not None:
            self.model.set_highlighted(self.ctx.selection.departments)
        if self.selected_check.isChecked():
            self._apply_column_filter()
        elif self.ctx and self.ctx.selection.departments:
            col = self.model.column_of(self.ctx.selection.departments[0])
            if col is not None:
                self.table.scrollTo(self.proxy.mapFromSource(self.model.index(0, col)))

    def _apply_column_filter(self) -> None:
        only = None
        if self.selected_check.isChecked() and self.ctx is not None:
            only = set(self.ctx.selection.departments)
        if only is None and self.proxy.only_departments is None:
            return  # every column shows already (a reset re-filters by itself): 100,000 columns
        self.proxy.change(True, only_departments=only)

    def _on_search(self, text: str) -> None:
        self.proxy.change(False, text=text.strip())

    def _on_ownerless_toggled(self, on: bool) -> None:
        self.proxy.change(False, ownerless_only=on)

    def show_functions(self, function_ids: list[str]) -> None:
        """Bring these functions into view and select them (e.g. from a finding)."""
        self.raise_()
        self.show()
        selection = self.table.selectionModel()
        selection.clearSelection()
        for function_id in function_ids:
            row = self.model.row_of(function_id)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, NAME_COLUMN))
            if not index.isValid():  # hidden by a filter: show everything
                self.search.clear()
                self.ownerless_check.setChecked(False)
                index = self.proxy.mapFromSource(self.model.index(row, NAME_COLUMN))
            selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
            self.table.scrollTo(index)

    # --------------------------------------------------------------- editing
    def _cell(self, proxy_index: QModelIndex) -> tuple[str, str] | None:
        if not proxy_index.isValid():
            return None
        source = self.proxy.mapToSource(proxy_index)
        dept_id = self.model.department_at(source.column())
        return (self.model.function_at(source.row()), dept_id) if dept_id else None

    def _on_header_clicked(self, column: int) -> None:
        """A click on a department's name selects it everywhere (canvas, outline, properties)."""
        source = (
            self.proxy.mapToSource(self.proxy.index(0, column)).column()
            if self.proxy.rowCount()
            else (column if self.proxy.only_departments is None else -1)
        )
        dept_id = self.model.department_at(source)
        if dept_id and self.ctx is not None:
            self.ctx.selection.set([dept_id], [])

    def _on_cell_double_clicked(self, index: QModelIndex) -> None:
        cell = self._cell(index)
        if cell and self.ctx:
            self.set_role(cell[0], cell[1], next_role(self.ctx.design.role(*cell)))

    def _set_current_role(self, role: Role | None) -> None:
        cells = [
            c for c in (self._cell(i) for i in self.table.selectionModel().selectedIndexes()) if c
        ]
        if not cells:
            current = self._cell(self.table.currentIndex())
            cells = [current] if current else []
        self.set_roles(cells, role)

    def set_role(self, function_id: str, dept_id: str, role: Role | None) -> None:
        self.set_roles([(function_id, dept_id)], role)

    def set_roles(self, cells: list[tuple[str, str]], role: Role | None) -> None:
        """One undo step giving every cell `role` (None clears it)."""
        if self.ctx is None or self.read_only:
            return
        design = self.ctx.design
        ops = [SetRole(f, d, role) for f, d in cells if design.role(f, d) != role]
        if not ops:
            return
        if role is None:
            text = self.tr("Clear responsibility")
        elif role is Role.A and len(ops) == 1:
            text = fill(
                self.tr("Make %1 owner of %2"),
                design.departments[ops[0].department].name,
                design.functions[ops[0].function].name,
            )
        else:
            text = fill(self.tr("Set responsibility %1"), role.value)
        self.ctx.apply(ops[0] if len(ops) == 1 else Batch(ops, text), text)

    def _on_context_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        cell = self._cell(index)
        if cell is None or self.ctx is None:
            return
        menu = QMenu(self)
        current = self.ctx.design.role(*cell)
        for role in (Role.A, Role.R, Role.C, Role.I, None):
            action = menu.addAction(role_label(role) if role else self.tr("No role"))
            action.setCheckable(True)
            action.setChecked(role == current)
            action.triggered.connect(lambda _c=False, r=role: self.set_role(cell[0], cell[1], r))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def add_function(self) -> str | None:
        """Add a user function and open its name for editing; return its id."""
        if self.ctx is None or self.read_only:
            return None
        function = Function(
            name=default_name("function", self.ctx.design.language), category="custom"
        )
        self.ctx.apply(AddFunction(function), self.tr("Add function"))
        self.search.clear()
        self.ownerless_check.setChecked(False)
        row = self.model.row_of(function.id)
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, NAME_COLUMN))
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
            self.table.edit(index)
        return function.id

    def _fill_catalogue_menu(self) -> None:
        """Catalogue functions the design does not have yet (say, after some were deleted)."""
        self.catalogue_menu.clear()
        entries = self.missing_catalogue_entries()
        if not entries:
            action = self.catalogue_menu.addAction(
                self.tr("The design has every catalogue function")
            )
            action.setEnabled(False)
            return
        language = self.ctx.design.language if self.ctx else "zh"
        for entry in entries:
            action = self.catalogue_menu.addAction(entry.name(language))
            action.setToolTip(entry.description(language))
            action.triggered.connect(lambda _c=False, e=entry: self.add_catalogue_function(e))

    def missing_catalogue_entries(self) -> list:
        if self.ctx is None:
            return []
        try:
            entries = load_catalogue().entries
        except OrgDesignerError:  # an unreadable catalogue file: offer nothing
            return []
        have = {f.key for f in self.ctx.design.functions.values() if f.key}
        return [e for e in entries if e.key not in have]

    def add_catalogue_function(self, entry) -> None:
        if self.ctx is None or self.read_only:
            return
        function = entry.to_function(self.ctx.design.language)
        self.ctx.apply(AddFunction(function), fill(self.tr("Add function %1"), function.name))
        self.show_functions([function.id])

    def _rename(self, function_id: str, name: str) -> None:
        if self.ctx and not self.read_only and self.ctx.design.functions[function_id].name != name:
            self.ctx.apply(UpdateFunction(function_id, {"name": name}), self.tr("Rename function"))

    def _on_rename_clicked(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            name_index = index.siblingAtColumn(NAME_COLUMN)
            self.table.setCurrentIndex(name_index)
            self.table.edit(name_index)

    def set_post(self, function_id: str, post: str) -> None:
        """Name the responsible post of a function or journey stage (one undo step)."""
        if self.ctx and not self.read_only and self.ctx.design.functions[function_id].post != post:
            self.ctx.apply(
                UpdateFunction(function_id, {"post": post.strip()}), self.tr("Set responsible post")
            )

    def _on_post_clicked(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        ids = self.selected_functions()
        if not ids or self.ctx is None:
            return
        function = self.ctx.design.functions[ids[0]]
        text, ok = QInputDialog.getText(
            self,
            self.tr("Responsible post"),
            fill(self.tr("Which post answers for %1?"), function.name),
            text=function.post,
        )
        if ok:
            self.set_post(function.id, text)

    def selected_functions(self) -> list[str]:
        rows = {
            self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedIndexes()
        }
        if not rows and self.table.currentIndex().isValid():
            rows = {self.proxy.mapToSource(self.table.currentIndex()).row()}
        return [self.model.function_at(r) for r in sorted(rows)]

    def delete_selected_functions(self) -> None:
        """Delete the functions of the selected rows (with their roles) as one undo step."""
        ids = self.selected_functions()
        if not ids or self.ctx is None or self.read_only:
            return
        text = english_plural(self.tr("Delete %n function(s)", "", len(ids)), len(ids))
        ops = [RemoveFunction(f) for f in ids]
        self.ctx.apply(ops[0] if len(ops) == 1 else Batch(ops, text), text)
