"""The document life cycle of the editor: new, open, save, close, reload, recover.

An object the main window owns (not a mixin), so the window stays about
showing a design and this stays about files. It holds the open design
(`doc`) and whether it has content never saved (`unsaved_content`). Every
file operation goes through `ui.document_io`; every failure is a dialog with
one clear sentence and, where the shared-file API allows it, a choice (open
read-only or a copy when someone else edits the file; Save As or overwrite
when someone saved meanwhile; retry when a save failed). The `ask_*` methods
are the questions, so tests can answer them.

What it needs from the window is the small `DocumentHost` protocol below.
Opening and reloading a file show a progress dialog with Cancel
(`ui.open_progress`); a cancelled open leaves the previous design as it was.
Closing shows a busy dialog (no Cancel) while a big design is taken down.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from orgdesigner.errors import OrgDesignerError
from orgdesigner.lockfile import user_display_name
from orgdesigner import progress
from orgdesigner.progress import Cancelled

from . import core_adapters, document_io
from .context import EditorContext
from .document_io import ChangedByOthers, LockedByOther, OpenDesign
from .document_questions import DocumentQuestions
from .error_text import in_ui_language
from .file_places import file_name, start_folder, unused_path
from .i18n import tr, ui_language
from .open_progress import CloseProgress, OpenProgress
from .settings import AppSettings

Btn = QMessageBox.StandardButton
Made = tuple[OpenDesign | None, bool]  # the new design (None: the user said no), unsaved content
# Closing a design this big shows its busy dialog at once (1.4 s at 20,000 departments, 10 s at
# 100,000, mostly taking the chart's items down: one call that cannot report on its way).
CLOSE_SHOWS_AT = 10_000


class DocumentHost(Protocol):
    """What the controller needs from the window that shows the design."""

    ctx: EditorContext  # the design shown now (its undo stack says whether it is modified)

    def display_name(self) -> str: ...

    def build_chart(self, doc: OpenDesign, ctx: EditorContext | None = None) -> EditorContext:
        """Build the chart of `doc`, reporting progress; on Cancelled the old chart is back."""
        ...

    def show_document(self, doc: OpenDesign, ctx: EditorContext) -> None:
        """Show `doc`, now the controller's design, everywhere (its chart is built)."""

    def show_start_page(self) -> None: ...

    def ask_design_name(self) -> None: ...

    def document_saved(self, path: Path) -> None: ...


