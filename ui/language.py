"""View > Language: 中文, English, or the system's language; remembered, applied at once.

Switching installs the other translation and rebuilds the main window around
the same open design (the same model, undo history and selection), because
every text is set once when a widget is built. The old window hands its design
over and closes without asking anything.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

from .translations import install_translations, ui_locale
from .i18n import tr

# The main window (not imported: it sits above this module and builds its menu from here).
MainWindow = Any

# The language names stay in their own language so a user can always find theirs.
CHOICES = (("zh_CN", "中文"), ("en", "English"))
_windows: list[MainWindow] = []  # the windows made by a switch (app.main holds the first)


def build_language_menu(window: MainWindow, parent: QMenu) -> QMenu:
    menu = parent.addMenu(tr("&Language"))
    group = QActionGroup(menu)
    chosen = window.settings.language()
    entries = [("", tr("Follow the System"))] + list(CHOICES)
    for code, label in entries:
        action = QAction(label, menu)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
        action.triggered.connect(lambda checked=False, c=code: switch_language(window, c))
    return menu


def switch_language(window: MainWindow, language: str) -> MainWindow:
    """Remember `language`, translate, and show a new window with the same design."""
    window.settings.set_language(language)
    window.settings.sync()
    app = QApplication.instance()
    install_translations(app, ui_locale(language))
    new = type(window)(window.settings)
    new.restoreGeometry(window.saveGeometry())
    new.restoreState(window.saveState())
    handed = window.documents.hand_over()  # the old window closes without touching the design
    if handed is not None:
        doc, unsaved = handed
        ctx = window.ctx
        window.undo_group.removeStack(ctx.undo_stack)
        new.adopt(doc, ctx, unsaved_content=unsaved)
    new.show()
    window.language_switched.emit(new)
    window.close()
    window.deleteLater()
    if window in _windows:
        _windows.remove(window)
    _windows.append(new)
    return new
