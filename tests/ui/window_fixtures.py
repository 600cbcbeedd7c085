"""Shared set-up for the main-window tests: a private data folder and a shown window.

Import the fixtures into a test module (`from tests.ui.window_fixtures import
private_data_dir, window`) and pytest uses them there.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from ui.main_window import MainWindow
from ui.settings import AppSettings


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """Working copies and recovery records go to the test's own folder; the user is Wang Li."""
    monkeypatch.setenv("ORGDESIGNER_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.setenv("ORGDESIGNER_USER_NAME", "Wang Li")


@pytest.fixture
def dialogs(monkeypatch):
    """(title, text, buttons) of every message box the window shows; answered with Cancel."""
    shown = []

    def exec_(box):
        shown.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        return 0

    def warning(parent, title, text, *args, **kwargs):
        shown.append((title, text, []))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def forget_changes(w: MainWindow) -> None:
    """No unsaved-changes question while pytest-qt closes the window."""
    w.documents.unsaved_content = False
    w.ctx.undo_stack.setClean()


def new_window(qtbot, tmp_path) -> MainWindow:
    """A shown main window with its settings in `tmp_path/settings.ini`, closed after the test."""
    w = MainWindow(
        AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    )
    qtbot.addWidget(w, before_close_func=forget_changes)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, tmp_path) -> MainWindow:
    return new_window(qtbot, tmp_path)
