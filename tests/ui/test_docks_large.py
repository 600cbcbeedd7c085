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
    deps += [
        Department(id=f"d{i}", name=f"部门{i}", parent=f"d{rng.randrange(i)}") for i in range(1, n)
    ]
    functions = [Function(id=f"f{i}", name=f"职能{i}") for i in range(10)]
    return build_design(
        departments=deps,
        functions=functions,
        roles=[(f"f{i}", f"d{i * 7}", Role.A) for i in range(5)],
    )


def outline_tree(outline) -> list[tuple[str, str | None]]:
    """(id, parent id) of every item, parent first, after expanding everything (built lazily)."""
    out = []
    stack = [
        (outline.tree.topLevelItem(i), None)
        for i in reversed(range(outline.tree.topLevelItemCount()))
    ]
    while stack:
        item, parent = stack.pop()
        outline._on_item_expanded(item)
        dept_id = item.data(0, ID_ROLE)
        out.append((dept_id, parent))
        stack.extend((item.child(i), dept_id) for i in reversed(range(item.childCount())))
    return out


def design_tree(design) -> list[tuple[str, str | None]]:
    out = []
    stack = [d.id for d in reversed(design.roots())]
    while stack:
        dept_id = stack.pop()
        out.append((dept_id, design.departments[dept_id].parent))
        stack.extend(reversed(design.child_ids(dept_id)))
    return out


def test_batch_delete_and_undo_keep_all_docks_in_step(qtbot):
    ed = make_editor(qtbot, big_design())
    design = ed.ctx.design
    selected = [f"d{i}" for i in range(0, 2000, 4)]
    ed.ctx.selection.set(selected)
    gone = [f"d{i}" for i in range(1000, 1200)]
    ed.ctx.apply(
        Batch([RemoveDepartment(d) for d in gone] + [SetRole("f9", "d3", Role.A)], "Delete")
    )
    assert set(ed.outline.items) <= set(design.departments) and len(design.departments) == 1800
    assert not set(gone) & set(ed.outline.items)
    assert ed.functions.model.columnCount() == 2 + 1800
    assert ed.functions.model.department_at(2 + 1799) == list(design.departments)[-1]
    ed.ctx.undo_stack.undo()
    assert ed.functions.model.columnCount() - 2 == 2000
    for dept_id in ("d1100", "d5", "d1999"):  # every item sits under its parent again
        item = ed.outline._reveal(dept_id)
        parent = design.departments[dept_id].parent
        assert item.parent() is ed.outline.items[parent]
    assert outline_tree(ed.outline) == design_tree(design)  # unfolded in full: the same tree
    qtbot.waitUntil(lambda: len(ed.outline.tree.selectedItems()) == len(selected))
    assert {i.data(0, ID_ROLE) for i in ed.outline.tree.selectedItems()} == set(selected)
    assert ed.properties.header.text() == "500 departments selected"
