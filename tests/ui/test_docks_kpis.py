"""KPI dock and the new department fields (issue 15): the user adds and edits KPIs as one undo
step each; a committee's chair and cadence show for committees only; a vacant post is a tick."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from orgdesigner.entities import Department, DeptKind
from orgdesigner.validator import validate

from .dock_fixtures import make_editor, small_design, type_into


def kpi_editor(qtbot):
    design = small_design()
    design.add_department(
        Department(id="board", name="市场管理委员会", kind=DeptKind.COMMITTEE, parent="top")
    )
    ed = make_editor(qtbot, design)
    from ui.docks import KpisDock

    dock = next(d for d in ed.window.findChildren(KpisDock))
    dock.show()
    dock.raise_()
    return ed, dock


def test_a_kpi_from_the_catalogue_is_added_owned_and_shared_in_undoable_steps(qtbot):
    """考核指标…转向客户生命周期价值、客户满意度、跨部门项目成功率: the catalogue offers them."""
    ed, dock = kpi_editor(qtbot)
    design = ed.ctx.design
    assert "No KPIs yet" in dock.status.text()
    ed.ctx.selection.set(["mkt"])
    dock._fill_catalogue_menu()
    action = next(a for a in dock.catalogue_menu.actions() if a.text() == "品牌认知度")
    action.trigger()
    (kpi,) = design.kpis.values()
    assert kpi.owner == "mkt" and kpi.functions == ("f-brand",)  # the design's brand function
    assert dock.table.rowCount() == 1 and dock.table.item(0, 2).text() == "市场部"
    # Share it with 销售部 by ticking the box, as a user does.
    item = next(
        dock.shared_list.item(i)
        for i in range(dock.shared_list.count())
        if dock.shared_list.item(i).data(Qt.UserRole) == "sales"
    )
    dock.shared_list.setFocus()
    dock.shared_list.setCurrentItem(item)
    QTest.keyClick(dock.shared_list, Qt.Key_Space)  # ticks the current item's box
    assert design.kpis[kpi.id].shared == ("sales",)
    type_into(dock.unit_edit, "pct")
    assert design.kpis[kpi.id].unit == "pct"
    assert ed.ctx.undo_stack.undoText() == "Change KPI unit"
    count = ed.ctx.undo_stack.count()
    assert count == 3
    for _ in range(count):
        ed.ctx.undo_stack.undo()
    assert design.kpis == {}
    qtbot.waitUntil(lambda: dock.table.rowCount() == 0)


def test_an_unowned_kpi_is_found_and_choosing_an_owner_clears_it(qtbot):
    ed, dock = kpi_editor(qtbot)
    dock.add_button.click()
    (kpi,) = ed.ctx.design.kpis.values()
    assert [f.rule for f in validate(ed.ctx.design) if f.rule == "kpi-without-owner"]
    dock.owner_combo.setCurrentIndex(dock.owner_combo.findData("sales"))
    dock.owner_combo.activated.emit(dock.owner_combo.currentIndex())
    assert ed.ctx.design.kpis[kpi.id].owner == "sales"
    assert not [f for f in validate(ed.ctx.design) if f.rule == "kpi-without-owner"]
    dock.delete_button.click()
    assert ed.ctx.design.kpis == {}


def test_committee_fields_show_for_committees_only_and_vacant_is_one_click(qtbot):
    ed, _dock = kpi_editor(qtbot)
    props = ed.properties
    ed.ctx.selection.set(["sales"])
    assert not props.form.isRowVisible(props.chair_edit)
    box = props.vacant_check  # click the tick box itself (left end of the row)
    QTest.mouseClick(box, Qt.LeftButton, Qt.NoModifier, QPoint(8, box.height() // 2))
    assert ed.ctx.design.departments["sales"].vacant
    assert ed.ctx.undo_stack.undoText() == "Mark post vacant"
    ed.ctx.selection.set(["board"])
    assert props.form.isRowVisible(props.chair_edit) and props.form.isRowVisible(props.cadence_edit)
    type_into(props.chair_edit, "总经理")
    type_into(props.cadence_edit, "每月")
    board = ed.ctx.design.departments["board"]
    assert (board.chair, board.cadence) == ("总经理", "每月")
    ed.ctx.undo_stack.undo()
    assert board.cadence == "" and props.cadence_edit.text() == ""


def test_a_stage_gets_its_responsible_post_from_the_functions_dock(qtbot, monkeypatch):
    """明确哪个部门、哪个岗位是主要责任人: the post is one undo step and shows in the tooltip."""
    from PySide6.QtWidgets import QInputDialog

    from ui.docks.ownership_model import NAME_COLUMN

    ed, _dock = kpi_editor(qtbot)
    functions = ed.functions
    row = functions.model.row_of("f-cs")
    functions.table.setCurrentIndex(
        functions.proxy.mapFromSource(functions.model.index(row, NAME_COLUMN))
    )
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("客服经理", True))
    QTest.mouseClick(functions.post_button, Qt.LeftButton)
    assert ed.ctx.design.functions["f-cs"].post == "客服经理"
    assert ed.ctx.undo_stack.undoText() == "Set responsible post"
    tip = functions.model.data(functions.model.index(row, NAME_COLUMN), Qt.ToolTipRole)
    assert "客服经理" in tip


def test_the_budget_split_is_entered_in_the_kpi_tab_and_checked(qtbot):
    """既要有…品牌广告投入，也要有…效果营销投入…不可偏废: a zero side is a finding."""
    ed, dock = kpi_editor(qtbot)
    type_into(dock.brand_budget, "300")
    assert ed.ctx.design.settings["brand_budget"] == 300
    assert ed.ctx.undo_stack.undoText() == "Change budget split"
    assert [f.rule for f in validate(ed.ctx.design) if f.rule == "budget-split"]
    type_into(dock.performance_budget, "200")
    assert not [f for f in validate(ed.ctx.design) if f.rule == "budget-split"]
    ed.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: dock.performance_budget.value() == 0)


def test_properties_show_the_kpis_a_department_owns_and_shares(qtbot):
    ed, dock = kpi_editor(qtbot)
    ed.ctx.selection.set(["mkt"])
    assert ed.properties.kpi_label.text() == "none"
    dock.add_button.click()  # owned by the selected department
    qtbot.waitUntil(
        lambda: ed.properties.kpi_label.text() == "owns 新指标"
    )  # the design is Chinese
    ed.ctx.selection.set(["sales"])
    kpi = next(iter(ed.ctx.design.kpis))
    from orgdesigner.ops import UpdateKpi

    ed.ctx.apply(UpdateKpi(kpi, {"shared": ("sales",)}), "share")
    qtbot.waitUntil(lambda: ed.properties.kpi_label.text() == "shares 新指标")
