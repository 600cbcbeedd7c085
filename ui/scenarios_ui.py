"""Scenarios in the editor: the switcher toolbar, copy/rename/delete, and Compare mode.

`ScenarioBar` is a toolbar with the scenario combo, Copy, Rename, Delete and
Compare. `ScenarioUi` carries the gestures out through the core document
(`DesignDocument.switch_scenario` etc., kept in the working copy and saved
with the file) and runs the Compare view: a base (another scenario or
another file) is compared with the shown scenario after every edit settles;
the canvas marks the changes (`ChangeOverlay`) and the Changes dock lists them.
"""

from __future__ import annotations

from typing import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QInputDialog, QLabel, QMessageBox, QToolBar

from orgdesigner.compare import Comparison, compare
from orgdesigner.design import Design
from orgdesigner.errors import OrgDesignerError
from orgdesigner.formats import read_design

from .error_text import error_text
from .canvas.change_overlay import ChangeOverlay
from .context import EditorContext
from .i18n import tr
from .docks.changes import NO_BASE, OTHER_FILE, ChangesDock

COMPARE_DELAY_MS = 300


class ScenarioBar(QToolBar):
    """Scenario: [combo]  Copy…  Rename…  Delete  Compare…"""

    def __init__(self, window) -> None:
        super().__init__(tr("Scenarios"), window)
        self.setObjectName("scenario_toolbar")
        self.addWidget(QLabel(tr("Scenario:") + " "))
        self.combo = QComboBox()
        self.combo.setObjectName("scenario_combo")
        self.combo.setMinimumContentsLength(10)
        self.combo.setToolTip(tr("The scenario shown and edited (现状, options ...)"))
        self.addWidget(self.combo)
        self.copy = self.addAction(tr("Copy…"))
        self.copy.setToolTip(tr("Start a new option as a copy of this scenario"))
        self.rename = self.addAction(tr("Rename…"))
        self.delete = self.addAction(tr("Delete"))
        self.from_template = self.addAction(tr("Add Template…"))
        self.from_template.setToolTip(
            tr(
                "Add a starter template as a new scenario laid over "
                "this one (a growth path, e.g. startup → mid-size)"
            )
        )
        self.addSeparator()
        self.compare = self.addAction(tr("Compare…"))
        self.compare.setToolTip(
            tr("Show what this scenario changes against another scenario or file")
        )
        for action, name in (
            (self.copy, "scenario_copy"),
            (self.rename, "scenario_rename"),
            (self.delete, "scenario_delete"),
            (self.compare, "scenario_compare"),
            (self.from_template, "scenario_template"),
        ):
            self.widgetForAction(action).setObjectName(name)

    def button(self, name: str):
        return self.widgetForAction(getattr(self, name))


