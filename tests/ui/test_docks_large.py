"""Docks on a large design: a burst of changes (one Batch) leaves every dock consistent."""

import random

from orgdesigner.design import build_design
from orgdesigner.entities import Department, Function, Role
from orgdesigner.ops import Batch, RemoveDepartment, SetRole

from ui.docks.outline import ID_ROLE

from .dock_fixtures import make_editor


def big_design(n: int = 2000):
    rng = random.Random(7)
    deps = [Department(id="d0", name="总部")]
    deps += [Department(id=f"d{i}", name=f"部门{i}", parent=f"d{rng.randrange(i)}") for i in range(1, n)]
    functions = [Function(id=f"f{i}", name=f"职能{i}") for i in range(10)]
    return build_design(departments=deps, functions=functions,
                        roles=[(f"f{i}", f"d{i * 7}", Role.A) for i in range(5)])


def test_batch_delete_and_undo_keep_all_docks_in_step(qtbot):
    ed = make_editor(qtbot, big_design())
    design = ed.ctx.design
    selected = [f"d{i}" for i in range(0, 2000, 4)]
    ed.ctx.selection.set(selected)
    gone = [f"d{i}" for i in range(1000, 1200)]
    ed.ctx.apply(Batch([RemoveDepartment(d) for d in gone] + [SetRole("f9", "d3", Role.A)], "Delete"))
    assert len(ed.outline.items) == len(design.departments) == 1800
    assert ed.functions.model.columnCount() == 2 + 1800
    assert ed.functions.model.department_at(2 + 1799) == list(design.departments)[-1]
    ed.ctx.undo_stack.undo()
    assert len(ed.outline.items) == ed.functions.model.columnCount() - 2 == 2000
    for dept_id in ("d1100", "d5", "d1999"):  # every item sits under its parent again
        parent = design.departments[dept_id].parent
        assert ed.outline.items[dept_id].parent() is ed.outline.items[parent]
    qtbot.waitUntil(lambda: len(ed.outline.tree.selectedItems()) == len(selected))
    assert {i.data(0, ID_ROLE) for i in ed.outline.tree.selectedItems()} == set(selected)
    assert ed.properties.header.text() == "500 departments selected"
