"""Link routes and labels on the shared geometry (orgdesigner.routing via the chart model).

No link passes through a box it does not connect, reporting elbows pass behind
no box, labels cover no box and no other label: for every template and for
random designs (tested on the geometry, not on pixels).
"""

from __future__ import annotations

import pytest

from benchmarks.generator import generate
from orgdesigner.fonts import find_font
from orgdesigner.layout import tidy_layout
from orgdesigner.render.chart import build_chart
from orgdesigner.routing import Obstacles, rects_overlap, route_link, rounded, segment_hits_rect
from orgdesigner.templates import load_template, template_ids

FONT = find_font()


def problems(chart) -> list[str]:
    out = []
    boxes = {b.id: (b.x, b.y, b.w, b.h) for b in chart.boxes}
    grid = Obstacles(boxes)
    for link in chart.links:
        for a, b in zip(link.route, link.route[1:]):
            for key in grid.near(
                (
                    min(a[0], b[0]) - 1,
                    min(a[1], b[1]) - 1,
                    abs(a[0] - b[0]) + 2,
                    abs(a[1] - b[1]) + 2,
                )
            ):
                if key not in chart_link_ends[link.id] and segment_hits_rect(a, b, boxes[key]):
                    out.append(f"link {link.label or link.id} crosses {key}")
    for conn in chart.connectors:
        for a, b in zip(conn.points, conn.points[1:]):
            for key in grid.near(
                (
                    min(a[0], b[0]) - 1,
                    min(a[1], b[1]) - 1,
                    abs(a[0] - b[0]) + 2,
                    abs(a[1] - b[1]) + 2,
                )
            ):
                if key not in (conn.parent, conn.child) and segment_hits_rect(a, b, boxes[key]):
                    out.append(f"reporting line {conn.parent}->{conn.child} behind {key}")
    labels = []
    for link in chart.links:
        if link.label:
            cx, cy = link.label_at
            r = (
                cx - link.label_w / 2 - 3,
                cy - link.label_size * 0.75,
                link.label_w + 6,
                link.label_size * 1.5,
            )
            if grid.rect_blocked(r):
                out.append(f"label {link.label} covers a box")
            labels.append((link.label, r))
    for i, (name, r) in enumerate(labels):
        for other, q in labels[i + 1 :]:
            if rects_overlap(r, q):
                out.append(f"labels {name} and {other} overlap")
    return out


chart_link_ends: dict[str, tuple[str, str]] = {}


def check(design, auto_layout=False) -> None:
    chart = build_chart(design, FONT, auto_layout=auto_layout)
    chart_link_ends.clear()
    chart_link_ends.update({lid: (l.source, l.target) for lid, l in design.links.items()})
    assert len(chart.links) == len(design.links)
    assert all(len(l.route) >= 2 for l in chart.links)
    found = problems(chart)
    assert not found, found[:10]


@pytest.mark.parametrize("template", template_ids())
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_templates_route_clear_of_boxes_and_labels(template, lang):
    check(load_template(template, lang))


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_random_designs_route_clear_of_boxes_and_labels(seed):
    design = generate(250, seed=seed)
    design.move_departments(tidy_layout(design))
    check(design)


def test_hand_arranged_boxes_in_the_way_are_avoided():
    """A long elbow and a link with boxes placed right across their straight path."""
    design = generate(60, seed=9)
    positions = tidy_layout(design)
    # squeeze every second box up into the gap between levels
    for i, (key, (x, y)) in enumerate(sorted(positions.items())):
        if i % 2:
            positions[key] = (x + 30, y - 45)
    design.move_departments(positions)
    check(design)


def test_parallel_links_to_one_box_leave_it_apart():
    boxes = {"a": (0.0, 0.0, 180.0, 70.0), "b": (400.0, 0.0, 180.0, 70.0)}
    grid = Obstacles(boxes)
    first = route_link(boxes["a"], boxes["b"], grid, ("a", "b"), 0, 0)
    second = route_link(boxes["a"], boxes["b"], grid, ("a", "b"), 1, 1)
    assert first[0] != second[0] and first[-1] != second[-1]


