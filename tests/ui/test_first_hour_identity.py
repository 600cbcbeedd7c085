"""First hour, items 6 and 7: the design gets its own name at once; the user's display name
goes into the lock, "saved by" and the PDF cover."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from orgdesigner import lockfile
from ui.dialogs.export_pdf import ExportPdfDialog
from ui.document_io import LockedByOther
from ui.settings import AppSettings

from .translation_fixtures import zh_ui  # noqa: F401 - fixture
from .window_fixtures import private_data_dir, window  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def forget_chosen_name():
    yield
    lockfile.set_user_display_name("")  # the choice is process-wide: leave none behind


def type_cjk(widget, text: str) -> None:
    """Type as an input method commits Chinese (QTest.keyClicks cannot)."""
    for ch in text:
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


def active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def choose_name_in_preferences(window, qtbot, name: str) -> None:
    done = []

    def fill_in():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, fill_in)
            return
        dialog.name_edit.clear()
        type_cjk(dialog.name_edit, name)
        QTest.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # the default button: OK
        done.append(True)

    QTimer.singleShot(0, fill_in)
    edit_menu = window.menuBar().actions()[1].menu()
    assert window.actions_.preferences in edit_menu.actions()
    assert window.actions_.preferences.isEnabled()
    window.actions_.preferences.trigger()
    qtbot.waitUntil(lambda: bool(done))


def test_the_chosen_name_is_in_the_lock_saved_by_and_remembered(
    zh_ui, window, qtbot, tmp_path, monkeypatch
):
    choose_name_in_preferences(window, qtbot, "王丽")
    assert lockfile.user_display_name() == "王丽"
    remembered = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert remembered.user_name() == "王丽"
    assert window.documents.new_from_template("startup")
    target = tmp_path / "方案.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.documents.save_as()
    assert window.ctx.design.stamp.saved_by == "王丽"
    owner = lockfile.read_lock(target).info
    assert owner is not None and owner.user == "王丽"
    text = window.documents.locked_text(LockedByOther(target, owner))
    assert text.startswith("方案.db 正在由 王丽 编辑")


def test_a_template_asks_for_its_name_and_uses_it_everywhere(window, qtbot, monkeypatch, tmp_path):
    lockfile.set_user_display_name("王丽")
    active(window, qtbot)
    assert window.documents.new_from_template("startup")
    bar = window.name_bar
    assert bar.isVisible()
    qtbot.waitUntil(bar.edit.hasFocus)
    assert bar.edit.selectedText() == window.ctx.design.name  # typing replaces the proposal
    bar.edit.del_()
    type_cjk(bar.edit, "华东区营销中心方案")
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    design = window.ctx.design
    assert design.name == "华东区营销中心方案" and not bar.isVisible()
    assert window.windowTitle().startswith("华东区营销中心方案")
    assert window.ctx.undo_stack.count() == 1
    proposed = []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda parent, caption, start, *a: (proposed.append(start), ("", ""))[1],
    )
    window.documents.save_as()
    assert Path(proposed[0]).name == "华东区营销中心方案.db"
    assert design.author == "王丽"
    pypdf = pytest.importorskip("pypdf")
    from orgdesigner.render import export_pdf

    dialog = ExportPdfDialog(design, window)
    qtbot.addWidget(dialog)
    out = tmp_path / "cover.pdf"
    design.author = ""  # an older design without an author: the cover still names the user
    export_pdf(design, out, dialog.options())
    cover = pypdf.PdfReader(str(out)).pages[0].extract_text()
    assert "华东区营销中心方案" in cover and "王丽" in cover and "—" not in cover
