"""File > Import...: a wizard from a CSV/Excel file to departments, problems shown before committing.

Pages: pick a file; see the first rows and map columns (drop-downs pre-filled
by the importer's auto-detection); review what the importer repaired; then
import into a new design (laid out) or into the open one as one undo step.
The wizard only reads the file; the core importer does the work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from orgdesigner.design import Design
from orgdesigner.errors import OrgDesignerError

from ..error_text import error_text
from ..i18n import english_plural, fill, ui_language
from ..context import EditorContext
from .import_merge import merge_ops

from orgdesigner import importing

NOT_USED = ""


def field_labels() -> dict[str, str]:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {
        "id": translate("ImportWizard", "Id"),
        "parent": translate("ImportWizard", "Reports to (parent id)"),
        "name": translate("ImportWizard", "Name"),
        "kind": translate("ImportWizard", "Kind"),
        "leader": translate("ImportWizard", "Leader"),
        "headcount": translate("ImportWizard", "Headcount"),
        "budget": translate("ImportWizard", "Budget"),
        "color": translate("ImportWizard", "Colour"),
        "x": translate("ImportWizard", "Position x"),
        "y": translate("ImportWizard", "Position y"),
        "notes": translate("ImportWizard", "Notes"),
        "staff_unit": translate("ImportWizard", "Staff unit"),
    }


def field_help() -> dict[str, str]:
    """What each field means (the core's FIELD_HELP, in the UI's language)."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {
        "id": translate("ImportWizard", "the department's own id (required)"),
        "parent": translate("ImportWizard", "the id of the department it reports to"),
        "name": translate("ImportWizard", "the name shown on the chart"),
        "kind": translate("ImportWizard", "department, team, committee, business unit or office"),
        "leader": translate("ImportWizard", "who leads it"),
        "headcount": translate("ImportWizard", "staff or FTE (fractions are summed)"),
        "budget": translate("ImportWizard", "its budget"),
        "color": translate("ImportWizard", "box colour as #rrggbb"),
        "x": translate("ImportWizard", "position across"),
        "y": translate("ImportWizard", "position down"),
        "notes": translate("ImportWizard", "free text"),
        "staff_unit": translate(
            "ImportWizard", "a staff unit drawn beside its manager (yes or empty)"
        ),
    }


class FilePage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(
            self.tr("A CSV or Excel (.xlsx) table with one row per department or post.")
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("File to import"))
        self.browse = QPushButton(self.tr("&Browse..."))
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.registerField("path*", self.path_edit)
        self.browse.clicked.connect(self._on_browse)
        self.path_edit.textChanged.connect(lambda _t: self.error.clear())

    def _on_browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import departments"),
            self.path_edit.text(),
            self.tr("Tables (*.csv *.tsv *.txt *.xlsx);;All files (*)"),
        )
        if name:
            self.path_edit.setText(name)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        path = Path(self.path_edit.text().strip())
        if not path.is_file():
            self.error.setText(self.tr("%1: no such file").replace("%1", str(path)))
            return False
        return self.wiz.sniff(path, importing.ImportOptions())


