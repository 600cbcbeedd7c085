"""Outline dock: the reporting tree as a tree view, with a search field.

Selection is shared both ways through the `SelectionModel`. Model events
add, remove, rename and re-parent single items (id -> item map), so the
tree is built once per opened design, not once per edit.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from orgdesigner import events as ev
from orgdesigner.entities import Department

from ..i18n import english_plural

from .base import ContextDock

ID_ROLE = Qt.UserRole + 1


class OutlineTree(QTreeWidget):
    def select_items(self, items: list[QTreeWidgetItem]) -> None:
        """Replace the selection in one go (fast for thousands of items)."""
        selection = QItemSelection()
        for item in items:
            index = self.indexFromItem(item)
            selection.select(index, index)
        self.selectionModel().select(
            selection, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)


class OutlineDock(ContextDock):
    focus_requested = Signal(list)  # department ids the canvas should centre

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Outline"), "OutlineDock", parent)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search departments (Enter: next match)"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.match_label = QLabel()
        layout.addWidget(self.match_label)
        self.tree = OutlineTree()
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.matches: list[str] = []
        self._match_cursor = -1
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)
        self.search_timer.timeout.connect(self.apply_search)
        self.resync_timer = QTimer(self)  # restores the tree's selection after a burst of changes
        self.resync_timer.setSingleShot(True)
        self.resync_timer.setInterval(0)
        self.resync_timer.timeout.connect(self._on_selection_changed)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.returnPressed.connect(self.next_match)
        self.tree.itemSelectionChanged.connect(self._on_tree_selection)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.set_context(None)

    # ------------------------------------------------------------ building
    def _make_item(self, dept: Department) -> QTreeWidgetItem:
        item = QTreeWidgetItem([dept.name])
        item.setData(0, ID_ROLE, dept.id)
        self._set_tooltip(item, dept)
        self.items[dept.id] = item
        return item

    def _set_tooltip(self, item: QTreeWidgetItem, dept: Department) -> None:
        tip = dept.name
        if dept.leader:
            tip += "\n" + self.tr("Leader: %1").replace("%1", dept.leader)
        item.setToolTip(0, tip)

    def _reload(self) -> None:
        with QSignalBlocker(self.tree):
            self.tree.clear()
            self.items = {}
            if self.ctx is None:
                return
            design = self.ctx.design
            roots = [self._make_item(d) for d in design.roots()]
            self.tree.addTopLevelItems(roots)
            stack = list(zip((d.id for d in design.roots()), roots))
            while stack:
                dept_id, item = stack.pop()
                kids = design.children(dept_id)
                if kids:
                    children = [self._make_item(k) for k in kids]
                    item.addChildren(children)
                    stack.extend(zip((k.id for k in kids), children))
            for root in roots:
                root.setExpanded(True)
        self.apply_search()
        self._on_selection_changed()

    def _parent_item(self, parent: str | None) -> QTreeWidgetItem:
        return self.items[parent] if parent is not None else self.tree.invisibleRootItem()

    def _insert(self, item: QTreeWidgetItem, dept_id: str, parent: str | None) -> None:
        assert self.ctx is not None
        siblings = self.ctx.design.child_ids(parent)
        index = siblings.index(dept_id) if dept_id in siblings else len(siblings)
        self._parent_item(parent).insertChild(index, item)

    # ------------------------------------------------------------ following
    def _on_model_event(self, event: ev.Event) -> None:
        if self.ctx is None:
            return
        moved: QTreeWidgetItem | None = None  # an item taken out and put back loses its selection
        with QSignalBlocker(self.tree):  # taking items out must not shrink the shared selection
            if isinstance(event, ev.DepartmentAdded):
                dept = event.department
                moved = self._make_item(dept)
                self._insert(moved, dept.id, dept.parent)
            elif isinstance(event, ev.DepartmentRemoved):
                item = self.items.pop(event.department.id, None)
                moved = item
                if item is not None:
                    parent = item.parent() or self.tree.invisibleRootItem()
                    parent.removeChild(item)
            elif isinstance(event, ev.ParentChanged):
                moved = self.items.get(event.id)
                if moved is None:
                    return
                expanded = moved.isExpanded()
                old_parent = moved.parent() or self.tree.invisibleRootItem()
                old_parent.removeChild(moved)
                self._insert(moved, event.id, event.new)
                moved.setExpanded(expanded)
                if event.new is not None:
                    self.items[event.new].setExpanded(True)
            elif isinstance(event, ev.DepartmentChanged) and {"name", "leader"} & set(event.changes):
                item = self.items.get(event.id)
                if item is not None:
                    dept = self.ctx.design.departments[event.id]
                    item.setText(0, dept.name)
                    self._set_tooltip(item, dept)
                return
            else:
                return
            if moved is not None and self.ctx.selection.departments:
                # Taken-out items lose their selection, and removing rows from a large
                # selection is slow: clear it now, restore it once after the burst.
                self.tree.clearSelection()
                self.resync_timer.start()
        if self.search.text().strip():
            self.search_timer.start()

    def _on_selection_changed(self) -> None:
        """Show the shared selection without echoing it back."""
        self.resync_timer.stop()
        if self.ctx is None:
            return
        selected = [self.items[d] for d in self.ctx.selection.departments if d in self.items]
        with QSignalBlocker(self.tree):
            self.tree.select_items(selected)
            for item in selected:
                parent = item.parent()
                while parent is not None and not parent.isExpanded():
                    parent.setExpanded(True)
                    parent = parent.parent()
        if selected:
            self.tree.scrollToItem(selected[0])

    def _on_tree_selection(self) -> None:
        if self.ctx is None:
            return
        ids = [item.data(0, ID_ROLE) for item in self.tree.selectedItems()]
        self.ctx.selection.set(ids, [])
        if ids:  # the canvas scrolls to what the user picked in the tree
            self.focus_requested.emit(ids)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.focus_requested.emit([item.data(0, ID_ROLE)])

    # ------------------------------------------------------------ searching
    def apply_search(self) -> None:
        """Show matching departments with their managers; hide the rest."""
        self.search_timer.stop()
        text = self.search.text().strip().casefold()
        self._match_cursor = -1
        if not text:
            self.matches = []
            for item in self.items.values():
                item.setHidden(False)
            self.match_label.clear()
            return
        visible: set[str] = set()
        self.matches = []
        assert self.ctx is not None
        design = self.ctx.design
        order = self._tree_order()
        for dept_id in order:
            dept = design.departments[dept_id]
            if text in dept.name.casefold() or text in dept.leader.casefold():
                self.matches.append(dept_id)
                visible.add(dept_id)
                for ancestor in design.ancestors(dept_id):
                    if ancestor in visible:
                        break
                    visible.add(ancestor)
        for dept_id, item in self.items.items():
            item.setHidden(dept_id not in visible)
        for dept_id in visible:
            if self.items[dept_id].childCount():
                self.items[dept_id].setExpanded(True)
        self.match_label.setText(english_plural(self.tr("%n match(es)", "", len(self.matches)), len(self.matches)))

    def _tree_order(self) -> list[str]:
        assert self.ctx is not None
        out: list[str] = []
        stack = [d.id for d in reversed(self.ctx.design.roots())]
        while stack:
            dept_id = stack.pop()
            out.append(dept_id)
            stack.extend(reversed(self.ctx.design.child_ids(dept_id)))
        return out

    def next_match(self) -> None:
        """Select the next match (Enter in the search field) and ask the canvas to show it."""
        if self.search_timer.isActive():
            self.apply_search()
        if not self.matches or self.ctx is None:
            return
        self._match_cursor = (self._match_cursor + 1) % len(self.matches)
        dept_id = self.matches[self._match_cursor]
        self.ctx.selection.set([dept_id], [])
        self.focus_requested.emit([dept_id])
