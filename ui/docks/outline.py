"""Outline dock: the reporting tree as a tree view, with a search field.

Selection is shared both ways through the `SelectionModel`. Model events
add, remove, rename and re-parent single items (id -> item map), so the
tree is built once per opened design, not once per edit.

The tree is built lazily: the roots and the children of expanded items (one
level ahead, so every visible item knows whether it has children); the rest
appears when the user expands it, or when a selection or a search reveals
it (up to `REVEAL_DEPTH` levels). A 100,000-level chain therefore opens,
closes and scrolls like a small tree; Qt's item views recurse over expanded
levels, so the depth shown must stay bounded. Items are torn down
iteratively for the same reason.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import events as ev
from orgdesigner.entities import Department

from ..i18n import english_plural, fill

from .base import ContextDock

ID_ROLE = Qt.UserRole + 1
REVEAL_DEPTH = 500  # a selection or search deeper than this is not unfolded in the outline


class OutlineTree(QTreeWidget):
    def select_items(self, items: list[QTreeWidgetItem]) -> None:
        """Replace the selection in one go (fast for thousands of items)."""
        selection = QItemSelection()
        for item in items:
            index = self.indexFromItem(item)
            selection.select(index, index)
        self.selectionModel().select(
            selection, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        )


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
        self.items: dict[str, QTreeWidgetItem] = {}  # built items only (see the module docstring)
        self._filled: set[str] = set()  # departments whose child items are built
        self._visible: set[str] | None = None  # while searching: the ids to show
        self._depths: dict[str, int] = {}  # memo of _depth_of, reset when the tree changes
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
        self.tree.itemExpanded.connect(self._on_item_expanded)
        self.set_context(None)

    # ------------------------------------------------------------ building
    def _make_item(self, dept: Department) -> QTreeWidgetItem:
        item = QTreeWidgetItem([dept.name])
        item.setData(0, ID_ROLE, dept.id)
        self._set_tooltip(item, dept)
        self.items[dept.id] = item
        self._update_indicator(dept.id, item)
        if self._visible is not None:
            item.setHidden(dept.id not in self._visible)
        return item

    def _set_tooltip(self, item: QTreeWidgetItem, dept: Department) -> None:
        tip = dept.name
        if dept.leader:
            tip += "\n" + fill(self.tr("Leader: %1"), dept.leader)
        item.setToolTip(0, tip)

    def _update_indicator(self, dept_id: str, item: QTreeWidgetItem) -> None:
        """An expander arrow for a department whose children are not built yet."""
        assert self.ctx is not None
        unbuilt = dept_id not in self._filled and bool(self.ctx.design.child_ids(dept_id))
        item.setChildIndicatorPolicy(
            QTreeWidgetItem.ShowIndicator
            if unbuilt
            else QTreeWidgetItem.DontShowIndicatorWhenChildless
        )

    def _fill(self, dept_id: str) -> None:
        """Build the child items of a built department (once)."""
        if dept_id in self._filled or dept_id not in self.items or self.ctx is None:
            return
        self._filled.add(dept_id)
        item = self.items[dept_id]
        item.addChildren([self._make_item(k) for k in self.ctx.design.children(dept_id)])
        self._update_indicator(dept_id, item)

    def _on_item_expanded(self, item: QTreeWidgetItem) -> None:
        """Expanded: its children are shown, so build theirs (one level ahead)."""
        dept_id = item.data(0, ID_ROLE)
        self._fill(dept_id)
        for i in range(item.childCount()):
            self._fill(item.child(i).data(0, ID_ROLE))

    def _reveal(self, dept_id: str) -> QTreeWidgetItem | None:
        """The item of `dept_id`, building its ancestors' children; None if deeper than REVEAL_DEPTH."""
        if dept_id in self.items:
            return self.items[dept_id]
        assert self.ctx is not None
        if self._depth_of(dept_id) > REVEAL_DEPTH:
            return None
        path: list[str] = []
        for ancestor in self.ctx.design.ancestors(dept_id):
            path.append(ancestor)
            if ancestor in self._filled:
                break
        for ancestor in reversed(path):
            self._fill(ancestor)
        return self.items.get(dept_id)

    def _depth_of(self, dept_id: str) -> int:
        """Levels above `dept_id` (0 for a root); memoised, so many calls stay linear in total."""
        assert self.ctx is not None
        depths = self._depths
        path: list[str] = []
        current: str | None = dept_id
        while current is not None and current not in depths:
            path.append(current)
            current = self.ctx.design.departments[current].parent
        depth = depths[current] if current is not None else -1
        for node in reversed(path):
            depth += 1
            depths[node] = depth
        return depths[dept_id]

    def _teardown(self) -> None:
        """Remove every item without recursion (a deep chain would overflow Qt's stack)."""
        stack = self.tree.invisibleRootItem().takeChildren()
        while stack:
            stack.extend(stack.pop().takeChildren())
        self.items = {}
        self._filled = set()
        self._depths = {}

    def _forget(self, item: QTreeWidgetItem) -> None:
        """Drop a detached item and its built descendants from the maps."""
        stack = [item]
        while stack:
            current = stack.pop()
            dept_id = current.data(0, ID_ROLE)
            self.items.pop(dept_id, None)
            self._filled.discard(dept_id)
            stack.extend(current.child(i) for i in range(current.childCount()))

    def _reload(self) -> None:
        with QSignalBlocker(self.tree):
            self._teardown()
            if self.ctx is None:
                return
            roots = [self._make_item(d) for d in self.ctx.design.roots()]
            self.tree.addTopLevelItems(roots)
            for root in roots:
                self._fill(root.data(0, ID_ROLE))
                self._on_item_expanded(root)
                root.setExpanded(True)
        self.apply_search()
        self._on_selection_changed()

    def _parent_item(self, parent: str | None) -> QTreeWidgetItem:
        return self.items[parent] if parent is not None else self.tree.invisibleRootItem()

    def _children_built(self, parent: str | None) -> bool:
        return parent is None or parent in self._filled

    def _insert(self, item: QTreeWidgetItem, parent: str | None, sibling_index: int) -> None:
        """Put the item where the event says the model put the department."""
        self._parent_item(parent).insertChild(sibling_index, item)

    # ------------------------------------------------------------ following
    def _on_model_event(self, event: ev.Event) -> None:
        if self.ctx is None:
            return
        moved: QTreeWidgetItem | None = None  # an item taken out and put back loses its selection
        if isinstance(event, (ev.DepartmentAdded, ev.DepartmentRemoved, ev.ParentChanged)):
            self._depths = {}
        with QSignalBlocker(self.tree):  # taking items out must not shrink the shared selection
            if isinstance(event, ev.DepartmentAdded):
                dept = event.department
                if self._children_built(dept.parent):
                    moved = self._make_item(dept)
                    self._insert(moved, dept.parent, event.sibling_index)
                elif dept.parent in self.items:
                    self._update_indicator(dept.parent, self.items[dept.parent])
            elif isinstance(event, ev.DepartmentRemoved):
                item = self.items.get(event.department.id)
                moved = item
                if item is not None:
                    parent = item.parent() or self.tree.invisibleRootItem()
                    parent.removeChild(item)
                    self._forget(item)
                old = event.department.parent
                if old in self.items:
                    self._update_indicator(old, self.items[old])
            elif isinstance(event, ev.ParentChanged):
                moved = self._reparent(event)
                if moved is None:
                    return
            elif isinstance(event, ev.DepartmentChanged) and {"name", "leader"} & set(
                event.changes
            ):
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

    def _reparent(self, event: ev.ParentChanged) -> QTreeWidgetItem | None:
        """Move the item under its new parent (built there only if that parent's children are)."""
        moved = self.items.get(event.id)
        expanded = moved.isExpanded() if moved is not None else False
        if moved is not None:
            old_parent = moved.parent() or self.tree.invisibleRootItem()
            old_parent.removeChild(moved)
        for parent in (event.old, event.new):
            if parent in self.items:
                self._update_indicator(parent, self.items[parent])
        if self._children_built(event.new):
            if moved is None:
                moved = self._make_item(self.ctx.design.departments[event.id])
            self._insert(moved, event.new, event.sibling_index)
            moved.setExpanded(expanded)
        else:
            if moved is not None:
                self._forget(moved)
            moved = None
            if event.new in self.items:
                self._fill(event.new)
                moved = self.items.get(event.id)
        if event.new is not None and event.new in self.items:
            self._on_item_expanded(self.items[event.new])
            self.items[event.new].setExpanded(True)
        return moved

    def _on_selection_changed(self) -> None:
        """Show the shared selection without echoing it back."""
        self.resync_timer.stop()
        if self.ctx is None:
            return
        with QSignalBlocker(self.tree):
            found = (
                self._reveal(d)
                for d in self.ctx.selection.departments
                if d in self.ctx.design.departments
            )
            selected = [item for item in found if item is not None]
            self.tree.select_items(selected)
            for item in selected:
                parent = item.parent()
                while parent is not None and not parent.isExpanded():
                    self._on_item_expanded(parent)
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
            self._visible = None
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
        self._visible = visible
        with QSignalBlocker(self.tree):
            for dept_id in visible:
                self._reveal(dept_id)
            for dept_id, item in self.items.items():
                item.setHidden(dept_id not in visible)
            for dept_id in visible:
                item = self.items.get(dept_id)
                if item is not None and item.childCount():
                    self._on_item_expanded(item)
                    item.setExpanded(True)
        self.match_label.setText(
            english_plural(self.tr("%n match(es)", "", len(self.matches)), len(self.matches))
        )

    def _tree_order(self) -> list[str]:
        assert self.ctx is not None
        return [dept_id for dept_id, _ in self.ctx.design.iter_parent_first()]

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
