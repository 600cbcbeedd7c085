"""First hour, item 9: file dialogs start where the user's files are; the export dialog
remembers its options per design and never proposes a file that exists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from .window_fixtures import private_data_dir, window  # noqa: F401 - fixtures


def capture_open_start(monkeypatch) -> list[str]:
    starts: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda parent, caption, start, *a: (starts.append(start), ("", ""))[1],
    )
    return starts


def test_open_and_save_as_start_in_the_design_folder_never_the_program_folder(
    window, tmp_path, monkeypatch
):
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.chdir(program)
    starts = capture_open_start(monkeypatch)
    window.actions_.open.trigger()
    assert starts and Path(starts[-1]).resolve() != program.resolve() and Path(starts[-1]).is_dir()
    assert window.documents.new_from_template("startup")
    folder = tmp_path / "人事部" / "方案"
    folder.mkdir(parents=True)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(folder / "组织.db"), "")
    )
    assert window.documents.save_as()
    window.actions_.open.trigger()
    assert Path(starts[-1]) == folder
    window.documents.close_design()
    window.actions_.open.trigger()  # no design open: the last folder used
    assert Path(starts[-1]) == folder


def run_export_dialog(qtbot, window, act) -> dict:
    """Open File > Export PDF..., let `act(dialog)` work in it, report what it showed."""
    seen: dict = {}

    def inside():
        dialog = QApplication.activeModalWidget()
        if dialog is None or not hasattr(dialog, "paper"):
            QTimer.singleShot(20, inside)
            return
        seen.update(
            paper=dialog.paper.currentData(),
            orientation=dialog.orientation.currentData(),
            fit=dialog.fit.currentData(),
            path=Path(dialog.path_edit.text()),
            sections={n for n, b in dialog.sections.items() if b.isChecked()},
        )
        act(dialog)

    QTimer.singleShot(0, inside)
    window.actions_.export_pdf.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    return seen


def test_the_export_dialog_reopens_with_the_last_settings_and_a_fresh_file_name(
    window, qtbot, tmp_path, monkeypatch
):
    assert window.documents.new_from_template("startup")
    folder = tmp_path / "proposals"
    folder.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(folder / "plan.db"), "")
    )
    assert window.documents.save_as()
    name = window.ctx.design.name

    def choose_and_export(dialog):
        dialog.paper.setCurrentIndex(dialog.paper.findData("A3"))
        dialog.orientation.setCurrentIndex(dialog.orientation.findData("landscape"))
        dialog.fit.setCurrentIndex(dialog.fit.findData("page"))
        QTest.mouseClick(dialog.sections["departments"], Qt.MouseButton.LeftButton)
        QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    first = run_export_dialog(qtbot, window, choose_and_export)
    assert first["path"] == folder / f"{name}.pdf"
    qtbot.waitUntil(lambda: (folder / f"{name}.pdf").exists(), timeout=20_000)
    second = run_export_dialog(
        qtbot, window, lambda d: d.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    )
    assert (second["paper"], second["orientation"], second["fit"]) == ("A3", "landscape", "page")
    assert "departments" not in second["sections"] and "chart" in second["sections"]
    assert second["path"] == folder / f"{name} (2).pdf"  # the first one is not overwritten
