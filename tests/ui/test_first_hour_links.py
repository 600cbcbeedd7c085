"""First hour, item 5: handles big enough to hit at the first view; a drag from a handle
never moves the box."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from ui.canvas import style
from ui.canvas.department_item import LINK_HANDLE, REPORTING_HANDLE

from .editor_fixtures import center_of, drag, hover
from .window_fixtures import private_data_dir, window  # noqa: F401 - fixtures


def laptop_with_pair(window, qtbot):
    """The mid-size template in a laptop window: (root, first, last) as `boxes` gives them."""
    window.resize(1366, 768)
    assert window.documents.new_from_template("mid_large")
    qtbot.wait(50)
    return boxes(window)


def boxes(window):
    """The root and two of its children with no link between them yet."""
    design = window.ctx.design
    root = next(d.id for d in design.departments.values() if d.parent is None)
    kids = design.child_ids(root)
    linked = {frozenset((link.source, link.target)) for link in design.links.values()}
    first, last = next(
        (a, b) for a in kids for b in reversed(kids) if a != b and frozenset((a, b)) not in linked
    )
    return root, first, last


def test_handles_are_large_at_the_first_view_and_a_drag_from_their_edge_connects(window, qtbot):
    root, first, last = laptop_with_pair(window, qtbot)
    view, scene, design = window.view, window.scene, window.ctx.design
    source = scene.boxes[first]
    assert style.HANDLE_R * view.zoom() >= 5.5  # an 11 px target or larger
    hover(view.viewport(), center_of(scene, view, first))
    assert source.hovered
    before = {d.id: (d.x, d.y) for d in design.departments.values()}
    handle = source.mapToScene(source.handle_centers()[LINK_HANDLE])
    edge = view.mapFromScene(handle + QPointF(0, style.HANDLE_R + 4))  # just outside the dot
    hover(view.viewport(), edge)
    drag(view, edge, center_of(scene, view, last))
    assert {d.id: (d.x, d.y) for d in design.departments.values()} == before  # nothing moved
    assert any({link.source, link.target} == {first, last} for link in design.links.values())
    assert window.ctx.undo_stack.count() == 1


def test_a_drag_from_the_reporting_handle_side_draws_a_line(window, qtbot):
    root, first, last = laptop_with_pair(window, qtbot)
    view, scene, design = window.view, window.scene, window.ctx.design
    item = scene.boxes[last]
    hover(view.viewport(), center_of(scene, view, last))
    before = {d.id: (d.x, d.y) for d in design.departments.values()}
    handle = item.mapToScene(item.handle_centers()[REPORTING_HANDLE])
    side = view.mapFromScene(handle + QPointF(style.HANDLE_R + 4, 0))
    hover(view.viewport(), side)
    drag(view, side, center_of(scene, view, first))
    assert design.departments[first].parent == last
    moved = {
        i
        for i, (x, y) in before.items()
        if (design.departments[i].x, design.departments[i].y) != (x, y)
    }
    assert last not in moved  # the manager stayed where it was
