"""A big chart has graphics items only for what is in view (ui/canvas/lazy_items.py).

Opening a 100,000-department design used to build an item per box and per
connector (minutes); now the items come as the view shows their region, and
whatever needs a box without an item (a selection from the outline, a drag,
a rename) gets it on the spot. These tests use a generated design of 6,000
departments (above LAZY_ABOVE) and assert on what the user sees and gets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from benchmarks.generator import generate
from orgdesigner import storage
from orgdesigner.layout import tidy_layout
from tests.ui.editor_fixtures import drag, show_canvas
from tests.ui.window_fixtures import private_data_dir, window  # noqa: F401
from ui.canvas import lazy_items, lod
from ui.docks import OutlineDock, find_dock

N = 6_000


@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> Path:
    design = generate(N, seed=11, functions=10)
    design.move_departments(tidy_layout(design))
    path = tmp_path_factory.mktemp("lazy") / "big.db"
    storage.save(design, path)
    return path


@pytest.fixture
def canvas(qtbot, big_file):
    design = storage.load(big_file)
    ctx, scene, view = show_canvas(qtbot, design)
    view.set_zoom(1.0)
    root = next(d for d in design.departments.values() if d.parent is None)
    view.centerOn(scene.box_rect(root.id).center())
    view.viewport().grab()  # a paint: the items for the view are made
    return ctx, scene, view


def visible_rect(view) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def far_department(scene, view) -> str:
    """A department well away from the view (several screens to the right)."""
    here = visible_rect(view).center()
    return max(
        scene.geometry.rects,
        key=lambda d: abs(scene.geometry.rect(d).center().x() - here.x()),
    )


def test_items_exist_for_what_is_in_view_and_not_far_away(canvas):
    ctx, scene, view = canvas
    assert scene.lazy and len(ctx.design.departments) > lazy_items.LAZY_ABOVE
    in_view = scene.geometry.ids_in(visible_rect(view))
    assert in_view and in_view <= set(scene.boxes)  # every box on screen has its item
    assert len(scene.boxes) < N / 5  # and only a few hundred of 6,000 exist
    far = far_department(scene, view)
    assert far not in scene.boxes and far not in scene.reporting
    # the connectors of what is shown are there too
    shown = next(iter(in_view))
    parent = ctx.design.departments[shown].parent
    assert parent is None or shown in scene.reporting


def test_scrolling_makes_the_items_newly_in_view_and_drops_far_ones(canvas):
    ctx, scene, view = canvas
    before = set(scene.boxes)
    far = far_department(scene, view)
    view.centerOn(scene.box_rect(far).center())
    view.viewport().grab()
    assert far in scene.boxes and scene.boxes[far].isVisible()
    assert scene.geometry.ids_in(visible_rect(view)) <= set(scene.boxes)
    assert not before <= set(scene.boxes)  # the old region's items went
    assert len(scene.boxes) < N / 5
    # what the user sees: the far box's colour where the box is
    shot = view.viewport().grab().toImage()
    band = scene.box_rect(far)
    at = view.mapFromScene(QPointF(band.center().x(), band.top() + 2))
    assert QColor(shot.pixel(at)).rgb() == QColor(ctx.design.departments[far].color).rgb()


def test_selecting_a_far_department_from_the_model_makes_its_item(canvas):
    ctx, scene, view = canvas
    far = far_department(scene, view)
    assert far not in scene.boxes
    ctx.selection.set([far])
    assert far in scene.boxes and scene.boxes[far].isSelected()
    assert scene.selected_boxes() == [scene.boxes[far]]
    view.centerOn(scene.box_rect(far).center())
    view.viewport().grab()
    assert scene.boxes[far].isSelected()  # kept while the view moved there


def test_a_real_drag_far_out_moves_a_box_that_had_no_item(canvas, qtbot):
    """Zoomed far out the chart is one image and most boxes have no item: a press on a box
    makes it, the drag moves it, one undo step."""
    ctx, scene, view = canvas
    view.set_zoom(0.05)
    view.centerOn(scene.geometry.bounds().center())
    qtbot.wait(1)  # the scroll bars' resize after the zoom, before pixels are computed
    view.viewport().grab()
    assert view.zoomed_out.applies()
    target = next(
        d
        for d in scene.geometry.ids_in(visible_rect(view))
        if d not in scene.boxes and not ctx.design.child_ids(d)
    )
    before = (ctx.design.departments[target].x, ctx.design.departments[target].y)
    start = view.mapFromScene(scene.box_rect(target).center())
    vp = view.viewport()
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    assert ctx.selection.departments == [target] and target in scene.boxes
    free = scene.geometry.bounds().bottom() + 600  # below the chart: no box to drop onto
    end = QPoint(start.x(), view.mapFromScene(QPointF(0, free)).y())
    drag(view, start, end)
    after = (ctx.design.departments[target].x, ctx.design.departments[target].y)
    assert after[1] > before[1] + 300 and ctx.undo_stack.count() == 1
    assert scene.boxes[target].pos().y() == after[1]


def test_a_rubber_band_far_out_selects_every_box_inside_it(canvas, qtbot):
    ctx, scene, view = canvas
    view.set_zoom(0.05)
    view.centerOn(scene.geometry.bounds().center())
    qtbot.wait(1)
    view.viewport().grab()
    vp = view.viewport()
    a, b = QPoint(vp.width() // 3, 5), QPoint(vp.width() // 2, vp.height() - 5)
    bands: list[QRectF] = []  # the band as Qt reports it, in scene coordinates
    view.rubberBandChanged.connect(
        lambda rect, p, q: bands.append(QRectF(p, q).normalized()) if not rect.isNull() else None
    )
    QTest.mouseMove(vp, a)
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 6):
        QTest.mouseMove(vp, a + (b - a) * (i / 5))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    inside = scene.geometry.ids_in(bands[-1]) - scene.folding.hidden
    assert len(inside) > 20  # most of them had no item when the band was drawn
    assert set(ctx.selection.departments) == inside


def test_far_out_the_image_is_drawn_from_the_model(canvas):
    """No item paints far out; the image shows every box's colour, texts come back closer."""
    ctx, scene, view = canvas
    view.set_zoom(lod.BLOCK_BELOW / 4)
    far = far_department(scene, view)
    assert far not in scene.boxes
    view.centerOn(scene.box_rect(far).center())
    shot = view.viewport().grab().toImage()
    assert far not in scene.boxes  # far out nothing is made
    at = view.mapFromScene(scene.box_rect(far).center())
    assert QColor(shot.pixel(at)).rgb() == QColor(ctx.design.departments[far].color).rgb()
    view.set_zoom(1.0)
    view.centerOn(scene.box_rect(far).center())
    view.viewport().grab()
    assert far in scene.boxes  # closer, the items paint themselves (with their text)


