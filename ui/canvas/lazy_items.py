"""Graphics items on demand: a big chart has items only for what is in view.

Building an item per box made opening a 100,000-department design take
minutes and hundreds of MB. Above LAZY_ABOVE departments the scene creates
items for the boxes in the visible region plus half a view on each side (and
for the connectors touching them), when the view paints; items far away go
again, unless selected, dragged or edited. Whatever needs a box that has no
item (a selection from the outline, a rename, a drop target, a hit test)
calls `ensure_box`, which makes it on the spot. Far out the chart is one
image drawn from the model (`zoomed_out.py`), so zooming out creates nothing.

Small charts keep an item for everything (simpler to reason about, and fast).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

from orgdesigner.entities import Department

from .chart_geometry import ChartGeometry
from .connector_items import LinkItem, ReportingLineItem
from .department_item import DepartmentItem

if TYPE_CHECKING:  # pragma: no cover
    from orgdesigner.entities import Link

LAZY_ABOVE = 3_000  # departments; from here items are made for the visible region only
PINNED_SELECTION = 500  # a selection up to this size keeps items (it can be dragged as one)


class LazyItemsMixin:
    """The scene's id -> item maps and how items come and go (mixed into OrgScene)."""

    geometry: ChartGeometry
    boxes: dict[str, DepartmentItem]
    reporting: dict[str, ReportingLineItem]
    links: dict[str, LinkItem]
    lazy: bool
    _covered: QRectF | None  # the region items were made for (lazy charts)

    # ------------------------------------------------------------ geometry
    def box_rect(self, dept_id: str) -> QRectF:
        """The box's scene rectangle: its item's live one, else the model's."""
        item = self.boxes.get(dept_id)
        return item.scene_rect() if item is not None else self.geometry.rect(dept_id)

    # ------------------------------------------------------------ creation
    def ensure_box(self, dept_id: str) -> DepartmentItem | None:
        """The department's item, made now if it has none (None: no such department)."""
        item = self.boxes.get(dept_id)
        if item is not None or self.ctx is None:
            return item
        dept = self.ctx.design.departments.get(dept_id)
        if dept is None:
            return None
        item = self._add_box(dept)
        design = self.ctx.design
        if dept.parent is not None and dept_id not in self.reporting:
            self._add_reporting(dept_id, dept.parent)
        for child in design.child_ids(dept_id):
            if child not in self.reporting:
                self._add_reporting(child, dept_id)
        for link in design.links_of(dept_id):
            if link.id not in self.links:
                self._add_link(link)
        return item

    def _add_box(self, dept: Department) -> DepartmentItem:
        item = DepartmentItem(dept, self.ctx.design.language if self.ctx else "zh")
        if self.read_only:
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
        dept_id = dept.id
        folding = self.folding
        hidden = dept_id in folding.hidden
        if hidden:
            item.setVisible(False)
        item.set_fold_state(
            dept_id in folding.has_children, 0 if hidden else folding.counts.get(dept_id, 0)
        )
        badge = self.badges.get(dept_id)
        if badge is not None:
            item.set_badge(badge)
        self.boxes[dept_id] = item
        self.addItem(item)
        height = item.rect().height()
        if dept_id in self.geometry and self.geometry.rects[dept_id][3] != height:
            self.geometry.set_height(dept_id, height)
            self.router.set_box(dept_id, item.scene_rect())
        if self.ctx is not None and dept_id in self.ctx.selection.departments:
            was, self._syncing = self._syncing, True  # may run inside a sync
            try:
                item.setSelected(True)
            finally:
                self._syncing = was
        return item

    def _add_reporting(self, child: str, parent: str) -> None:
        line = ReportingLineItem(child, parent)
        line.staff = self.ctx is not None and self.ctx.design.departments[child].staff
        self.reporting[child] = line
        line.update_path(self.box_rect(parent), self.box_rect(child))
        if child in self.folding.hidden:
            line.setVisible(False)
        self.addItem(line)

    def _add_link(self, link: Link) -> None:
        item = LinkItem(link)
        self.links[link.id] = item
        item.update_path(self.box_rect(link.source), self.box_rect(link.target))
        hidden = self.folding.hidden
        if link.source in hidden or link.target in hidden:
            item.setVisible(False)
            item.label.setVisible(False)
        self.addItem(item)
        self.addItem(item.label)
        self.router.schedule((link.id,))

    # ------------------------------------------------------------- removal
    def _remove_line(self, child: str) -> None:
        line = self.reporting.pop(child, None)
        if line is not None:
            self.removeItem(line)

    def _remove_link_item(self, link_id: str) -> None:
        item = self.links.pop(link_id, None)
        if item is not None:
            was, self._syncing = self._syncing, True  # may run inside a sync
            try:
                self.removeItem(item.label)
                self.removeItem(item)
            finally:
                self._syncing = was

    def _drop_box(self, dept_id: str) -> None:
        """Remove a far-away box's item, and its connectors that no other item needs."""
        item = self.boxes.pop(dept_id)
        was, self._syncing = self._syncing, True
        try:
            self.removeItem(item)
        finally:
            self._syncing = was
        design = self.ctx.design
        line = self.reporting.get(dept_id)
        if line is not None and line.parent_id not in self.boxes:
            self._remove_line(dept_id)
        for child in design.child_ids(dept_id):
            if child not in self.boxes:
                self._remove_line(child)
        for link in design.links_of(dept_id):
            if link.source not in self.boxes and link.target not in self.boxes:
                self._remove_link_item(link.id)

    # -------------------------------------------------------------- region
    def pinned(self) -> set[str]:
        """Boxes that keep their items wherever the view goes."""
        ctx = self.ctx
        keep: set[str] = set()
        if ctx is not None and len(ctx.selection.departments) <= PINNED_SELECTION:
            keep.update(ctx.selection.departments)
        interaction = self.interaction
        if interaction is not None:
            keep.update(getattr(interaction, "start", ()))
            source = getattr(interaction, "source", None)
            if source is not None:
                keep.add(source)
            target = getattr(interaction, "target", None)
            if target is not None:
                keep.add(target.dept_id)
        if self.editor is not None and self.editor.data(0) in self.boxes:
            keep.add(self.editor.data(0))
        return keep

    def materialize(self, visible: QRectF) -> None:
        """Items for the boxes in `visible` and half a view around it; far ones go (lazy only)."""
        if not self.lazy or self.ctx is None:
            return
        if self._covered is not None and self._covered.contains(visible):
            return
        dx, dy = visible.width() / 2, visible.height() / 2
        covered = visible.adjusted(-dx, -dy, dx, dy)
        wanted = self.geometry.ids_in(covered) - self.folding.hidden
        keep = wanted | self.pinned()
        for dept_id in [d for d in self.boxes if d not in keep]:
            self._drop_box(dept_id)
        for dept_id in wanted:
            if dept_id not in self.boxes:
                self.ensure_box(dept_id)
        # links passing through with both ends outside (plain numbers: one pass over the links)
        rects, items = self.geometry.rects, self.links
        left, top, right, bottom = covered.left(), covered.top(), covered.right(), covered.bottom()
        for link in self.ctx.design.links.values():
            if link.id in items:
                continue
            a, b = rects.get(link.source), rects.get(link.target)
            if a is None or b is None:
                continue
            if (
                min(a[0], b[0]) <= right
                and max(a[0] + a[2], b[0] + b[2]) >= left
                and min(a[1], b[1]) <= bottom
                and max(a[1] + a[3], b[1] + b[3]) >= top
            ):
                self._add_link(link)
        self._covered = covered

    def refresh_region(self) -> None:
        """Look again at what is in view at the next paint (the design changed)."""
        self._covered = None
