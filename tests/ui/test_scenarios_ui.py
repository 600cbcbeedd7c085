"""The editor's scenarios: switch, copy, rename, delete, and the Compare view, with real clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QMessageBox, QTreeWidget

from orgdesigner import storage
from orgdesigner.cli import main
from orgdesigner.compare_text import CHANGE_FILLS

from tests.ui.window_fixtures import private_data_dir, window  # noqa: F401


def _growth(tmp_path):
    path = tmp_path / "growth.db"
    assert main(["new", "-o", str(path), "--template", "startup", "--then", "mid_large"]) == 0
    return path


def _choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an entry the way a user does: open the popup, click the row."""
    combo.showPopup()
    view = combo.view()
    index = combo.findText(text)
    assert index >= 0, text
    rect = view.visualRect(view.model().index(index, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: combo.currentText() == text, timeout=3000)


def _click(bar, name: str) -> None:
    QTest.mouseClick(bar.button(name), Qt.MouseButton.LeftButton)


def test_switch_copy_rename_delete_and_save(qtbot, window, tmp_path):  # noqa: F811
    path = _growth(tmp_path)
    assert window.documents.open_file(path)
    ui = window.scenarios_ui
    combo = ui.bar.combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["现状", "目标"]
    assert len(window.scene.boxes) == 5
    _choose(qtbot, combo, "目标")
    assert len(window.scene.boxes) == 12 and window.ctx.design.scenario.name == "目标"
    assert window.windowTitle().startswith("growth.db — 目标")

    ui.ask_name = lambda title, suggestion: "方案B"
    _click(ui.bar, "copy")
    assert combo.currentText() == "方案B" and window.ctx.design.scenario.name == "方案B"
    sales = next(d for d in window.ctx.design.departments.values() if d.name == "销售部")
    window.ctx.design.update_department(sales.id, name="销售中心")

    ui.ask_name = lambda title, suggestion: "方案C"
    _click(ui.bar, "rename")
    assert [combo.itemText(i) for i in range(combo.count())] == ["现状", "目标", "方案C"]

    _choose(qtbot, combo, "现状")
    original = QMessageBox.question
    QMessageBox.question = lambda *a, **k: QMessageBox.StandardButton.Yes
    try:
        _click(ui.bar, "delete")
    finally:
        QMessageBox.question = original
    assert [combo.itemText(i) for i in range(combo.count())] == ["目标", "方案C"]
    assert window.is_modified()
    assert window.documents.save()
    saved = storage.load_scenarios(path)
    assert saved.names() == ["目标", "方案C"]
    assert "销售中心" in {d.name for d in storage.load(path, "方案C").departments.values()}


def test_compare_view_colours_changes_and_the_dock_selects(qtbot, window, tmp_path):  # noqa: F811
    path = _growth(tmp_path)
    assert window.documents.open_file(path)
    ui = window.scenarios_ui
    _choose(qtbot, ui.bar.combo, "目标")
    _click(ui.bar, "compare")
    dock = window.changes_dock
    assert dock.isVisible()
    assert ui.result is not None and ui.base_label == "现状"
    rings = {item.data(0) for item in ui.overlay.items if item.data(0)}
    assert {"added", "changed", "removed"} <= rings
    mkt = next(d.id for d in window.ctx.design.departments.values() if d.name == "市场部")
    assert ui.overlay.marks[mkt] == "added"
    ring = next(
        i
        for i in ui.overlay.items
        if i.data(0) == "added" and i.rect().contains(window.scene.boxes[mkt].scene_rect())
    )
    assert ring.brush().color().name() == CHANGE_FILLS["added"]
    assert any(i.data(0) == "removed" for i in ui.overlay.items)  # the startup's groups, dashed

    tree: QTreeWidget = dock.findChild(QTreeWidget, "changes_list")
    group = tree.topLevelItem(0)
    assert group.text(0).startswith("新增部门")
    child = next(
        group.child(i)
        for i in range(group.childCount())
        if group.child(i).text(0).startswith("市场部")
    )
    tree.scrollToItem(child)
    rect = tree.visualItemRect(child)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.ctx.selection.departments == [mkt]
    assert "部门数" in dock.totals.text()

    owners = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0).startswith("职能负责部门变化")
    )
    brand = next(
        owners.child(i)
        for i in range(owners.childCount())
        if owners.child(i).text(0).startswith("品牌管理")
    )
    tree.scrollToItem(brand)
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(brand).center()
    )
    from ui.docks import FunctionsDock, find_dock

    functions = find_dock(window.docks, FunctionsDock)
    picked = functions.table.selectionModel().selectedRows()
    assert [functions.proxy.data(i) for i in picked] == ["品牌管理"]

    # an edit on the canvas is reported once the comparison reruns
    window.ctx.design.update_department(mkt, name="营销中心")
    qtbot.waitUntil(
        lambda: any(c.kind == "added" and c.name == "营销中心" for c in ui.result.changes),
        timeout=5000,
    )

    # Compare off: the marks go
    _choose(qtbot, dock.base_combo, dock.base_combo.itemText(0))
    assert ui.result is None and ui.overlay.items == []


