"""The scene mirrors one design: id -> item maps, updated from the model's events.

It never writes the model: gestures go through `interactions` and `ui.edits`
to the undo stack, and the resulting events come back here. Every handler
touches only the items an event names (and their connectors), so a
10,000-department design stays responsive. Where every box is comes from
`geometry` (the model's positions); a big chart has items only for what is in
view (`lazy_items.py`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from orgdesigner import events as ev
from orgdesigner.entities import LinkKind
from orgdesigner.progress import steps

from .. import edits
from ..context import EditorContext
from . import style
from .chart_geometry import ChartGeometry
from .connector_items import LinkItem, LinkLabelItem, ReportingLineItem
from .link_router import LinkRouter
from .department_item import DepartmentItem
from .folding import BranchFolding
from .interactions import ConnectInteraction, MoveInteraction
from . import lazy_items
from .lazy_items import PINNED_SELECTION, LazyItemsMixin
from .rename_editor import InPlaceEditingMixin, RenameEditor

MARGIN = 1500.0  # room around the chart to pan into and double-click on


class OrgScene(InPlaceEditingMixin, LazyItemsMixin, QGraphicsScene):
    message = Signal(str)  # a hint or a refusal for the status bar ("" clears it)
    content_changed = Signal()  # the design or the findings changed (the overview redraws)
    selection_shown = Signal()  # the model's selection changed (the zoomed-out image redraws)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.geometry = ChartGeometry()  # every box's rectangle, items or not
        self.lazy = False  # True: items only for the visible region (a big chart)
        self.version = 0  # counts changes of boxes, connectors and folding (caches key on it)
        self._covered: QRectF | None = None
        # No BSP index: every setPath of a long link curve was removed from and
        # re-inserted into the index (0.2 ms each, tens of ms per mouse move when
        # a dragged box has 100 links); a linear scan per paint or hit test is cheaper.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.ctx: EditorContext | None = None
        self.boxes: dict[str, DepartmentItem] = {}
        self.reporting: dict[str, ReportingLineItem] = {}  # child id -> its line to the parent
        self.links: dict[str, LinkItem] = {}
        self.router = LinkRouter(self)  # the core's link routes, computed in idle time
        self.snap_to_grid = False
        self.user_dragging = False
        self.read_only = False
        self.tool = "select"  # or "reporting" / "link": drag from any box to connect
        self.link_kind = LinkKind.COLLABORATION
        self.interaction: MoveInteraction | ConnectInteraction | None = None
        self.editor: RenameEditor | None = None
        self._syncing = False
        self._bulk_move = False
        self.badges: dict[str, tuple[int, str]] = {}  # findings badges by department id
        self.folding = BranchFolding(self)
        self.setSceneRect(QRectF(-MARGIN, -MARGIN, 2 * MARGIN, 2 * MARGIN))
        self.selectionChanged.connect(self._on_scene_selection)
        self._handlers = {
            ev.DepartmentAdded: self._on_department_added,
            ev.DepartmentRemoved: self._on_department_removed,
            ev.DepartmentChanged: self._on_department_changed,
            ev.DepartmentsMoved: self._on_departments_moved,
            ev.ParentChanged: self._on_parent_changed,
            ev.LinkAdded: self._on_link_added,
            ev.LinkRemoved: self._on_link_removed,
            ev.LinkChanged: self._on_link_changed,
            ev.DesignInfoChanged: self._on_design_info_changed,
        }

    # ------------------------------------------------------------ the design
    def set_context(self, ctx: EditorContext | None) -> None:
        """Show another design (or none); rebuilds all items once."""
        if self.ctx is not None:
            self.ctx.bridge.changed.disconnect(self._on_model_event)
            self.ctx.selection.changed.disconnect(self._on_model_selection)
        self._cancel_interaction()
        self._close_editor(commit=False)
        self._syncing = True
        self.clear()
        self._syncing = False
        self.boxes, self.reporting, self.links, self.badges = {}, {}, {}, {}
        self.version += 1
        self.router.reset()
        self.geometry = ChartGeometry()
        self._covered = None
        self.folding.reset()
        self.ctx = ctx
        if ctx is None:
            self.lazy = False
            return
        # Connected first: a build cancelled half-way (progress.Cancelled) leaves a scene
        # that the next set_context tears down like any other.
        ctx.bridge.changed.connect(self._on_model_event)
        ctx.selection.changed.connect(self._on_model_selection)
        design = ctx.design
        n = len(design.departments)
        self.lazy = n > lazy_items.LAZY_ABOVE
        total = n if self.lazy else 3 * n + len(design.links)
        self.geometry.reset(
            (d.id, d.x, d.y) for d in steps("chart", design.departments.values(), total)
        )
        self.router.set_boxes(self.geometry.rects)
        self.folding.apply()
        if not self.lazy:  # a small chart: every item now (a big one: at the first paint)
            for dept in steps("chart", design.departments.values(), total, start=n):
                self._add_box(dept)
            for dept in steps("chart", design.departments.values(), total, start=2 * n):
                if dept.parent is not None:
                    self._add_reporting(dept.id, dept.parent)
            for link in steps("chart", design.links.values(), total, start=3 * n):
                self._add_link(link)
        rect = self.geometry.bounds()
        self.setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self._on_model_selection()
        self.content_changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for item in self.boxes.values():
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, not read_only)

    def _grow_to(self, rect: QRectF) -> None:
        """Keep MARGIN of room around every box (only ever grows, O(1))."""
        wanted = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        current = self.sceneRect()
        if not current.contains(wanted):
            self.setSceneRect(current.united(wanted))

    # ---------------------------------------------------------- model events
    def _on_model_event(self, event: ev.Event) -> None:
        self.version += 1
        self.content_changed.emit()
        if not isinstance(event, (ev.DesignInfoChanged, ev.LinkRemoved)):
            self._covered = None  # boxes or connectors may have come into view
        handler = self._handlers.get(type(event))
        if handler is not None:
            handler(event)
        if isinstance(
            event, (ev.DepartmentAdded, ev.DepartmentRemoved, ev.ParentChanged, ev.LinkAdded)
        ):
            self.folding.apply()  # fold buttons and hidden boxes follow the tree

    def _on_department_added(self, event: ev.DepartmentAdded) -> None:
        dept = event.department
        self.geometry.set(dept.id, dept.x, dept.y)
        self.router.set_box(dept.id, self.geometry.rect(dept.id))
        if not self.lazy or (dept.parent is not None and dept.parent in self.boxes):
            self.ensure_box(dept.id)  # a lazy chart: the next paint makes it if it is in view
        self._grow_to(self.box_rect(dept.id))

    def _on_department_removed(self, event: ev.DepartmentRemoved) -> None:
        dept_id = event.department.id
        if self.editor is not None and self.editor.data(0) == dept_id:
            self._close_editor(commit=False)
        self._remove_line(dept_id)
        item = self.boxes.pop(dept_id, None)
        self.geometry.remove(dept_id)
        self.router.remove_box(dept_id)
        self.badges.pop(dept_id, None)
        if self.interaction is not None:
            self._cancel_interaction()
        if item is not None:
            self._syncing = True
            self.removeItem(item)
            self._syncing = False
        self.ctx.selection.discard({dept_id})

    def _on_department_changed(self, event: ev.DepartmentChanged) -> None:
        dept = self.ctx.design.departments[event.id]
        if "x" in event.changes or "y" in event.changes:
            self.geometry.set(event.id, dept.x, dept.y)
        line = self.reporting.get(event.id)
        if "staff" in event.changes and line is not None:
            line.staff = dept.staff
            line.update_path(self.box_rect(line.parent_id), self.box_rect(event.id))
        item = self.boxes.get(event.id)
        if item is None:
            if "x" in event.changes or "y" in event.changes:
                self._reroute((event.id,))
            return
        if set(event.changes) - {"x", "y", "notes", "budget", "code"}:
            height = item.rect().height()
            item.apply(dept)
            if item.rect().height() != height:
                self.geometry.set_height(event.id, item.rect().height())
                self.box_moved(item)
        if "x" in event.changes or "y" in event.changes:
            item.setPos(dept.x, dept.y)

    def _on_departments_moved(self, event: ev.DepartmentsMoved) -> None:
        for dept_id, (x, y) in event.positions.items():
            self.geometry.set(dept_id, x, y)
        if len(event.positions) < 8:
            for dept_id, (x, y) in event.positions.items():
                item = self.boxes.get(dept_id)
                if item is None:
                    self._reroute((dept_id,))
                else:
                    item.setPos(x, y)
                self._grow_to(self.box_rect(dept_id))
            return
        # A layout or a big drag: move all boxes, then re-route each connector once.
        self._bulk_move = True
        rect = QRectF()
        try:
            for dept_id, (x, y) in event.positions.items():
                item = self.boxes.get(dept_id)
                if item is not None:
                    item.setPos(x, y)
                rect = rect.united(self.box_rect(dept_id))
        finally:
            self._bulk_move = False
        self._grow_to(rect)
        self._reroute(event.positions)

    def _reroute(self, ids) -> None:
        design = self.ctx.design
        lines: set[str] = set()
        links: set[str] = set()
        for dept_id in ids:
            if dept_id in self.geometry:
                self.router.set_box(dept_id, self.box_rect(dept_id))
            lines.add(dept_id)
            lines.update(design.child_ids(dept_id))
            links.update(link.id for link in design.links_of(dept_id))
        for child in lines:
            line = self.reporting.get(child)
            if line is not None:
                line.update_path(self.box_rect(line.parent_id), self.box_rect(child))
        for link_id in links:
            item = self.links.get(link_id)
            if item is not None:
                item.update_path(self.box_rect(item.source_id), self.box_rect(item.target_id))
        self.router.schedule(link_id for link_id in links if link_id in self.links)

    def _on_parent_changed(self, event: ev.ParentChanged) -> None:
        self._remove_line(event.id)
        if event.new is not None and (event.id in self.boxes or event.new in self.boxes):
            self._add_reporting(event.id, event.new)

    def _on_link_added(self, event: ev.LinkAdded) -> None:
        link = event.link
        if link.source in self.boxes or link.target in self.boxes:
            self._add_link(link)  # else the next paint adds it if it crosses the view

    def _on_link_removed(self, event: ev.LinkRemoved) -> None:
        self._remove_link_item(event.link.id)
        self.router.forget(event.link.id)
        self.ctx.selection.discard({event.link.id})

    def _on_link_changed(self, event: ev.LinkChanged) -> None:
        link = self.ctx.design.links[event.id]
        self._remove_link_item(link.id)  # its ends may have changed: made again if wanted
        if link.source in self.boxes or link.target in self.boxes:
            self._add_link(link)

    def _on_design_info_changed(self, event: ev.DesignInfoChanged) -> None:
        if "language" in event.changes:  # captions and headcounts follow the design's language
            for dept_id, item in self.boxes.items():
                item.language = event.changes["language"]
                item.apply(self.ctx.design.departments[dept_id])

    # ------------------------------------------------------- item callbacks
    def snapped(self, pos: QPointF) -> QPointF:
        """Where a box being dragged by the user lands (grid snap when on)."""
        if self.user_dragging and self.snap_to_grid:
            g = style.GRID
            return QPointF(round(pos.x() / g) * g, round(pos.y() / g) * g)
        return pos

    def box_moved(self, item: DepartmentItem) -> None:
        """Re-route only the connectors of the box that moved (O(its degree))."""
        if self._bulk_move or self.ctx is None or item.dept_id not in self.boxes:
            return
        design = self.ctx.design
        dept_id = item.dept_id
        rect = item.scene_rect()
        self.router.set_box(dept_id, rect)
        line = self.reporting.get(dept_id)
        if line is not None:
            line.update_path(self.box_rect(line.parent_id), rect)
        for child in design.child_ids(dept_id):
            child_line = self.reporting.get(child)
            if child_line is not None:
                child_line.update_path(rect, self.box_rect(child))
        for link in design.links_of(dept_id):
            link_item = self.links.get(link.id)
            if link_item is not None:
                link_item.update_path(self.box_rect(link.source), self.box_rect(link.target))
        self.router.schedule(link.id for link in design.links_of(dept_id) if link.id in self.links)

    def set_findings(self, badges: dict[str, tuple[int, str]]) -> None:
        """Show a badge (count, worst severity) on the named boxes; clear the others.

        Kept by id: boxes whose items are made later take theirs then. Costs the items
        that exist (a big chart has them for the view only), not the 50,000 badges."""
        for dept_id, item in self.boxes.items():
            item.set_badge(badges.get(dept_id))
        rects = self.geometry.rects
        self.badges = {d: b for d, b in badges.items() if d in rects}
        self.content_changed.emit()

    # ------------------------------------------------------------- selection
    def selected_boxes(self) -> list[DepartmentItem]:
        return [i for i in self.selectedItems() if isinstance(i, DepartmentItem)]

    def _on_scene_selection(self) -> None:
        if self._syncing or self.ctx is None:
            return
        selected = self.selectedItems()
        depts = [i.dept_id for i in selected if isinstance(i, DepartmentItem)]
        links = [i.link_id for i in selected if isinstance(i, LinkItem)]
        self._syncing = True
        try:
            self.ctx.selection.set(depts, links)
        finally:
            self._syncing = False

    def _on_model_selection(self) -> None:
        if self._syncing or self.ctx is None:
            return
        self._syncing = True
        try:
            chosen = self.ctx.selection.departments
            if len(chosen) <= PINNED_SELECTION:  # items for a selection that can be dragged
                for dept_id in chosen:
                    if dept_id not in self.boxes and dept_id not in self.folding.hidden:
                        self.ensure_box(dept_id)
                for link_id in self.ctx.selection.links:
                    link = self.ctx.design.links.get(link_id)
                    if link is not None and link_id not in self.links:
                        self.ensure_box(link.source)  # the link comes with its box
            wanted = [self.boxes[d] for d in chosen if d in self.boxes]
            wanted += [self.links[l] for l in self.ctx.selection.links if l in self.links]
            keep = set(map(id, wanted))
            for item in self.selectedItems():
                if id(item) not in keep:
                    item.setSelected(False)
            for item in wanted:
                item.setSelected(True)
        finally:
            self._syncing = False
        self.selection_shown.emit()  # also boxes without items are drawn selected

    # ------------------------------------------------------------------ hits
    def box_at(self, pos: QPointF, exclude=()) -> DepartmentItem | None:
        """The box under `pos`, skipping ids in `exclude`; its item is made if it has none.

        Looks in the model's geometry (`self.geometry`, the boxes' committed
        positions), not in `items()`: the scene keeps no BSP index (see
        __init__), a big chart has no item for most boxes, and this runs on
        every mouse move of a drag. Boxes being dragged are always in `exclude`.
        """
        hidden = self.folding.hidden
        for dept_id in sorted(self.geometry.ids_at(pos.x(), pos.y())):
            if dept_id in exclude or dept_id in hidden:
                continue
            item = self.boxes.get(dept_id)
            if item is not None and not item.rect().contains(item.mapFromScene(pos)):
                continue
            return self.ensure_box(dept_id)
        return None

    def link_at(self, pos: QPointF) -> LinkItem | None:
        for item in self.items(pos):
            if isinstance(item, LinkLabelItem):
                return item.link
            if isinstance(item, LinkItem):
                return item
        return None

    # ------------------------------------------------------------- gestures
    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.editor is not None and not self.editor.contains(
            self.editor.mapFromScene(event.scenePos())
        ):
            self._close_editor(commit=True)
        if self.ctx is None or self.interaction is not None:
            return super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:  # fold/unfold works read-only too
            self.box_at(event.scenePos())  # a big chart: the box gets its item before Qt looks
            box = next(
                (i for i in self.items(event.scenePos()) if isinstance(i, DepartmentItem)), None
            )
            if box is not None and box.fold_button_at(box.mapFromScene(event.scenePos())):
                self.folding.toggle(box.dept_id)
                event.accept()
                return
        if event.button() == Qt.MouseButton.LeftButton and not self.read_only:
            pos = event.scenePos()
            item = next((i for i in self.items(pos) if isinstance(i, DepartmentItem)), None)
            handle = (
                item.handle_at(item.mapFromScene(pos))
                if item is not None and (item.hovered or item.isSelected())
                else None
            )
            top = next(iter(self.items(pos)), None)
            if isinstance(top, LinkLabelItem):  # a click on a label selects its link
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    top.link.setSelected(not top.link.isSelected())
                else:
                    self.ctx.selection.set([], [top.link.link_id])
                event.accept()
                return
            mode = handle or (self.tool if self.tool != "select" else None)
            if item is not None and mode is not None:
                kind = self.link_kind
                self.interaction = ConnectInteraction(self, item.dept_id, mode, kind)
                event.accept()
                return
            super().mousePressEvent(event)
            grabbed = self.box_at(pos)
            if grabbed is not None and grabbed.isSelected():
                self.interaction = MoveInteraction(self, pos)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if isinstance(self.interaction, ConnectInteraction):
            self.interaction.move(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)
        if (
            isinstance(self.interaction, MoveInteraction)
            and event.buttons() & Qt.MouseButton.LeftButton
        ):
            self.interaction.move(event.scenePos())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        interaction, self.interaction = self.interaction, None
        if isinstance(interaction, ConnectInteraction):
            interaction.release(event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if isinstance(interaction, MoveInteraction):
            interaction.release(event.scenePos())

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.ctx is None or event.button() != Qt.MouseButton.LeftButton or self.read_only:
            return super().mouseDoubleClickEvent(event)
        pos = event.scenePos()
        box = self.box_at(pos)
        if box is not None:
            self.start_rename(box.dept_id)
        elif (link := self.link_at(pos)) is not None:
            self.start_relabel(link.link_id)
        else:
            from orgdesigner.geometry import BOX_H, BOX_W

            x, y = self.snapped_point(pos.x() - BOX_W / 2, pos.y() - BOX_H / 2)
            new_id = edits.add_department(self.ctx, x, y)
            self.start_rename(new_id)
        event.accept()

    def snapped_point(self, x: float, y: float) -> tuple[float, float]:
        if not self.snap_to_grid:
            return x, y
        g = style.GRID
        return round(x / g) * g, round(y / g) * g

    def cancel_gesture(self) -> bool:
        """Escape: drop the gesture in progress (boxes go back); True if there was one."""
        if self.interaction is None:
            return False
        self._cancel_interaction()
        self.message.emit(QCoreApplication.translate("OrgScene", "Cancelled"))
        return True

    def _cancel_interaction(self) -> None:
        interaction, self.interaction = self.interaction, None
        if interaction is not None:
            interaction.cancel()
