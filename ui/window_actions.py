"""The main window's actions, menus and toolbar (standard shortcuts), built in one place.

Canvas-only keys (Insert, Enter, F2, arrows) are handled by the view so they
never steal keys from the docks; their menu entries show the key as a hint.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QMenu, QStyle, QToolBar

from orgdesigner.entities import LinkKind

from . import export_actions, icons
from .canvas.style import link_kind_label
from .i18n import tr
from .language import build_language_menu

SK = QKeySequence.StandardKey


class WindowActions(QObject):
    """Actions bound by name to the window's slots (`save`, `set_tool` ...).

    The window is typed loosely on purpose: main_window.py builds this object,
    so importing it here would make an import circle.
    """

    def __init__(self, window: Any):
        super().__init__(window)
        self.w = window
        self._build_actions()
        self._build_menus()
        self._build_toolbar()

    # ------------------------------------------------------------ helpers
    def _act(
        self,
        text: str,
        slot: Callable | None = None,
        shortcut=None,
        icon=None,
        tip: str | None = None,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self.w)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(
                self.w.style().standardIcon(icon)
                if isinstance(icon, QStyle.StandardPixmap)
                else icon
            )
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(lambda checked=False: slot())
        return action

    # ------------------------------------------------------------ actions
    def _build_actions(self) -> None:
        w, SP = self.w, QStyle.StandardPixmap
        self.new = self._act(
            tr("&New"),
            w.documents.new_design,
            SK.New,
            SP.SP_FileIcon,
            tr("Start a new, empty design"),
        )
        self.new_from_template = self._act(
            tr("New from &Template..."), w.documents.new_from_template
        )
        self.open = self._act(
            tr("&Open..."),
            w.documents.open_dialog,
            SK.Open,
            SP.SP_DialogOpenButton,
            tr("Open a design file"),
        )
        self.open_repository = self._act(
            tr("Open from &Repository..."),
            w.documents.open_repository,
            tip=tr(
                "Open a design in a team repository (PostgreSQL) to edit it together with others"
            ),
        )
        self.save = self._act(
            tr("&Save"), w.documents.save, SK.Save, SP.SP_DialogSaveButton, tr("Save the design")
        )
        self.save_as = self._act(tr("Save &As..."), w.documents.save_as, SK.SaveAs)
        self.import_ = self._act(
            tr("&Import..."),
            w.documents.import_dialog,
            tip=tr("Read a design from another format into a new design"),
        )
        self.export_pdf = self._act(
            tr("Export &PDF..."), lambda: export_actions.export_dialog(w, ".pdf"), SK.Print
        )
        self.export = self._act(tr("&Export..."), lambda: export_actions.export_dialog(w, None))
        self.print_ = self._act(
            tr("P&rint..."),
            lambda: export_actions.print_dialog(w),
            "Ctrl+Shift+P",
            tip=tr("Print the chart (as a chart book when it is big) with a preview"),
        )
        self.close = self._act(tr("&Close"), w.documents.close_design, SK.Close)
        self.quit = self._act(tr("&Quit"), w.close, SK.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo = w.undo_group.createUndoAction(w, tr("&Undo"))
        self.undo.setShortcuts(SK.Undo)
        self.undo.setIcon(icons.themed("edit-undo", icons.undo_icon()))
        self.redo = w.undo_group.createRedoAction(w, tr("&Redo"))
        self.redo.setShortcuts(SK.Redo)
        self.redo.setIcon(icons.themed("edit-redo", icons.undo_icon(redo=True)))
        self.cut = self._act(tr("Cu&t"), w.cut, SK.Cut)
        self.copy = self._act(tr("&Copy"), w.copy, SK.Copy)
        self.paste = self._act(tr("&Paste"), w.paste, SK.Paste)
        self.duplicate = self._act(tr("D&uplicate"), w.duplicate, "Ctrl+D")
        self.delete = self._act(
            tr("&Delete"),
            w.delete,
            SK.Delete,
            SP.SP_TrashIcon,
            tr("Delete the selection with its links and responsibilities"),
        )
        self.select_all = self._act(tr("Select &All"), w.select_all, SK.SelectAll)
        self.find = self._act(tr("&Find..."), w.focus_find, SK.Find)
        self.overview = self._act(
            tr("&Overview Map"),
            None,
            checkable=True,
            tip=tr("A small map of the whole chart in the corner of the canvas"),
        )
        self.overview.toggled.connect(w.set_overview_visible)
        self.reload = self._act(
            tr("Re&load"),
            lambda: w.reloader.reload(),
            SK.Refresh,
            tip=tr("Read the design again from its file"),
        )
        self.preferences = self._act(tr("&Preferences..."), w.preferences, SK.Preferences)
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.add_department = self._act(
            tr("Add &Department"),
            w.add_department,
            None,
            icons.add_icon(),
            tr("Add a department (or double-click empty canvas)"),
        )
        self.add_child = self._act(
            tr("Add C&hild Department") + "\t" + tr("Ins"), lambda: w.canvas_key(Qt.Key.Key_Insert)
        )
        self.add_sibling = self._act(
            tr("Add &Sibling Department") + "\t" + tr("Enter"),
            lambda: w.canvas_key(Qt.Key.Key_Return),
        )
        self.rename = self._act(tr("&Rename") + "\tF2", lambda: w.canvas_key(Qt.Key.Key_F2))

        self.zoom_in = self._act(tr("Zoom &In"), lambda: w.view.zoom_by(1.25), SK.ZoomIn)
        self.zoom_out = self._act(tr("Zoom &Out"), lambda: w.view.zoom_by(0.8), SK.ZoomOut)
        self.fit = self._act(
            tr("&Fit to Window"),
            w.view.fit,
            "Ctrl+0",
            icons.fit_icon(),
            tip=tr("Show the whole chart (or the selection)"),
        )
        self.actual_size = self._act(
            tr("&Actual Size (100%)"), lambda: w.view.set_zoom(1.0), "Ctrl+1"
        )
        self.grid = self._act(tr("Show &Grid"), None, "Ctrl+'", checkable=True)
        self.grid.toggled.connect(w.set_grid_visible)
        self.snap = self._act(tr("&Snap to Grid"), None, "Ctrl+Shift+'", checkable=True)
        self.snap.toggled.connect(w.set_snap)

        self.tool_group = QActionGroup(w)
        self.tool_select = self._act(
            tr("Select"),
            lambda: w.set_tool("select"),
            icon=icons.select_icon(),
            checkable=True,
            tip=tr("Select, move, drop onto a box to re-parent"),
        )
        self.tool_reporting = self._act(
            tr("Reporting Line"),
            lambda: w.set_tool("reporting"),
            icon=icons.reporting_icon(),
            checkable=True,
            tip=tr("Drag from a manager to a department that reports to it"),
        )
        self.tool_link = self._act(
            tr("Link"),
            lambda: w.set_tool("link"),
            icon=icons.link_icon(),
            checkable=True,
            tip=tr("Drag from one department to another to link them"),
        )
        for action in (self.tool_select, self.tool_reporting, self.tool_link):
            self.tool_group.addAction(action)
        self.tool_select.setChecked(True)

        self.layout_all = self._act(
            tr("Auto Layout: Top-Down"),
            lambda: w.auto_layout("top-down", False),
            "Ctrl+L",
            icons.layout_icon(),
            tip=tr("Arrange the whole chart as a tidy tree"),
        )
        self.layout_all_lr = self._act(
            tr("Auto Layout: Left-Right"),
            lambda: w.auto_layout("left-right", False),
            "Ctrl+Shift+L",
        )
        self.layout_branch = self._act(
            tr("Lay Out Selected Branch: Top-Down"), lambda: w.auto_layout("top-down", True)
        )
        self.layout_branch_lr = self._act(
            tr("Lay Out Selected Branch: Left-Right"), lambda: w.auto_layout("left-right", True)
        )
        self.layout_all.setIconText(tr("Auto Layout"))
        self.fit.setIconText(tr("Fit"))
        self.compact = self._act(
            tr("Stack Leaf Departments Compactly"),
            None,
            checkable=True,
            tip=tr(
                "Auto layout stacks departments without children in a column "
                "(four or more under one manager)"
            ),
        )
        self.compact.setChecked(
            True
        )  # the default: long rows of leaves are what makes charts unprintable
        self.align = {
            mode: self._act(text, lambda m=mode: w.align(m))
            for mode, text in (
                ("left", tr("Align &Left")),
                ("hcenter", tr("Align &Centres")),
                ("right", tr("Align &Right")),
                ("top", tr("Align &Top")),
                ("vcenter", tr("Align &Middles")),
                ("bottom", tr("Align &Bottom")),
            )
        }
        self.distribute_x = self._act(tr("Distribute &Horizontally"), lambda: w.distribute("x"))
        self.distribute_y = self._act(tr("Distribute &Vertically"), lambda: w.distribute("y"))
        self.getting_started = self._act(tr("&Getting Started"), w.getting_started, SK.HelpContents)
        self.about = self._act(tr("&About Org Designer"), w.about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)

    # -------------------------------------------------------------- menus
    def _build_menus(self) -> None:
        bar = self.w.menuBar()
        file = bar.addMenu(tr("&File"))
        file.addActions([self.new, self.new_from_template, self.open, self.open_repository])
        self.recent_menu = QMenu(tr("Open &Recent"), self.w)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file.addMenu(self.recent_menu)
        file.addSeparator()
        file.addActions([self.save, self.save_as, self.reload])
        file.addSeparator()
        file.addActions([self.import_, self.export_pdf, self.export, self.print_])
        file.addSeparator()
        file.addActions([self.close, self.quit])

        edit = bar.addMenu(tr("&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.cut, self.copy, self.paste, self.duplicate, self.delete])
        edit.addSeparator()
        edit.addActions([self.add_department, self.add_child, self.add_sibling, self.rename])
        edit.addSeparator()
        edit.addActions([self.select_all, self.find])
        edit.addSeparator()
        edit.addAction(self.preferences)

        view = bar.addMenu(tr("&View"))
        view.addActions([self.zoom_in, self.zoom_out, self.fit, self.actual_size])
        view.addSeparator()
        view.addActions([self.grid, self.snap, self.overview])
        view.addSeparator()
        self.panels_menu = view.addMenu(tr("&Panels"))
        self.language_menu = build_language_menu(self.w, view)

        arrange = bar.addMenu(tr("&Arrange"))
        arrange.addActions(
            [
                self.layout_all,
                self.layout_all_lr,
                self.layout_branch,
                self.layout_branch_lr,
                self.compact,
            ]
        )
        arrange.addSeparator()
        arrange.addActions(list(self.align.values()))
        arrange.addSeparator()
        arrange.addActions([self.distribute_x, self.distribute_y])

        tools = bar.addMenu(tr("&Tools"))
        tools.addActions([self.tool_select, self.tool_reporting, self.tool_link])

        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.getting_started, self.about])

    def _fill_recent_menu(self) -> None:
        menu, settings = self.recent_menu, self.w.settings
        menu.clear()
        files = settings.recent_files()
        for path in files:
            action = menu.addAction(f"{path.name}  ({path.parent})")
            action.triggered.connect(lambda checked=False, p=path: self.w.documents.open_file(p))
        if files:
            menu.addSeparator()
            menu.addAction(tr("Clear Recent Files"), settings.clear_recent)
        else:
            menu.addAction(tr("(none)")).setEnabled(False)

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("Main toolbar"), self.w)
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addActions([self.new, self.open, self.save])
        bar.addSeparator()
        bar.addActions([self.undo, self.redo])
        bar.addSeparator()
        bar.addAction(self.add_department)
        bar.addSeparator()
        bar.addActions([self.tool_select, self.tool_reporting, self.tool_link])
        for action in (self.undo, self.redo, self.new, self.open, self.save):
            bar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.link_kind = QComboBox()
        self.link_kind.setToolTip(tr("Kind of link the link tool and the link handle draw"))
        for kind in LinkKind:
            self.link_kind.addItem(link_kind_label(kind), kind)
        self.link_kind.currentIndexChanged.connect(
            lambda _: self.w.set_link_kind(self.link_kind.currentData())
        )
        bar.addWidget(self.link_kind)
        bar.addSeparator()
        bar.addActions([self.layout_all, self.fit])
        bar.addSeparator()
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText(tr("Find department..."))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.setMaximumWidth(220)
        self.find_field.returnPressed.connect(lambda: self.w.find_next(self.find_field.text()))
        leave = QAction(self.find_field)  # Esc: back to the canvas, where the found box is selected
        leave.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        leave.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        leave.triggered.connect(lambda: self.w.view.setFocus())
        self.find_field.addAction(leave)
        bar.addWidget(self.find_field)
        self.toolbar = bar
        self.w.addToolBar(bar)
        self.panels_menu.addAction(bar.toggleViewAction())

    # ------------------------------------------------------------ state
    def update_state(
        self, *, has_design: bool, read_only: bool, has_selection: bool, has_path: bool
    ) -> None:
        editable = has_design and not read_only
        for action in (
            self.save_as,
            self.export,
            self.export_pdf,
            self.print_,
            self.close,
            self.select_all,
            self.find,
            self.zoom_in,
            self.zoom_out,
            self.fit,
            self.actual_size,
        ):
            action.setEnabled(has_design)
        self.save.setEnabled(editable or (has_design and not has_path))
        self.reload.setEnabled(has_design and has_path)
        for action in (
            self.add_department,
            self.paste,
            self.tool_reporting,
            self.tool_link,
            self.layout_all,
            self.layout_all_lr,
            self.add_child,
        ):
            action.setEnabled(editable)
        for action in (
            self.cut,
            self.duplicate,
            self.delete,
            self.add_sibling,
            self.rename,
            self.layout_branch,
            self.layout_branch_lr,
            self.distribute_x,
            self.distribute_y,
            *self.align.values(),
        ):
            action.setEnabled(editable and has_selection)
        self.copy.setEnabled(has_design and has_selection)
        self.find_field.setEnabled(has_design)
