"""The document life cycle of the main window: new, open, save, close, recover, quit.

A mixin so `main_window.py` stays about the window. Every file operation goes
through `ui.document_io`; every failure is a dialog with one clear sentence
and, where the shared-file API allows it, a choice (open read-only or a copy
when someone else edits the file; Save As or overwrite when someone saved
meanwhile; retry when a save failed). The `ask_*` methods are the questions,
so tests can answer them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from orgdesigner.errors import OrgDesignerError
from orgdesigner.lockfile import user_display_name

from .error_text import error_text, in_ui_language
from . import core_adapters, document_io
from .document_io import ChangedByOthers, LockedByOther, OpenDesign
from .file_places import file_name, start_folder, unused_path

Btn = QMessageBox.StandardButton


class LifecycleMixin:
    """Needs from the window: doc, ctx, settings, unsaved_content, _install, show_start_page..."""

    # ----------------------------------------------------------- questions
    def ask_choice(
        self, title: str, text: str, choices: list[tuple[str, str]], icon=QMessageBox.Icon.Warning
    ) -> str:
        """A message box with named buttons; returns the chosen key ("cancel" on Escape)."""
        box = QMessageBox(icon, title, text, parent=self)
        buttons = {}
        for key, label in choices:
            role = (
                QMessageBox.ButtonRole.RejectRole
                if key == "cancel"
                else QMessageBox.ButtonRole.AcceptRole
            )
            buttons[box.addButton(label, role)] = key
        box.exec()
        return buttons.get(box.clickedButton(), "cancel")

    def ask_locked(self, error: LockedByOther) -> str:
        choices = [("read_only", self.tr("Open Read-Only")), ("copy", self.tr("Open a Copy"))]
        if error.stale:
            choices.append(("break", self.tr("Break the Lock")))
        choices.append(("cancel", self.tr("Cancel")))
        return self.ask_choice(self.tr("Design in use"), self.locked_text(error), choices)

    def locked_text(self, error: LockedByOther) -> str:
        """The lock in the UI's language, from the error's facts (the core's text is English)."""
        owner = error.owner
        if owner is None:
            text = self.tr("{file} is being edited by someone else.").format(file=error.path.name)
        else:
            opened = QLocale().toString(
                QDateTime.fromString(owner.opened_at, Qt.DateFormat.ISODate).toLocalTime(),
                QLocale.FormatType.ShortFormat,
            )
            text = self.tr("{file} is being edited by {user} on {host} since {when}.").format(
                file=error.path.name, user=owner.user, host=owner.host, when=opened
            )
        if error.stale:  # the translation decides the space between sentences (none in Chinese)
            text = self.tr("{sentence} The lock looks abandoned.").format(sentence=text)
        return text

    def changed_text(self, error: ChangedByOthers) -> str:
        if error.missing:
            text = self.tr("{file} was moved or deleted since you opened it.")
        elif error.saved_by:
            text = self.tr("{file} was saved by {user} since you opened it.")
        else:
            text = self.tr("{file} was changed since you opened it.")
        return (
            text.format(file=error.path.name, user=error.saved_by)
            + " "
            + self.tr("Save under another name, or overwrite it explicitly.")
        )

    def ask_changed(self, error: ChangedByOthers) -> str:
        return self.ask_choice(
            self.tr("Changed by someone else"),
            self.changed_text(error),
            [
                ("save_as", self.tr("Save As...")),
                ("overwrite", self.tr("Overwrite Anyway")),
                ("cancel", self.tr("Cancel")),
            ],
        )

    def ask_failed(self, error: OrgDesignerError) -> str:
        return self.ask_choice(
            self.tr("Cannot save"),
            error_text(error),
            [
                ("retry", self.tr("Retry")),
                ("save_as", self.tr("Save As...")),
                ("cancel", self.tr("Cancel")),
            ],
        )

    def ask_recover(self, message: str) -> str:
        return self.ask_choice(
            self.tr("Recover unsaved work"),
            message,
            [
                ("recover", self.tr("Recover")),
                ("discard", self.tr("Discard")),
                ("cancel", self.tr("Later")),
            ],
            QMessageBox.Icon.Question,
        )

    def _error(self, title: str, error: Exception) -> None:
        QMessageBox.warning(self, title, error_text(error))

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to go on (saved or discarded)."""
        if not self.is_modified():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to {name} before closing it?").format(
                name=self.display_name()
            ),
            Btn.Save | Btn.Discard | Btn.Cancel,
            Btn.Save,
        )
        if answer == Btn.Save:
            return self.save()
        return answer == Btn.Discard

    # ------------------------------------------------------------- opening
    def _replace(self, make) -> bool:
        """Ask about unsaved work, build the new document, then drop the old one."""
        if not self.maybe_save():
            return False
        try:
            doc, unsaved = make()
        except OrgDesignerError as exc:
            self._error(self.tr("Cannot open"), exc)
            return False
        if doc is None:
            return False
        old, self.doc = self.doc, None
        document_io.close_design(old)
        self._install(doc, unsaved_content=unsaved)
        return True

    def new_design(self) -> bool:
        ok = self._replace(
            lambda: (
                document_io.new_design("", self._language(), author=user_display_name()),
                False,
            )
        )
        if ok:
            self.ask_design_name()
        return ok

    def new_from_template(self, template_id: str | None = None) -> bool:
        templates = core_adapters.templates(self._language())
        if not templates:
            QMessageBox.information(
                self, self.tr("Templates"), self.tr("No templates are installed.")
            )
            return False
        if not template_id:
            titles = [t.title for t in templates]
            title, ok = QInputDialog.getItem(
                self, self.tr("New from template"), self.tr("Organisation form:"), titles, 0, False
            )
            if not ok:
                return False
            template_id = templates[titles.index(title)].id
        ok = self._replace(
            lambda: (
                document_io.from_design(
                    core_adapters.load_template(template_id, self._language()),
                    author=user_display_name(),
                ),
                True,
            )
        )
        if ok:
            self.ask_design_name()
        return ok

    def open_dialog(self) -> bool:
        start = str(start_folder(self.settings, self.doc.path if self.doc else None))
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open design"), start, self.tr("Design files (*.db)")
        )
        if name:
            self.settings.set_last_folder(Path(name).parent)
        return self.open_file(Path(name)) if name else False

    def open_repository(self) -> bool:
        """File > Open from Repository: choose a server and a design, then edit it live."""
        from .repository.open_dialog import OpenRepositoryDialog

        dialog = OpenRepositoryDialog(self.settings.qs, self)
        if dialog.exec() != OpenRepositoryDialog.DialogCode.Accepted or dialog.chosen() is None:
            return False
        return self.open_repository_design(*dialog.chosen())

    def open_repository_design(self, url: str, name: str) -> bool:
        from orgdesigner.repository import RepoRef
        from orgdesigner.repository.live import LiveSession

        from .repository.live_design import RepositoryDesign

        return self._replace(
            lambda: (RepositoryDesign(LiveSession.open(RepoRef(url, name)), self), False)
        )

    def open_file(self, path: Path) -> bool:
        path = Path(path).absolute()
        if self.doc is not None and self.doc.path is not None and path == self.doc.path:
            return True
        ok = self._replace(lambda: self._open_document(path))
        if ok:
            self.settings.add_recent(path)
        elif not path.exists():
            self.settings.remove_recent(path)
        return ok

    def _open_document(self, path: Path) -> tuple[OpenDesign | None, bool]:
        try:
            return document_io.open_design(path), False
        except LockedByOther as exc:
            choice = self.ask_locked(exc)
        if choice == "read_only":
            return document_io.open_design(path, read_only=True), False
        if choice == "copy":
            return document_io.open_copy(path), True
        if choice == "break":
            return document_io.open_design(path, break_stale_lock=True), False
        return None, False

    def import_dialog(self) -> bool:
        """The import wizard (CSV/Excel column mapping); a new design, or one undo step."""
        from .dialogs.import_wizard import run_import_wizard

        target = self.ctx if self.has_design and not self.read_only else None
        design = run_import_wizard(self, target)
        if design is None:  # cancelled, or merged into the open design as one undo step
            return False
        return self._replace(
            lambda: (document_io.from_design(design, author=user_display_name()), True)
        )

    def import_file(self, path: Path) -> bool:
        return self._replace(lambda: (document_io.import_design(path), True))

    def offer_recovery(self) -> bool:
        """At start: offer unsaved work of crashed sessions; True if one was recovered."""
        for item in document_io.recoverable():
            choice = self.ask_recover(in_ui_language(item.message))
            if choice == "discard":
                document_io.discard_recovery(item)
            elif choice == "recover":
                return self._replace(lambda: (document_io.recover(item), True))
        return False

    # -------------------------------------------------------------- saving
    def save(self) -> bool:
        if self.doc is None:
            return False
        if getattr(self.doc, "is_repository", False):  # every edit is already stored
            return self.doc.save_in_window()
        if self.doc.path is None or self.doc.read_only:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        if self.doc is None:
            return False
        if getattr(self.doc, "is_repository", False):  # a .db copy; the design stays live
            return self.doc.save_copy_in_window()
        start = self.doc.path or unused_path(
            start_folder(self.settings)
            / (file_name(self.doc.design.name, self.tr("design")) + ".db")
        )
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save design as"), str(start), self.tr("Design files (*.db)")
        )
        if name:
            self.settings.set_last_folder(Path(name).parent)
        return self._save_to(Path(name)) if name else False

    def _save_to(self, path: Path | None, overwrite: bool = False) -> bool:
        try:
            saved = document_io.save_design(self.doc, path, overwrite=overwrite)
        except ChangedByOthers as exc:
            choice = self.ask_changed(exc)
            if choice == "overwrite":
                return self._save_to(path, overwrite=True)
            return self.save_as() if choice == "save_as" else False
        except LockedByOther as exc:
            choice = self.ask_choice(
                self.tr("Design in use"),
                self.locked_text(exc),
                [("save_as", self.tr("Save As...")), ("cancel", self.tr("Cancel"))],
            )
            return self.save_as() if choice == "save_as" else False
        except OrgDesignerError as exc:  # SaveFailed, FileProblem
            choice = self.ask_failed(exc)
            if choice == "retry":
                return self._save_to(path, overwrite)
            return self.save_as() if choice == "save_as" else False
        self.unsaved_content = False
        self.ctx.undo_stack.setClean()
        self._after_save(saved)
        return True

    def print_dialog(self) -> bool:
        """File > Print: the system print dialog and a preview of the chart pages."""
        try:
            from .print_chart import print_with_dialog
        except ImportError:  # QtPrintSupport missing from this Qt build
            self.show_message(self.tr("Printing is not available in this installation."))
            return False
        return print_with_dialog(self, self.ctx.design)

    def export_dialog(self, suffix: str | None) -> bool:
        if suffix == ".pdf":
            from .dialogs.export_pdf import ExportPdfDialog

            folder = start_folder(self.settings, self.doc.path)
            stem = unused_path(
                folder
                / (
                    file_name(
                        self.ctx.design.name or (self.doc.path.stem if self.doc.path else ""),
                        self.tr("design"),
                    )
                    + ".pdf"
                )
            )
            compared = getattr(self, "scenarios_ui", None)
            dialog = ExportPdfDialog(
                self.ctx.design,
                self,
                path=stem,
                findings=self.findings.findings if self.findings.available else None,
                settings=self.settings,
                comparison=compared.result if compared else None,
                base_label=compared.base_label if compared else "",
            )
            dialog.exec()
            if dialog.written is not None:
                self.show_message(self.tr("Exported {name}").format(name=dialog.written.name))
            return dialog.written is not None
        writers = [s for s in document_io.export_suffixes() if s != ".db"]
        if suffix is not None and suffix not in writers:
            QMessageBox.information(
                self,
                self.tr("Export"),
                self.tr("Export to {kind} is not available.").format(
                    kind=suffix.upper().lstrip(".")
                ),
            )
            return False
        chosen = [suffix] if suffix else writers
        stem = self.doc.path.stem if self.doc.path else (self.doc.design.name or "design")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export"),
            stem + chosen[0],
            ";;".join(f"{s.upper().lstrip('.')} (*{s})" for s in chosen),
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() not in chosen:
            path = path.with_name(path.name + chosen[0])
        try:
            document_io.export_design(self.doc, path)
        except OrgDesignerError as exc:
            self._error(self.tr("Cannot export"), exc)
            return False
        self.show_message(self.tr("Exported {name}").format(name=path.name))
        return True

    # ------------------------------------------------------------- closing
    def close_design(self) -> bool:
        if not self.maybe_save():
            return False
        old, self.doc = self.doc, None
        document_io.close_design(old)
        self.unsaved_content = False
        self.settings.set_last_file(None)
        self.show_start_page()
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        if self.doc is not None and self.doc.path is not None:
            self.settings.set_last_file(self.doc.path)
        self.settings.sync()
        old, self.doc = self.doc, None
        document_io.close_design(old)
        event.accept()
