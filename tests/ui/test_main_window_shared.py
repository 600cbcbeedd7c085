"""The window on shared design files: someone else's lock, a colleague's save, crash recovery."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QMessageBox

from orgdesigner import storage
from orgdesigner.document import DesignDocument
from ui import edits
from tests.ui.editor_fixtures import sample_design
from tests.ui.window_fixtures import private_data_dir, window  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def design_file(tmp_path) -> Path:
    path = tmp_path / "share" / "design.db"
    path.parent.mkdir()
    storage.save(sample_design(), path)
    return path


def test_file_locked_by_someone_opens_read_only_with_the_reason(window, design_file, monkeypatch):
    other = DesignDocument.open(design_file, heartbeat=False)
    asked = []
    monkeypatch.setattr(
        window.documents, "ask_locked", lambda exc: asked.append(str(exc)) or "read_only"
    )
    try:
        assert window.documents.open_file(design_file)
        assert asked and "Wang Li" in asked[0]
        assert window.read_only and "(read-only)" in window.windowTitle()
        assert window.banner.isVisible() and "Wang Li" in window.banner.text()
        assert not window.actions_.delete.isEnabled()
        assert not window.scene.boxes["mkt"].flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        # Save on a read-only design is a Save As to another file.
        copy = design_file.with_name("mine.db")
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(copy), ""))
        )
        before = design_file.read_bytes()
        assert window.documents.save()
        assert copy.exists() and design_file.read_bytes() == before
        assert not window.read_only and not window.banner.isVisible()
    finally:
        other.close()


def test_cancel_on_a_locked_file_keeps_what_was_open(window, design_file, monkeypatch):
    other = DesignDocument.open(design_file, heartbeat=False)
    monkeypatch.setattr(window.documents, "ask_locked", lambda exc: "cancel")
    try:
        assert not window.documents.open_file(design_file)
        assert not window.has_design
    finally:
        other.close()


def test_colleague_saved_meanwhile_asks_before_overwriting(window, design_file, monkeypatch):
    assert window.documents.open_file(design_file)
    colleague = storage.load(design_file)
    colleague.update_department("sales", name="同事改的销售部")
    storage.save(colleague, design_file)
    edits.rename(window.ctx, "mkt", "我改的市场部")
    choices = iter(["cancel", "overwrite"])
    asked = []
    monkeypatch.setattr(
        window.documents, "ask_changed", lambda exc: asked.append(str(exc)) or next(choices)
    )
    assert not window.documents.save()
    assert storage.load(design_file).departments["sales"].name == "同事改的销售部"
    assert window.isWindowModified()
    assert window.documents.save()
    assert len(asked) == 2 and "changed" in asked[0]
    assert storage.load(design_file).departments["mkt"].name == "我改的市场部"
    assert not window.isWindowModified()


CRASHER = textwrap.dedent("""
    import sys, time
    from orgdesigner import ops
    from orgdesigner.document import DesignDocument
    doc = DesignDocument.open(sys.argv[1])
    ops.UpdateDepartment("sales", {"name": "崩溃前改的名字"}).apply(doc.design)
    print("ready", flush=True)
    time.sleep(120)
""")


def test_recovery_offered_at_start_brings_back_unsaved_work(window, design_file, monkeypatch):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASHER, str(design_file)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    offered = []
    monkeypatch.setattr(
        window.documents, "ask_recover", lambda message: offered.append(message) or "recover"
    )
    assert window.documents.offer_recovery()
    assert offered and "design.db" in offered[0]
    assert window.ctx.design.departments["sales"].name == "崩溃前改的名字"
    assert window.scene.boxes["sales"].name_lines == ["崩溃前改的名字"]
    assert window.isWindowModified() and window.banner.isVisible()
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save)
    )
    assert window.documents.close_design()  # saving the recovered work on the way out
    assert storage.load(design_file).departments["sales"].name == "崩溃前改的名字"
