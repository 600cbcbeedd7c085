"""In-place text editor over a box (department name) or a link (its label).

Enter commits, Escape cancels, clicking elsewhere commits. The editor only
reports the text; the scene turns it into an edit.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem

from . import style


class RenameEditor(QGraphicsTextItem):
    def __init__(self, text: str, width: float, on_done: Callable[[str | None], None]):
        super().__init__()
        self._on_done = on_done
        self._finished = False
        self.setFont(style.name_font())
        self.setPlainText(text)
        self.setTextWidth(width)
        self.setDefaultTextColor(style.INK)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(10)

    def begin(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def finish(self, commit: bool) -> None:
        if self._finished:
            return
        self._finished = True
        text = self.toPlainText().replace("\n", " ") if commit else None
        self._on_done(text)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.finish(True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.finish(False)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish(True)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.fillRect(self.boundingRect(), Qt.GlobalColor.white)
        painter.setPen(QPen(style.SELECTED, 1.5))
        painter.drawRect(self.boundingRect())
        super().paint(painter, option, widget)
