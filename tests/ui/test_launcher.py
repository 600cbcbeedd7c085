"""The GUI's command line and its desktop integration, run as a user would (subprocesses)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesigner import __version__
from ui import desktop_integration

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path, **extra: str) -> dict:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
        ORGDESIGNER_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    env.update(extra)
    return env


def _run(args: list, tmp_path: Path, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=tmp_path,
        env=_env(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("launcher", [["-m", "ui"], [ROOT / "main.py"]])
def test_version(launcher, tmp_path):
    result = _run([*launcher, "--version"], tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"Org Designer {__version__}"


def test_check_startup_opens_a_template(tmp_path):
    result = _run(["-m", "ui", "--check-startup", "--template", "mid_large"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ") and "12 departments" in result.stdout


def test_check_startup_reports_a_missing_file_in_one_line(tmp_path):
    result = _run(["-m", "ui", "--check-startup", tmp_path / "gone.db"], tmp_path)
    assert result.returncode == 2
    assert "failed: gone.db: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def _design(tmp_path: Path) -> Path:
    path = tmp_path / "plan.db"
    made = _run(["-m", "orgdesigner", "new", "-o", path, "--template", "startup"], tmp_path)
    assert made.returncode == 0, made.stderr
    return path


def test_install_and_uninstall_desktop_per_user(tmp_path):
    home = tmp_path / "share"
    result = _run(["-m", "ui", "--install-desktop"], tmp_path, XDG_DATA_HOME=str(home))
    assert result.returncode == 0, result.stderr
    entry = (home / "applications" / "orgdesigner.desktop").read_text(encoding="utf-8")
    assert "MimeType=application/x-orgdesigner;" in entry
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith(" %f")
    assert f"{ROOT / 'main.py'}" in exec_line  # this checkout's own launcher
    assert (home / "icons/hicolor/scalable/apps/orgdesigner.svg").is_file()
    assert (home / "icons/hicolor/48x48/apps/orgdesigner.png").is_file()
    assert (home / "mime/packages/orgdesigner.xml").is_file()

    result = _run(["-m", "ui", "--uninstall-desktop"], tmp_path, XDG_DATA_HOME=str(home))
    assert result.returncode == 0, result.stderr
    assert not any(path.is_file() for path in desktop_integration.installed_files(home))


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="needs shared-mime-info")
def test_mime_type_claims_our_designs_only(tmp_path):
    """After --install-desktop the desktop (here Qt's MIME database) knows our files by content."""
    home = tmp_path / "share"
    assert (
        _run(["-m", "ui", "--install-desktop"], tmp_path, XDG_DATA_HOME=str(home)).returncode == 0
    )
    ours = _design(tmp_path)
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as con:
        con.execute("create table t (x)")
    probe = (
        "import sys; from PySide6.QtCore import QMimeDatabase; db = QMimeDatabase(); "
        "print(*[db.mimeTypeForFile(p).name() for p in sys.argv[1:]])"
    )
    result = _run(["-c", probe, ours, foreign], tmp_path, XDG_DATA_HOME=str(home))
    assert result.stdout.split() == ["application/x-orgdesigner", "application/vnd.sqlite3"]


def test_icons_exist_in_every_size():
    from PySide6.QtGui import QImage

    folder = ROOT / "resources" / "icons"
    for size in desktop_integration.PNG_SIZES:
        image = QImage(str(folder / f"orgdesigner-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    assert (folder / "orgdesigner.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_settings_file_takes_over_earlier_native_settings(tmp_path, qapp):
    from PySide6.QtCore import QSettings

    from ui.settings import AppSettings, default_settings

    old = QSettings("OrgDesigner", "Org Designer")
    before = old.value("files/last")
    old.setValue("files/last", str(tmp_path / "earlier.db"))
    old.sync()
    try:
        path = tmp_path / "config" / "settings.ini"
        settings = AppSettings(default_settings(path))
        assert settings.last_file() == tmp_path / "earlier.db"
        settings.set_last_file(tmp_path / "new.db")
        settings.sync()
        assert path.is_file()
        assert AppSettings(default_settings(path)).last_file() == tmp_path / "new.db"
    finally:
        if before is None:
            old.remove("files/last")
        else:
            old.setValue("files/last", before)
        old.sync()


def test_canvas_and_panels_name_kinds_without_reportlab(tmp_path):
    """The shared kind words are plain data: the canvas does not pull in the PDF renderer."""
    probe = (
        "import sys, ui.canvas.style as s, ui.docks.properties, ui.docks.link_properties; "
        "from orgdesigner.entities import DeptKind; "
        "print(s.chart_kind_label(DeptKind.TEAM, 'zh'), 'reportlab' in sys.modules)"
    )
    result = _run(["-c", probe], tmp_path)
    assert result.stdout.split() == ["小组", "False"], result.stderr
