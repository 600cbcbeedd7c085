"""File > Export PDF...: the CLI's export options, a page-count preview, progress for long exports.
A file name ending in .pptx writes the same chart book as PowerPoint slides.

The options are the core's `ExportOptions` (the same values `export --paper
... --fit ...` takes), so the dialog and the command line cannot drift
apart. The export runs in the GUI thread behind a modal progress dialog:
the design cannot change under it, and Cancel stops it between pages or
slides (`ui.export_progress`); a cancelled export writes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.design import Design
from orgdesigner.errors import OrgDesignerError
from orgdesigner.lockfile import user_display_name

from ..error_text import error_text, os_reason
from ..export_progress import ExportProgress
from ..i18n import english_plural, fill
from ..settings import AppSettings
from . import pdf_api

PREVIEW_DELAY_MS = 250
PREVIEW_PX = 220  # long side of the chart preview


class ExportPdfDialog(QDialog):
    def __init__(
        self,
        design: Design,
        parent: QWidget | None = None,
        path: str | Path | None = None,
        findings: list | None = None,
        settings: AppSettings | None = None,
        comparison: Any = None,
        base_label: str = "",
    ):
        super().__init__(parent)
        self.design = design
        self.settings = settings  # remembers the options per design (None: nothing remembered)
        self.comparison = comparison  # a compare.Comparison: offers the "changes" section
        self.base_label = base_label
        self.findings = findings  # the editor's current findings; None: the exporter validates
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Export PDF"))
        layout = QVBoxLayout(self)

        form = QFormLayout()
        self.paper = QComboBox()
        for name in pdf_api.PAPERS:
            self.paper.addItem(self.paper_name(name), name)
        self.paper.setCurrentIndex(self.paper.findData("A4"))
        self.orientation = QComboBox()
        for value, label in (
            ("auto", self.tr("Automatic (whichever fits better)")),
            ("portrait", self.tr("Portrait")),
            ("landscape", self.tr("Landscape")),
        ):
            self.orientation.addItem(label, value)
        self.fit = QComboBox()
        for value, label in (
            ("auto", self.tr("Automatic (one page if readable, else tiles)")),
            ("page", self.tr("Fit the chart on one page")),
            ("tiles", self.tr("Tiles: split over several pages")),
            ("book", self.tr("Chart book: a page per branch, with an index")),
        ):
            self.fit.addItem(label, value)
        scale_row = QHBoxLayout()
        self.auto_scale = QCheckBox(self.tr("Automatic"))
        self.auto_scale.setChecked(True)
        self.scale = QSpinBox()
        self.scale.setRange(5, 1000)
        self.scale.setSuffix(" %")
        self.scale.setValue(100)
        self.scale.setEnabled(False)
        scale_row.addWidget(self.auto_scale)
        scale_row.addWidget(self.scale, 1)
        self.language = QComboBox()
        self.language.addItem(self.tr("The design's language"), None)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        form.addRow(self.tr("&Paper:"), self.paper)
        form.addRow(self.tr("&Orientation:"), self.orientation)
        form.addRow(self.tr("&Chart:"), self.fit)
        scale_label = QLabel(self.tr("&Scale:"))
        scale_label.setBuddy(self.scale)
        form.addRow(scale_label, scale_row)
        form.addRow(self.tr("&Language:"), self.language)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignCenter)
        self.preview.setFixedSize(PREVIEW_PX + 8, PREVIEW_PX * 3 // 4 + 8)
        self.preview.setFrameShape(QFrame.StyledPanel)
        top.addWidget(self.preview)
        layout.addLayout(top)

        sections_box = QGroupBox(self.tr("Sections"))
        grid = QGridLayout(sections_box)
        labels = {
            "cover": self.tr("Cover"),
            "chart": self.tr("Chart"),
            "legend": self.tr("Legend"),
            "owners": self.tr("Function owners"),
            "kpis": self.tr("KPIs"),
            "findings": self.tr("Findings"),
            "departments": self.tr("Department table"),
            "changes": self.tr("Changes against {base}").format(base=base_label),
        }
        self.sections: dict[str, QCheckBox] = {}
        names = [n for n in pdf_api.SECTIONS if n != "changes" or comparison is not None]
        for i, name in enumerate(names):
            box = QCheckBox(labels.get(name, name))
            box.setObjectName(f"section_{name}")
            box.setChecked(True)
            self.sections[name] = box
            grid.addWidget(box, i // 3, i % 3)
        layout.addWidget(sections_box)

        file_row = QHBoxLayout()
        self.path_edit = QLineEdit(str(path) if path else "")
        self.path_edit.setPlaceholderText(
            self.tr("Where to save the PDF (or PowerPoint slides: a name ending in .pptx)")
        )
        self.browse = QPushButton(self.tr("&Browse..."))
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        file_row.addWidget(file_label)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse)
        layout.addLayout(file_row)

        self.pages_label = QLabel()
        self.pages_label.setWordWrap(True)
        layout.addWidget(self.pages_label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.export_button = self.buttons.addButton(self.tr("&Export"), QDialogButtonBox.AcceptRole)
        layout.addWidget(self.buttons)

        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_page_count)
        for combo in (self.paper, self.orientation, self.fit, self.language):
            combo.currentIndexChanged.connect(self._on_options_changed)
        self.scale.valueChanged.connect(self._on_options_changed)
        self.auto_scale.toggled.connect(self._on_options_changed)
        for box in self.sections.values():
            box.toggled.connect(self._on_options_changed)
        self.path_edit.textChanged.connect(lambda _t: self._update_buttons())
        self.browse.clicked.connect(self._on_browse)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.page_count: int | None = None
        if settings is not None:
            self.set_values(settings.export_options(design.id))
        self.update_page_count()
        self._update_buttons()

    # ------------------------------------------------------------ options
    def paper_name(self, name: str) -> str:
        """ISO sizes read the same everywhere; the American ones have Chinese names."""
        return {
            "Letter": self.tr("Letter"),
            "Legal": self.tr("Legal"),
            "Tabloid": self.tr("Tabloid"),
        }.get(name, name)

    def paper_text(self, paper: str) -> str:
        """'A4 landscape' (the core's words) in the UI's language."""
        name, _, orientation = paper.partition(" ")
        words = {"portrait": self.tr("portrait"), "landscape": self.tr("landscape")}
        return f"{self.paper_name(name)} {words.get(orientation, orientation)}".strip()

    def values(self) -> dict[str, Any]:
        """The options as the CLI names them."""
        return {
            "paper": self.paper.currentData(),
            "orientation": self.orientation.currentData(),
            "fit": self.fit.currentData(),
            "scale": None if self.auto_scale.isChecked() else self.scale.value() / 100.0,
            "sections": tuple(n for n, box in self.sections.items() if box.isChecked()),
            "lang": self.language.currentData(),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        """Show remembered options (unknown or stale values are ignored)."""
        for key, combo in (
            ("paper", self.paper),
            ("orientation", self.orientation),
            ("fit", self.fit),
            ("lang", self.language),
        ):
            index = combo.findData(values.get(key)) if key in values else -1
            if index >= 0:
                combo.setCurrentIndex(index)
        if "scale" in values:
            scale = values["scale"]
            self.auto_scale.setChecked(scale is None)
            if isinstance(scale, (int, float)):
                self.scale.setValue(round(scale * 100))
        if isinstance(values.get("sections"), (list, tuple)) and values["sections"]:
            for name, box in self.sections.items():
                box.setChecked(name in values["sections"])

    def options(self) -> Any:
        # A design without an author still gets one on its cover: the user's own name.
        compared = (
            {"comparison": self.comparison, "base_label": self.base_label}
            if self.comparison is not None
            else {}
        )
        return pdf_api.make_options({**self.values(), "author": user_display_name(), **compared})

    def _on_options_changed(self, *_args) -> None:
        self.scale.setEnabled(not self.auto_scale.isChecked())
        self.preview_timer.start()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_sections = any(box.isChecked() for box in self.sections.values())
        self.export_button.setEnabled(bool(self.path_edit.text().strip()) and has_sections)

    def update_page_count(self) -> None:
        """Plan the pages for the current options (cheap: no drawing) and show the count."""
        self.preview_timer.stop()
        if not any(box.isChecked() for box in self.sections.values()):
            self.page_count = None
            self.pages_label.setText(self.tr("Choose at least one section."))
            self._show_preview(None)
            return
        try:
            plan = pdf_api.plan(self.design, self.options(), self.findings)
        except OrgDesignerError as exc:
            self.page_count = None
            self.pages_label.setText(error_text(exc))
            self._show_preview(None)
            return
        self.page_count = plan.pages
        text = english_plural(self.tr("%n page(s)", "", plan.pages), plan.pages)
        if plan.paper:
            text += self.tr(", ") + self.paper_text(plan.paper)
        if plan.tiles != (1, 1):
            text += "; " + fill(
                self.tr("the chart in a %1 x %2 grid of tiles: %3 pages with the overview"),
                plan.tiles[0],
                plan.tiles[1],
                plan.chart_pages,
            )
        if plan.book_pages:
            text += "; " + fill(
                self.tr("the chart as a book of %1 pages and an index of %2"),
                plan.book_pages[0],
                plan.book_pages[1],
            )
        if plan.min_text is not None:
            text += "\n" + self.tr(
                "The smallest name on the chart would be %1 pt: choose tiles, a "
                "larger scale or larger paper."
            ).replace("%1", f"{plan.min_text:.1f}")
        if plan.missing_glyphs:
            text += "\n" + self.tr("The font cannot show these characters: %1").replace(
                "%1", plan.missing_glyphs
            )
        self.pages_label.setText(text)
        self._show_preview(plan)

    def _show_preview(self, plan: pdf_api.Plan | None) -> None:
        """Where the chart falls on the paper, or the tile grid (the core draws it)."""
        data = pdf_api.preview_png(plan, PREVIEW_PX) if plan is not None else None
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data, "PNG"):
            self.preview.setPixmap(pixmap)
            self.preview.setToolTip(self.tr("Where the chart falls on the paper"))
        else:
            self.preview.clear()
            self.preview.setText(self.tr("No chart preview"))

    def _on_browse(self) -> None:
        start = self.path_edit.text() or (self.design.name or "design") + ".pdf"
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export PDF"),
            start,
            ";;".join((self.tr("PDF files (*.pdf)"), self.tr("PowerPoint slides (*.pptx)"))),
        )
        if name:
            suffix = ".pptx" if "pptx" in chosen and not name.lower().endswith(".pdf") else ".pdf"
            self.path_edit.setText(
                name if name.lower().endswith((".pdf", ".pptx")) else name + suffix
            )

    # ------------------------------------------------------------ export
    def export(self) -> bool:
        """Write the PDF with a progress dialog; keep the dialog open with the reason on failure."""
        path = Path(self.path_edit.text().strip())
        slides = path.suffix.lower() == ".pptx"  # the same options, written as a deck
        if not slides and path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.message.clear()
        if (
            path.exists()
            and QMessageBox.question(
                self,
                self.tr("Export PDF"),
                self.tr("%1 exists already. Replace it?").replace("%1", path.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False
        try:
            options = self.options()
        except OrgDesignerError as exc:
            self.message.setText(error_text(exc))
            return False
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            with ExportProgress(self, path.name) as progress:
                if slides:
                    pdf_api.export_slides(self.design, path, options, progress)
                else:
                    pdf_api.export(self.design, path, options, progress, self.findings)
        except pdf_api.Cancelled:
            self.message.setText(
                self.tr("Export cancelled; %1 was not written.").replace("%1", path.name)
            )
            return False
        except OrgDesignerError as exc:
            self.message.setText(error_text(exc))
            return False
        except OSError as exc:
            self.message.setText(
                fill(self.tr("%1: cannot be written: %2"), path.name, os_reason(exc))
            )
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.written = path
        if self.settings is not None:
            self.settings.set_export_options(
                self.design.id, {**self.values(), "sections": list(self.values()["sections"])}
            )
            self.settings.set_last_folder(path.parent)
        self.accept()
        return True
