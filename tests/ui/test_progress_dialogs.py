"""Long operations through the real menu actions never look hung: Reload, Close, Export .pptx.

A stage is made slow by monkeypatching a core function to keep reporting
through `orgdesigner.progress` until the dialog the user should see is on
screen (a condition, never a timed wait); a hang guard gives up after 30 s,
so the test fails when no dialog ever comes.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from benchmarks.generator import generate
from orgdesigner import progress, storage
from orgdesigner.document import DesignDocument
from ui.dialogs.export_pdf import ExportPdfDialog
from ui.docks import FindingsDock, find_dock
from ui.export_progress import ExportProgress

from .window_fixtures import private_data_dir, window  # noqa: F401

GUARD = 30.0  # seconds: only catches a dialog that never comes


def _visible(name: str) -> QProgressDialog | None:
    for top in QApplication.topLevelWidgets():
        for dialog in [top, *top.findChildren(QProgressDialog)]:
            if isinstance(dialog, QProgressDialog) and dialog.objectName() == name:
                if dialog.isVisible():
                    return dialog
    return None


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def _report_until_shown(stage: str, name: str, seen: list) -> None:
    """A slow stage: report `stage` until the dialog `name` has shown and painted a few times."""
    counter = PaintCounter()
    started, done = time.monotonic(), 0
    dialog = None
    while time.monotonic() - started < GUARD:
        done += 1
        progress.step(stage, done % 100, 100)
        dialog = dialog or _visible(name)
        if dialog is not None:
            dialog.update()  # as when another window uncovers it: painted at the next chance
            if not seen:
                dialog.installEventFilter(counter)
                seen.append(dialog.windowTitle())
                seen.append(dialog.findChild(QPushButton) is not None)  # offers Cancel?
            if counter.paints >= 3:
                break
        time.sleep(0.01)
    if dialog is not None:
        dialog.removeEventFilter(counter)
    seen.append(counter.paints)


@pytest.fixture
def saved(window, tmp_path) -> Path:
    path = tmp_path / "集团.db"
    storage.save(generate(200, seed=2), path)
    assert window.documents.open_file(path)
    return path


def test_file_reload_shows_the_open_progress_dialog(window, saved, monkeypatch):
    original = storage.load_checked
    seen: list = []

    def slow_load(*args, **kwargs):
        _report_until_shown("departments", "open_progress", seen)
        return original(*args, **kwargs)

    monkeypatch.setattr(storage, "load_checked", slow_load)
    window.actions_.reload.trigger()
    assert seen, "the reload never read the file"
    title, cancellable, paints = seen
    assert title == f"Opening {saved.name}" and cancellable
    assert paints >= 3  # it repainted while the stage ran
    assert window.doc is not None and window.doc.path == saved
    assert len(window.scene.boxes) == 200
    assert _visible("open_progress") is None


def test_cancel_of_a_read_only_reload_keeps_the_design(window, saved, monkeypatch, tmp_path):
    assert window.documents.reload(read_only=True)
    before = window.doc

    def cancelling(*args, **kwargs):
        deadline = time.monotonic() + GUARD
        while time.monotonic() < deadline:
            progress.step("departments", 1, 100)
            dialog = _visible("open_progress")
            if dialog is not None:
                QTest.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
            time.sleep(0.01)
        raise AssertionError("no Cancel button came")

    monkeypatch.setattr(storage, "load_checked", cancelling)
    window.actions_.reload.trigger()
    assert window.doc is before and window.doc.read_only
    assert len(window.scene.boxes) == 200
    assert _visible("open_progress") is None


def test_file_close_shows_a_busy_dialog_that_repaints(window, saved, monkeypatch):
    original = DesignDocument.close
    seen: list = []

    def slow_close(self):
        _report_until_shown("closing", "close_progress", seen)
        return original(self)

    monkeypatch.setattr(DesignDocument, "close", slow_close)
    window.actions_.close.trigger()
    assert seen, "closing never released the file"
    title, cancellable, paints = seen
    assert title == f"Closing {saved.name}"
    assert not cancellable  # closing always finishes
    assert paints >= 3
    assert window.doc is None and window.stack.currentWidget() is window.start_page
    assert _visible("close_progress") is None


def test_export_pptx_cancel_leaves_the_old_file_and_nothing_else(
    window, saved, monkeypatch, tmp_path
):
    pytest.importorskip("pptx")
    out = tmp_path / "slides"
    out.mkdir()
    deck = out / "deck.pptx"
    deck.write_bytes(b"last week's deck")
    monkeypatch.setattr(ExportProgress, "SHOW_AFTER", 0.0)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    state: dict = {}

    def drive() -> None:  # the user fills in the export dialog and presses Export
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, ExportPdfDialog)), None
        )
        if dialog is None or not dialog.isVisible() or "dialog" in state:
            return
        state["dialog"] = dialog
        dialog.path_edit.setText(str(deck))
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # runs the export
        state["message"] = dialog.message.text()
        dialog.reject()

    def cancel() -> None:  # (a second timer: Qt does not re-enter a timer's own slot)
        running = _visible("export_progress")
        if running is not None and running.labelText() == "Drawing the pages...":
            state["cancel_shown"] = running.findChild(QPushButton) is not None
            QTest.mouseClick(running.findChild(QPushButton), Qt.MouseButton.LeftButton)

    timers = [QTimer(), QTimer()]
    timers[0].timeout.connect(drive)
    timers[1].timeout.connect(cancel)
    for timer in timers:
        timer.start(5)
    try:
        window.actions_.export_pdf.trigger()  # the modal export dialog runs until rejected
    finally:
        for timer in timers:
            timer.stop()
    assert state.get("cancel_shown"), state
    assert "cancelled" in state["message"]
    assert deck.read_bytes() == b"last week's deck"
    assert [p.name for p in out.iterdir()] == ["deck.pptx"]  # no partial or temporary file
    assert _visible("export_progress") is None


def test_the_open_dialog_keeps_painting_while_the_design_is_shown(window, tmp_path, monkeypatch):
    path = tmp_path / "大集团.db"
    storage.save(generate(200, seed=2), path)
    original = window.scenarios_ui.document_changed
    seen: list = []

    def slow_showing() -> None:  # a part of showing the design that takes long
        _report_until_shown("showing", "open_progress", seen)
        original()

    monkeypatch.setattr(window.scenarios_ui, "document_changed", slow_showing)
    assert window.documents.open_file(path)
    assert seen, "the design was never shown"
    title, cancellable, paints = seen
    assert title == f"Opening {path.name}"
    assert not cancellable  # the design replaces the old one now: too late to cancel
    assert paints >= 3
    assert _visible("open_progress") is None and len(window.scene.boxes) == 200


def test_a_long_first_check_shows_its_progress_in_the_status_bar(window, tmp_path, monkeypatch):
    path = tmp_path / "大集团.db"
    storage.save(generate(200, seed=2), path)
    bar = window.status.checking
    core = window.findings.validator
    seen: list[tuple[bool, int, str]] = []
    ran: list[bool] = []

    def slow_validator(design):  # a validator that takes long, reporting rule by rule
        started, done = time.monotonic(), 0
        while time.monotonic() - started < GUARD and len(seen) < 5:
            done += 1
            progress.step("checking", done % 40, 40)
            if bar.isVisible():
                seen.append((bar.isVisible(), bar.value(), bar.text()))
            time.sleep(0.01)
        ran.append(True)
        return core(design)

    monkeypatch.setattr(window.findings, "validator", slow_validator)
    assert window.documents.open_file(path)
    deadline = time.monotonic() + GUARD
    while not ran and time.monotonic() < deadline:
        QApplication.processEvents()  # the first check runs right after the first paint
    QApplication.processEvents()
    assert len(seen) == 5, "no progress was shown while the design was checked"
    assert all(text.startswith("Checking the design") for _, _, text in seen)
    assert not bar.isVisible()  # gone when the check is over
    assert window.status.findings.text().startswith(("Findings", "No findings"))


def test_closing_a_big_design_shows_the_busy_dialog_before_the_long_part(
    window, saved, monkeypatch
):
    from ui import document_controller

    monkeypatch.setattr(document_controller, "CLOSE_SHOWS_AT", 200)  # "big": 200 departments
    original = DesignDocument.close
    seen: list = []

    def close(self):  # reports nothing, like taking the chart down
        dialog = _visible("close_progress")
        seen.append(dialog is not None and dialog.labelText() == "Closing the design...")
        return original(self)

    monkeypatch.setattr(DesignDocument, "close", close)
    window.actions_.close.trigger()
    assert seen == [True]
    assert window.doc is None and _visible("close_progress") is None


def test_quitting_with_a_big_design_open_shows_the_busy_dialog(window, saved, monkeypatch):
    from ui import document_controller

    monkeypatch.setattr(document_controller, "CLOSE_SHOWS_AT", 200)  # "big": 200 departments
    original = DesignDocument.close
    seen: list = []

    def close(self):  # reports nothing, like taking the chart down
        dialog = _visible("close_progress")
        seen.append(dialog is not None and dialog.windowTitle() == f"Closing {saved.name}")
        return original(self)

    monkeypatch.setattr(DesignDocument, "close", close)
    assert window.close()  # the window's close button / File > Quit
    assert seen == [True]
    assert window.doc is None and _visible("close_progress") is None


def test_opening_a_design_from_the_start_page_validates_it_once(window, tmp_path, qtbot):
    """The start page's blank design and the opened one both asked for a first run after the
    next paint: the opened design was validated twice (seconds at 100,000 departments)."""
    path = tmp_path / "once.db"
    storage.save(generate(150, seed=4), path)
    runs: list[int] = []
    real = window.findings.validator

    def counting(design):
        runs.append(len(design.departments))
        return real(design)

    window.findings.validator = counting
    window.show_start_page()
    assert window.documents.open_file(path)
    qtbot.waitUntil(lambda: bool(runs) and not window.view._after_paint, timeout=30_000)
    qtbot.wait(200)  # any second run asked for would come in this turn
    assert runs == [150]


def test_the_first_validation_waits_until_the_open_is_over(window, tmp_path, qtbot, monkeypatch):
    """The open's dialog repaints the window while the design is shown; the first validation
    (seconds at 100,000 departments, with the display of its findings) ran inside it, before
    the open was over, whenever its after-paint fallback timer came due meanwhile."""
    from ui.canvas import view as view_module
    from ui.progress_window import ProgressWindow

    monkeypatch.setattr(view_module, "AFTER_PAINT_LATEST_MS", 0)  # due at once, in the open
    monkeypatch.setattr(ProgressWindow, "SHOW_AFTER", 0.0)  # the dialog processes events
    monkeypatch.setattr(ProgressWindow, "EVENTS_EVERY", 0.0)
    path = tmp_path / "later.db"
    storage.save(generate(150, seed=5), path)
    opening, runs = [True], []
    real = window.findings.validator

    def checking(design):
        runs.append((opening[0], len(design.departments)))
        return real(design)

    window.findings.validator = checking
    window.show_start_page()
    qtbot.waitUntil(lambda: not window.view._after_paint, timeout=30_000)
    runs.clear()
    assert window.documents.open_file(path)
    opening[0] = False
    qtbot.waitUntil(lambda: bool(runs), timeout=30_000)
    assert runs == [(False, 150)]
    dock = find_dock(window.docks, FindingsDock)
    assert dock.findings == window.findings.findings != []
