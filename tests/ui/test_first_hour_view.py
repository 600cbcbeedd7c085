"""First hour, items 1 and 3: a readable first view in a laptop window, an owner matrix
that a stray click cannot damage, and the Outline leading the canvas."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest

from orgdesigner.entities import Link, LinkKind, Role
from ui.canvas import style
from ui.docks import FunctionsDock, OutlineDock, find_dock

from .window_fixtures import private_data_dir, window  # noqa: F401 - fixtures


def laptop(window, qtbot, template: str = "mid_large"):
    window.resize(1366, 768)
    assert window.documents.new_from_template(template)
    qtbot.wait(50)  # the deferred first view, once the window has its size
    return window


def visible_in_canvas(window, dept_id: str) -> bool:
    view = window.view
    box = view.mapFromScene(window.scene.boxes[dept_id].scene_rect()).boundingRect()
    return view.viewport().rect().contains(box)


def test_a_template_opens_readable_with_the_canvas_taking_most_of_the_width(window, qtbot):
    laptop(window, qtbot)
    name_px = style.name_font().pixelSize() * window.view.zoom()
    assert name_px >= 9
    assert window.view.viewport().width() >= 0.75 * window.width()
    root = next(d.id for d in window.ctx.design.departments.values() if d.parent is None)
    assert visible_in_canvas(window, root)  # the top of the tree is in view


def test_the_owner_matrix_shows_several_rows_and_whole_department_names(window, qtbot):
    laptop(window, qtbot)
    functions = find_dock(window.docks, FunctionsDock)
    table = functions.table
    assert table.viewport().height() // table.rowHeight(0) >= 3
    header = table.horizontalHeader()
    metrics = QFontMetrics(header.font())
    for column in range(2, functions.proxy.columnCount()):
        name = functions.proxy.headerData(column, Qt.Orientation.Horizontal)
        lines = header.lines(name)
        assert " ".join(lines).replace(" ", "") == name.replace(" ", "")  # nothing dropped
        assert max(metrics.horizontalAdvance(line) for line in lines) <= header.height() - 8, name
        assert len(lines) * metrics.lineSpacing() <= header.sectionSize(column), name


def test_one_click_in_the_matrix_selects_and_changes_nothing(window, qtbot):
    laptop(window, qtbot)
    functions = find_dock(window.docks, FunctionsDock)
    design = window.ctx.design
    before = {(f, d): design.role(f, d) for f in design.functions for d in design.departments}
    index = functions.proxy.index(0, 3)
    point = functions.table.visualRect(index).center()
    QTest.mouseClick(
        functions.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    assert functions.table.currentIndex() == index
    assert {
        (f, d): design.role(f, d) for f in design.functions for d in design.departments
    } == before
    assert window.ctx.undo_stack.count() == 0
    QTest.keyClick(functions.table, Qt.Key.Key_A)  # the deliberate act
    assert window.ctx.undo_stack.count() == 1


def test_ownerless_and_several_owner_rows_have_different_colours(window, qtbot):
    laptop(window, qtbot)
    functions = find_dock(window.docks, FunctionsDock)
    design = window.ctx.design
    model = functions.model
    first, second = model.function_at(0), model.function_at(1)
    for dept in list(design.departments):
        functions.set_role(first, dept, None)
    a, b = list(design.departments)[:2]
    functions.set_role(second, a, Role.A)
    functions.set_role(second, b, Role.A)

    def colour(function_id, column):
        brush = model.index(model.row_of(function_id), column).data(Qt.ItemDataRole.BackgroundRole)
        return brush.color().name() if brush is not None else None

    assert colour(first, 0) and colour(second, 0) and colour(first, 0) != colour(second, 0)
    assert colour(first, 1) == colour(first, 0) and colour(second, 1) == colour(second, 0)


def test_selecting_in_the_outline_scrolls_the_canvas_to_it(window, qtbot):
    laptop(window, qtbot)
    outline = find_dock(window.docks, OutlineDock)
    outline.raise_()
    window.view.set_zoom(1.5)
    window.view.centerOn(-5000, -5000)
    tree = outline.tree
    tree.expandAll()
    item = tree.topLevelItem(0).child(tree.topLevelItem(0).childCount() - 1)
    dept_id = item.data(0, Qt.ItemDataRole.UserRole + 1) or next(
        d for d, i in outline.items.items() if i is item
    )
    assert not visible_in_canvas(window, dept_id)
    QTest.mouseClick(
        tree.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        tree.visualItemRect(item).center(),
    )
    assert window.ctx.selection.departments == [dept_id]
    assert visible_in_canvas(window, dept_id)


def test_a_branch_folds_and_unfolds_on_the_canvas_with_a_count(window, qtbot):
    laptop(window, qtbot)
    design, scene, view = window.ctx.design, window.scene, window.view
    hub = max(
        design.departments,
        key=lambda d: len(design.child_ids(d)) if design.departments[d].parent else -1,
    )
    groups = design.descendants(hub)
    root = next(d for d in design.departments if design.departments[d].parent is None)
    design.add_link(Link(source=groups[0], target=root, kind=LinkKind.COLLABORATION, label="周会"))
    item = scene.boxes[hub]
    view.centerOn(item)
    button = view.mapFromScene(item.mapToScene(item.fold_center()))
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, button
    )
    assert item.folded_count == len(groups) >= 2
    assert not any(scene.boxes[g].isVisible() for g in groups)
    assert not any(scene.reporting[g].isVisible() for g in groups)
    hidden_links = [l for l in design.links.values() if l.source in groups or l.target in groups]
    assert hidden_links and not any(scene.links[l.id].isVisible() for l in hidden_links)
    assert window.ctx.undo_stack.count() == 0  # a way of looking, not an edit
    assert all(d.x == scene.boxes[d.id].pos().x() for d in design.departments.values())
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, button
    )
    assert item.folded_count == 0 and all(scene.boxes[g].isVisible() for g in groups)
    assert all(scene.links[l.id].isVisible() for l in hidden_links)


def test_the_overview_map_shows_the_chart_and_a_click_moves_the_view(window, qtbot):
    laptop(window, qtbot)
    view = window.view
    assert window.actions_.overview.isChecked() and view.overview is not None
    overview = view.overview
    assert overview.isVisible()
    assert view.viewport().geometry().contains(overview.geometry())  # inside the canvas corner
    view.centerOn(0, 5000)  # scrolling does not move it
    assert view.viewport().geometry().contains(overview.geometry())
    qtbot.wait(200)  # its fit after the changes
    design = window.ctx.design
    root = next(d for d in design.departments if design.departments[d].parent is None)
    view.set_zoom(2.0)
    view.centerOn(window.scene.boxes[root])
    far = max(design.departments.values(), key=lambda d: d.x + d.y)
    target = window.scene.boxes[far.id].scene_rect().center()
    QTest.mouseClick(
        overview.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        overview.mapFromScene(target),
    )
    assert visible_in_canvas(window, far.id)
    window.actions_.overview.trigger()  # View > Overview Map off
    assert not overview.isVisible()


def test_the_window_fits_a_laptop_screen_with_every_panel(window, qtbot):
    """No panel's form may force the window taller or wider than a 1366 x 768 screen."""
    laptop(window, qtbot)
    needed = window.minimumSizeHint()
    assert needed.width() <= 1366 and needed.height() <= 768 - 40
    assert window.height() <= 768


def test_the_overview_map_steps_aside_while_the_whole_chart_is_in_view(window, qtbot):
    """A small chart fits: the map would only hide the boxes in its corner."""
    laptop(window, qtbot, "startup")
    view = window.view
    qtbot.wait(200)  # the map's fit after the changes
    assert all(visible_in_canvas(window, d) for d in window.ctx.design.departments)
    assert view.overview is not None and not view.overview.isVisible()
    view.set_zoom(3.0)  # now part of the chart is out of view: the map is back
    qtbot.waitUntil(view.overview.isVisible)
    window.actions_.overview.trigger()  # View > Overview Map off: stays off
    view.set_zoom(4.0)
    qtbot.wait(50)
    assert not view.overview.isVisible()
