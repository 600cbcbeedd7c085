"""SIGTERM (logout, `kill`) ends the editor like a crash it expects: no lock left behind,
the unsaved edit kept for recovery."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from orgdesigner import recovery, storage
from orgdesigner.document import DesignDocument
from orgdesigner.lockfile import lock_path
from tests.ui.editor_fixtures import sample_design

ROOT = Path(__file__).resolve().parents[2]

EDITOR = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from orgdesigner.ops import UpdateDepartment
    from ui.app import handle_termination
    from ui.main_window import MainWindow

    app = QApplication([])
    handle_termination(app)
    window = MainWindow()
    window.show()
    assert window.documents.open_file(Path(sys.argv[1]))
    assert window.ctx.apply(UpdateDepartment("mkt", {"name": "终止前的修改"})) is None
    QTimer.singleShot(0, lambda: print("ready", flush=True))
    app.exec()
""")


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_sigterm_removes_the_lock_and_keeps_the_work(tmp_path, monkeypatch):
    monkeypatch.setenv("ORGDESIGNER_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "share" / "design.db"
    path.parent.mkdir()
    storage.save(sample_design(), path)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(path)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        assert line.strip() == "ready", proc.stderr.read()
        assert lock_path(path).exists()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 128 + signal.SIGTERM
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    assert not lock_path(path).exists()  # colleagues can open it at once
    (item,) = recovery.find_recoverable()
    doc = DesignDocument.recover(item, heartbeat=False)
    try:
        assert doc.state.editable and doc.design.departments["mkt"].name == "终止前的修改"
    finally:
        doc.close()
