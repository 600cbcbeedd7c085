"""Application start-up: QApplication, main window, the file from the command line.

`ui.launcher` parses the command line and calls `start`: a file opens that
file; with none the last file opened (if it still exists), else the start page.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog

from orgdesigner import __version__
from orgdesigner.document import install_signal_handlers
from orgdesigner.package_data import RESOURCES

from .settings import AppSettings
from .translations import install_translations, remove_translations, ui_locale

__all__ = ["install_translations", "remove_translations", "start", "ui_locale"]


def handle_termination(app: QApplication) -> QTimer:
    """SIGTERM/SIGHUP end like an expected crash (lock removed, working copy kept).

    Python runs signal handlers only when it runs bytecode; inside Qt's event
    loop a light timer gives it that chance a few times a second.
    """
    install_signal_handlers()
    timer = QTimer(app)
    timer.setInterval(250)
    timer.timeout.connect(lambda: None)
    timer.start()
    return timer


def app_icon() -> QIcon:
    """Our own drawing: the SVG for every size, the PNGs where SVG is not available."""
    icon = QIcon()
    folder = RESOURCES / "icons"
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(folder / f"orgdesigner-{size}.png"), QSize(size, size))
    return icon


def start(
    argv: list[str],
    *,
    file: Path | None = None,
    template: str | None = None,
    check_startup: bool = False,
) -> int:
    """Create the application and the main window, open what was asked, run the event loop.

    `check_startup` opens the file or template, draws the window once, prints a
    one-line summary and exits: the smoke test of an install or a frozen build.
    """
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Org Designer")
    app.setOrganizationName("OrgDesigner")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("orgdesigner")
    app.setWindowIcon(app_icon())
    settings = AppSettings()
    install_translations(app, ui_locale(settings.language()))
    handle_termination(app)

    from .main_window import MainWindow

    window = MainWindow(settings)
    window.show()
    if check_startup:
        return _check_startup(app, window, file, template, started)
    if window.documents.offer_recovery():
        pass
    elif template:
        window.documents.new_from_template(template)
    elif file is not None:
        window.documents.open_file(file)
    else:
        last = window.settings.last_file()
        if last is not None and last.exists():
            window.documents.open_file(last)
    return app.exec()


def _check_startup(
    app: QApplication, window, file: Path | None, template: str | None, started: float
) -> int:
    """Open, draw once, report, close without saving.

    A dialog that would wait for a user is answered by a timer: while opening it
    counts as a failure (its text is reported); while closing, "Discard" is chosen
    so the smoke test leaves no working copy or lock behind.
    """
    refused: list[str] = []
    closing = False

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or isinstance(dialog, QProgressDialog):
            return
        discard = (
            dialog.button(QMessageBox.StandardButton.Discard)
            if isinstance(dialog, QMessageBox)
            else None
        )
        if closing and discard is not None:
            discard.click()
            return
        refused.append(dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle())
        dialog.reject()

    guard = QTimer(app)
    guard.timeout.connect(answer_dialog)
    guard.start(50)
    opened = (
        window.documents.new_from_template(template)
        if template
        else window.documents.open_file(file)
        if file is not None
        else True
    )
    app.processEvents()
    window.grab()
    elapsed = time.perf_counter() - started
    title = window.windowTitle().replace("[*]", "")
    departments = len(window.ctx.design.departments)
    failures = list(refused)
    closing = True
    window.close()
    guard.stop()
    if not opened or failures:
        print(f"failed: {' '.join(failures) or 'nothing was opened'}", file=sys.stderr)
        return 2
    print(f"ok: {title}: {departments} departments, window drawn {elapsed:.2f} s after start")
    return 0