class ScenarioUi(QObject):
    """The window's scenario gestures and its Compare view."""

    compared = Signal(object)  # Comparison, or None when Compare is off

    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.bar = ScenarioBar(window)
        window.addToolBarBreak()
        window.addToolBar(self.bar)
        window.actions_.panels_menu.addAction(self.bar.toggleViewAction())
        self.dock = ChangesDock(window)
        window.changes_dock = self.dock
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        from .docks import FindingsDock, find_dock

        from .docks import FunctionsDock

        functions = find_dock(window.docks, FunctionsDock)
        if functions is not None:
            self.dock.function_focus_requested.connect(functions.show_functions)
        findings = find_dock(window.docks, FindingsDock)
        if findings is not None:  # a tab beside Findings: room for a long list
            window.tabifyDockWidget(findings, self.dock)
        window.actions_.panels_menu.addAction(self.dock.toggleViewAction())
        self.dock.hide()
        self.dock.set_context(window.ctx)
        window.context_changed.connect(self.dock.set_context)
        self.dock.focus_requested.connect(window.reveal)
        self.dock.base_chosen.connect(self._on_base_chosen)
        self.compared.connect(lambda result: self.dock.show_result(result, self.base_label))
        self.overlay = ChangeOverlay()
        self.base: Design | None = None
        self.base_label = ""
        self.base_scenario: str | None = None  # name, when the base is a scenario of this file
        self.result: Comparison | None = None
        self._base_findings: list | None = None  # the base does not change while compared
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMPARE_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        # Prompts are attributes so tests can answer them without a modal dialog.
        self.ask_name: Callable[[str, str], str | None] = self._ask_name
        self.ask_file: Callable[[], str | None] = self._ask_file
        self.ask_template: Callable[[list], str | None] = self._ask_template
        self.bar.combo.activated.connect(lambda i: self.switch(self.bar.combo.itemText(i)))
        self.bar.copy.triggered.connect(self.copy_current)
        self.bar.rename.triggered.connect(self.rename_current)
        self.bar.delete.triggered.connect(self.delete_current)
        self.bar.compare.triggered.connect(self.show_compare)
        self.bar.from_template.triggered.connect(self.add_template)
        window.context_changed.connect(self._on_context_changed)
        self.document_changed()

    # -------------------------------------------------------------- state
    @property
    def document(self):
        """The open file's document, if it has scenarios (a team repository's design has none)."""
        doc = self.w.doc.document if self.w.doc is not None else None
        return doc if hasattr(doc, "scenarios") else None

    @property
    def repository(self):
        """The open team-repository design (it edits one scenario live), if that is open."""
        doc = self.w.doc
        return doc if getattr(doc, "is_repository", False) else None

    def names(self) -> list[str]:
        if self.document is not None:
            return self.document.scenarios.names()
        if self.repository is not None:
            return self.repository.session.scenario_names()
        return []

    def current(self) -> str:
        doc = self.document or self.repository
        return doc.design.scenario.name if doc is not None and doc.design.scenario else ""

    def document_changed(self) -> None:
        """A design was opened, created or closed: refill the combo, drop the comparison."""
        self.stop_compare()
        self.update_bar()

    def update_bar(self) -> None:
        combo = self.bar.combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(self.names())
        combo.setCurrentText(self.current())
        combo.blockSignals(False)
        has = self.document is not None
        editable = has and not self.w.read_only
        # a repository's scenario can be switched (a live session of its own), not changed here
        combo.setEnabled(has or (self.repository is not None and not self.w.read_only))
        self.bar.copy.setEnabled(editable)
        self.bar.rename.setEnabled(editable)
        self.bar.delete.setEnabled(editable and len(self.names()) > 1)
        self.bar.from_template.setEnabled(editable)
        self.bar.compare.setEnabled(has)
        dock = getattr(self.w, "changes_dock", None)
        if dock is not None:
            dock.set_choices(self.names(), self.current())

    # ------------------------------------------------------------ gestures
    def switch(self, name: str) -> None:
        """Show another scenario (its own undo history starts empty)."""
        if self.repository is not None:
            self._switch_repository(name)
            return
        doc = self.document
        if doc is None or name == self.current() or name not in self.names():
            return
        if not self.w.ctx.undo_stack.isClean():
            self.w.documents.unsaved_content = True  # the edits stay; only their undo history goes
        doc.switch_scenario(name)
        self.w.set_context(EditorContext.create(doc.design))
        self.w.view.fit(selection_first=False)
        self.update_bar()
        self.w.show_message(tr("Showing scenario {name}").format(name=name))

    def _switch_repository(self, name: str) -> None:
        """Edit another scenario of the repository design: a live session on it replaces
        this one (its edits are all stored; refused while some wait for the connection)."""
        live = self.repository
        if name == self.current() or name not in self.names():
            return
        if live.session.pending or not live.session.online:
            self.update_bar()
            self.w.show_message(
                tr("Refused: {n} edit(s) wait for the connection to the repository").format(
                    n=len(live.session.pending)
                )
            )
            return
        ref = live.session.ref
        if self.w.documents.open_repository_design(ref.url, ref.name, name):
            self.w.show_message(tr("Showing scenario {name}").format(name=name))
        self.update_bar()

    def copy_current(self) -> None:
        name = self.ask_name(tr("Copy scenario"), self._free_name(self.current()))
        if not name:
            return
        if self._refused(lambda: self.document.copy_scenario(self.current(), name)):
            return
        self.w.documents.unsaved_content = True
        self.switch(name)

    def rename_current(self) -> None:
        old = self.current()
        name = self.ask_name(tr("Rename scenario"), old)
        if not name or name == old:
            return
        if self._refused(lambda: self.document.rename_scenario(old, name)):
            return
        if self.base_scenario == old:
            self.base_scenario = name
        self.w.documents.unsaved_content = True
        self.update_bar()
        self.w._update_title()

    def delete_current(self) -> None:
        name = self.current()
        answer = QMessageBox.question(
            self.w,
            tr("Delete scenario"),
            tr("Delete the scenario “{name}” from this design file?").format(name=name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._refused(lambda: self.document.delete_scenario(name)):
            return
        if self.base_scenario == name:
            self.stop_compare()
        self.w.documents.unsaved_content = True
        self.w.set_context(EditorContext.create(self.document.design))
        self.update_bar()

    def add_template(self) -> None:
        """The growth path: a template as a new scenario mapped onto the shown one, then Compare."""
        from orgdesigner.scenarios import map_onto

        from . import core_adapters

        language = self.w.ctx.design.language
        infos = core_adapters.templates(language)
        template_id = self.ask_template(infos)
        if not template_id:
            return
        info = next(t for t in infos if t.id == template_id)
        base_name = self.current()
        mapped = map_onto(self.w.ctx.design, core_adapters.load_template(template_id, language))
        name = info.title if info.title not in self.names() else self._free_name(info.title)
        if self._refused(lambda: self.document.add_scenario(mapped, name)):
            return
        self.w.documents.unsaved_content = True
        self.switch(name)
        self.compare_with_scenario(base_name)
        self.show_compare()

    def _ask_template(self, infos: list) -> str | None:
        titles = [t.title for t in infos]
        title, ok = QInputDialog.getItem(
            self.w, tr("Add Template as Scenario"), tr("Template:"), titles, 0, False
        )
        return infos[titles.index(title)].id if ok and title in titles else None

    def _refused(self, action) -> bool:
        try:
            action()
        except OrgDesignerError as exc:
            self.w.show_message(tr("Refused: {reason}").format(reason=error_text(exc)))
            return True
        return False

    def _free_name(self, name: str) -> str:
        taken = set(self.names())
        for n in range(2, 1000):
            candidate = f"{name} {n}"
            if candidate not in taken:
                return candidate
        return name

    def _ask_name(self, title: str, suggestion: str) -> str | None:
        text, ok = QInputDialog.getText(self.w, title, tr("Scenario name:"), text=suggestion)
        return text.strip() if ok and text.strip() else None

    def _ask_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.w, tr("Compare with"), "", tr("Designs (*.db *.json);;All files (*)")
        )
        return path or None

    # -------------------------------------------------------------- compare
    def show_compare(self) -> None:
        """Open the Changes dock; compare with the first other scenario if none is chosen."""
        dock = getattr(self.w, "changes_dock", None)
        if dock is not None:
            dock.show()
            dock.raise_()
        if self.base is None:
            others = [n for n in self.names() if n != self.current()]
            if others:
                self.compare_with_scenario(others[0])
                self.dock.show_base(others[0])

    def compare_with_scenario(self, name: str) -> None:
        doc = self.document
        if doc is None:
            return
        self.base = doc.scenarios.get(name)
        self._base_findings = None
        self.base_scenario = name
        self.base_label = name
        self.refresh()

    def compare_with_file(self, path: str | None = None) -> None:
        path = path or self.ask_file()
        if not path:
            return
        try:
            self.base = read_design(path)
            self._base_findings = None
        except OrgDesignerError as exc:
            self.w.show_message(tr("Refused: {reason}").format(reason=error_text(exc)))
            return
        self.base_scenario = None
        from pathlib import Path

        self.base_label = Path(path).name
        self.refresh()

    def stop_compare(self) -> None:
        self.base = None
        self._base_findings = None
        self.base_scenario = None
        self.result = None
        self.overlay.clear()
        self.compared.emit(None)

    def refresh(self) -> None:
        """Compare the base with the shown scenario now; mark the canvas; tell the dock."""
        if self.base is None or self.document is None:
            return
        if self._base_findings is None:
            from orgdesigner.validator import validate

            self._base_findings = validate(self.base, language=self.w.ctx.design.language)
        self.result = compare(
            self.base,
            self.w.ctx.design,
            language=self.w.ctx.design.language,
            base_findings=self._base_findings,
        )
        self.overlay.show(self.w.scene, self.w.scene.boxes, self.result)
        self.compared.emit(self.result)

    def _on_base_chosen(self, choice: str) -> None:
        if choice == NO_BASE:
            self.stop_compare()
        elif choice == OTHER_FILE:
            self.compare_with_file()
        else:
            self.compare_with_scenario(choice)
        self.dock.show_base(
            self.base_scenario
            if self.base is not None and self.base_scenario
            else (OTHER_FILE if self.base is not None else None)
        )

    def _on_context_changed(self, ctx) -> None:
        self.overlay.items = [i for i in self.overlay.items if shiboken6.isValid(i)]
        self._base_findings = None  # the base may have been edited while it was shown
        ctx.bridge.changed.connect(self._on_model_event)
        if self.base is not None:
            self.refresh()

    def _on_model_event(self, _event) -> None:
        if self.base is not None:
            if self.base is self.w.ctx.design:
                self._base_findings = None
            self._timer.start()
