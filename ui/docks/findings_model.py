"""The Findings panel's rows as a lazy Qt model: severity groups, each with its findings.

A validation of 100,000 departments finds about 55,000 problems; one
QTreeWidgetItem each (two tooltips, the rule's title in the UI's language)
took over a second to build after every run. Here a run only groups the
findings (one pass over plain data); a row's text, tooltip and colour are
made when the view asks for them, which it does for the rows on screen.
A group shows its first CHUNK findings and more as the list is scrolled to
its end (Qt's `canFetchMore`/`fetchMore`): the tree view lays out every row
it has with a few calls into this model each, so it is only given rows the
user has come near.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from orgdesigner.findings import SEVERITY_RANK, Finding, Severity
from orgdesigner.validator import RULES

from ..i18n import severity_count, ui_language

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # a finding row's Finding; a group's Severity
SEVERITY_COLOURS = {
    Severity.ERROR: "#b00020",
    Severity.WARNING: "#a15c00",
    Severity.INFO: "#1f5fa8",
}
SEVERITY_OF = {s.value: s for s in Severity}  # plain text or member -> member, no Enum call
CHUNK = 1000  # finding rows a group gives the view at first, and more at each scroll to the end
_GROUP = 0  # internal id of a group row; a finding row's is its group's row + 1
_Index = QModelIndex | QPersistentModelIndex


class FindingsModel(QAbstractItemModel):
    """Two columns (the message, the rule); groups worst first, findings in validator order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups: list[tuple[Severity, list[Finding]]] = []
        self._loaded: list[int] = []  # finding rows each group has given the view so far
        self.rules: set[str] = set()  # the rule ids of the findings shown
        self._titles: dict[str, str] = {}  # rule id -> its title in the UI's language
        self._language = "en"
        self.headers = ("", "")  # the panel's column titles (translated where the panel is)
        bold = QFont()
        bold.setBold(True)
        self._bold = bold
        self._brushes = {s: QBrush(QColor(c)) for s, c in SEVERITY_COLOURS.items()}

    def set_findings(self, findings: list[Finding]) -> None:
        """Show `findings` (one pass to group them; nothing per row is made here)."""
        by_severity: dict[Severity, list[Finding]] = {s: [] for s in Severity}
        rules: set[str] = set()
        for finding in findings:
            by_severity[SEVERITY_OF[finding.severity]].append(finding)
            rules.add(finding.rule)
        self.beginResetModel()
        self.groups = [
            (s, by_severity[s]) for s in sorted(Severity, key=SEVERITY_RANK.get) if by_severity[s]
        ]
        self._loaded = [min(CHUNK, len(found)) for _, found in self.groups]
        self.rules = rules
        self._titles, self._language = {}, ui_language()
        self.endResetModel()

    def title(self, rule_id: str) -> str:
        """A rule's title in the UI's language (its id if the rule is unknown)."""
        return self._title(rule_id)

    def finding_count(self) -> int:
        return sum(len(found) for _, found in self.groups)

    # ------------------------------------------------------------ structure
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if column < 0 or column > 1 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, _GROUP) if row < len(self.groups) else QModelIndex()
            )
        if parent.internalId() != _GROUP or row >= self._loaded[parent.row()]:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return self._loaded[parent.row()]
        return 0

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802 - Qt override
        if not parent.isValid() or parent.internalId() != _GROUP:
            return False
        return self._loaded[parent.row()] < len(self.groups[parent.row()][1])

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802 - Qt override
        if not self.canFetchMore(parent):
            return
        group = parent.row()
        start = self._loaded[group]
        end = min(start + CHUNK, len(self.groups[group][1]))
        self.beginInsertRows(self.index(group, 0), start, end - 1)
        self._loaded[group] = end
        self.endInsertRows()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    # ----------------------------------------------------------------- data
    def finding(self, index: _Index) -> Finding | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    def severity(self, index: _Index) -> Severity | None:
        """The severity of a group row (None for a finding row)."""
        if not index.isValid() or index.internalId() != _GROUP:
            return None
        return self.groups[index.row()][0]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(index, role)
        finding = self.groups[index.internalId() - 1][1][index.row()]
        if role == FINDING_ROLE:
            return finding
        if role == Qt.ItemDataRole.DisplayRole:
            return finding.message if index.column() == 0 else self._title(finding.rule)
        if role == Qt.ItemDataRole.ToolTipRole:  # the rule's id (for settings) on hover
            return finding.message if index.column() == 0 else finding.rule
        return None

    def _group_data(self, index: _Index, role: int):
        severity, found = self.groups[index.row()]
        if role == FINDING_ROLE:
            return severity
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return severity_count(severity.value, len(found))
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._brushes[severity]
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None

    def _title(self, rule_id: str) -> str:
        title = self._titles.get(rule_id)
        if title is None:
            rule = RULES.get(rule_id)
            title = rule.title(self._language) if rule is not None else rule_id
            self._titles[rule_id] = title
        return title