class DocumentController(DocumentQuestions, QObject):
    def __init__(self, host: DocumentHost, widget: QWidget, settings: AppSettings):
        QObject.__init__(self, widget)
        self.host = host
        self.widget = widget  # the parent of every dialog
        self.settings = settings
        self.doc: OpenDesign | None = None  # None: the start page is showing
        self.unsaved_content = False  # a template, import or recovery that was never saved

    # --------------------------------------------------------------- state
    @property
    def has_design(self) -> bool:
        return self.doc is not None

    @property
    def read_only(self) -> bool:
        return self.doc is not None and self.doc.read_only

    @property
    def is_repository(self) -> bool:
        return bool(getattr(self.doc, "is_repository", False))

    def is_modified(self) -> bool:
        return self.doc is not None and (
            not self.host.ctx.undo_stack.isClean() or self.unsaved_content
        )

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to go on (saved or discarded)."""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self.widget,
            tr("Unsaved changes"),
            tr("Save the changes to {name} before closing it?").format(
                name=self.host.display_name()
            ),
            Btn.Save | Btn.Discard | Btn.Cancel,
            Btn.Save,
        )
        if answer == Btn.Save:
            return self.save()
        return answer == Btn.Discard

    # ------------------------------------------------------------- opening
    def replace(self, make: Callable[[], Made]) -> bool:
        """Ask about unsaved work, build the new document, show it, then drop the old one."""
        return self._replace(lambda _progress: make())

    def _replace(self, make: Callable[[OpenProgress], Made], *, name: str = "") -> bool:
        if not self.maybe_save():
            return False
        with OpenProgress(self.widget, name) as progress:
            try:
                doc, unsaved = make(progress)
            except Cancelled:
                return False
            except OrgDesignerError as exc:
                progress.close()
                self._error(tr("Cannot open"), exc)
                return False
            if doc is None:
                return False
            try:
                with progress.reporting():
                    self.install(doc, unsaved_content=unsaved, close_old=True)
            except Cancelled:  # the window still shows the old design; it stays open
                document_io.close_design(doc)
                return False
        return True

    def install(
        self,
        doc: OpenDesign,
        *,
        unsaved_content: bool = False,
        ctx: EditorContext | None = None,
        close_old: bool = False,
    ) -> None:
        """Make `doc` the open design and show it (the window may raise Cancelled first)."""
        old = self.doc
        ctx = self.host.build_chart(doc, ctx)  # Cancelled here: nothing changed
        self.doc, self.unsaved_content = doc, unsaved_content
        progress.step("showing", 0)  # the progress dialog (if any) drops its Cancel button
        self.host.show_document(doc, ctx)  # its reports only keep the dialog painting
        if close_old and old is not None and old is not doc:
            progress.step("showing", 0)
            document_io.close_design(old)

    def hand_over(self) -> tuple[OpenDesign, bool] | None:
        """Give the open design to another window (language switch) without closing it."""
        if self.doc is None:
            return None
        doc, unsaved = self.doc, self.unsaved_content
        self.doc, self.unsaved_content = None, False
        return doc, unsaved

    def new_design(self) -> bool:
        ok = self.replace(
            lambda: (
                document_io.new_design("", ui_language(), author=user_display_name()),
                False,
            )
        )
        if ok:
            self.host.ask_design_name()
        return ok

    def new_from_template(self, template_id: str | None = None) -> bool:
        templates = core_adapters.templates(ui_language())
        if not templates:
            QMessageBox.information(self.widget, tr("Templates"), tr("No templates are installed."))
            return False
        if not template_id:
            titles = [t.title for t in templates]
            title, ok = QInputDialog.getItem(
                self.widget, tr("New from template"), tr("Organisation form:"), titles, 0, False
            )
            if not ok:
                return False
            template_id = templates[titles.index(title)].id
        chosen = template_id
        ok = self.replace(
            lambda: (
                document_io.from_design(
                    core_adapters.load_template(chosen, ui_language()),
                    author=user_display_name(),
                ),
                True,
            )
        )
        if ok:
            self.host.ask_design_name()
        return ok

    def open_dialog(self) -> bool:
        start = str(start_folder(self.settings, self.doc.path if self.doc else None))
        name, _ = QFileDialog.getOpenFileName(
            self.widget, tr("Open design"), start, tr("Design files (*.db)")
        )
        if name:
            self.settings.set_last_folder(Path(name).parent)
        return self.open_file(Path(name)) if name else False

    def open_repository(self) -> bool:
        """File > Open from Repository: choose a server and a design, then edit it live."""
        from .repository.open_dialog import OpenRepositoryDialog

        dialog = OpenRepositoryDialog(self.settings.qs, self.widget)
        if dialog.exec() != OpenRepositoryDialog.DialogCode.Accepted or dialog.chosen() is None:
            return False
        return self.open_repository_design(*dialog.chosen())

    def open_repository_design(self, url: str, name: str, scenario: str | None = None) -> bool:
        from orgdesigner.repository import RepoRef
        from orgdesigner.repository.live import LiveSession

        from .repository.live_design import RepositoryDesign

        return self.replace(
            lambda: (
                RepositoryDesign(LiveSession.open(RepoRef(url, name, scenario)), self.widget),
                False,
            )
        )

    def open_file(self, path: Path) -> bool:
        """File > Open: with progress and Cancel; a cancelled open changes nothing."""
        path = Path(path).absolute()
        if self.doc is not None and self.doc.path is not None and path == self.doc.path:
            return True
        ok = self._replace(lambda progress: self._open_document(path, progress), name=path.name)
        if ok:
            self.settings.add_recent(path)
        elif not path.exists():
            self.settings.remove_recent(path)
        return ok

    def _open_document(self, path: Path, progress: OpenProgress) -> Made:
        try:
            return document_io.open_design(path, progress=progress), False
        except LockedByOther as exc:
            progress.close()
            choice = self.ask_locked(exc)
        if choice == "read_only":
            return document_io.open_design(path, read_only=True, progress=progress), False
        if choice == "copy":
            return document_io.open_copy(path, progress=progress), True
        if choice == "break":
            return document_io.open_design(path, break_stale_lock=True, progress=progress), False
        return None, False

    def import_dialog(self) -> bool:
        """The import wizard (CSV/Excel column mapping); a new design, or one undo step."""
        from .dialogs.import_wizard import run_import_wizard

        target = self.host.ctx if self.has_design and not self.read_only else None
        design = run_import_wizard(self.widget, target)
        if design is None:  # cancelled, or merged into the open design as one undo step
            return False
        return self.replace(
            lambda: (document_io.from_design(design, author=user_display_name()), True)
        )

    def import_file(self, path: Path) -> bool:
        return self.replace(lambda: (document_io.import_design(path), True))

    def offer_recovery(self) -> bool:
        """At start: offer unsaved work of crashed sessions; True if one was recovered."""
        for item in document_io.recoverable():
            choice = self.ask_recover(in_ui_language(item.message))
            if choice == "discard":
                document_io.discard_recovery(item)
            elif choice == "recover":
                return self.replace(lambda: (document_io.recover(item), True))
        return False

    def reload(self, *, read_only: bool | None = None) -> bool:
        """Read the design again from its file (File > Reload, or a newer save seen).

        `read_only`: keep (None) or choose the mode. Someone holding the lock
        meanwhile makes it read-only. It shows the same progress dialog as
        File > Open. A read-only design stays on screen until the new one
        shows (Cancel keeps it); an editable one is closed first, since its
        lock must be taken again (Cancel then leaves the start page, the file
        untouched). On failure the start page shows.
        """
        doc = self.doc
        if doc is None or doc.path is None:
            return False
        path, mode = doc.path, doc.read_only if read_only is None else read_only
        keep_old = doc.read_only and mode  # reading needs no lock: nothing to give up first
        if not keep_old:
            self.close_with_progress()
        with OpenProgress(self.widget, path.name) as progress:
            try:
                try:
                    new = document_io.open_design(path, read_only=mode, progress=progress)
                except LockedByOther:  # someone took the lock meanwhile: look without editing
                    new = document_io.open_design(path, read_only=True, progress=progress)
            except Cancelled:
                return False  # the old design is still shown (read-only), or the start page
            except OrgDesignerError as exc:
                progress.close()
                if keep_old:
                    self.close_with_progress()
                self._error(tr("Cannot open"), exc)
                return False
            try:
                with progress.reporting():
                    self.install(new, close_old=keep_old)
            except Cancelled:  # the window still shows what it showed before
                document_io.close_design(new)
                return False
        return True

    # -------------------------------------------------------------- saving
    def save(self) -> bool:
        if self.doc is None:
            return False
        if self.is_repository:  # every edit is already stored
            return self.doc.save_in_window()
        if self.doc.path is None or self.doc.read_only:
            return self.save_as()
        return self.save_to(None)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        if self.is_repository:  # a .db copy; the design stays live
            return self.doc.save_copy_in_window()
        start = self.doc.path or unused_path(
            start_folder(self.settings) / (file_name(self.doc.design.name, tr("design")) + ".db")
        )
        name, _ = QFileDialog.getSaveFileName(
            self.widget, tr("Save design as"), str(start), tr("Design files (*.db)")
        )
        if name:
            self.settings.set_last_folder(Path(name).parent)
        return self.save_to(Path(name)) if name else False

    def save_to(self, path: Path | None, overwrite: bool = False) -> bool:
        """Save (path None) or save as `path`, asking what to do when that fails."""
        assert self.doc is not None
        try:
            saved = document_io.save_design(self.doc, path, overwrite=overwrite)
        except ChangedByOthers as exc:
            choice = self.ask_changed(exc)
            if choice == "overwrite":
                return self.save_to(path, overwrite=True)
            return self.save_as() if choice == "save_as" else False
        except LockedByOther as exc:
            choice = self.ask_choice(
                tr("Design in use"),
                self.locked_text(exc),
                [("save_as", tr("Save As...")), ("cancel", tr("Cancel"))],
            )
            return self.save_as() if choice == "save_as" else False
        except OrgDesignerError as exc:  # SaveFailed, FileProblem
            choice = self.ask_failed(exc)
            if choice == "retry":
                return self.save_to(path, overwrite)
            return self.save_as() if choice == "save_as" else False
        self.unsaved_content = False
        self.host.ctx.undo_stack.setClean()
        self.host.document_saved(saved)
        return True

    # ------------------------------------------------------------- closing
    def close_design(self) -> bool:
        """File > Close: ask about unsaved work, release the file, show the start page."""
        if not self.maybe_save():
            return False
        self.close_with_progress()
        self.settings.set_last_file(None)
        return True

    def close_with_progress(self, start_page: bool = True) -> None:
        """Release the design behind a busy dialog (a big design takes seconds to take
        down), then show the start page unless the window is quitting; no questions, no
        Cancel."""
        if self.doc is None:
            self.unsaved_content = False
            if start_page:
                self.host.show_start_page()
            return
        with CloseProgress(self.widget, self.host.display_name()) as busy, busy.reporting():
            if len(self.doc.design.departments) >= CLOSE_SHOWS_AT:
                busy.show_now()  # before taking the chart down, which is one long call
            progress.step("closing", 0)
            self.release()
            if start_page:
                self.host.show_start_page()

    def release(self) -> None:
        """Let go of the open design (lock, working copy) without asking anything."""
        old, self.doc = self.doc, None
        self.unsaved_content = False
        document_io.close_design(old)