def test_compare_with_another_file(qtbot, window, tmp_path):  # noqa: F811
    path = _growth(tmp_path)
    other = tmp_path / "other.json"
    assert main(["export", f"{path}#目标", "-o", str(other)]) == 0
    assert window.documents.open_file(path)
    ui = window.scenarios_ui
    _choose(qtbot, ui.bar.combo, "目标")
    ui.ask_file = lambda: str(other)
    _click(ui.bar, "compare")
    _choose(qtbot, window.changes_dock.base_combo, "Another file…")
    assert ui.base_label == "other.json"
    assert ui.result is not None and ui.result.changes == []  # matched by code and name


def test_export_dialog_offers_the_changes_section_when_comparing(qtbot, tmp_path):
    from PySide6.QtWidgets import QCheckBox

    from orgdesigner.compare import compare
    from ui.dialogs.export_pdf import ExportPdfDialog

    path = _growth(tmp_path)
    base, target = storage.load(path), storage.load(path, "目标")
    plain = ExportPdfDialog(target, None, tmp_path / "a.pdf")
    qtbot.addWidget(plain)
    assert plain.findChild(QCheckBox, "section_changes") is None
    dialog = ExportPdfDialog(
        target, None, tmp_path / "b.pdf", comparison=compare(base, target), base_label="现状"
    )
    qtbot.addWidget(dialog)
    box = dialog.findChild(QCheckBox, "section_changes")
    assert box is not None and box.isChecked() and "现状" in box.text()
    assert "changes" in dialog.options().sections
    assert dialog.export()
    from tests.core.pdf_helpers import pdf_text, squash

    assert squash("方案变化") in squash(pdf_text(tmp_path / "b.pdf"))


def test_add_a_template_as_a_scenario_for_a_growth_path(qtbot, window, tmp_path):  # noqa: F811
    path = tmp_path / "start.db"
    assert main(["new", "-o", str(path), "--template", "startup"]) == 0
    assert window.documents.open_file(path)
    ui = window.scenarios_ui
    ui.ask_template = lambda infos: "mid_large"
    _click(ui.bar, "from_template")
    combo = ui.bar.combo
    assert combo.count() == 2 and window.ctx.design.scenario.name == combo.itemText(1)
    assert ui.base_label == "现状" and window.changes_dock.isVisible()
    owners = {c.name: c.after for c in ui.result.of_kind("owner-changed")}
    assert owners["品牌管理"] == "品牌与公关组"
    renamed = ui.result.of_kind("renamed")
    assert {c.before for c in renamed} == {"销售组", "财务行政组"}  # same units, grown
    assert window.documents.save()
    assert len(storage.load_scenarios(path)) == 2
