"""With the zh_CN translation loaded the window and every dialog read in Chinese.

Each test lists the English words a user would still see ("where: text"), so
a failure says exactly which string lacks a translation.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

from orgdesigner.errors import OrgDesignerError
from orgdesigner.lockfile import LockInfo
from ui.dialogs.export_pdf import ExportPdfDialog
from ui.dialogs.import_wizard import ImportWizard
from ui.document_io import ChangedByOthers, LockedByOther

from .translation_fixtures import assert_chinese, english_left, zh_ui  # noqa: F401 - fixture
from .window_fixtures import private_data_dir, window  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[2]


def load_tool():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_lupdate_finds_every_string_translated_and_the_qm_current():
    """Fails with one line per untranslated string (context: source) or stale file."""
    problems = load_tool().check()
    assert problems == [], "\n" + "\n".join(problems)


def modal_texts(qtbot, trigger) -> list[str]:
    """Run `trigger` (which opens a modal dialog); report the dialog's English, then close it."""
    seen: list[list[str]] = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, inspect)
            return
        seen.append(english_left(dialog))
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()

    QTimer.singleShot(0, inspect)
    trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    return seen[0]


def check_modal(qtbot, trigger) -> None:
    left = modal_texts(qtbot, trigger)
    assert not left, "English left on screen:\n" + "\n".join(left)


def test_main_window_with_a_design_reads_chinese(zh_ui, window):
    assert window.documents.new_from_template("mid_large")
    window.ctx.selection.set([next(iter(window.ctx.design.departments))], [])
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert_chinese(window)


def test_start_page_reads_chinese(zh_ui, window):
    assert_chinese(window)


