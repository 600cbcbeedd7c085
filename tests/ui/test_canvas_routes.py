"""The canvas draws the shared router's routes: links around boxes, labels on free space.

The same core geometry as the printed chart (tests/core/test_routing.py); here we
check that the canvas gets it, in idle time, and follows a drag.
"""

from __future__ import annotations

import pytest

from orgdesigner import progress
from orgdesigner.routing import rects_overlap, segment_hits_rect
from orgdesigner.templates import load_template, template_ids

from .editor_fixtures import center_of, drag, show_canvas


def box_rects(scene) -> dict[str, tuple[float, float, float, float]]:
    return {
        k: (r.x(), r.y(), r.width(), r.height())
        for k, r in ((k, item.scene_rect()) for k, item in scene.boxes.items())
    }


def crossings(scene) -> list[str]:
    rects = box_rects(scene)
    design = scene.ctx.design
    out = []
    for link_id, item in scene.links.items():
        link = design.links[link_id]
        assert item.route, f"link {link.label!r} has no route"
        for a, b in zip(item.route, item.route[1:]):
            for key, rect in rects.items():
                if key not in (link.source, link.target) and segment_hits_rect(a, b, rect):
                    out.append(f"{link.label or link_id} crosses {design.departments[key].name}")
    return out


def label_overlaps(scene) -> list[str]:
    labels = [
        item.label.sceneBoundingRect() for item in scene.links.values() if item.label.isVisible()
    ]
    rects = [(r.x(), r.y(), r.width(), r.height()) for r in labels]
    boxes = list(box_rects(scene).values())
    out = []
    for i, r in enumerate(rects):
        out += [f"label {i} on a box" for b in boxes if rects_overlap(r, b)]
        out += [
            f"labels {i} and {j}"
            for j, q in enumerate(rects[i + 1 :], i + 1)
            if rects_overlap(r, q)
        ]
    return out


@pytest.mark.parametrize("template_id", ["mid_large", "growth_team", "divisional"])
def test_canvas_links_go_around_boxes_once_routed(qtbot, template_id):
    _, scene, _ = show_canvas(qtbot, load_template(template_id, "zh"))
    qtbot.waitUntil(scene.router.idle, timeout=5000)  # routed in idle time, without being asked
    assert not crossings(scene)
    assert not label_overlaps(scene)


def test_a_dragged_box_gets_its_links_rerouted(qtbot):
    ctx, scene, view = show_canvas(qtbot, load_template("mid_large", "zh"))
    qtbot.waitUntil(scene.router.idle, timeout=5000)
    design = ctx.design
    mkt = next(d.id for d in design.departments.values() if d.name == "市场部")
    link_id = next(link.id for link in design.links_of(mkt))
    before = list(scene.links[link_id].route)
    start = center_of(scene, view, mkt)
    drag(view, start, start + type(start)(0, 160))
    qtbot.waitUntil(scene.router.idle, timeout=5000)
    after = scene.links[link_id].route
    assert after and after != before
    rect = scene.boxes[mkt].scene_rect()
    assert any(
        abs(p[1] - rect.top()) < 1
        or abs(p[1] - rect.bottom()) < 1
        or abs(p[0] - rect.left()) < 1
        or abs(p[0] - rect.right()) < 1
        for p in (after[0], after[-1])
    )


def horizontal_runs(item) -> list[tuple[float, float, float]]:
    """The horizontal stretches of the link as drawn (its painter path, corners flattened)."""
    runs = []
    for poly in item.path().toSubpathPolygons():
        pts = [(p.x(), p.y()) for p in poly]
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            if abs(ay - by) < 0.01 and abs(ax - bx) > 20:
                runs.append((ay, min(ax, bx), max(ax, bx)))
    return runs


def test_parallel_links_in_one_corridor_are_drawn_apart(qtbot):
    """Two links between boxes of one row both detour through the channel below it: the canvas
    gives the second its own lane (the printed chart's rule, routing.Channels), not the same line."""
    from orgdesigner.design import build_design
    from orgdesigner.entities import Department, Link

    row = [Department(name=f"部门{i}", x=i * 220.0, y=200.0) for i in range(5)]
    links = [
        Link(source=row[0].id, target=row[4].id, label=""),
        Link(source=row[1].id, target=row[3].id, label=""),
    ]
    _, scene, _ = show_canvas(qtbot, build_design(departments=row, links=links))
    qtbot.waitUntil(scene.router.idle, timeout=5000)
    first, second = (horizontal_runs(scene.links[link.id]) for link in links)
    shared = [
        abs(a[0] - b[0])
        for a in first
        for b in second
        if min(a[2], b[2]) - max(a[1], b[1]) > 50  # the runs overlap along the corridor
    ]
    assert shared, (first, second)  # the case under test: both links use one corridor
    assert min(shared) >= 4, (first, second)


