"""Opening a big design through File > Open shows progress with Cancel; Cancel changes nothing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from benchmarks.generator import generate
from orgdesigner import storage
from orgdesigner.lockfile import lock_path
from orgdesigner.workingcopy import sessions_dir
from ui.open_progress import OpenProgress, stage_text

from .window_fixtures import private_data_dir, window  # noqa: F401

SIZE = 8_000


@pytest.fixture(scope="module")
def big_design(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "集团.db"
    storage.save(generate(SIZE, seed=3, functions=12), path)
    return path


@pytest.fixture
def show_at_once(monkeypatch):
    monkeypatch.setattr(OpenProgress, "SHOW_AFTER", 0.0)


def _file_open(qtbot, window, path: Path, monkeypatch) -> bool:
    """File > Open (the menu action), the file chosen in the file dialog."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    opened: list[bool] = []
    window.actions_.open.triggered.connect(lambda *_: opened.append(True))
    window.actions_.open.trigger()
    assert opened
    return window.doc is not None and window.doc.path == path


def _press_cancel_in(stage: str, seen: list[str]) -> QTimer:
    """Press the progress dialog's Cancel button once it says it is in `stage`."""
    timer = QTimer()

    def look() -> None:
        dialog = next((w for w in _dialogs() if w.isVisible()), None)
        if dialog is None:
            return
        seen.append(dialog.labelText())
        if dialog.labelText() == stage_text(stage):
            button = dialog.findChild(QPushButton)
            timer.stop()
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    timer.timeout.connect(look)
    timer.start(5)
    return timer


def _dialogs() -> list[QProgressDialog]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)] + [
        d for w in QApplication.topLevelWidgets() for d in w.findChildren(QProgressDialog)
    ]


@pytest.mark.parametrize("stage", ["departments", "chart"])
def test_cancel_keeps_the_previous_design_and_leaves_nothing_behind(
    qtbot, window, big_design, tmp_path, monkeypatch, show_at_once, stage
):
    assert window.documents.new_from_template("startup")
    assert window.documents.save_to(tmp_path / "小公司.db")  # saved: no unsaved-changes question
    before_name = window.ctx.design.name
    before_ids = set(window.ctx.design.departments)
    before_boxes = set(window.scene.boxes)
    before_doc = window.doc
    file_bytes = big_design.read_bytes()
    seen: list[str] = []
    timer = _press_cancel_in(stage, seen)
    started = time.monotonic()
    assert not _file_open(qtbot, window, big_design, monkeypatch)
    timer.stop()
    assert time.monotonic() - started < 120  # a hang guard, not a benchmark
    assert stage_text(stage) in seen  # the user saw what was happening
    assert window.doc is before_doc and window.ctx.design.name == before_name
    assert set(window.ctx.design.departments) == before_ids
    assert set(window.scene.boxes) == before_boxes  # the old chart is shown again
    assert window.windowTitle().startswith("小公司.db")
    assert not lock_path(big_design).exists()
    sessions = [p for p in sessions_dir().iterdir()] if sessions_dir().exists() else []
    assert len(sessions) == 1  # the small design's working copy only: the cancelled one is gone
    assert big_design.read_bytes() == file_bytes
    assert not any(d.isVisible() for d in _dialogs())
    assert window.documents.open_file(big_design)  # nothing left that blocks a real open


def test_an_open_that_is_not_cancelled_shows_the_design(
    qtbot, window, big_design, monkeypatch, show_at_once
):
    seen: list[str] = []
    timer = QTimer()
    timer.timeout.connect(lambda: seen.extend(d.labelText() for d in _dialogs() if d.isVisible()))
    timer.start(5)
    assert _file_open(qtbot, window, big_design, monkeypatch)
    timer.stop()
    assert {stage_text("departments"), stage_text("chart")} <= set(seen)
    assert len(window.scene.geometry) == SIZE  # every box placed (items only near the view)
    assert len(window.ctx.design.departments) == SIZE
    assert window.windowTitle().startswith(big_design.name)
    assert lock_path(big_design).exists()
    assert not any(d.isVisible() for d in _dialogs())
    started = time.monotonic()
    assert window.documents.close_design()
    assert time.monotonic() - started < 60  # closing a big design does not hang
    assert not lock_path(big_design).exists()


def test_the_bar_is_set_only_when_the_dialog_repaints(qtbot, monkeypatch):
    """A window-modal QProgressDialog processes events in every setValue: setting it at each
    of the hundreds of reports of a big open repainted the dialog at each one."""
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    sets: list[int] = []
    real = QProgressDialog.setValue
    monkeypatch.setattr(
        QProgressDialog, "setValue", lambda self, v: (sets.append(v), real(self, v))
    )
    monkeypatch.setattr(OpenProgress, "SHOW_AFTER", 0.0)
    monkeypatch.setattr(OpenProgress, "EVENTS_EVERY", 3600.0)  # no repaint due within the test
    with OpenProgress(parent, "x.db") as progress:
        for done in range(1, 1001):
            progress("departments", done, 1000)
        progress("working_copy", 0, 1)
        assert progress.dialog is not None and progress.dialog.isVisible()
    assert len(sets) <= 3, sets  # shown, and each change of stage: not 1,000 times