class MappingPage(QWizardPage):
    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Map the columns"))
        self.setSubTitle(
            self.tr("Which column holds what? The guesses come from the column names.")
        )
        layout = QVBoxLayout(self)
        self.info = QLabel()
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        source = QHBoxLayout()
        self.sheet_label = QLabel(self.tr("&Sheet:"))
        self.sheet_combo = QComboBox()
        self.sheet_label.setBuddy(self.sheet_combo)
        self.encoding_label = QLabel(self.tr("&Encoding:"))
        self.encoding_combo = QComboBox()
        self.encoding_label.setBuddy(self.encoding_combo)
        for value, label in (
            ("", self.tr("Auto-detect")),
            ("utf-8", "UTF-8"),
            ("utf-8-sig", self.tr("UTF-8 with BOM")),
            ("gb18030", self.tr("GB18030 / GBK (Chinese Excel)")),
            ("cp1252", "Windows-1252"),
        ):
            self.encoding_combo.addItem(label, value)
        for w in (self.sheet_label, self.sheet_combo, self.encoding_label, self.encoding_combo):
            source.addWidget(w)
        source.addStretch(1)
        layout.addLayout(source)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.preview.setMinimumHeight(140)
        layout.addWidget(self.preview, 1)
        grid = QGridLayout()  # two label/drop-down pairs per row leave room for the preview
        self.combos: dict[str, QComboBox] = {}
        labels = field_labels()
        fields = importing.FIELDS
        for i, name in enumerate(fields):
            combo = QComboBox()
            combo.setObjectName(f"map_{name}")
            combo.setToolTip(field_help().get(name, ""))
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            self.combos[name] = combo
            label = QLabel(labels.get(name, name) + ("：" if ui_language() == "zh" else ":"))
            label.setBuddy(combo)
            row, col = divmod(i, 2)
            grid.addWidget(label, row, col * 2)
            grid.addWidget(combo, row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        self.fix_ids = QCheckBox(
            self.tr("Attach parents whose ids differ only by leading zeros or spaces")
        )
        layout.addWidget(self.fix_ids)
        staff_row = QHBoxLayout()  # e.g. an organogram's *-junior.csv: FTE added under a parent id
        staff_label = QLabel(self.tr("Staff &file (optional):"))
        self.staff_edit = QLineEdit()
        self.staff_edit.setPlaceholderText(self.tr("rows of staff counted under a department's id"))
        staff_label.setBuddy(self.staff_edit)
        self.staff_browse = QPushButton(self.tr("Bro&wse..."))
        for w in (staff_label, self.staff_edit, self.staff_browse):
            staff_row.addWidget(w, 1 if w is self.staff_edit else 0)
        layout.addLayout(staff_row)
        self.staff_browse.clicked.connect(self._on_browse_staff)
        self.sheet_combo.activated.connect(self._on_source_changed)
        self.encoding_combo.activated.connect(self._on_source_changed)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.show_sniffed()

    def show_sniffed(self) -> None:
        s = self.wiz.sniffed
        if s is None:
            return
        if s.kind == "xlsx":
            how = self.tr("sheet %1").replace("%1", s.sheet)
        else:
            how = fill(self.tr("%1, delimiter %2"), s.encoding, repr(s.delimiter))
        self.info.setText(
            fill(self.tr("%1 (%2): %3 data rows. The first rows:"), s.path.name, how, s.rows)
        )
        is_book = s.kind == "xlsx"
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(s.sheets)
        self.sheet_combo.setCurrentText(s.sheet)
        self.sheet_combo.blockSignals(False)
        for w in (self.sheet_label, self.sheet_combo):
            w.setVisible(is_book and len(s.sheets) > 1)
        for w in (self.encoding_label, self.encoding_combo):
            w.setVisible(not is_book)
        self.preview.clear()
        self.preview.setColumnCount(len(s.columns))
        self.preview.setRowCount(len(s.preview))
        self.preview.setVerticalHeaderLabels([str(n) for n in s.preview_rows])
        for r, cells in enumerate(s.preview):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text.replace("\n", " ⏎ "))
                item.setToolTip(text)
                self.preview.setItem(r, c, item)
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not used)"), NOT_USED)
            for column in s.columns:
                combo.addItem(column or self.tr("(unnamed column)"), column)
            wanted = s.mapping.get(name)
            combo.setCurrentIndex(
                combo.findData(wanted) if wanted is not None and combo.findData(wanted) >= 0 else 0
            )
            combo.blockSignals(False)
        self._on_mapping_changed()

    def mapping(self) -> dict[str, str]:
        return {name: combo.currentData() or NOT_USED for name, combo in self.combos.items()}

    def options(self) -> Any:
        s = self.wiz.sniffed
        return importing.ImportOptions(
            encoding=self.encoding_combo.currentData() or None if s and s.kind != "xlsx" else None,
            sheet=s.sheet if s and s.kind == "xlsx" else None,
            fix_ids=self.fix_ids.isChecked(),
            junior=Path(self.staff_edit.text().strip()) if self.staff_edit.text().strip() else None,
        )

    def _on_browse_staff(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Staff file"),
            self.staff_edit.text(),
            self.tr("Tables (*.csv *.tsv *.txt *.xlsx);;All files (*)"),
        )
        if name:
            self.staff_edit.setText(name)

    def _on_source_changed(self) -> None:
        s = self.wiz.sniffed
        if s is None:
            return
        options = importing.ImportOptions(
            encoding=self.encoding_combo.currentData() or None,
            sheet=self.sheet_combo.currentText() if s.kind == "xlsx" else None,
        )
        if self.wiz.sniff(s.path, options):
            self.show_sniffed()

    def _on_mapping_changed(self) -> None:
        s = self.wiz.sniffed
        if s is None:
            return
        labels = field_labels()
        used: dict[str, list[str]] = {}
        for name, column in self.mapping().items():
            if column:
                used.setdefault(column, []).append(labels.get(name, name))
        self.preview.setHorizontalHeaderLabels(
            [(c or "?") + (" → " + ", ".join(used[c]) if c in used else "") for c in s.columns]
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.combos.get("id") and self.combos["id"].currentData())


