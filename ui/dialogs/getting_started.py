"""Help > Getting Started: the gestures and the rules on one page, in the UI's language.

A new user learns the handful of gestures here and what each finding means.
The button shows the README's full gesture table (its Chinese twin in a Chinese
UI) right here, not the README's first page in some other program.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..i18n import ui_language

README = Path(__file__).resolve().parents[2] / "README.md"


class GettingStartedDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Getting Started"))
        self.resize(640, 560)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(self.page_html())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.readme_button = buttons.addButton(
            self.tr("All Gestures (README)"), QDialogButtonBox.ButtonRole.HelpRole
        )
        self.readme_button.setEnabled(bool(gesture_table(ui_language())))
        self.table_dialog: QDialog | None = None
        self.readme_button.clicked.connect(self.open_readme)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def gestures(self) -> list[tuple[str, str]]:
        return [
            (
                self.tr("Add a department"),
                self.tr(
                    "Add Department on the toolbar: a child of the "
                    "selected department, or double-click empty canvas"
                ),
            ),
            (self.tr("Rename"), self.tr("Double-click the box, or F2; Enter keeps, Esc cancels")),
            (
                self.tr("Draw a reporting line"),
                self.tr(
                    "Drag from the grey handle under a box to the department that reports to it"
                ),
            ),
            (
                self.tr("Draw a collaboration link"),
                self.tr("Drag from the teal handle on the right of a box to another box"),
            ),
            (self.tr("Change the manager"), self.tr("Drop the box onto its new manager")),
            (
                self.tr("Give a function an owner"),
                self.tr(
                    "Functions & owners panel: double-click a "
                    "cell, right-click it, or type A, R, C or I"
                ),
            ),
            (
                self.tr("Find a department"),
                self.tr("Ctrl+F, type, Enter for the next match, Esc back to the chart"),
            ),
            (
                self.tr("Zoom and pan"),
                self.tr("Ctrl+wheel zooms, Ctrl+0 fits the chart; wheel or Space+drag pans"),
            ),
            (self.tr("Undo"), self.tr("Ctrl+Z undoes any edit, one step at a time")),
            (self.tr("Print a proposal"), self.tr("File > Export PDF... (Ctrl+P)")),
        ]

    def rules(self) -> list[tuple[str, str]]:
        """(title, rule id) of every validator rule, titled in the UI's language."""
        try:
            from orgdesigner.validator import RULES
        except ImportError:  # pragma: no cover - the validator is part of the core
            return []
        language = ui_language()
        return [(rule.title(language), rule.id) for rule in RULES.values()]

    def page_html(self) -> str:
        rows = "".join(
            f"<tr><td><b>{escape(what)}</b></td><td>{escape(how)}</td></tr>"
            for what, how in self.gestures()
        )
        rules = "".join(
            f"<li>{escape(title)} <small>({escape(rule_id)})</small></li>"
            for title, rule_id in self.rules()
        )
        intro = self.tr(
            "Start from a template (File > New from Template) or an empty design, "
            "then arrange departments on the chart. The panels around the chart "
            "show the same selection."
        )
        findings = self.tr(
            "The Findings panel lists what the checks found; click one to see "
            "the departments it names."
        )
        return (
            f"<h2>{escape(self.tr('Getting Started'))}</h2><p>{escape(intro)}</p>"
            f"<h3>{escape(self.tr('Gestures'))}</h3><table cellpadding='4'>{rows}</table>"
            f"<h3>{escape(self.tr('What the findings check'))}</h3>"
            f"<p>{escape(findings)}</p><ul>{rules}</ul>"
        )

    def readme_url(self) -> QUrl:
        return QUrl.fromLocalFile(str(README))

    def open_readme(self) -> bool:
        """Show the README's gesture table in the UI's language; True if it was found."""
        table = gesture_table(ui_language())
        if not table:
            return QDesktopServices.openUrl(self.readme_url())
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("All Gestures"))
        dialog.resize(900, 640)
        layout = QVBoxLayout(dialog)
        browser = QTextBrowser()
        browser.setMarkdown(f"## {self.tr('All Gestures')}\n\n{table}\n")
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.table_browser = browser  # type: ignore[attr-defined] - for tests
        dialog.show()
        self.table_dialog = dialog
        return True


# The first header cell of each language's gesture table in README.md.
TABLE_HEADS = {"en": "| to do this |", "zh": "| 要做的事 |"}


def gesture_table(language: str) -> str:
    """The README's gesture table (Markdown) in `language`; '' if the README is not there."""
    try:
        lines = README.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    head = TABLE_HEADS.get(language, TABLE_HEADS["en"])
    start = next((i for i, line in enumerate(lines) if line.startswith(head)), None)
    if start is None:
        return ""
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return "\n".join(lines[start:end])
