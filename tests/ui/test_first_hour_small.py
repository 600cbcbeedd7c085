"""First hour, item 10: Esc after Find, standard undo icons, Getting Started."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle

from ui.dialogs.getting_started import GettingStartedDialog

from .translation_fixtures import assert_chinese, zh_ui  # noqa: F401 - fixture
from .window_fixtures import private_data_dir, window  # noqa: F401 - fixtures


def test_esc_after_find_returns_to_the_canvas_with_the_match_selected(window, qtbot):
    window.resize(1366, 768)  # the find field shows in the toolbar of a laptop-sized window
    assert window.documents.new_from_template("startup")
    field = window.actions_.find_field
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(field.hasFocus)
    target = next(iter(window.ctx.design.departments.values()))
    for ch in target.name:  # CJK goes in the way an input method commits it
        from PySide6.QtGui import QInputMethodEvent

        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QApplication.sendEvent(field, event)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert target.id in window.ctx.selection.departments
    QTest.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(window.view.hasFocus)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Delete)  # the canvas has the keys again
    assert target.id not in window.ctx.design.departments


def test_undo_and_redo_use_the_curved_arrow_icons_not_back_forward(window):
    arrows = [
        window.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack).pixmap(32).toImage(),
        window.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward).pixmap(32).toImage(),
    ]
    undo = window.actions_.undo.icon().pixmap(32).toImage()
    redo = window.actions_.redo.icon().pixmap(32).toImage()
    assert not undo.isNull() and not redo.isNull()
    assert undo not in arrows and redo not in arrows and undo != redo


def test_getting_started_lists_gestures_and_every_rule_in_both_languages(window, qtbot):
    from orgdesigner.validator import RULES

    help_menu = window.menuBar().actions()[-1].menu()
    entry = next(a for a in help_menu.actions() if a is window.actions_.getting_started)
    entry.trigger()
    dialog = window.help_dialog
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    assert "Drag from the grey handle under a box" in text
    assert all(rule.title_en in text for rule in RULES.values())
    assert dialog.readme_button.isEnabled()
    assert dialog.readme_url().toLocalFile().endswith("README.md")
    QTest.mouseClick(dialog.readme_button, Qt.MouseButton.LeftButton)  # the README's table
    table = dialog.table_dialog
    qtbot.waitExposed(table)
    shown = table.table_browser.toPlainText()
    assert "draw a reporting line" in shown and "Ctrl+Shift+L left-right" in shown
    assert "Install" not in shown  # the table itself, not the README's first page
    table.close()
    dialog.close()


def test_getting_started_in_chinese(zh_ui, qtbot):
    from orgdesigner.validator import RULES

    dialog = GettingStartedDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.browser.toPlainText()
    assert "管理真空" in text and all(rule.title_zh in text for rule in RULES.values())
    assert "从方框下方的灰色手柄拖到向它汇报的部门" in text
    assert_chinese(dialog)
    QTest.mouseClick(dialog.readme_button, Qt.MouseButton.LeftButton)
    table = dialog.table_dialog
    qtbot.waitExposed(table)
    assert "画汇报关系" in table.table_browser.toPlainText()
    assert_chinese(table)
