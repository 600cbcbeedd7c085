"""Application start-up: QApplication, main window, the file from the command line.

`python main.py FILE.db` opens that file; with no argument the last file
opened (if it still exists), else the start page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from orgdesigner.resources import RESOURCES

from .settings import AppSettings

TRANSLATIONS = RESOURCES / "translations"


def ui_locale(language: str = "") -> QLocale:
    """The locale the UI speaks: the chosen language ("zh_CN", "en"), else the system's."""
    return QLocale(language) if language else QLocale.system()


def install_translations(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Load Qt's own and our `orgdesigner_<locale>.qm`; replaces what an earlier call installed.

    Also makes `locale` the default QLocale, so numbers on screen follow the UI
    language (QLocale() in the docks).
    """
    locale = locale or QLocale.system()
    remove_translations(app)
    QLocale.setDefault(locale)
    loaded = []
    for name, folder in (("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         ("orgdesigner", str(TRANSLATIONS))):
        translator = QTranslator(app)
        translator.setObjectName("orgdesigner_translator")
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


def remove_translations(app: QCoreApplication) -> None:
    """Take out what `install_translations` put in (the source texts show again)."""
    for old in app.findChildren(QTranslator, "orgdesigner_translator"):
        app.removeTranslator(old)
        old.deleteLater()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Org Designer")
    app.setOrganizationName("OrgDesigner")
    settings = AppSettings()
    install_translations(app, ui_locale(settings.language()))

    from .main_window import MainWindow

    window = MainWindow(settings)
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
