"""A large design: a drag re-routes only the moved box's connectors (no O(n) work per mouse move)."""

import random

from PySide6.QtCore import QPoint

from orgdesigner.design import Design
from orgdesigner.entities import Department, Link
from orgdesigner.layout import tidy_layout
from ui.canvas import connector_items
from tests.ui.editor_fixtures import center_of, drag, show_canvas


def big_design(n: int = 3000) -> Design:
    random.seed(7)
    design = Design("大型组织")
    ids: list[str] = []
    for i in range(n):
        parent = random.choice(ids[-100:]) if ids else None
        dept = Department(id=f"d{i}", name=f"部门{i}", parent=parent)
        design.add_department(dept)
        ids.append(dept.id)
    for i in range(200):
        a, b = random.sample(ids, 2)
        if design.find_link(a, b, "collaboration") is None:
            design.add_link(Link(source=a, target=b))
    design.move_departments(tidy_layout(design))
    return design


def test_dragging_one_box_touches_only_its_connectors(qtbot, monkeypatch):
    design = big_design()
    ctx, scene, view = show_canvas(qtbot, design)
    assert len(scene.boxes) == 3000 and len(scene.reporting) == 2999
    target = max(design.departments, key=lambda d: len(design.child_ids(d)))
    view.centerOn(scene.boxes[target].scene_rect().center())
    degree = 1 + len(design.child_ids(target)) + len(design.links_of(target))
    calls = {"reporting": 0, "link": 0}
    original_reporting = connector_items.ReportingLineItem.update_path
    original_link = connector_items.LinkItem.update_path

    def count_reporting(self, *args):
        calls["reporting"] += 1
        return original_reporting(self, *args)

    def count_link(self, *args):
        calls["link"] += 1
        return original_link(self, *args)

    monkeypatch.setattr(connector_items.ReportingLineItem, "update_path", count_reporting)
    monkeypatch.setattr(connector_items.LinkItem, "update_path", count_link)
    before = (design.departments[target].x, design.departments[target].y)
    start = center_of(scene, view, target)
    moves = 6
    drag(view, start, start + QPoint(60, 30), steps=moves)
    assert ctx.undo_stack.count() == 1
    assert (design.departments[target].x, design.departments[target].y) == (
        before[0] + 60,
        before[1] + 30,
    )
    # each mouse move (and the model event on release) re-routes the box's own connectors only
    assert calls["reporting"] + calls["link"] <= degree * (moves + 2)
    assert calls["reporting"] + calls["link"] < len(design.departments)
