"""The functions x departments table: filtering, upright department names, role keys.

Split from the dock so the dock holds behaviour (what a click or key does to
the model) and this module holds the view pieces.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QStyleOptionHeader, QTableView

from orgdesigner.entities import Role

from .ownership_model import FIRST_DEPT_COLUMN, OwnershipModel

CYCLE: list[Role | None] = [Role.A, Role.R, Role.C, Role.I, None]
KEYS = {
    Qt.Key_A: Role.A,
    Qt.Key_R: Role.R,
    Qt.Key_C: Role.C,
    Qt.Key_I: Role.I,
    Qt.Key_Delete: None,
    Qt.Key_Backspace: None,
}


def next_role(role: Role | None) -> Role | None:
    """The role a click gives: none -> A -> R -> C -> I -> none."""
    return CYCLE[0] if role is None else CYCLE[(CYCLE.index(role) + 1) % len(CYCLE)]


class OwnershipFilter(QSortFilterProxyModel):
    """Rows: ownerless only / name contains text. Columns: the selected departments only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ownerless_only = False
        self.text = ""
        self.only_departments: set[str] | None = None

    def change(self, columns: bool, **state) -> None:
        """Set filter state and re-filter rows or columns (Qt >= 6.10 API, older fallback)."""
        has_api = hasattr(self, "endFilterChange")
        if has_api:
            self.beginFilterChange()
        for name, value in state.items():
            setattr(self, name, value)
        if has_api:
            direction = QSortFilterProxyModel.Direction
            self.endFilterChange(direction.Columns if columns else direction.Rows)
        elif columns:
            self.invalidateColumnsFilter()
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        model: OwnershipModel = self.sourceModel()
        if model.design is None:
            return False
        function_id = model.function_at(row)
        if self.ownerless_only and model.design.owners(function_id):
            return False
        if (
            self.text
            and self.text.casefold() not in model.design.functions[function_id].name.casefold()
        ):
            return False
        return True

    def filterAcceptsColumn(self, column: int, parent: QModelIndex) -> bool:  # noqa: N802
        if column < FIRST_DEPT_COLUMN or self.only_departments is None:
            return True
        return self.sourceModel().department_at(column) in self.only_departments


class DepartmentHeader(QHeaderView):
    """Department names written upwards, so many narrow role columns fit side by side.

    The height fits the longest of the first few hundred names (capped), and is
    cached: QHeaderView.sizeHint() would ask the model about hundreds of
    sections each time a column is inserted or removed.
    """

    # Tall enough for the names HR writes (市场管理委员会, "Customer Service Department")
    # to stand whole; only a very long name is elided (full in the tooltip).
    MIN_HEIGHT, MAX_HEIGHT, SAMPLE, LINE = 48, 200, 300, 92

    def __init__(self, parent=None):
        super().__init__(Qt.Horizontal, parent)
        self.setSectionsClickable(True)
        self._height: int | None = None

    def setModel(self, model) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        model.modelReset.connect(self._forget_height)
        model.headerDataChanged.connect(self._on_header_data_changed)
        model.columnsInserted.connect(self._on_columns_inserted)  # removals keep the height

    def _forget_height(self, *_args) -> None:
        self._height = None

    def _on_header_data_changed(self, _orientation, first: int, last: int) -> None:
        self._on_columns_inserted(None, first, last)  # a longer name can only grow the height

    def _on_columns_inserted(self, _parent, first: int, last: int) -> None:
        if self._height is not None and last - first < self.SAMPLE:
            self._height = max(self._height, self._fit(first, last + 1))

    def _fit(self, first: int, end: int) -> int:
        model, metrics = self.model(), self.fontMetrics()
        widest = 0
        for section in range(max(first, FIRST_DEPT_COLUMN), end):
            text = str(model.headerData(section, Qt.Horizontal, Qt.DisplayRole) or "")
            widest = max(widest, max(metrics.horizontalAdvance(line) for line in self.lines(text)))
        return max(self.MIN_HEIGHT, min(self.MAX_HEIGHT, widest + 12))

    def lines(self, text: str) -> list[str]:
        """The name wrapped into at most three upright lines of LINE px (words kept whole).

        "Customer Service Department" stands as three short lines instead of one
        tall one, so the header stays low and the table keeps its rows.
        """
        metrics = self.fontMetrics()
        if metrics.horizontalAdvance(text) <= self.LINE:
            return [text]
        words = text.split(" ") if " " in text else list(text)  # CJK: any place
        joiner = " " if " " in text else ""
        lines: list[str] = []
        for word in words:
            trial = (lines[-1] + joiner + word) if lines else word
            if lines and metrics.horizontalAdvance(trial) <= self.LINE:
                lines[-1] = trial
            else:
                lines.append(word)
        if len(lines) > 3:  # a very long name: the rest goes on the last line (elided there)
            lines = lines[:2] + [joiner.join(lines[2:])]
        return lines

    def sizeHint(self):  # noqa: N802 - Qt override
        if self._height is None:
            self._height = self._fit(
                FIRST_DEPT_COLUMN, min(self.count(), FIRST_DEPT_COLUMN + self.SAMPLE)
            )
        return QSize(self.length(), self._height)

    def paintSection(self, painter: QPainter, rect: QRect, index: int) -> None:  # noqa: N802
        if not rect.isValid():
            return
        model = self.model()
        if index < FIRST_DEPT_COLUMN:  # the filter never hides the fixed columns
            super().paintSection(painter, rect, index)
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = index
        option.text = ""
        self.style().drawControl(QStyle.CE_Header, option, painter, self)
        text = str(model.headerData(index, Qt.Horizontal, Qt.DisplayRole) or "")
        lines = self.lines(text)
        metrics = self.fontMetrics()
        step = metrics.lineSpacing()
        painter.save()
        left = rect.left() + rect.width() / 2 - step * len(lines) / 2 + metrics.ascent()
        painter.translate(left, rect.bottom() - 4)
        painter.rotate(-90)
        for i, line in enumerate(lines):
            painter.drawText(
                0, i * step, metrics.elidedText(line, Qt.ElideRight, rect.height() - 8)
            )
        painter.restore()


class OwnershipTable(QTableView):
    """The table; keys A/R/C/I/Delete set the role of the current cell."""

    role_key = Signal(object)  # Role or None

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        index = self.currentIndex()
        if (
            event.key() in KEYS
            and index.isValid()
            and index.column() >= FIRST_DEPT_COLUMN
            and self.state() != QAbstractItemView.EditingState
        ):
            self.role_key.emit(KEYS[event.key()])
            return
        super().keyPressEvent(event)
