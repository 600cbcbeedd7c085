"""Table model of functions x departments with their RACI roles, updated from model events.

Rows are functions, in design order; column 0 is the function's name,
column 1 its owner(s), then one column per department. Events insert, remove
or repaint single rows, columns and cells: the model is never rebuilt for
one change, so a design with thousands of departments stays responsive.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from orgdesigner import events as ev
from orgdesigner.catalogue import BRAND_MANAGEMENT
from orgdesigner.design import Design
from orgdesigner.entities import Role
from orgdesigner.units import business_unit_of, rival_groups

from ..i18n import fill

NAME_COLUMN, OWNER_COLUMN, FIRST_DEPT_COLUMN = 0, 1, 2
ID_ROLE = Qt.UserRole + 1  # function id (rows) / department id (columns)
ROLE_ROLE = Qt.UserRole + 2  # the Role of a cell, or None
OWNERLESS = QColor("#f8d7da")  # no owner: 管理真空 (red, like the error it is)
SEVERAL_OWNERS = QColor("#fde68a")  # more than one owner: 推诿扯皮 (amber, a warning)
HIGHLIGHT = QColor("#fff4c2")
_DISPLAY, _TOOLTIP = int(Qt.DisplayRole), int(Qt.ToolTipRole)
_HEADER_ROLES = frozenset((_DISPLAY, _TOOLTIP, int(ID_ROLE)))
ROLE_COLOURS = {
    Role.A: QColor("#2e7d32"),
    Role.R: QColor("#a5d6a7"),
    Role.C: QColor("#bbdefb"),
    Role.I: QColor("#eeeeee"),
}
# data() runs for every visible cell and role on each repaint: make the brushes once.
_ROLE_BRUSHES = {role: QBrush(colour) for role, colour in ROLE_COLOURS.items()}
_OWNERLESS_BRUSH = QBrush(OWNERLESS)
_SEVERAL_BRUSH = QBrush(SEVERAL_OWNERS)
_HIGHLIGHT_BRUSH = QBrush(HIGHLIGHT)
_WHITE_BRUSH = QBrush(QColor("white"))


class OwnershipModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.design: Design | None = None
        self.functions: list[str] = []
        self.departments: list[str] = []
        self._row: dict[str, int] | None = None
        self.rename: Callable[[str, str], None] | None = None  # set by the dock: pushes the op
        self.highlighted: set[str] = set()  # the selected departments' columns are tinted

    # ---------------------------------------------------------------- set-up
    def set_design(self, design: Design | None) -> None:
        self.beginResetModel()
        self.design = design
        self.functions = list(design.functions) if design else []
        self.departments = list(design.departments) if design else []
        self._row = None
        self.endResetModel()

    def row_of(self, function_id: str) -> int | None:
        if self._row is None:
            self._row = {f: i for i, f in enumerate(self.functions)}
        return self._row.get(function_id)

    def column_of(self, dept_id: str) -> int | None:
        # list.index runs in C: faster than keeping a dict in step during a burst of removals
        try:
            return self.departments.index(dept_id) + FIRST_DEPT_COLUMN
        except ValueError:
            return None

    def function_at(self, row: int) -> str:
        return self.functions[row]

    def department_at(self, column: int) -> str | None:
        i = column - FIRST_DEPT_COLUMN
        return self.departments[i] if 0 <= i < len(self.departments) else None

    def set_highlighted(self, dept_ids: list[str]) -> None:
        """Tint the columns of the selected departments (repaints only the changed columns)."""
        new = set(dept_ids)
        changed = new ^ self.highlighted
        self.highlighted = new
        if not self.functions:
            return
        for dept_id in changed:
            col = self.column_of(dept_id)
            if col is not None:
                self.dataChanged.emit(self.index(0, col), self.index(len(self.functions) - 1, col))

    # ------------------------------------------------------------ Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.functions)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else FIRST_DEPT_COLUMN + len(self.departments)

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsEditable if index.column() == NAME_COLUMN else base

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole) -> Any:  # noqa: N802
        # Header views ask for many roles per section: answer the unused ones first, cheaply.
        if role not in _HEADER_ROLES or self.design is None:
            return None
        if orientation == Qt.Vertical:
            return section + 1 if role == _DISPLAY else None
        if section == NAME_COLUMN:
            return self.tr("Function") if role in (Qt.DisplayRole, Qt.ToolTipRole) else None
        if section == OWNER_COLUMN:
            return self.tr("Owner (A)") if role in (Qt.DisplayRole, Qt.ToolTipRole) else None
        dept_id = self.department_at(section)
        if dept_id is None:
            return None
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.design.departments[dept_id].name
        if role == ID_ROLE:
            return dept_id
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole) -> Any:
        if self.design is None or not index.isValid():
            return None
        function_id = self.functions[index.row()]
        column = index.column()
        function = self.design.functions[function_id]
        if column == NAME_COLUMN:
            if role in (Qt.DisplayRole, Qt.EditRole):
                return function.name
            if role == Qt.ToolTipRole:
                text = function.description or function.name
                return (
                    fill(self.tr("%1\nResponsible post: %2"), text, function.post)
                    if function.post
                    else text
                )
            if role == Qt.BackgroundRole:
                return self._owner_brush(function_id)
            if role == ID_ROLE:
                return function_id
            return None
        if column == OWNER_COLUMN:
            owners = self.design.owners(function_id)
            if role in (Qt.DisplayRole, Qt.ToolTipRole):
                if not owners:
                    return self.tr("none")
                return ", ".join(self._owner_name(d) for d in owners)
            if role == Qt.BackgroundRole:
                return self._owner_brush(function_id)
            if role == ID_ROLE:
                return function_id
            return None
        dept_id = self.department_at(column)
        cell = self.design.role(function_id, dept_id) if dept_id else None
        if role == Qt.DisplayRole:
            return cell.value if cell else ""
        if role == ROLE_ROLE:
            return cell
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.BackgroundRole:
            if cell:
                return _ROLE_BRUSHES[cell]
            return _HIGHLIGHT_BRUSH if dept_id in self.highlighted else None
        if role == Qt.ForegroundRole and cell is Role.A:
            return _WHITE_BRUSH
        if role == Qt.ToolTipRole:
            dept = self.design.departments[dept_id].name if dept_id else ""
            return fill(
                self.tr("%1 / %2: %3"),
                function.name,
                dept,
                role_label(cell) if cell else self.tr("no role"),
            )
        return None

    def _owner_brush(self, function_id: str) -> QBrush | None:
        """Red for no owner, amber for rival owners: the two problems read apart at a glance.

        Owners in different business units are not rivals (each covers its unit).
        """
        owners = self.design.owners(function_id)
        if not owners:
            return _OWNERLESS_BRUSH
        if rival_groups(owners, self._unit_of) or (
            len(owners) > 1 and self.design.functions[function_id].key == BRAND_MANAGEMENT
        ):
            return _SEVERAL_BRUSH
        return None

    def _unit_of(self, dept_id: str) -> str | None:
        return business_unit_of(self.design, dept_id)

    def _owner_name(self, dept_id: str) -> str:
        """An owner's name, with the business unit it covers when it sits inside one."""
        name = self.design.departments[dept_id].name
        unit = self._unit_of(dept_id)
        if unit is None or unit == dept_id:
            return name
        return fill(self.tr("%1 (for %2)"), name, self.design.departments[unit].name)

    def setData(self, index, value, role: int = Qt.EditRole) -> bool:  # noqa: N802
        if role != Qt.EditRole or index.column() != NAME_COLUMN or self.rename is None:
            return False
        name = str(value).strip()
        if not name:
            return False
        self.rename(self.functions[index.row()], name)
        return True  # the model event repaints the cell

    # ----------------------------------------------------------------- events
    def apply_event(self, event: ev.Event) -> None:
        if self.design is None:
            return
        if isinstance(event, ev.RoleChanged):
            row, col = self.row_of(event.function), self.column_of(event.department)
            if row is not None:
                self.dataChanged.emit(self.index(row, NAME_COLUMN), self.index(row, OWNER_COLUMN))
                if col is not None:
                    cell = self.index(row, col)
                    self.dataChanged.emit(cell, cell)
        elif isinstance(event, ev.FunctionAdded):
            row = event.index  # where the model put it (never guessed from dict order)
            self.beginInsertRows(QModelIndex(), row, row)
            self.functions.insert(row, event.function.id)
            self._row = None
            self.endInsertRows()
        elif isinstance(event, ev.FunctionRemoved):
            row = self.row_of(event.function.id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.functions[row]
                self._row = None
                self.endRemoveRows()
        elif isinstance(event, ev.FunctionChanged):
            row = self.row_of(event.id)
            if row is not None:
                self.dataChanged.emit(self.index(row, NAME_COLUMN), self.index(row, NAME_COLUMN))
        elif isinstance(event, ev.DepartmentAdded):
            dept_id = event.department.id
            i = event.index
            col = i + FIRST_DEPT_COLUMN
            self.beginInsertColumns(QModelIndex(), col, col)
            self.departments.insert(i, dept_id)
            self.endInsertColumns()
        elif isinstance(event, ev.DepartmentRemoved):
            col = self.column_of(event.department.id)
            if col is not None:
                self.beginRemoveColumns(QModelIndex(), col, col)
                del self.departments[col - FIRST_DEPT_COLUMN]
                self.endRemoveColumns()
        elif isinstance(event, ev.DepartmentChanged) and "name" in event.changes:
            col = self.column_of(event.id)
            if col is not None:
                self.headerDataChanged.emit(Qt.Horizontal, col, col)
                if self.functions:
                    self.dataChanged.emit(
                        self.index(0, OWNER_COLUMN),
                        self.index(len(self.functions) - 1, OWNER_COLUMN),
                    )


def role_label(role: Role) -> str:
    """What a RACI letter means (literal strings, so lupdate finds them)."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {
        Role.R: translate("Role", "R: responsible (does the work)"),
        Role.A: translate("Role", "A: accountable (the owner)"),
        Role.C: translate("Role", "C: consulted"),
        Role.I: translate("Role", "I: informed"),
    }[role]