def test_in_the_window_outline_selection_reveals_a_far_box_and_a_drag_is_saved(
    window, big_file, qtbot, tmp_path
):
    path = tmp_path / "plan.db"
    path.write_bytes(big_file.read_bytes())
    assert window.documents.open_file(path)
    scene, view, design = window.scene, window.view, window.ctx.design
    view.set_zoom(1.0)
    view.viewport().grab()
    far = far_department(scene, view)
    assert far not in scene.boxes
    outline = find_dock(window.docks, OutlineDock)
    row = outline._reveal(far)  # unfolded down to it, as a search does
    outline.tree.setCurrentItem(row)  # the user picks it in the tree: the canvas goes there
    view.viewport().grab()
    assert far in scene.boxes and scene.boxes[far].isSelected()
    box = view.mapFromScene(scene.box_rect(far)).boundingRect()
    assert view.viewport().rect().contains(box)
    qtbot.wait(1)
    start = view.mapFromScene(scene.box_rect(far).center())
    before = (design.departments[far].x, design.departments[far].y)
    side = -1 if before[0] <= scene.geometry.bounds().left() else 1  # away from the chart
    drag(view, start, start + QPoint(side * 250, 0))
    moved = (design.departments[far].x, design.departments[far].y)
    assert moved != before
    assert window.documents.save()
    on_disk = storage.load(path)
    assert (on_disk.departments[far].x, on_disk.departments[far].y) == moved


def test_the_overview_map_draws_a_picture_not_the_items(canvas, qtbot):
    ctx, scene, view = canvas
    view.show_overview(True)
    overview = view.overview
    assert overview.isVisible() and overview.scene() is not scene
    overview.viewport().grab()  # the picture is drawn right after the first paint
    qtbot.waitUntil(lambda: overview.redraws == 1)
    shot = overview.viewport().grab().toImage()
    drawn = {
        QColor(shot.pixel(x, y)).rgb() for x in range(shot.width()) for y in range(shot.height())
    }
    colours = {QColor(d.color).rgb() for d in ctx.design.departments.values()}
    assert drawn & colours  # the boxes' colours are in the picture
    view.viewport().grab()
    overview.viewport().grab()
    assert overview.redraws == 1  # repaints reuse the picture


def test_an_edit_of_the_tree_costs_folding_no_pass_over_every_department(canvas):
    """folding.apply() runs after each structural edit; it built a set of every parent and of
    every department (6,000 here, 100,000 in a big design) each time. Counted in lines run."""
    import sys

    from orgdesigner.entities import Department
    from orgdesigner.ops import AddDepartment

    ctx, scene, view = canvas
    root = next(d for d in ctx.design.departments.values() if d.parent is None)
    lines = [0]

    def tracer(frame, event, arg):
        if frame.f_code.co_filename.endswith("folding.py"):
            if event == "line":
                lines[0] += 1
            return tracer
        return None

    sys.settrace(tracer)
    try:
        ctx.apply(AddDepartment(Department(id="fold-new", name="新组", parent=root.id)))
    finally:
        sys.settrace(None)
    assert 0 < lines[0] < 20 * (len(scene.boxes) + len(scene.links) + len(scene.reporting))
    assert lines[0] < N, lines[0]
    scene.folding.toggle(root.id)  # and folding still works: everything below is hidden
    assert scene.folding.counts[root.id] == len(ctx.design.departments) - 1
    assert root.id in scene.folding.has_children and "fold-new" not in scene.folding.has_children


def test_new_findings_touch_the_items_that_exist_not_every_badge(canvas, monkeypatch):
    from ui.canvas.department_item import DepartmentItem

    ctx, scene, view = canvas
    calls: list[str] = []
    real = DepartmentItem.set_badge
    monkeypatch.setattr(
        DepartmentItem,
        "set_badge",
        lambda self, badge: (calls.append(self.dept_id), real(self, badge)),
    )
    badges = {d: (1, "warning") for d in ctx.design.departments}
    scene.set_findings(badges)
    assert sorted(calls) == sorted(scene.boxes) and len(calls) < N // 10
    assert scene.badges == badges
    far = far_department(scene, view)
    assert scene.ensure_box(far).badge == (1, "warning")  # an item made later takes its badge
    scene.set_findings({})
    assert scene.boxes[far].badge is None and scene.badges == {}
