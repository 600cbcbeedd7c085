"""Loading the UI's translations (Qt's own and ours) for a locale.

Below the app and the window, so the language menu can switch languages
without importing the application module.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from orgdesigner.package_data import RESOURCES

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
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("orgdesigner", str(TRANSLATIONS)),
    ):
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