class ReviewPage(QWizardPage):
    NEW, CURRENT = 0, 1

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(
            self.tr(
                "What the importer found and repaired. Nothing is changed until you click Import."
            )
        )
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QTreeWidget()
        self.problems.setHeaderLabels(
            [self.tr("Problem"), self.tr("Rows"), self.tr("What was done")]
        )
        self.problems.setRootIsDecorated(False)
        self.problems.setWordWrap(True)
        self.problems.setColumnWidth(0, 300)
        layout.addWidget(self.problems, 1)
        self.detail = QLabel()  # the whole sentence of the problem under the cursor
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.problems.currentItemChanged.connect(
            lambda item, _old: self.detail.setText(item.toolTip(0) if item else "")
        )
        self.into_new = QRadioButton(self.tr("Into a &new design (laid out automatically)"))
        self.into_current = QRadioButton(self.tr("Into the &current design (one undo step)"))
        self.target = QButtonGroup(self)
        self.target.addButton(self.into_new, self.NEW)
        self.target.addButton(self.into_current, self.CURRENT)
        self.into_new.setChecked(True)
        layout.addWidget(self.into_new)
        layout.addWidget(self.into_current)
        self.setButtonText(QWizard.FinishButton, self.tr("&Import"))

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.into_current.setEnabled(self.wiz.ctx is not None)
        if self.wiz.ctx is None:
            self.into_new.setChecked(True)
        self.problems.clear()
        page: MappingPage = self.wiz.mapping_page
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.wiz.design, self.wiz.report = importing.import_table(
                self.wiz.sniffed.path, page.mapping(), page.options()
            )
        except OrgDesignerError as exc:
            self.wiz.design = self.wiz.report = None
            self.summary.setText(error_text(exc))
            self.summary.setStyleSheet("color: #b00020")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.summary.setStyleSheet("")
        report = self.wiz.report
        self.summary.setText(
            fill(
                self.tr("%1 rows become %2 departments with %3 top-level departments."),
                report.rows_read,
                report.departments,
                report.roots,
            )
            + " "
            + english_plural(
                self.tr("%n problem(s) repaired:", "", len(report.problems)), len(report.problems)
            )
        )
        for p in sorted(report.problems, key=lambda p: p.severity != "warning"):
            rows = ", ".join(map(str, p.rows[:8])) + (" ..." if len(p.rows) > 8 else "")
            lang = ui_language()
            action = p.text("action", lang)
            if p.suggestion:
                action += (
                    f"（{p.text('suggestion', lang)}）" if lang == "zh" else f" ({p.suggestion})"
                )
            item = QTreeWidgetItem([p.text("message", lang), rows, action])
            item.setToolTip(0, p.line(lang))
            for column in (1, 2):
                item.setToolTip(column, p.line(lang))
            item.setData(0, Qt.UserRole, p.code)
            self.problems.addTopLevelItem(item)
        if self.problems.topLevelItemCount():
            self.problems.setCurrentItem(self.problems.topLevelItem(0))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.wiz.design is not None


class ImportWizard(QWizard):
    """After `exec()`: `design` is the imported design; `into_current` says where it went."""

    design_imported = Signal(object)  # a new Design to open as an untitled document

    def __init__(
        self,
        ctx: EditorContext | None,
        parent: QWidget | None = None,
        path: str | Path | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import departments"))
        self.ctx = ctx
        self.sniffed: Any = None
        self.design: Design | None = None
        self.report: Any = None
        self.into_current = False
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.review_page = ReviewPage(self)
        for page in (self.file_page, self.mapping_page, self.review_page):
            self.addPage(page)
        if path is not None:
            self.file_page.path_edit.setText(str(path))
        self.resize(820, 640)

    def sniff(self, path: Path, options: Any) -> bool:
        """Read the file's shape; show one clear line and stay on the page when it is unusable."""
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.sniffed = importing.sniff(path, options)
        except OrgDesignerError as exc:
            self.file_page.error.setText(error_text(exc))
            self.mapping_page.info.setText(error_text(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def accept(self) -> None:
        if self.design is None:
            return
        self.into_current = (
            self.review_page.target.checkedId() == ReviewPage.CURRENT and self.ctx is not None
        )
        if self.into_current:
            text = self.tr("Import %1").replace("%1", self.sniffed.path.name)
            reason = self.ctx.apply(merge_ops(self.ctx.design, self.design, text), text)
            if reason:
                self.mapping_page.info.setText(reason)
                return
        else:
            self.design_imported.emit(self.design)
        super().accept()


def run_import_wizard(parent: QWidget | None, ctx: EditorContext | None) -> Design | None:
    """Show the wizard; return a new design to open, or None (cancelled or merged into ctx)."""
    wizard = ImportWizard(ctx, parent)
    if wizard.exec() != QWizard.Accepted or wizard.into_current:
        return None
    return wizard.design
