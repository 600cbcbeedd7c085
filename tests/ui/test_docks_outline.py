"""Outline dock: the reporting tree, search, selection synced both ways, incremental updates."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from orgdesigner.entities import Department
from orgdesigner.ops import AddDepartment, RemoveDepartment, SetParent, UpdateDepartment

from .dock_fixtures import make_editor, type_text


def names(item) -> list[str]:
    return [item.child(i).text(0) for i in range(item.childCount())]


def visible_names(tree) -> list[str]:
    out = []
    stack = [tree.topLevelItem(i) for i in reversed(range(tree.topLevelItemCount()))]
    while stack:
        item = stack.pop()
        if not item.isHidden():
            out.append(item.text(0))
            stack.extend(item.child(i) for i in reversed(range(item.childCount())))
    return out


def click(tree, item, modifier=Qt.NoModifier) -> None:
    tree.scrollToItem(item)
    QTest.mouseClick(tree.viewport(), Qt.LeftButton, modifier, tree.visualItemRect(item).center())


def test_shows_the_reporting_tree(qtbot):
    ed = make_editor(qtbot)
    tree = ed.outline.tree
    assert tree.topLevelItemCount() == 1
    top = tree.topLevelItem(0)
    assert top.text(0) == "总经理办公室"
    assert names(top) == ["市场部", "销售部"]
    assert names(top.child(0)) == ["品牌与公关组", "数字营销组"]


def test_selection_syncs_both_ways_without_echo(qtbot):
    ed = make_editor(qtbot)
    tree = ed.outline.tree
    click(tree, ed.outline.items["mkt"])
    assert ed.ctx.selection.departments == ["mkt"]
    click(tree, ed.outline.items["sales"], Qt.ControlModifier)
    assert sorted(ed.ctx.selection.departments) == ["mkt", "sales"]
    changes = []
    ed.ctx.selection.changed.connect(lambda: changes.append(ed.ctx.selection.departments))
    ed.ctx.selection.set(["digital"])  # as the canvas would
    assert [i.data(0, Qt.UserRole + 1) for i in tree.selectedItems()] == ["digital"]
    assert changes == [["digital"]]  # the tree did not write the selection back


def test_search_filters_and_enter_selects_the_next_match(qtbot):
    ed = make_editor(qtbot)
    ed.outline.search.setFocus()
    type_text(ed.outline.search, "组")
    qtbot.waitUntil(lambda: ed.outline.match_label.text() == "2 matches", timeout=2000)
    assert visible_names(ed.outline.tree) == [
        "总经理办公室",
        "市场部",
        "品牌与公关组",
        "数字营销组",
    ]
    with qtbot.waitSignal(ed.outline.focus_requested) as focus:
        QTest.keyClick(ed.outline.search, Qt.Key_Return)
    assert ed.ctx.selection.departments == ["brand"] and focus.args == [["brand"]]
    QTest.keyClick(ed.outline.search, Qt.Key_Return)
    assert ed.ctx.selection.departments == ["digital"]
    ed.outline.search.clear()
    qtbot.waitUntil(lambda: len(visible_names(ed.outline.tree)) == 5, timeout=2000)


def test_model_changes_update_single_items(qtbot):
    ed = make_editor(qtbot)
    tree, items = ed.outline.tree, ed.outline.items
    top_item, sales_item = items["top"], items["sales"]
    ed.ctx.apply(AddDepartment(Department(id="cs", name="客服部", parent="sales")))
    assert names(sales_item) == ["客服部"]
    ed.ctx.apply(SetParent("cs", "mkt"))
    assert (
        names(items["mkt"]) == ["品牌与公关组", "数字营销组", "客服部"] and names(sales_item) == []
    )
    ed.ctx.apply(UpdateDepartment("cs", {"name": "客户服务部"}))
    assert items["cs"].text(0) == "客户服务部"
    ed.ctx.selection.set(["brand"])
    ed.ctx.apply(RemoveDepartment("mkt"))  # children move up to 总经理办公室, where 市场部 was
    assert names(top_item) == ["品牌与公关组", "数字营销组", "销售部", "客户服务部"]
    qtbot.waitUntil(lambda: [i.text(0) for i in tree.selectedItems()] == ["品牌与公关组"])  # kept
    for _ in range(4):
        ed.ctx.undo_stack.undo()
    assert names(top_item) == ["市场部", "销售部"]  # undo restores exactly, order included
    assert names(items["mkt"]) == ["品牌与公关组", "数字营销组"]
    assert tree.topLevelItem(0) is top_item and items["sales"] is sales_item  # never rebuilt
    assert ed.ctx.selection.departments == ["brand"]
