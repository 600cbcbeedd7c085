"""In-place text editor over a box (department name) or a link (its label).

Enter commits, Escape cancels, clicking elsewhere commits. The editor only
reports the text; `InPlaceEditingMixin` (part of the scene) turns it into an edit.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem

from .. import edits
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
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
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


class InPlaceEditingMixin:
    """The scene's side of renaming in place: open one editor, turn its text into an edit."""

    def start_rename(self, dept_id: str) -> None:
        box = None if self.read_only else self.ensure_box(dept_id)  # a big chart: made now
        if box is None:
            return
        self._close_editor(commit=True)
        name = self.ctx.design.departments[dept_id].name
        editor = RenameEditor(
            name, box.rect().width() - 2 * style.PAD, lambda text: self._renamed(dept_id, text)
        )
        editor.setData(0, dept_id)
        self._open_editor(
            editor, box.scene_rect().topLeft() + QPointF(style.PAD, style.PAD + style.BAND)
        )

    def start_relabel(self, link_id: str) -> None:
        link = self.ctx.design.links.get(link_id) if self.ctx is not None else None
        if link is not None and link_id not in self.links:
            self.ensure_box(link.source)  # a big chart: the link comes with its box
        if self.read_only or link_id not in self.links:
            return
        self._close_editor(commit=True)
        item = self.links[link_id]
        label = self.ctx.design.links[link_id].label
        editor = RenameEditor(label, 160, lambda text: self._relabelled(link_id, text))
        editor.setData(0, link_id)
        center = (
            item.label.mapToScene(item.label.boundingRect().center())
            if item.label.isVisible()
            else item.path().pointAtPercent(0.5)
        )
        self._open_editor(editor, center - QPointF(80, 12))

    def _open_editor(self, editor: RenameEditor, at: QPointF) -> None:
        self.editor = editor
        editor.setPos(at)
        self.addItem(editor)
        for view in self.views():
            view.setFocus()
        editor.begin()

    def _renamed(self, dept_id: str, text: str | None) -> None:
        self._close_editor(commit=None)
        if text is not None and self.ctx is not None:
            reason = edits.rename(self.ctx, dept_id, text)
            if reason:
                self.message.emit(reason)

    def _relabelled(self, link_id: str, text: str | None) -> None:
        self._close_editor(commit=None)
        if text is not None and self.ctx is not None:
            reason = edits.relabel_link(self.ctx, link_id, text)
            if reason:
                self.message.emit(reason)

    def _close_editor(self, commit: bool | None) -> None:
        """Remove the editor; commit=None means it already reported its text."""
        editor, self.editor = self.editor, None
        if editor is None:
            return
        if commit is not None:
            editor.finish(commit)
        if editor.scene() is self:
            self.removeItem(editor)

    @property
    def editing(self) -> bool:
        return self.editor is not None