# ------------------------------------------------------- what the connector items paint
def painted_crossings(scene) -> list[str]:
    """Boxes the painted path of a link item passes through (other than its two ends): the
    route, its rounded corners and arrow, or an unrouted link's stubs, as the view draws them."""
    from orgdesigner.routing import Obstacles

    rects = box_rects(scene)
    grid = Obstacles(rects)
    design = scene.ctx.design
    out = []
    for link_id, item in scene.links.items():
        link = design.links[link_id]
        for polygon in item.path().toSubpathPolygons():
            points = [(p.x(), p.y()) for p in polygon]
            for a, b in zip(points, points[1:]):
                x0, y0 = min(a[0], b[0]) - 1, min(a[1], b[1]) - 1
                near = grid.near((x0, y0, abs(a[0] - b[0]) + 2, abs(a[1] - b[1]) + 2))
                for key in near - {link.source, link.target}:
                    if segment_hits_rect(a, b, rects[key]):
                        name = design.departments[key].name
                        out.append(f"{link.label or link_id} crosses {name}")
    return out


@pytest.mark.parametrize("template_id", template_ids())
def test_no_painted_link_crosses_a_box_it_does_not_connect_in_templates(qtbot, template_id):
    _, scene, _ = show_canvas(qtbot, load_template(template_id, "zh"))
    qtbot.waitUntil(scene.router.idle, timeout=5000)
    assert not painted_crossings(scene)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_no_painted_link_crosses_a_box_it_does_not_connect_in_random_designs(qtbot, seed):
    from benchmarks.generator import generate
    from orgdesigner.layout import tidy_layout

    design = generate(250, seed=seed)
    design.move_departments(tidy_layout(design))
    _, scene, _ = show_canvas(qtbot, design)
    qtbot.waitUntil(scene.router.idle, timeout=30000)
    assert len(scene.links) == len(design.links)
    assert not painted_crossings(scene)


def test_a_link_with_no_way_around_is_drawn_as_marked_stubs_not_across_boxes(qtbot):
    """The printed chart lists it; the canvas shows a dotted stub out of each end, with the
    reason in the tooltip, instead of the quick curve across the walls."""
    from PySide6.QtCore import Qt

    from tests.core.test_routing import walled_design

    design, link_id = walled_design()
    _, scene, _ = show_canvas(qtbot, design)
    item = scene.links[link_id]
    assert painted_crossings(scene)  # the quick curve, before the router's answer
    qtbot.waitUntil(scene.router.idle, timeout=5000)
    assert item.route is None and item.stubs is not None and len(item.stubs) == 2
    assert not painted_crossings(scene)
    assert item.pen().style() == Qt.PenStyle.DotLine
    assert not item.label.isVisible()
    assert "No route around the other boxes" in item.toolTip() and "走不出去" in item.toolTip()
    outer = scene.boxes[design.links[link_id].target].scene_rect()
    stub = item.stubs[1]
    assert len(stub) == 2  # the free end box gets a real stub, leaving its side
    assert any(abs(stub[0][0] - edge) < 1e-6 for edge in (outer.left(), outer.right())) or any(
        abs(stub[0][1] - edge) < 1e-6 for edge in (outer.top(), outer.bottom())
    )


def test_an_unrouted_link_gets_its_route_once_the_way_is_free(qtbot):
    from tests.core.test_routing import walled_design

    from orgdesigner import ops

    design, link_id = walled_design()
    ctx, scene, _ = show_canvas(qtbot, design)
    qtbot.waitUntil(scene.router.idle, timeout=5000)
    assert scene.links[link_id].stubs is not None
    wall = next(d.id for d in design.departments.values() if d.name == "墙4")
    ctx.apply(ops.MoveDepartments({wall: (190.0, 600.0)}))
    qtbot.waitUntil(scene.router.idle, timeout=5000)
    item = scene.links[link_id]
    assert item.stubs is None and item.route
    assert item.label.isVisible() and "No route" not in item.toolTip()
    assert not painted_crossings(scene)


def test_routing_waits_while_a_long_operation_reports_progress(qtbot):
    """Opening the next design turns the event loop in its progress dialog: the links of
    the design on screen (about to be replaced) are not routed meanwhile, only after."""
    _, scene, _ = show_canvas(qtbot, load_template("mid_large", "zh"))
    assert not scene.router.idle()
    waiting = len(scene.router.pending)
    with progress.reporting(lambda stage, done, total: None):
        qtbot.wait(800)  # longer than the view's quiet time after it last moved
        assert len(scene.router.pending) == waiting
    qtbot.waitUntil(scene.router.idle, timeout=5000)