def test_route_around_a_wall_uses_the_search():
    boxes = {
        "a": (0.0, 100.0, 100.0, 50.0),
        "b": (600.0, 100.0, 100.0, 50.0),
        "wall": (250.0, -400.0, 40.0, 1000.0),
    }
    grid = Obstacles(boxes)
    route = route_link(boxes["a"], boxes["b"], grid, ("a", "b"))
    assert not grid.path_blocked(route, ("a", "b"))
    assert route[0][0] in (0.0, 100.0) or route[0][1] in (100.0, 150.0)


def test_rounded_corners_keep_the_ends():
    steps = rounded([(0, 0), (0, 50), (80, 50)])
    assert steps[0] == ("M", (0, 0)) and steps[-1] == ("L", (80, 50))
    assert any(s[0] == "Q" for s in steps)


@pytest.mark.parametrize("size, seed", [(1500, 7), (2000, 42)])
def test_big_stacked_chart_links_cross_no_box(size, seed):
    """Large designs with stacked leaves (the generator's compact layout): long links across the
    chart reach the bounded search; a link it finds no free route for is listed, never drawn
    through boxes, and no two labels overlap."""
    design = generate(size, seed=seed)
    chart = build_chart(design, FONT)
    chart_link_ends.clear()
    chart_link_ends.update({lid: (l.source, l.target) for lid, l in design.links.items()})
    found = problems(chart)
    assert not found, found[:10]
    drawn = {link.id for link in chart.links}
    assert drawn | set(chart.unrouted) == set(design.links)  # every link drawn or listed
    assert not drawn & set(chart.unrouted)
    assert len(chart.unrouted) <= len(design.links) // 50  # listing is the exception


def walled_design():
    """A box walled in on every side (gaps narrower than a route's clearance) and a link out."""
    from orgdesigner.design import build_design
    from orgdesigner.entities import Department, Link

    inner = Department(name="里", x=0.0, y=0.0)
    outer = Department(name="外", x=1000.0, y=0.0)
    spots = [(-190.0, -80.0), (0.0, -80.0), (190.0, -80.0), (-190.0, 0.0), (190.0, 0.0)]
    spots += [(-190.0, 80.0), (0.0, 80.0), (190.0, 80.0)]
    walls = [Department(name=f"墙{i}", x=x, y=y) for i, (x, y) in enumerate(spots)]
    link = Link(source=inner.id, target=outer.id, label="走不出去")
    return build_design(departments=[inner, outer, *walls], links=[link]), link.id


def test_a_link_with_no_way_around_is_listed_not_drawn(tmp_path):
    """No route exists: the link is left out of the drawing and listed after the chart."""
    from orgdesigner.render import ExportOptions, export_pdf

    from .pdf_helpers import pdf_text, squash

    design, link_id = walled_design()
    chart = build_chart(design, FONT)
    assert chart.unrouted == [link_id]
    assert not chart.links
    out = tmp_path / "walled.pdf"
    plan = export_pdf(design, out, ExportOptions(sections=("chart",), lang="en"))
    assert any("1 link found no route" in w for w in plan.warnings("en"))
    listed = squash(pdf_text(out))
    assert squash("Links not drawn") in listed and squash("里 — 外") in listed
    assert squash("走不出去") in listed


def test_a_tile_gets_only_the_pieces_of_a_route_it_shows():
    from orgdesigner.routing import clip_route

    route = [(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)]
    assert clip_route(route, (50.0, -10.0, 10.0, 200.0)) == [
        [(50.0, 0.0), (60.0, 0.0)],
        [(60.0, 100.0), (50.0, 100.0)],
    ]
    assert clip_route(route, (-10.0, -10.0, 500.0, 500.0)) == [route]
    assert clip_route(route, (300.0, 300.0, 10.0, 10.0)) == []


def test_an_unrouted_link_gets_stubs_that_cross_no_box():
    """What the canvas draws for a link with no route: a stub out of each end, clear of boxes."""
    from orgdesigner.routing import unrouted_stubs

    design, link_id = walled_design()
    link = design.links[link_id]
    rects = {k: (d.x, d.y, 180.0, 70.0) for k, d in design.departments.items()}
    grid = Obstacles(rects)
    ends = (link.source, link.target)
    assert route_link(rects[link.source], rects[link.target], grid, ends) is None
    inner, outer = unrouted_stubs(rects[link.source], rects[link.target], grid, ends)
    assert not grid.path_blocked(outer, ends, 0.0) and len(outer) == 2
    assert outer[1][0] < outer[0][0]  # out of the left side, towards the walled-in box
    assert len(inner) == 1  # walled in: its port alone, no line
