"""The progress dialog of a long export (PDF, chart book, PowerPoint, SVG, PNG), with Cancel.

The exporters report "plan", "pages" and "saving" through
`orgdesigner.progress`; Cancel raises `Cancelled` at the next report, and
the exporter then writes nothing (a file already there stays as it was).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from .i18n import tr
from .progress_window import STEPS, ProgressWindow


class ExportProgress(ProgressWindow):
    """Callable progress for one export; a context manager that closes its dialog."""

    OBJECT_NAME = "export_progress"
    SHOW_AFTER = 0.4  # quick exports never flash a dialog
    SPANS = {"plan": (0, 100), "pages": (100, 950), "saving": (950, STEPS)}

    def __init__(self, parent: QWidget, name: str):
        super().__init__(parent, tr("Exporting {name}").format(name=name))

    def text(self, stage: str) -> str:
        texts = {
            "checking": tr("Checking the design..."),  # for the findings section
            "plan": tr("Laying out the pages..."),
            "pages": tr("Drawing the pages..."),
            "saving": tr("Writing the file..."),
        }
        return texts.get(stage, tr("Exporting..."))
