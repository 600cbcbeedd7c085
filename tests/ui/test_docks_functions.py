"""Functions & owners dock: clicks and keys set roles; ownerless filter; add/rename/delete undoable."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from orgdesigner.entities import Role

from .dock_fixtures import make_editor, type_into


def click_cell(dock, function_id: str, dept_id: str, button=Qt.LeftButton, double=False) -> None:
    index = dock.proxy.mapFromSource(
        dock.model.index(dock.model.row_of(function_id), dock.model.column_of(dept_id))
    )
    assert index.isValid()
    dock.table.scrollTo(index)
    point = dock.table.visualRect(index).center()
    QTest.mouseClick(dock.table.viewport(), button, Qt.NoModifier, point)
    if double:  # a real double-click: press/release, then the double-click event
        QTest.mouseDClick(dock.table.viewport(), button, Qt.NoModifier, point)


def double_click_cell(dock, function_id: str, dept_id: str) -> None:
    click_cell(dock, function_id, dept_id, double=True)


def visible_functions(dock) -> list[str]:
    return [
        dock.model.function_at(dock.proxy.mapToSource(dock.proxy.index(r, 0)).row())
        for r in range(dock.proxy.rowCount())
    ]


def ownerless_findings(ed, function_id: str) -> list:
    return [
        i
        for i in ed.findings.items()
        if i.siblingAtColumn(1).data(Qt.ToolTipRole) == "ownerless-function"
        and function_id in i.data(Qt.UserRole + 1).objects
    ]


def test_click_makes_an_owner_and_the_ownerless_finding_disappears(qtbot):
    ed = make_editor(qtbot)
    assert ownerless_findings(ed, "f-cs")  # 客户服务 has no owner yet
    double_click_cell(ed.functions, "f-cs", "sales")
    assert ed.ctx.design.role("f-cs", "sales") is Role.A
    assert ed.ctx.undo_stack.count() == 1
    assert ed.functions.model.index(ed.functions.model.row_of("f-cs"), 1).data() == "销售部"
    qtbot.waitUntil(lambda: not ownerless_findings(ed, "f-cs"), timeout=3000)
    ed.ctx.undo_stack.undo()
    assert ed.ctx.design.role("f-cs", "sales") is None
    qtbot.waitUntil(lambda: bool(ownerless_findings(ed, "f-cs")), timeout=3000)


def test_clicks_cycle_through_the_roles_and_keys_set_them(qtbot):
    ed = make_editor(qtbot)
    seen = []
    for _ in range(5):
        double_click_cell(ed.functions, "f-brand", "digital")
        seen.append(ed.ctx.design.role("f-brand", "digital"))
    assert seen == [Role.A, Role.R, Role.C, Role.I, None]
    double_click_cell(ed.functions, "f-brand", "sales")  # now A; the key C changes it
    QTest.keyClick(ed.functions.table, Qt.Key_C)
    assert ed.ctx.design.role("f-brand", "sales") is Role.C
    QTest.keyClick(ed.functions.table, Qt.Key_Delete)
    assert ed.ctx.design.role("f-brand", "sales") is None
    assert ed.ctx.undo_stack.count() == 8


def test_ownerless_only_filter_follows_the_model(qtbot):
    ed = make_editor(qtbot)
    QTest.mouseClick(ed.functions.ownerless_check, Qt.LeftButton)
    assert visible_functions(ed.functions) == ["f-cs"]
    assert ed.functions.status.text() == "1 of 2 functions have no owner (A)."
    ed.functions.set_role("f-cs", "mkt", Role.A)
    assert visible_functions(ed.functions) == []
    assert ed.functions.status.text() == "Every function has an owner."
    ed.ctx.undo_stack.undo()
    assert visible_functions(ed.functions) == ["f-cs"]


def test_selected_departments_only_shows_their_columns(qtbot):
    ed = make_editor(qtbot)
    ed.ctx.selection.set(["sales"])
    QTest.mouseClick(ed.functions.selected_check, Qt.LeftButton)
    headers = [
        ed.functions.proxy.headerData(c, Qt.Horizontal)
        for c in range(ed.functions.proxy.columnCount())
    ]
    assert headers[2:] == ["销售部"]
    double_click_cell(ed.functions, "f-cs", "sales")
    assert ed.ctx.design.owners("f-cs") == ["sales"]


def test_add_rename_delete_functions_each_one_undo_step(qtbot):
    ed = make_editor(qtbot)
    QTest.mouseClick(ed.functions.add_button, Qt.LeftButton)
    new = [f for f in ed.ctx.design.functions if f not in ("f-brand", "f-cs")]
    assert len(new) == 1 and ed.ctx.undo_stack.count() == 1
    editor = ed.functions.table.focusWidget()  # the name cell is open for typing
    type_into(editor, "用户增长")
    assert ed.ctx.design.functions[new[0]].name == "用户增长"
    assert ed.ctx.undo_stack.count() == 2
    ed.ctx.undo_stack.undo()
    assert ed.ctx.design.functions[new[0]].name == "新职能"  # the design is Chinese
    ed.ctx.undo_stack.undo()
    assert list(ed.ctx.design.functions) == ["f-brand", "f-cs"]
    assert ed.functions.model.rowCount() == 2

    # delete 品牌管理 with its owner; undo restores function and role
    index = ed.functions.proxy.mapFromSource(ed.functions.model.index(0, 0))
    QTest.mouseClick(
        ed.functions.table.viewport(),
        Qt.LeftButton,
        Qt.NoModifier,
        ed.functions.table.visualRect(index).center(),
    )
    QTest.mouseClick(ed.functions.delete_button, Qt.LeftButton)
    assert "f-brand" not in ed.ctx.design.functions
    assert visible_functions(ed.functions) == ["f-cs"]
    ed.ctx.undo_stack.undo()
    assert ed.ctx.design.owners("f-brand") == ["mkt"]
    assert visible_functions(ed.functions) == ["f-brand", "f-cs"]


def test_department_columns_follow_added_renamed_and_removed_departments(qtbot):
    from orgdesigner.entities import Department
    from orgdesigner.ops import AddDepartment, RemoveDepartment, UpdateDepartment

    ed = make_editor(qtbot)
    model = ed.functions.model
    ed.ctx.apply(AddDepartment(Department(id="cs", name="客服部", parent="top")))
    assert model.headerData(model.column_of("cs"), Qt.Horizontal) == "客服部"
    ed.ctx.apply(UpdateDepartment("mkt", {"name": "市场中心"}))
    assert model.index(model.row_of("f-brand"), 1).data() == "市场中心"
    ed.ctx.apply(RemoveDepartment("mkt"))
    assert model.column_of("mkt") is None and model.columnCount() == 2 + 5
    ed.ctx.undo_stack.undo()
    assert model.index(model.row_of("f-brand"), model.column_of("mkt")).data() == "A"


def test_clicking_a_department_name_selects_it_everywhere(qtbot):
    ed = make_editor(qtbot)
    header = ed.functions.table.horizontalHeader()
    col = ed.functions.proxy.mapFromSource(
        ed.functions.model.index(0, ed.functions.model.column_of("sales"))
    ).column()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    QTest.mouseClick(
        header.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(x, header.height() // 2)
    )
    assert ed.ctx.selection.departments == ["sales"]
    assert ed.properties.header.text() == "Department: 销售部"
    index = ed.functions.model.index(0, ed.functions.model.column_of("sales"))
    assert index.data(Qt.BackgroundRole) is not None  # its column is tinted


def test_a_catalogue_function_the_design_lacks_can_be_added_back(qtbot):
    ed = make_editor(qtbot)
    ed.functions.catalogue_menu.aboutToShow.emit()
    titles = [a.text() for a in ed.functions.catalogue_menu.actions()]
    assert "市场调研" in titles and "品牌管理" not in titles  # the design has brand management
    action = next(a for a in ed.functions.catalogue_menu.actions() if a.text() == "市场调研")
    action.trigger()
    added = ed.ctx.design.function_by_key("market_research")
    assert added is not None and added.name == "市场调研"
    assert ed.functions.selected_functions() == [added.id]
    ed.ctx.undo_stack.undo()
    assert ed.ctx.design.function_by_key("market_research") is None


def test_read_only_docks_show_but_do_not_edit(qtbot):
    from ui.docks import set_docks_read_only

    ed = make_editor(qtbot)
    set_docks_read_only([ed.properties, ed.functions, ed.findings, ed.outline], True)
    double_click_cell(ed.functions, "f-cs", "sales")
    QTest.keyClick(ed.functions.table, Qt.Key_A)
    assert ed.ctx.design.owners("f-cs") == [] and ed.ctx.undo_stack.count() == 0
    assert not ed.functions.add_button.isEnabled()
    ed.ctx.selection.set(["sales"])
    assert not ed.properties.name_edit.isEnabled() and ed.properties.name_edit.text() == "销售部"
    set_docks_read_only([ed.properties, ed.functions, ed.findings, ed.outline], False)
    assert ed.properties.name_edit.isEnabled()
    double_click_cell(ed.functions, "f-cs", "sales")
    assert ed.ctx.design.owners("f-cs") == ["sales"]


def test_the_owner_column_names_the_unit_each_per_unit_owner_covers(qtbot):
    """事业部制下的嵌入式营销团队: per-unit owners are shown with their unit, not as a conflict."""
    from PySide6.QtCore import Qt

    from orgdesigner.templates import load_template
    from ui.docks.ownership_model import OWNER_COLUMN

    design = load_template("divisional", "zh")
    ed = make_editor(qtbot, design)
    model = ed.functions.model
    sales_row = next(r for r, f in enumerate(model.functions) if design.functions[f].key == "sales")
    index = model.index(sales_row, OWNER_COLUMN)
    assert (
        model.data(index)
        == "消费品销售团队 (for 消费品事业部), 解决方案销售团队 (for 企业解决方案事业部)"
    )
    assert model.data(index, Qt.BackgroundRole) is None  # not marked as 推诿扯皮
    hq = next(d for d, x in design.departments.items() if x.kind.value == "office")
    design.set_role(design.function_by_key("sales").id, hq, "A")  # group beside units: rivals
    assert model.data(index, Qt.BackgroundRole) is not None