def test_export_pdf_dialog_reads_chinese(zh_ui, window, qtbot):
    window.documents.new_from_template("startup")
    dialog = ExportPdfDialog(window.ctx.design, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_chinese(dialog)


def test_import_wizard_pages_read_chinese(zh_ui, qtbot, tmp_path):
    path = tmp_path / "组织.csv"
    path.write_text("编号,上级编号,名称\n1,,总部\n2,1,市场部\n3,9,客服部\n", encoding="utf-8")
    wizard = ImportWizard(None, None, path)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    for _ in range(3):
        assert_chinese(wizard)
        wizard.button(QWizard.WizardButton.NextButton).click()
    review = wizard.review_page
    review.problems.setCurrentItem(review.problems.topLevelItem(0))  # the detail line below
    assert "没有部门的编号是 '9'" in review.detail.text()
    assert_chinese(wizard)


def test_questions_and_messages_read_chinese(zh_ui, window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ORGDESIGNER_USER_NAME", "王丽")  # a person's name is not UI text
    window.documents.new_from_template("startup")
    assert window.documents.save_to(tmp_path / "已保存.db")
    window.ctx.undo_stack.push(
        __import__("PySide6.QtGui", fromlist=["QUndoCommand"]).QUndoCommand("x")
    )
    check_modal(qtbot, window.documents.maybe_save)
    check_modal(
        qtbot,
        lambda: window.documents.ask_locked(
            LockedByOther(
                tmp_path / "方案.db", replace(LockInfo.mine("王丽"), host="人事部-07"), stale=True
            )
        ),
    )
    check_modal(
        qtbot, lambda: window.documents.ask_changed(ChangedByOthers(tmp_path / "方案.db", "王丽"))
    )
    check_modal(qtbot, lambda: window.documents.ask_recover("恢复"))
    check_modal(qtbot, window.about)
    check_modal(qtbot, window.preferences)
    check_modal(qtbot, lambda: window.documents.ask_failed(OrgDesignerError("磁盘已满")))
    check_modal(qtbot, lambda: window.reloader.reload(ask=True))  # unsaved changes: asks first
    check_modal(qtbot, lambda: window.documents.new_from_template(None))
    window.ctx.undo_stack.setClean()


def test_scenario_compare_repository_and_post_dialogs_read_chinese(zh_ui, window, qtbot, tmp_path):
    """The dialogs the first test set does not build: scenarios, compare, repository, post."""
    from PySide6.QtCore import QSettings

    from orgdesigner.cli import main
    from ui.repository.open_dialog import OpenRepositoryDialog

    path = tmp_path / "增长.db"
    assert main(["new", "-o", str(path), "--template", "startup", "--then", "mid_large"]) == 0
    assert window.documents.open_file(path)
    scenarios = window.scenarios_ui
    for ask in (
        scenarios.copy_current,
        scenarios.rename_current,
        scenarios.delete_current,
        scenarios.add_template,
    ):
        check_modal(qtbot, ask)
    scenarios.show_compare()
    assert scenarios.dock.tree.topLevelItemCount() > 0  # the changes are listed
    assert_chinese(window)
    settings = QSettings(str(tmp_path / "repo.ini"), QSettings.Format.IniFormat)
    dialog = OpenRepositoryDialog(settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert_chinese(dialog)
    dialog.url.setText("postgresql://王丽@127.0.0.1:1/方案库")  # nothing listens there
    assert not dialog.test_connection()
    assert_chinese(dialog)
    from ui.docks.functions import FunctionsDock

    functions = window.findChild(FunctionsDock)
    functions.table.selectRow(0)
    check_modal(qtbot, functions._on_post_clicked)


def test_plurals_read_well_in_both_languages(zh_ui, qapp):
    from ui.app import install_translations
    from ui.i18n import severity_count

    assert severity_count("error", 3) == "3 个错误"
    install_translations(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert severity_count("error", 1) == "1 error"
    assert severity_count("error", 3) == "3 errors"
    assert QCoreApplication.translate("ExportPdfDialog", "%n page(s)", "", 1) == "1 page"
    assert QCoreApplication.translate("ExportPdfDialog", "%n page(s)", "", 4) == "4 pages"


def test_status_bar_counts_read_well_in_both_languages(zh_ui, qapp, qtbot):
    """'1 link', never '1 links'; '10,000' grouped; Chinese with its measure words."""
    from orgdesigner.design import build_design
    from orgdesigner.entities import Department, Link
    from ui.app import install_translations
    from ui.status_bar import EditorStatusBar

    design = build_design(
        departments=[Department(id=f"d{i}", name=f"部门{i}") for i in range(10_000)],
        links=[Link(id="l", source="d0", target="d1")],
    )
    bar = EditorStatusBar()
    qtbot.addWidget(bar)
    bar.set_counts(design)
    assert bar.counts.text() == "10,000 个部门 · 1 条关系 · 0 项职能"
    install_translations(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    bar.set_counts(design)
    assert bar.counts.text() == "10,000 departments · 1 link · 0 functions"


def test_a_box_tooltip_never_shows_exponent_numbers(zh_ui, window):
    """1,000,000 people on the hover text, not 1e+06."""
    from orgdesigner.ops import UpdateDepartment

    window.documents.new_from_template("startup")
    dept = next(iter(window.ctx.design.departments))
    assert window.ctx.apply(UpdateDepartment(dept, {"headcount": 1_000_000})) is None
    tip = window.scene.boxes[dept]._tip
    assert "1,000,000" in tip and "e+" not in tip
    window.ctx.undo_stack.setClean()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_compiled_translation_loads(qapp, lang):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "translations" / f"orgdesigner_{lang}.qm"))


def test_new_objects_are_named_in_the_design_language(window, qtbot):
    """English menus, Chinese design: the new box is 新部门 (the name is chart content)."""
    assert window.documents.new_design()
    window.ctx.design.language = "zh"
    window.ctx.selection.set([], [])
    button = window.actions_.toolbar.widgetForAction(window.actions_.add_department)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Escape)
    names = [d.name for d in window.ctx.design.departments.values()]
    assert names == ["新部门"]


def test_numbers_on_screen_follow_the_locale(zh_ui, qtbot):
    """'30 人' and '¥ 1,250.5' in the Properties panel, not '30.00'."""
    from .dock_fixtures import make_editor

    ed = make_editor(qtbot)
    ed.ctx.design.departments["mkt"].budget = 1250.5
    ed.ctx.selection.set(["top"])
    ed.ctx.selection.set(["mkt"])
    qtbot.waitUntil(lambda: ed.properties.headcount_spin.text() == "12 人")
    assert ed.properties.budget_spin.text() == "¥ 1,250.5"
