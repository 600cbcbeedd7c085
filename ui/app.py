"""Application start-up: QApplication, main window, the file from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox


def main(argv: list[str] | None = None) -> int:
    from .main_window import MainWindow

    argv = list(sys.argv if argv is None else argv)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Org Designer")
    app.setOrganizationName("OrgDesigner")
    window = MainWindow()
    window.show()
    files = [a for a in argv[1:] if not a.startswith("-")]
    if files:
        window.open_file(Path(files[0]))
    return app.exec()
