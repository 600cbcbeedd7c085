"""Import wizard end to end: file -> preview and mapping -> problems -> new design or one undo step."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWizard

from ui.context import EditorContext
from ui.dialogs.import_wizard import ImportWizard, ReviewPage, importing

from .dock_fixtures import small_design, type_text

pytestmark = pytest.mark.skipif(importing is None, reason="orgdesigner.importing is not installed")
DATA = Path(__file__).resolve().parents[1] / "data"  # copies with their licence (README.md)

CSV = (
    "部门编号,上级编号,部门名称,负责人,人数\n"
    "1,,总部,王总,3\n"
    "2,1,市场部,李四,12\n"
    "3,1,销售部,张三,20\n"
    "4,9,客服部,赵六,5\n"  # parent 9 does not exist: becomes a root, reported
    "5,2,品牌组,,4\n"
)


def click(wizard: QWizard, which) -> None:
    QTest.mouseClick(wizard.button(which), Qt.LeftButton)


def open_wizard(qtbot, tmp_path, ctx=None, text=CSV, name="org.csv") -> ImportWizard:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    wizard = ImportWizard(ctx, None, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def test_preview_mapping_problems_then_a_new_design(qtbot, tmp_path):
    wizard = open_wizard(qtbot, tmp_path)
    click(wizard, QWizard.NextButton)
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    assert page.preview.rowCount() == 5 and page.preview.item(1, 2).text() == "市场部"
    assert page.combos["id"].currentData() == "部门编号"  # auto-detected
    assert page.combos["parent"].currentData() == "上级编号"
    assert page.combos["name"].currentData() == "部门名称"
    assert page.preview.horizontalHeaderItem(2).text().startswith("部门名称 → ")
    click(wizard, QWizard.NextButton)
    review = wizard.review_page
    assert wizard.currentPage() is review
    problems = [review.problems.topLevelItem(i) for i in range(review.problems.topLevelItemCount())]
    assert any(i.data(0, Qt.UserRole) == "missing-parent" and "5" in i.text(1) for i in problems)
    assert not review.into_current.isEnabled()  # no design open
    with qtbot.waitSignal(wizard.design_imported) as imported:
        click(wizard, QWizard.FinishButton)
    design = imported.args[0]
    assert sorted(d.name for d in design.departments.values()) == [
        "品牌组",
        "客服部",
        "市场部",
        "总部",
        "销售部",
    ]
    assert len({(d.x, d.y) for d in design.departments.values()}) == 5  # laid out, no pile-up


def test_changed_mapping_and_import_into_current_design_is_one_undo_step(qtbot, tmp_path):
    ctx = EditorContext.create(small_design())
    before = ctx.design.snapshot()
    wizard = open_wizard(qtbot, tmp_path, ctx)
    click(wizard, QWizard.NextButton)
    leader = wizard.mapping_page.combos["leader"]
    leader.setFocus()
    leader.setCurrentIndex(0)  # the user switches the leader column off
    assert leader.currentData() == ""
    click(wizard, QWizard.NextButton)
    radio = wizard.review_page.into_current
    QTest.mouseClick(radio, Qt.LeftButton, Qt.NoModifier, QPoint(8, radio.height() // 2))
    assert wizard.review_page.target.checkedId() == ReviewPage.CURRENT
    click(wizard, QWizard.FinishButton)
    names = {d.name: d for d in ctx.design.departments.values()}
    assert {"总部", "市场部", "品牌组"} <= set(names) and len(ctx.design.departments) == 10
    assert names["品牌组"].parent == names["市场部"].id
    assert names["总部"].leader == ""  # the column was switched off
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert ctx.design.snapshot() == before


def test_an_unusable_file_keeps_the_user_on_the_first_page_with_one_line(qtbot, tmp_path):
    wizard = open_wizard(qtbot, tmp_path, text="", name="empty.csv")
    click(wizard, QWizard.NextButton)
    assert wizard.currentPage() is wizard.file_page
    message = wizard.file_page.error.text()
    assert "empty.csv" in message and "\n" not in message and "Traceback" not in message


def test_a_real_organogram_with_its_problems(qtbot):
    path = DATA / "uk_organograms" / "130930-Home-Office-Organogram-Data-senior.csv"
    wizard = ImportWizard(None, None, path)
    qtbot.addWidget(wizard)
    wizard.show()
    click(wizard, QWizard.NextButton)
    assert wizard.mapping_page.combos["id"].currentData() == "Post Unique Reference"
    click(wizard, QWizard.NextButton)
    codes = {
        wizard.review_page.problems.topLevelItem(i).data(0, Qt.UserRole)
        for i in range(wizard.review_page.problems.topLevelItemCount())
    }
    assert codes  # the Home Office file has a self-report and duplicates
    with qtbot.waitSignal(wizard.design_imported) as imported:
        click(wizard, QWizard.FinishButton)
    assert len(imported.args[0].departments) > 200


def test_a_staff_file_adds_its_headcount(qtbot):
    senior = DATA / "uk_organograms" / "011013-DH---Organogram-senior.csv"
    junior = DATA / "uk_organograms" / "011013-DH---Organogram-junior.csv"
    totals = []
    for staff in (None, junior):
        wizard = ImportWizard(None, None, senior)
        qtbot.addWidget(wizard)
        wizard.show()
        click(wizard, QWizard.NextButton)
        if staff is not None:
            wizard.mapping_page.staff_edit.setFocus()
            type_text(wizard.mapping_page.staff_edit, str(staff))
        click(wizard, QWizard.NextButton)
        with qtbot.waitSignal(wizard.design_imported) as imported:
            click(wizard, QWizard.FinishButton)
        totals.append(sum(d.headcount for d in imported.args[0].departments.values()))
    assert totals[1] > totals[0] + 100  # the DH junior file holds hundreds of FTE
