"""Drag, zoom and pan frames (issue #17): a drag frame paints only what moves over a picture of
the rest, the moving connectors are drawn from the boxes and their items updated once on
release, at rest the canvas looks as before, and idle routing waits while the view moves."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest

from orgdesigner.entities import Link
from tests.ui.editor_fixtures import center_of, click, drag, sample_design, show_canvas
from tests.ui.test_canvas_large import big_design
from tests.ui.test_canvas_lazy import big_file, canvas, visible_rect  # noqa: F401
from ui.canvas import connector_items, lod, style, zoomed_out
from ui.canvas.department_item import DepartmentItem


def _count_paints(monkeypatch) -> Counter:
    """Count paint() calls per item id (patched before the scene makes its items)."""
    painted: Counter = Counter()
    for cls, key in (
        (DepartmentItem, lambda item: item.dept_id),
        (connector_items.LinkItem, lambda item: item.link_id),
    ):
        original = cls.paint

        def paint(self, painter, option, widget=None, original=original, key=key):
            painted[key(self)] += 1
            return original(self, painter, option, widget)

        monkeypatch.setattr(cls, "paint", paint)
    return painted


def _hub_design(links: int = 40):
    """A big (not lazy) chart whose busiest box also has `links` links to boxes far away."""
    design = big_design()
    hub = max(design.departments, key=lambda d: len(design.child_ids(d)))
    far = [
        d
        for d in design.departments
        if d != hub and design.find_link(hub, d, "collaboration") is None
    ]
    for i, other in enumerate(far[-links:]):
        design.add_link(Link(source=hub, target=other) if i % 2 else Link(source=other, target=hub))
    return design, hub


def _ends_on(rect, x: float, y: float) -> bool:
    return rect.adjusted(-1.5, -1.5, 1.5, 1.5).contains(x, y)


def test_a_drag_frame_repaints_only_the_dragged_box_and_draws_its_links_from_the_boxes(
    qtbot, monkeypatch
):
    painted = _count_paints(monkeypatch)
    paths: Counter = Counter()
    original_update = connector_items.LinkItem.update_path

    def update_path(self, *args):
        paths[self.link_id] += 1
        return original_update(self, *args)

    monkeypatch.setattr(connector_items.LinkItem, "update_path", update_path)
    design, hub = _hub_design()
    ctx, scene, view = show_canvas(qtbot, design)
    view.centerOn(scene.boxes[hub].scene_rect().center())
    hub_links = [link.id for link in design.links_of(hub)]
    assert len(hub_links) >= 40
    vp = view.viewport()
    start = center_of(scene, view, hub)
    QTest.mouseMove(vp, start)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(vp, start + QPoint(4, 3))
    qtbot.wait(1)
    assert scene.user_dragging and view.drag_layer.renders == 1
    painted.clear()
    paths.clear()
    moves = 6
    for i in range(2, moves + 2):
        QTest.mouseMove(vp, start + QPoint(4 * i, 3 * i))
        vp.repaint()  # one frame
    # the still boxes and links come from the picture, drawn once for the whole drag
    assert view.drag_layer.renders == 1
    assert set(painted) == {hub}  # only the dragged box paints itself
    assert painted[hub] == moves
    assert not paths  # no link item is re-pathed per mouse move
    assert view.drag_layer.painted >= 1 + len(hub_links)  # the box, its lines and its links
    end = start + QPoint(4 * (moves + 1), 3 * (moves + 1))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert not scene.user_dragging
    # on release each link of the box gets its path once, and it ends at the moved box
    assert set(paths) == set(hub_links) and max(paths.values()) == 1
    box = scene.boxes[hub].scene_rect()
    assert (design.departments[hub].x, design.departments[hub].y) == (box.x(), box.y())
    for link_id in hub_links:
        item = scene.links[link_id]
        path = item.path()
        point = path.elementAt(0) if item.source_id == hub else path.elementAt(3)
        assert _ends_on(box, point.x, point.y), link_id
    scene.router.route_now()  # and so do the routes that replace the quick curves
    for link_id in hub_links:
        item = scene.links[link_id]
        if item.route is not None:
            x, y = item.route[0] if item.source_id == hub else item.route[-1]
            assert _ends_on(box, x, y), link_id
    for child in design.child_ids(hub):  # the reporting lines start at it
        first = scene.reporting[child].path().elementAt(0)
        assert _ends_on(box, first.x, first.y), child


def _at_rest(qtbot):
    """The sample chart with 市场部 selected and every link routed, and how it looks."""
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    click(view, center_of(scene, view, "mkt"))
    scene.router.route_now()
    qtbot.wait(1)
    return design, ctx, scene, view, view.viewport().grab().toImage()


def test_the_drag_picture_is_the_view_without_the_moving_items(qtbot):
    design, ctx, scene, view, rest = _at_rest(qtbot)
    vp = view.viewport()
    start = center_of(scene, view, "mkt")
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 4):
        QTest.mouseMove(vp, start + QPoint(0, 25 * i))
        vp.repaint()
    middle = vp.grab().toImage()
    # still boxes (inside their borders, where no connector ends) and the grid look the same
    for dept_id in ("gm", "sales"):
        rect = view.mapFromScene(scene.boxes[dept_id].scene_rect()).boundingRect()
        inner = rect.adjusted(4, 8, -4, -4)
        assert rest.copy(inner) == middle.copy(inner), dept_id
    corner = QRect(vp.width() - 60, vp.height() - 60, 50, 50)
    assert rest.copy(corner) == middle.copy(corner)
    # and the dragged box is drawn where it is now, not where it was
    moved = view.mapFromScene(scene.boxes["mkt"].scene_rect()).boundingRect()
    assert rest.copy(moved) != middle.copy(moved)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)


def test_at_rest_after_a_drag_and_undo_the_canvas_looks_as_before(qtbot):
    design, ctx, scene, view, before = _at_rest(qtbot)
    start = center_of(scene, view, "mkt")
    drag(view, start, start + QPoint(140, 90))
    assert design.departments["mkt"].x == 140
    ctx.undo_stack.undo()
    scene.router.route_now()
    qtbot.wait(1)
    assert view.viewport().grab().toImage() == before


def test_links_keep_their_pens_at_rest_and_draw_thin_while_moving(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    item = scene.links["l1"]
    color, dash = style.LINK_STYLE[design.links["l1"].kind]
    pen = item.pen()  # at rest: as before
    assert (pen.color(), pen.style(), pen.widthF(), pen.isCosmetic()) == (color, dash, 1.6, False)
    moving = item.moving_pen(1.0)  # while moving: one pixel, dashes as long on screen
    assert moving.isCosmetic() and moving.color() == color
    assert moving.dashPattern() == [d * 1.6 for d in pen.dashPattern()]
    assert item.moving_pen(0.5).dashPattern() == [d * 0.8 for d in pen.dashPattern()]
    far = item.moving_pen(lod.BLOCK_BELOW / 2)  # far out: a thin solid line, as at rest
    assert far.style() == Qt.PenStyle.SolidLine and far.isCosmetic()


def test_idle_routing_waits_while_the_view_zooms_or_pans(qtbot):
    design = sample_design()
    ctx, scene, view = show_canvas(qtbot, design)
    router = scene.router
    router.route_now()
    router.schedule(["l1"])
    view.zoom_by(1.15)
    router._on_timeout()  # the timer fires while the view is still moving: no routing
    assert not router.idle()
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 40)
    router._on_timeout()
    assert not router.idle()
    qtbot.waitUntil(router.idle, timeout=5000)  # once the view is still, it routes


def test_far_out_a_drag_frame_scales_the_chart_image_once_per_view(canvas, qtbot, monkeypatch):
    """A big chart far out is one image (zoomed_out.py): while a box is dragged, the image as
    scaled for the view is put back each frame, not scaled again; the box's connectors still
    end at it after the release."""
    ctx, scene, view = canvas
    view.set_zoom(0.05)
    view.centerOn(scene.geometry.bounds().center())
    qtbot.wait(1)
    view.viewport().grab()
    assert view.zoomed_out.applies()
    design = ctx.design
    target = max(scene.geometry.ids_in(visible_rect(view)), key=lambda d: len(design.child_ids(d)))
    scaled = Counter()
    original = zoomed_out.ZoomedOutCache._draw_image

    def draw_image(self, *args):
        scaled["image"] += 1
        return original(self, *args)

    monkeypatch.setattr(zoomed_out.ZoomedOutCache, "_draw_image", draw_image)
    vp = view.viewport()
    start = view.mapFromScene(scene.box_rect(target).center())
    QTest.mouseMove(vp, start)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 9):
        QTest.mouseMove(vp, start + QPoint(0, 2 * i))
        vp.repaint()
    assert scaled["image"] <= 3  # the press, the first frame, and the copy kept for the rest
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    box = scene.box_rect(target)
    assert (design.departments[target].x, design.departments[target].y) == (box.x(), box.y())
    for child in design.child_ids(target):
        first = scene.reporting[child].path().elementAt(0)
        assert _ends_on(box, first.x, first.y), child
