"""The UI in a given language for one test, and a scan of what a user would read.

`zh_ui` installs the zh_CN translations (ours and Qt's) and puts the previous
language back after the test. `english_left(widget)` lists every visible text
(menus, actions, tooltips, dock titles, buttons, labels, placeholders, combo
items, table headers) that still holds an English word.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QWidget,
)

from ui.app import install_translations, remove_translations

# Words that are the same in a Chinese UI: formats, encodings, key names, units, the
# endonym of the other UI language, RACI letters' English initials are single letters.
ALLOWED = {
    "pdf",
    "csv",
    "tsv",
    "txt",
    "xlsx",
    "excel",
    "pptx",
    "powerpoint",
    "db",
    "utf",
    "bom",
    "gbk",
    "gb18030",
    "ins",
    "enter",
    "del",
    "esc",
    "ctrl",
    "shift",
    "alt",
    "pt",
    "english",
    "rrggbb",
    "svg",
    "png",
    "json",
    "readme",
    "pgup",
    "pgdown",
    "backspace",
    "home",
    "end",
    "tab",
    "raci",
    "windows",
    "postgresql",
    "pgpassword",
    "pgpass",
    "python",
    "orgdesigner",
    "repo",
    "push",
}
KEY = re.compile(r"^F[0-9]{1,2}$")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]{1,}")
PAPER = re.compile(r"^[AB][0-9]$")
TAGS = re.compile(r"<[^>]+>|&[a-z]+;")


@pytest.fixture
def zh_ui(qapp):
    install_translations(qapp, QLocale("zh_CN"))
    yield qapp
    remove_translations(qapp)
    QLocale.setDefault(QLocale.system())


def english_words(text: str) -> list[str]:
    text = TAGS.sub(" ", text or "")
    text = re.sub(r"\(&\w\)|&(?=\w)", "", text)  # mnemonics "(&F)", "&File"
    text = re.sub(r"\{[a-z_]+\}|%[0-9n]|#[0-9a-f]{6}", "", text)
    return [
        w
        for w in WORD.findall(text)
        if w.lower() not in ALLOWED and not PAPER.match(w) and not KEY.match(w)
    ]


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything a user can read in `root` and its children."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for action in root.findChildren(QAction):
        out += [
            ("action", action.text()),
            ("action tooltip", action.toolTip()),
            ("action status tip", action.statusTip()),
        ]
    for w in widgets:
        name = type(w).__name__
        out.append((f"{name} tooltip", w.toolTip()))
        if isinstance(w, QMenu):
            out.append(("menu", w.title()))
        if isinstance(w, QDockWidget) or w.isWindow():
            out.append((f"{name} title", w.windowTitle()))
        if isinstance(w, QAbstractButton):
            out.append((f"{name} text", w.text()))
        if isinstance(w, QLabel):
            out.append(("label", w.text()))
        if isinstance(w, QGroupBox):
            out.append(("group", w.title()))
        if isinstance(w, QLineEdit):
            out.append(("placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            out += [("combo item", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTreeWidget) and w.headerItem() is not None:
            out += [("tree header", w.headerItem().text(i)) for i in range(w.columnCount())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model (completer popups) has no public columnCount
                continue
            for section in range(columns):
                out.append(
                    ("header", str(model.headerData(section, Qt.Orientation.Horizontal) or ""))
                )
    return out


def english_left(root: QWidget) -> list[str]:
    """'where: text' for each visible text with an English word left in it."""
    return sorted(
        {
            f"{where}: {text!r}"
            for where, text in visible_texts(root)
            if text and english_words(text)
        }
    )


def all_top_level_dialogs() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def assert_chinese(root: QWidget) -> None:
    """Fail with one line per English text left, naming where it is."""
    left = english_left(root)
    assert not left, "English left on screen:\n" + "\n".join(left)
