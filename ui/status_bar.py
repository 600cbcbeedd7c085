"""The status bar: file state, counts, zoom, findings, and the latest hint or refusal."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from orgdesigner.design import Design

from .i18n import english_plural, severity_count


class EditorStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.file_state = QLabel()
        self.counts = QLabel()
        self.findings = QLabel()
        self.zoom = QLabel()
        self.checking = QProgressBar()  # a long validator run (FindingsService.checking)
        self.checking.setObjectName("checking_progress")
        self.checking.setMaximumWidth(220)
        # Its height counts even while hidden: no taller than a line of text (a taller status
        # bar would take rows from the docks above it).
        self.checking.setMaximumHeight(self.fontMetrics().height() + 2)
        self.checking.setFormat(self.tr("Checking the design... %p%"))
        self.checking.hide()
        for label in (self.file_state, self.counts, self.findings, self.zoom):
            label.setContentsMargins(6, 0, 6, 0)
            self.addPermanentWidget(label)
        self.addPermanentWidget(self.checking)

    def show_message(self, text: str, timeout_ms: int = 8000) -> None:
        if text:
            self.showMessage(text, timeout_ms)
        else:
            self.clearMessage()

    def set_file_state(self, text: str) -> None:
        self.file_state.setText(text)

    def set_counts(self, design: Design | None) -> None:
        if design is None:
            self.counts.setText("")
            return
        c = design.counts()
        # One %Ln plural per count: "1 link", "2 links", "10,000 departments" (locale grouping).
        self.counts.setText(
            " · ".join(
                (
                    english_plural(
                        self.tr("%Ln department(s)", None, c["departments"]), c["departments"]
                    ),
                    english_plural(self.tr("%Ln link(s)", None, c["links"]), c["links"]),
                    english_plural(
                        self.tr("%Ln function(s)", None, c["functions"]), c["functions"]
                    ),
                )
            )
        )

    def set_findings(self, counts: dict[str, int] | None) -> None:
        if counts is None:
            self.findings.setText("")
            return
        total = sum(counts.values())
        if total == 0:
            self.findings.setText(self.tr("No findings"))
        else:
            parts = [
                severity_count(key, counts[key])
                for key in ("error", "warning", "info")
                if counts.get(key)
            ]
            self.findings.setText(self.tr("Findings: {list}").format(list=", ".join(parts)))
        self.findings.setStyleSheet("color: #b91c1c;" if counts.get("error") else "")

    def set_checking(self, done: int, total: int) -> None:
        """How far a long validator run is; (0, 0): the run is over."""
        if total <= 0:
            self.checking.hide()
            return
        self.checking.setRange(0, total)
        self.checking.setValue(done)
        self.checking.show()

    def set_zoom_visible(self, visible: bool) -> None:
        self.zoom.setVisible(visible)

    def set_zoom(self, zoom: float) -> None:
        self.zoom.setText(self.tr("Zoom {p}%").format(p=round(zoom * 100)))
