"""Routes the canvas's links with the core router (`orgdesigner.routing`), in idle-time batches.

The printed chart and the canvas share one geometry: the same routes around
boxes, the same lanes, labels on free space. A link first shows as a quick
curve (when added, or while a box is dragged) and gets its route moments later,
a few milliseconds of routing per event-loop turn, so opening a 10,000-box
design and dragging stay fluid. A link the router finds no route for (as the
printed chart lists it) is drawn as a dotted stub out of each end, its reason
in the tooltip, never as a curve across the boxes in between.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QRectF, QTimer

from orgdesigner import progress
from orgdesigner.routing import LiveRoutes

from .quick_curve import rect_tuple

BUDGET_S = 0.012  # routing per event-loop turn
DRAG_WAIT_MS = 100  # while the user drags, zooms or pans, look again this much later
VIEW_QUIET_S = 0.25  # the view is still moving if it zoomed or scrolled this recently


class LinkRouter(QObject):
    def __init__(self, scene):
        super().__init__(scene)
        self.scene = scene
        self.live = LiveRoutes()
        self.pending: dict[str, None] = {}  # ordered set of link ids
        self.unplaced: dict = {}  # boxes of an opened chart not yet in the index (see set_boxes)
        # links drawn as stubs (no route): tried again when any box moves, which may free a way
        self.unrouted: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timeout)

    def reset(self) -> None:
        self.live = LiveRoutes()
        self.pending.clear()
        self.unplaced = {}
        self.unrouted.clear()
        self._timer.stop()

    def set_boxes(self, rects: dict) -> None:
        """Every box of an opened chart (id -> x, y, w, h): indexed in idle time before the
        first route, not while the chart opens (seconds at 100,000 boxes)."""
        self.unplaced = dict(rects)

    def set_box(self, dept_id: str, rect: QRectF) -> None:
        self.unplaced.pop(dept_id, None)
        self.live.set_box(dept_id, rect_tuple(rect))
        if self.unrouted:
            self.schedule(list(self.unrouted))

    def remove_box(self, dept_id: str) -> None:
        self.unplaced.pop(dept_id, None)
        self.live.remove_box(dept_id)
        if self.unrouted:
            self.schedule(list(self.unrouted))

    def _place_boxes(self, until: float) -> None:
        while self.unplaced and time.perf_counter() < until:
            for _ in range(min(50, len(self.unplaced))):
                self.live.set_box(*self.unplaced.popitem())

    def forget(self, link_id: str) -> None:
        self.pending.pop(link_id, None)
        self.unrouted.discard(link_id)
        self.live.forget(link_id)

    def schedule(self, link_ids) -> None:
        for link_id in link_ids:
            self.pending[link_id] = None
        if self.pending and not self._timer.isActive():
            self._timer.start()

    def idle(self) -> bool:
        return not self.pending

    def route_now(self) -> None:
        """Everything pending at once (tests, and before printing the canvas)."""
        self._place_boxes(float("inf"))
        while self.pending:
            self._route(next(iter(self.pending)))

    def _on_timeout(self) -> None:
        # No routing inside drag, zoom or pan frames: a batch is as long as a frame. Nor while
        # a long operation's dialog turns the event loop (opening the next design: a batch per
        # progress step for the design being replaced made an open at 100,000 several times slower).
        if (
            self.scene.user_dragging
            or time.monotonic() - self.scene.view_moved_at < VIEW_QUIET_S
            or progress.reporting_now()
        ):
            self._timer.start(DRAG_WAIT_MS)
            return
        self._timer.setInterval(0)
        start = time.perf_counter()
        self._place_boxes(start + BUDGET_S)
        while self.pending and not self.unplaced and time.perf_counter() - start < BUDGET_S:
            self._route(next(iter(self.pending)))
        if self.pending:
            self._timer.start()

    def _route(self, link_id: str) -> None:
        self.pending.pop(link_id, None)
        scene = self.scene
        item = scene.links.get(link_id)
        if item is None or scene.ctx is None:
            return
        design = scene.ctx.design
        link = design.links.get(link_id)
        if link is None:
            return
        lane_a = self._lane(design, link.source, link_id)
        lane_b = self._lane(design, link.target, link_id)
        points = self.live.route(link.source, link.target, lane_a, lane_b, key=link_id)
        if points is None:  # no route around the boxes: stubs, never a curve across them
            if link.source in self.live.boxes.rects and link.target in self.live.boxes.rects:
                item.set_unrouted(self.live.stubs(link.source, link.target))
                self.unrouted.add(link_id)
            return
        self.unrouted.discard(link_id)
        label_at = None
        if link.label:
            rect = item.label.boundingRect()
            label_at = self.live.label(link_id, points, rect.width() + 6, rect.height() + 2)
        item.set_route(points, label_at)

    @staticmethod
    def _lane(design, dept_id: str, link_id: str) -> int:
        for i, link in enumerate(design.links_of(dept_id)):
            if link.id == link_id:
                return i
        return 0
