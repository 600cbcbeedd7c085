"""The main window: canvas, menus, toolbar, status bar; it shows the open design.

The document life cycle (new, open, save, close, reload, recovery) is the
`DocumentController` the window owns (`window.documents`); the window is its
`DocumentHost`: it builds the chart, shows a design, the start page, a save.
The docks get what they need explicitly (`ui.docks.create_docks`):
- `window.ctx` is the `EditorContext` of the design shown now; there is
  always one (an empty design behind the start page).
- `window.context_changed(EditorContext)` fires whenever another design is
  opened, created or closed; docks re-bind to the new context then.
- `window.findings` (`FindingsService`) runs the validator after edits settle;
  `findings.changed(list[Finding])` and `findings.findings`.
- `window.view.fit_rect(QRectF)` / `window.reveal(ids)` centre objects.
- `window.show_message(text)` puts a hint or refusal in the status bar.
Files are read and written only through `ui.document_io`.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import shiboken6
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import progress
from orgdesigner.design import Design
from orgdesigner.ops import UpdateDesign
from orgdesigner.progress import Cancelled

from . import arrange, clipboard, core_adapters, edits
from .canvas import OrgScene, OrgView
from .context import EditorContext
from .error_text import in_ui_language
from .design_name_bar import DesignNameBar
from .dialogs.preferences import PreferencesDialog, apply_user_name
from .document_controller import DocumentController
from .document_io import OpenDesign
from .findings_service import FindingsService
from .i18n import ui_language
from .reload import ReloadWatcher
from .settings import AppSettings
from .start_page import StartPage
from .status_bar import EditorStatusBar
from .window_actions import WindowActions

from .docks import create_docks, first_run_dock_sizes


class MainWindow(QMainWindow):
    context_changed = Signal(object)  # EditorContext
    language_switched = Signal(object)  # the new MainWindow that took over the design

    def __init__(self, settings: AppSettings | None = None):
        super().__init__()
        self.setObjectName("main_window")
        self.settings = settings or AppSettings()
        apply_user_name(self.settings)  # locks and "saved by" carry the user's chosen name
        self.documents = DocumentController(self, self, self.settings)
        self.undo_group = QUndoGroup(self)
        self.findings = FindingsService(self)
        self.scene = OrgScene(self)
        self.view = OrgView(self.scene)
        self.ctx: EditorContext = EditorContext.create(Design(""))
        self._blank_ctx = self.ctx  # what the docks see while the start page shows
        self._find_hits: list[str] = []
        self._find_text = ""

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)  # a "Reload" link when the file changed
        self.banner.setStyleSheet("background: #fef3c7; color: #78350f; padding: 6px;")
        self.banner.hide()
        canvas_page = QWidget()
        layout = QVBoxLayout(canvas_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        self.name_bar = DesignNameBar(self.rename_design)
        layout.addWidget(self.name_bar)
        layout.addWidget(self.view)
        self.start_page = StartPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(canvas_page)
        self.setCentralWidget(self.stack)

        self.reloader = ReloadWatcher(self)
        self.banner.linkActivated.connect(lambda _link: self.reloader.reload())
        self.status = EditorStatusBar(self)
        self.setStatusBar(self.status)
        self.actions_ = WindowActions(self)
        a = self.actions_
        self.view.context_actions = [
            a.add_department,
            a.add_child,
            a.add_sibling,
            a.rename,
            None,
            a.cut,
            a.copy,
            a.paste,
            a.duplicate,
            a.delete,
            None,
            a.layout_branch,
            a.layout_branch_lr,
        ]
        self.docks = []

        self.start_page.new_requested.connect(self.documents.new_design)
        self.start_page.open_requested.connect(self.documents.open_dialog)
        self.start_page.template_requested.connect(self.documents.new_from_template)
        self.start_page.recent_requested.connect(self.documents.open_file)
        self.scene.message.connect(self.show_message)
        self.view.zoom_changed.connect(self.status.set_zoom)
        self.findings.changed.connect(self._on_findings)
        self.findings.checking.connect(self.status.set_checking)
        self.undo_group.cleanChanged.connect(self._on_stack_index)

        self._doc_timer = QTimer(self)
        self._doc_timer.setInterval(30_000)
        self._doc_timer.timeout.connect(self._check_document)
        self._doc_timer.start()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:  # first run: most of the screen; later runs restore the layout
            area = screen.availableGeometry()
            self.resize(min(1600, int(area.width() * 0.9)), min(1000, int(area.height() * 0.9)))
        else:  # pragma: no cover
            self.resize(1280, 800)
        self._bind(self.ctx)
        self.docks = list(
            create_docks(
                self,
                self.ctx,
                findings=self.findings,
                reveal=self.reveal,
                context_changed=self.context_changed,
            )
        )
        for dock in self.docks:
            if not dock.objectName():
                dock.setObjectName(type(dock).__name__)
            if self.dockWidgetArea(dock) == Qt.DockWidgetArea.NoDockWidgetArea:
                self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.actions_.panels_menu.addAction(dock.toggleViewAction())
        from .scenarios_ui import ScenarioUi

        self.scenarios_ui = ScenarioUi(self)  # scenario switcher, Compare view, Changes dock
        self.docks.append(self.scenarios_ui.dock)
        self.actions_.grid.setChecked(self.settings.flag("grid", True))
        self.actions_.snap.setChecked(self.settings.flag("snap", False))
        self.actions_.overview.setChecked(self.settings.flag("overview", True))
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        else:
            QTimer.singleShot(0, lambda: first_run_dock_sizes(self, self.docks))
        self.show_start_page()

    def _apply_read_only(self) -> None:
        """Canvas and docks refuse edits together (a locked or newer-format file)."""
        self.scene.set_read_only(self.read_only)
        for dock in self.docks:
            if hasattr(dock, "set_read_only"):
                dock.set_read_only(self.read_only)

    # --------------------------------------------------------------- context
    def set_context(self, ctx: EditorContext) -> None:
        """Show another design's context everywhere (canvas, docks, findings, undo)."""
        old = self.ctx
        self._bind(ctx)
        if old is not ctx:
            self.undo_group.removeStack(old.undo_stack)
            old.bridge.detach()
        progress.step("showing", 0)  # an open's or close's dialog repaints between the parts
        self.context_changed.emit(ctx)  # every dock follows (and reports, see ui.docks)

    def _bind(self, ctx: EditorContext) -> None:
        self.ctx = ctx
        self.undo_group.addStack(ctx.undo_stack)
        self.undo_group.setActiveStack(ctx.undo_stack)
        ctx.selection.changed.connect(self._update_actions)
        ctx.bridge.changed.connect(self._on_model_event)
        ctx.bridge.refused.connect(self._refuse)
        ctx.undo_stack.indexChanged.connect(self._on_stack_index)
        if self.scene.ctx is not ctx:  # an opened design's chart is built already
            self.scene.set_context(ctx)
        progress.step("showing", 0)
        self._apply_read_only()
        self.findings.set_context(ctx, first_run=self.view.after_next_paint)
        self._find_hits = []
        self.status.set_counts(ctx.design)
        self._update_title()
        self._update_actions()

    def adopt(self, doc: OpenDesign, ctx: EditorContext, *, unsaved_content: bool) -> None:
        """Take over a design another window had open, with its undo history (language switch)."""
        self.documents.install(doc, unsaved_content=unsaved_content, ctx=ctx)

    # ------------------------------------------------- DocumentHost (the controller calls)
    def build_chart(self, doc: OpenDesign, ctx: EditorContext | None = None) -> EditorContext:
        """Build the chart of `doc` (reports progress); Cancelled: the old chart is back."""
        ctx = ctx or EditorContext.create(doc.design)
        try:
            self.scene.set_context(ctx)
        except Cancelled:
            if ctx is not self.ctx:
                ctx.bridge.detach()
            with progress.reporting(None):  # no second cancel while the old chart comes back
                self.scene.set_context(self.ctx)
            raise
        return ctx

    def show_document(self, doc: OpenDesign, ctx: EditorContext) -> None:
        """Show `doc` (the controller's design now; its chart is built) everywhere."""
        self.set_context(ctx)
        self.scenarios_ui.document_changed()
        progress.step("showing", 0)
        self.banner.setVisible(doc.read_only or doc.recovered)
        self.name_bar.hide()
        self.reloader.follow(doc)
        if doc.read_only:
            self.banner.setText(
                escape(
                    self.tr(
                        "Read-only: {reason}. Use Save As to keep your changes in another file."
                    ).format(reason=doc.read_only_reason)
                )
            )
        elif doc.recovered:
            self.banner.setText(escape(self.tr("Recovered unsaved work. Save it to keep it.")))
        self.show_canvas()
        progress.step("showing", 0)
        self.view.resetTransform()
        self.view.first_view()
        QTimer.singleShot(0, self.view.first_view)  # again once the window has its final size
        self.view.setFocus()

    def show_start_page(self) -> None:
        if self.doc is None and self.ctx is not self._blank_ctx:  # drop the closed design
            self._blank_ctx = EditorContext.create(Design(""))
            self.set_context(self._blank_ctx)
        self.banner.hide()
        self.reloader.follow(None)
        self.scenarios_ui.document_changed()
        self.status.set_counts(None)
        self.status.set_findings(None)
        self.status.set_zoom_visible(False)
        self.start_page.set_templates(core_adapters.templates(ui_language()))
        self.start_page.set_recent([p for p in self.settings.recent_files()])
        self.stack.setCurrentWidget(self.start_page)
        for dock in self.docks:
            dock.setEnabled(False)
        self._update_actions()
        self._update_title()

    def show_canvas(self) -> None:
        self.stack.setCurrentIndex(1)
        self.view.show_overview(self.actions_.overview.isChecked())
        self.status.set_counts(self.ctx.design)
        self.status.set_zoom_visible(True)
        self._on_findings(self.findings.findings)
        for dock in self.docks:
            dock.setEnabled(True)
        self._update_actions()
        self._update_title()

    @property
    def doc(self) -> OpenDesign | None:
        """The open design (None: the start page shows); the controller holds it."""
        return self.documents.doc

    @property
    def has_design(self) -> bool:
        return self.documents.has_design

    @property
    def read_only(self) -> bool:
        return self.documents.read_only

    def rename_design(self, name: str) -> None:
        """The design's own name (title, proposed file name, PDF cover): one undo step."""
        if name != self.ctx.design.name:
            self.ctx.apply(UpdateDesign({"name": name}), self.tr("Name the design"))
        self._update_title()
        self.view.setFocus()

    def ask_design_name(self) -> None:
        """Right after New or a template: let the user type the design's name at once."""
        if self.has_design and not self.read_only and self.doc.path is None:
            self.name_bar.ask(self.ctx.design.name)

    def display_name(self) -> str:
        if self.doc is not None and self.doc.path is not None:
            name = self.doc.path.name
        else:
            name = self.ctx.design.name or self.tr("Untitled")
        if self.doc is not None and len(getattr(self.doc.document, "scenarios", ())) > 1:
            name += " — " + self.scenarios_ui.current()  # which scenario is being edited
        return name

    # --------------------------------------------------------------- state
    def is_modified(self) -> bool:
        return self.documents.is_modified()

    def _on_stack_index(self, _index: int) -> None:
        if shiboken6.isValid(self.stack):  # not while the window is being torn down
            self._update_title()

    def _update_title(self) -> None:
        if not self.has_design:
            self.setWindowTitle(self.tr("Org Designer"))
            self.setWindowModified(False)
            self.status.set_file_state("")
            return
        suffix = self.tr(" (read-only)") if self.doc.read_only else ""
        self.setWindowTitle(f"{self.display_name()}[*]{suffix} - " + self.tr("Org Designer"))
        modified = self.is_modified()
        self.setWindowModified(modified)
        if self.doc.read_only:
            state = self.tr("Read-only")
        elif self.documents.is_repository:
            state = self.tr("Stored in the repository")
        elif self.doc.path is None:
            state = self.tr("Not saved yet")
        else:
            state = self.tr("Unsaved changes") if modified else self.tr("Saved")
        self.status.set_file_state(state)

    def _update_actions(self) -> None:
        self.actions_.update_state(
            has_design=self.has_design,
            read_only=self.read_only,
            has_selection=bool(self.ctx.selection.departments or self.ctx.selection.links),
            has_path=self.doc is not None and self.doc.path is not None,
        )

    def _on_model_event(self, event) -> None:
        self.status.set_counts(self.ctx.design)

    def _on_findings(self, findings: list) -> None:
        self.scene.set_findings(self.findings.badges())
        self.status.set_findings(
            self.findings.counts() if self.findings.available and self.has_design else None
        )

    def show_message(self, text: str) -> None:
        self.status.show_message(text)

    def document_saved(self, path: Path) -> None:
        self._apply_read_only()
        self.scenarios_ui.update_bar()
        self.banner.hide()
        note = self.doc.save_note if self.doc is not None else ""
        if note:  # saved, but e.g. no backup could be kept: say so, it is not a failure
            self.banner.setText(self.tr("Warning: {problem}").format(problem=in_ui_language(note)))
            self.banner.show()
        self.settings.add_recent(path)
        self._update_title()
        self._update_actions()
        self.show_message(self.tr("Saved {name}").format(name=path.name))

    def _check_document(self) -> None:
        """Every half minute: say so if the lock was lost or the working copy fails."""
        self.reloader.check()
        problem = self.doc.problem if self.doc is not None else ""
        if problem:
            self.banner.setText(
                escape(self.tr("Warning: {problem}").format(problem=in_ui_language(problem)))
            )
            self.banner.show()

    # ------------------------------------------------------------- editing
    def _refuse(self, reason: str | None) -> None:
        if reason:
            self.show_message(self.tr("Refused: {reason}").format(reason=reason))

    def canvas_key(self, key: int) -> None:
        self.view.setFocus()
        self.view.edit_key(key)

    def add_department(self) -> None:
        """The toolbar's Add Department: a child of the selected department (as Ins), else a top one."""
        self.canvas_key(Qt.Key.Key_Insert)

    def delete(self) -> None:
        if self.scene.editing:
            return
        self._refuse(edits.delete_selection(self.ctx))

    def select_all(self) -> None:
        self.ctx.selection.set(list(self.ctx.design.departments), list(self.ctx.design.links))

    def copy(self) -> bool:
        payload = clipboard.selection_payload(self.ctx)
        if payload is None:
            return False
        QApplication.clipboard().setMimeData(clipboard.to_mime(payload))
        return True

    def cut(self) -> None:
        if self.copy():
            self._refuse(edits.delete_selection(self.ctx))

    def paste(self) -> None:
        payload = clipboard.from_mime(QApplication.clipboard().mimeData())
        if payload is None:
            self.show_message(self.tr("The clipboard holds no departments."))
            return
        self._refuse(clipboard.paste_payload(self.ctx, payload))

    def duplicate(self) -> None:
        payload = clipboard.selection_payload(self.ctx)
        if payload is not None:
            self._refuse(clipboard.paste_payload(self.ctx, payload))

    def set_tool(self, tool: str) -> None:
        self.scene.tool = tool
        hints = {
            "reporting": self.tr("Drag from a manager to the department that reports to it."),
            "link": self.tr("Drag from one department to another to link them."),
            "select": "",
        }
        self.show_message(hints[tool])

    def set_link_kind(self, kind) -> None:
        self.scene.link_kind = kind

    def set_grid_visible(self, on: bool) -> None:
        self.view.grid_visible = on
        self.view.viewport().update()
        self.settings.set_flag("grid", on)

    def set_overview_visible(self, on: bool) -> None:
        self.view.show_overview(on and self.has_design)
        self.settings.set_flag("overview", on)

    def set_snap(self, on: bool) -> None:
        self.scene.snap_to_grid = on
        self.settings.set_flag("snap", on)

    def auto_layout(self, orientation: str, selected_only: bool) -> None:
        self._refuse(
            arrange.auto_layout(
                self.ctx, orientation, selected_only, compact=self.actions_.compact.isChecked()
            )
        )
        if not selected_only:
            self.view.fit(selection_first=False)

    def align(self, mode: str) -> None:
        self._refuse(arrange.align(self.ctx, mode, lambda d: self.scene.box_rect(d).height()))

    def distribute(self, axis: str) -> None:
        self._refuse(arrange.distribute(self.ctx, axis))

    def focus_find(self) -> None:
        self.actions_.find_field.setFocus()
        self.actions_.find_field.selectAll()

    def find_next(self, text: str) -> None:
        """Select and centre the next department whose name or leader contains `text`."""
        text = text.strip().casefold()
        if not text:
            return
        if text != self._find_text or not self._find_hits:
            self._find_text = text
            self._find_hits = [
                d.id
                for d in self.ctx.design.departments.values()
                if text in d.name.casefold() or text in d.leader.casefold()
            ]
        hits = [h for h in self._find_hits if h in self.ctx.design.departments]
        if not hits:
            self.show_message(self.tr("No department matches “{text}”.").format(text=text))
            return
        current = self.ctx.selection.departments
        index = (hits.index(current[0]) + 1) % len(hits) if current and current[0] in hits else 0
        self.reveal([hits[index]])
        self.show_message(self.tr("Match {i} of {n}").format(i=index + 1, n=len(hits)))

    def reveal(self, ids: list[str]) -> None:
        """Select departments/links by id and centre the view on them."""
        design = self.ctx.design
        depts = [i for i in ids if i in design.departments]
        links = [i for i in ids if i in design.links]
        self.ctx.selection.set(depts, links)  # a big chart makes their items now (scene.py)
        rect = QRectF()
        for i in depts:
            rect = rect.united(self.scene.box_rect(i))
        for i in links:
            rect = rect.united(self.scene.box_rect(design.links[i].source))
            rect = rect.united(self.scene.box_rect(design.links[i].target))
        if not rect.isNull():
            self.view.centerOn(rect.center())

    def preferences(self) -> bool:
        return (
            PreferencesDialog(self.settings, self).exec() == PreferencesDialog.DialogCode.Accepted
        )

    def getting_started(self) -> None:
        from .dialogs.getting_started import GettingStartedDialog

        dialog = GettingStartedDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.help_dialog = dialog

    def about(self) -> None:
        from orgdesigner import __version__

        QMessageBox.about(
            self,
            self.tr("About Org Designer"),
            self.tr(
                "<b>Org Designer</b> {version}<br>Design departments, reporting lines and "
                "collaboration, and see which business function has no owner."
            ).format(version=__version__),
        )

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.documents.maybe_save():
            event.ignore()
            return
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        if self.doc is not None and self.doc.path is not None:
            self.settings.set_last_file(self.doc.path)
        self.settings.sync()
        self.documents.close_with_progress(start_page=False)  # quitting a big design: busy
        event.accept()
