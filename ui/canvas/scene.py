"""The scene mirrors one design: id -> item maps, updated from the model's events.

It never writes the model: gestures go through `interactions` and `ui.edits`
to the undo stack, and the resulting events come back here. Every handler
touches only the items an event names (and their connectors), so a
10,000-department design stays responsive.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from orgdesigner import events as ev
from orgdesigner.entities import Department, LinkKind
from orgdesigner.progress import steps

from .. import edits
from ..context import EditorContext
from . import style
from .connector_items import LinkItem, LinkLabelItem, ReportingLineItem
from .link_router import LinkRouter
from .department_item import DepartmentItem
from .folding import BranchFolding
from .interactions import ConnectInteraction, MoveInteraction
from .rename_editor import InPlaceEditingMixin, RenameEditor

MARGIN = 1500.0  # room around the chart to pan into and double-click on


GRID_CELL = 200.0  # hit-test grid cell, about one box wide


def _cell(x: float, y: float) -> tuple[int, int]:
    return int(x // GRID_CELL), int(y // GRID_CELL)


class OrgScene(InPlaceEditingMixin, QGraphicsScene):
    message = Signal(str)  # a hint or a refusal for the status bar ("" clears it)
    content_changed = Signal()  # the design or the findings changed (the overview redraws)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._grid: dict[tuple[int, int], list[str]] | None = None
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
        self._badged: set[str] = set()
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
        self.boxes, self.reporting, self.links, self._badged = {}, {}, {}, set()
        self.router.reset()
        self._grid = None
        self.ctx = ctx
        if ctx is None:
            return
        # Connected first: a build cancelled half-way (progress.Cancelled) leaves a scene
        # that the next set_context tears down like any other.
        ctx.bridge.changed.connect(self._on_model_event)
        ctx.selection.changed.connect(self._on_model_selection)
        design = ctx.design
        n = len(design.departments)
        total = 2 * n + len(design.links)
        rect = QRectF()
        for dept in steps("chart", design.departments.values(), total):
            item = self._add_box(dept)
            rect = rect.united(item.scene_rect())
        for dept in steps("chart", design.departments.values(), total, start=n):
            if dept.parent is not None:
                self._add_reporting(dept.id, dept.parent)
        for link in steps("chart", design.links.values(), total, start=2 * n):
            self._add_link(link)
        self.setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self.folding.reset()
        self.folding.apply()
        self._on_model_selection()
        self.content_changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for item in self.boxes.values():
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, not read_only)

    def _add_box(self, dept: Department) -> DepartmentItem:
        item = DepartmentItem(dept, self.ctx.design.language if self.ctx else "zh")
        if self.read_only:
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
        self.boxes[dept.id] = item
        self.addItem(item)
        self.router.set_box(dept.id, item.scene_rect())
        return item

    def _add_reporting(self, child: str, parent: str) -> None:
        line = ReportingLineItem(child, parent)
        line.staff = self.ctx is not None and self.ctx.design.departments[child].staff
        self.reporting[child] = line
        line.update_path(self.boxes[parent].scene_rect(), self.boxes[child].scene_rect())
        self.addItem(line)

    def _add_link(self, link) -> None:
        item = LinkItem(link)
        self.links[link.id] = item
        item.update_path(self.boxes[link.source].scene_rect(), self.boxes[link.target].scene_rect())
        self.addItem(item)
        self.addItem(item.label)
        self.router.schedule((link.id,))

    def _grow_to(self, rect: QRectF) -> None:
        """Keep MARGIN of room around every box (only ever grows, O(1))."""
        wanted = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        current = self.sceneRect()
        if not current.contains(wanted):
            self.setSceneRect(current.united(wanted))

    # ---------------------------------------------------------- model events
    def _on_model_event(self, event: ev.Event) -> None:
        self.content_changed.emit()
        if isinstance(
            event,
            (ev.DepartmentAdded, ev.DepartmentRemoved, ev.DepartmentChanged, ev.DepartmentsMoved),
        ):
            self._grid = None  # box geometry changed: rebuild the hit-test grid when next needed
        handler = self._handlers.get(type(event))
        if handler is not None:
            handler(event)
        if isinstance(
            event, (ev.DepartmentAdded, ev.DepartmentRemoved, ev.ParentChanged, ev.LinkAdded)
        ):
            self.folding.apply()  # fold buttons and hidden boxes follow the tree

    def _on_department_added(self, event: ev.DepartmentAdded) -> None:
        dept = event.department
        item = self._add_box(dept)
        if dept.parent is not None:
            self._add_reporting(dept.id, dept.parent)
        self._grow_to(item.scene_rect())

    def _on_department_removed(self, event: ev.DepartmentRemoved) -> None:
        dept_id = event.department.id
        if self.editor is not None and self.editor.data(0) == dept_id:
            self._close_editor(commit=False)
        line = self.reporting.pop(dept_id, None)
        if line is not None:
            self.removeItem(line)
        item = self.boxes.pop(dept_id)
        self.router.remove_box(dept_id)
        self._badged.discard(dept_id)
        if self.interaction is not None:
            self._cancel_interaction()
        self._syncing = True
        self.removeItem(item)
        self._syncing = False
        self.ctx.selection.discard({dept_id})

    def _on_department_changed(self, event: ev.DepartmentChanged) -> None:
        item = self.boxes[event.id]
        dept = self.ctx.design.departments[event.id]
        if set(event.changes) - {"x", "y", "notes", "budget", "code"}:
            height = item.rect().height()
            item.apply(dept)
            if item.rect().height() != height:
                self.box_moved(item)
        if "x" in event.changes or "y" in event.changes:
            item.setPos(dept.x, dept.y)
        line = self.reporting.get(event.id)
        if "staff" in event.changes and line is not None:
            line.staff = dept.staff
            line.update_path(self.boxes[line.parent_id].scene_rect(), item.scene_rect())

    def _on_departments_moved(self, event: ev.DepartmentsMoved) -> None:
        if len(event.positions) < 8:
            for dept_id, (x, y) in event.positions.items():
                item = self.boxes[dept_id]
                item.setPos(x, y)
                self._grow_to(item.scene_rect())
            return
        # A layout or a big drag: move all boxes, then re-route each connector once.
        self._bulk_move = True
        rect = QRectF()
        try:
            for dept_id, (x, y) in event.positions.items():
                item = self.boxes[dept_id]
                item.setPos(x, y)
                rect = rect.united(item.scene_rect())
        finally:
            self._bulk_move = False
        self._grow_to(rect)
        self._reroute(event.positions)

    def _reroute(self, ids) -> None:
        design = self.ctx.design
        lines: set[str] = set()
        links: set[str] = set()
        for dept_id in ids:
            if dept_id in self.boxes:
                self.router.set_box(dept_id, self.boxes[dept_id].scene_rect())
            lines.add(dept_id)
            lines.update(design.child_ids(dept_id))
            links.update(link.id for link in design.links_of(dept_id))
        for child in lines:
            line = self.reporting.get(child)
            if line is not None:
                line.update_path(
                    self.boxes[line.parent_id].scene_rect(), self.boxes[child].scene_rect()
                )
        for link_id in links:
            item = self.links.get(link_id)
            if item is not None:
                item.update_path(
                    self.boxes[item.source_id].scene_rect(), self.boxes[item.target_id].scene_rect()
                )
        self.router.schedule(links)

    def _on_parent_changed(self, event: ev.ParentChanged) -> None:
        line = self.reporting.pop(event.id, None)
        if line is not None:
            self.removeItem(line)
        if event.new is not None:
            self._add_reporting(event.id, event.new)

    def _on_link_added(self, event: ev.LinkAdded) -> None:
        self._add_link(event.link)

    def _on_link_removed(self, event: ev.LinkRemoved) -> None:
        item = self.links.pop(event.link.id)
        self.router.forget(event.link.id)
        self._syncing = True
        self.removeItem(item.label)
        self.removeItem(item)
        self._syncing = False
        self.ctx.selection.discard({event.link.id})

    def _on_link_changed(self, event: ev.LinkChanged) -> None:
        link = self.ctx.design.links[event.id]
        item = self.links[event.id]
        item.apply(link)
        item.update_path(self.boxes[link.source].scene_rect(), self.boxes[link.target].scene_rect())
        self.router.schedule((link.id,))

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
            line.update_path(self.boxes[line.parent_id].scene_rect(), rect)
        for child in design.child_ids(dept_id):
            child_line = self.reporting.get(child)
            if child_line is not None:
                child_line.update_path(rect, self.boxes[child].scene_rect())
        for link in design.links_of(dept_id):
            link_item = self.links.get(link.id)
            if link_item is not None:
                link_item.update_path(
                    self.boxes[link.source].scene_rect(), self.boxes[link.target].scene_rect()
                )
        self.router.schedule(link.id for link in design.links_of(dept_id))

    def set_findings(self, badges: dict[str, tuple[int, str]]) -> None:
        """Show a badge (count, worst severity) on the named boxes; clear the others."""
        for dept_id in self._badged - badges.keys():
            item = self.boxes.get(dept_id)
            if item is not None:
                item.set_badge(None)
        for dept_id, badge in badges.items():
            item = self.boxes.get(dept_id)
            if item is not None:
                item.set_badge(badge)
        self._badged = {d for d in badges if d in self.boxes}
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
            wanted = [self.boxes[d] for d in self.ctx.selection.departments if d in self.boxes]
            wanted += [self.links[l] for l in self.ctx.selection.links if l in self.links]
            keep = set(map(id, wanted))
            for item in self.selectedItems():
                if id(item) not in keep:
                    item.setSelected(False)
            for item in wanted:
                item.setSelected(True)
        finally:
            self._syncing = False

    # ------------------------------------------------------------------ hits
    def box_at(self, pos: QPointF, exclude=()) -> DepartmentItem | None:
        """The topmost box under `pos`, skipping ids in `exclude`.

        Looks in a grid of the boxes' committed positions (built once per model
        change), not in `items()`: the scene keeps no BSP index (see __init__),
        and this runs on every mouse move of a drag. Boxes being dragged are
        always in `exclude`; candidates are confirmed on their live geometry.
        """
        best: DepartmentItem | None = None
        for dept_id in self._hit_grid().get(_cell(pos.x(), pos.y()), ()):
            item = self.boxes.get(dept_id)
            if item is None or dept_id in exclude or not item.isVisible():
                continue
            if item.rect().contains(item.mapFromScene(pos)) and (
                best is None or item.zValue() >= best.zValue()
            ):
                best = item
        return best

    def _hit_grid(self) -> dict[tuple[int, int], list[str]]:
        if self._grid is None:
            grid: dict[tuple[int, int], list[str]] = {}
            for dept_id, item in self.boxes.items():
                r = item.scene_rect()
                x0, y0 = _cell(r.left(), r.top())
                x1, y1 = _cell(r.right(), r.bottom())
                for cx in range(x0, x1 + 1):
                    for cy in range(y0, y1 + 1):
                        grid.setdefault((cx, cy), []).append(dept_id)
            self._grid = grid
        return self._grid

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
