"""Application start-up: QApplication, main window, the file from the command line.

`python main.py FILE.db` opens that file; with no argument the last file
opened (if it still exists), else the start page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Org Designer")
    app.setOrganizationName("OrgDesigner")

    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    files = [a for a in argv[1:] if not a.startswith("-")]
    if window.offer_recovery():
        pass
    elif files:
        window.open_file(Path(files[0]))
    else:
        last = window.settings.last_file()
        if last is not None and last.exists():
            window.open_file(last)
    return app.exec()
