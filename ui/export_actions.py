"""File > Export and File > Print: the open design to PDF, other formats or paper.

Functions of the window (they read its design, findings and scenario
comparison, and report in its status bar), apart from the document life
cycle in `ui.document_controller`: exporting never changes the open file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from orgdesigner.errors import OrgDesignerError
from orgdesigner.progress import Cancelled

from . import document_io
from .error_text import error_text
from .export_progress import ExportProgress
from .file_places import file_name, start_folder, unused_path
from .i18n import tr

# The main window (not imported: it sits above this module and binds its actions to it).
MainWindow = Any


def print_dialog(window: MainWindow) -> bool:
    """File > Print: the system print dialog and a preview of the chart pages."""
    try:
        from .print_chart import print_with_dialog
    except ImportError:  # QtPrintSupport missing from this Qt build
        window.show_message(tr("Printing is not available in this installation."))
        return False
    return print_with_dialog(window, window.ctx.design)


def export_dialog(window: MainWindow, suffix: str | None) -> bool:
    """File > Export PDF (suffix ".pdf") or Export (another format, or any with None)."""
    doc = window.doc
    if suffix == ".pdf":
        return _export_pdf(window)
    writers = [s for s in document_io.export_suffixes() if s != ".db"]
    if suffix is not None and suffix not in writers:
        QMessageBox.information(
            window,
            tr("Export"),
            tr("Export to {kind} is not available.").format(kind=suffix.upper().lstrip(".")),
        )
        return False
    chosen = [suffix] if suffix else writers
    stem = doc.path.stem if doc.path else (doc.design.name or "design")
    name, _ = QFileDialog.getSaveFileName(
        window,
        tr("Export"),
        stem + chosen[0],
        ";;".join(f"{s.upper().lstrip('.')} (*{s})" for s in chosen),
    )
    if not name:
        return False
    path = Path(name)
    if path.suffix.lower() not in chosen:
        path = path.with_name(path.name + chosen[0])
    try:
        with ExportProgress(window, path.name) as progress, progress.reporting():
            document_io.export_design(doc, path)
    except Cancelled:
        window.show_message(tr("Export cancelled; {name} was not written.").format(name=path.name))
        return False
    except OrgDesignerError as exc:
        QMessageBox.warning(window, tr("Cannot export"), error_text(exc))
        return False
    window.show_message(tr("Exported {name}").format(name=path.name))
    return True


def _export_pdf(window: MainWindow) -> bool:
    from .dialogs.export_pdf import ExportPdfDialog

    doc, design = window.doc, window.ctx.design
    folder = start_folder(window.settings, doc.path)
    stem = unused_path(
        folder
        / (file_name(design.name or (doc.path.stem if doc.path else ""), tr("design")) + ".pdf")
    )
    compared = window.scenarios_ui
    findings = window.findings
    dialog = ExportPdfDialog(
        design,
        window,
        path=stem,
        findings=findings.findings if findings.available else None,
        settings=window.settings,
        comparison=compared.result,
        base_label=compared.base_label,
    )
    dialog.exec()
    if dialog.written is not None:
        window.show_message(tr("Exported {name}").format(name=dialog.written.name))
    return dialog.written is not None
