"""View > Language switches the whole window at once and is remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtTest import QTest

from ui.app import remove_translations, ui_locale
from ui.settings import AppSettings

from .translation_fixtures import assert_chinese
from .window_fixtures import forget_changes, private_data_dir, window  # noqa: F401 - fixtures


def language_action(w, code: str):
    return next(a for a in w.actions_.language_menu.actions() if a.data() == code)


def test_switching_to_chinese_keeps_the_design_and_its_undo_history(window, qtbot, tmp_path):
    try:
        assert window.documents.new_from_template("startup")
        design = window.ctx.design
        window.ctx.selection.set([], [])
        toolbar_button = window.actions_.toolbar.widgetForAction(window.actions_.add_department)
        QTest.mouseClick(toolbar_button, Qt.MouseButton.LeftButton)
        QTest.keyClick(window.view.viewport(), Qt.Key.Key_Escape)  # leave the name as it is
        count = len(design.departments)
        with qtbot.waitSignal(window.language_switched) as switched:
            language_action(window, "zh_CN").trigger()
        new = switched.args[0]
        qtbot.addWidget(new, before_close_func=forget_changes)
        assert new.menuBar().actions()[0].text() == "文件(&F)"
        assert new.ctx.design is design and len(design.departments) == count
        assert language_action(new, "zh_CN").isChecked()
        assert_chinese(new.menuBar())  # the design itself stays in its own language (English)
        assert all(
            d.windowTitle()
            in ("属性", "职能与责任主体", "诊断发现", "大纲", "关键指标", "方案变化")
            for d in new.docks
        )
        new.actions_.undo.trigger()  # the undo history came along
        assert len(design.departments) == count - 1
        remembered = AppSettings(
            QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        )
        assert remembered.language() == "zh_CN"
        assert ui_locale(remembered.language()).language() == QLocale.Language.Chinese
        back = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
        with qtbot.waitSignal(new.language_switched) as switched:
            language_action(new, "en").trigger()
        english = switched.args[0]
        qtbot.addWidget(english, before_close_func=forget_changes)
        assert english.menuBar().actions()[0].text() == "&File"
        assert back.qs.value("ui/language") == "en"
    finally:
        remove_translations(qtbot_app())
        QLocale.setDefault(QLocale.system())


def qtbot_app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


def test_follow_the_system_is_the_default(tmp_path):
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert settings.language() == ""
    assert ui_locale("").name() == QLocale.system().name()
