"""The main window: document life cycle through the UI, unsaved prompts, title, shortcuts."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from orgdesigner.entities import LinkKind
from ui import edits, export_actions
from ui.main_window import MainWindow
from ui.settings import AppSettings
from tests.ui.editor_fixtures import center_of, click
from tests.ui.window_fixtures import forget_changes, private_data_dir, window  # noqa: F401

Btn = QMessageBox.StandardButton


@pytest.fixture
def prompts(monkeypatch):
    """Answer the unsaved-changes question with `prompts.answer`; record each question."""

    class Prompts:
        answer = Btn.Cancel
        asked: list[str] = []

    p = Prompts()
    p.asked = []

    def question(parent, title, text, *args, **kwargs):
        p.asked.append(text)
        return p.answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return p


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)),
    )
    return shown


def save_dialog_returns(monkeypatch, path: Path):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def build(window):
    ctx = window.ctx
    a = edits.add_department(ctx, 0, 0, name="总经理办公室")
    b = edits.add_department(ctx, 0, 200, parent=a, name="市场部")
    c = edits.add_department(ctx, 250, 200, parent=a, name="销售部")
    assert edits.connect(ctx, b, c, "link", LinkKind.COLLABORATION) is None
    return a, b, c


def test_starts_on_the_start_page_and_new_shows_the_canvas(window):
    assert not window.has_design
    assert window.windowTitle() == "Org Designer"
    assert not window.actions_.save.isEnabled()
    window.documents.new_design()
    assert window.has_design and window.stack.currentIndex() == 1
    assert "Untitled" in window.windowTitle() and not window.isWindowModified()


def test_title_marks_unsaved_changes_and_undo_names_the_command(window):
    window.documents.new_design()
    build(window)
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    assert window.actions_.undo.text() == "&Undo Draw link"
    assert window.status.file_state.text() == "Not saved yet"


def test_save_close_reopen_gives_the_identical_design(window, monkeypatch, prompts, tmp_path):
    window.documents.new_design()
    build(window)
    target = tmp_path / "方案.db"
    save_dialog_returns(monkeypatch, target)
    assert window.documents.save()
    assert target.exists() and not window.isWindowModified()
    assert window.windowTitle().startswith("方案.db")
    saved = window.ctx.design.snapshot()
    assert window.documents.close_design()
    assert prompts.asked == []  # nothing unsaved: no question
    assert not window.has_design
    assert window.documents.open_file(target)
    assert window.ctx.design.snapshot() == saved
    assert len(window.scene.boxes) == 3 and len(window.scene.links) == 1
    assert window.settings.recent_files()[0] == target.resolve()


def test_unsaved_prompt_on_close_open_and_quit(window, monkeypatch, prompts, tmp_path):
    window.documents.new_design()
    build(window)
    prompts.answer = Btn.Cancel
    assert not window.documents.close_design()
    assert window.has_design and len(window.ctx.design.departments) == 3
    assert not window.documents.new_design()
    assert len(window.ctx.design.departments) == 3
    window.close()
    assert window.isVisible()
    assert len(prompts.asked) == 3

    prompts.answer = Btn.Save
    target = tmp_path / "saved.db"
    save_dialog_returns(monkeypatch, target)
    assert window.documents.close_design()  # saved first, then closed
    assert target.exists()

    assert window.documents.open_file(target)
    edits.add_department(window.ctx, 500, 0)
    prompts.answer = Btn.Discard
    window.close()
    assert not window.isVisible()
    assert len(prompts.asked) == 5


def test_no_prompt_after_undoing_back_to_the_saved_state(window, monkeypatch, prompts, tmp_path):
    window.documents.new_design()
    build(window)
    save_dialog_returns(monkeypatch, tmp_path / "a.db")
    window.documents.save()
    edits.add_department(window.ctx, 600, 0)
    assert window.isWindowModified()
    window.ctx.undo_stack.undo()
    assert not window.isWindowModified()
    assert window.documents.close_design() and prompts.asked == []


def test_bad_file_shows_one_clear_sentence(window, warnings, tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("not a database")
    assert not window.documents.open_file(bad)
    assert not window.documents.open_file(tmp_path / "missing.db")
    assert len(warnings) == 2
    assert all("\n" not in w and "Traceback" not in w for w in warnings)
    assert "notes.db" in warnings[0] and "missing.db" in warnings[1]
    assert bad.read_text() == "not a database"


def test_delete_key_deletes_selection_with_undo(window, qtbot):
    window.documents.new_design()
    a, b, c = build(window)
    window.view.fit()
    qtbot.wait(10)
    click(window.view, center_of(window.scene, window.view, b))
    assert window.ctx.selection.departments == [b]
    window.activateWindow()
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert b not in window.ctx.design.departments and not window.ctx.design.links
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert b in window.ctx.design.departments and len(window.ctx.design.links) == 1


def test_copy_paste_and_duplicate_make_new_departments(window):
    window.documents.new_design()
    a, b, c = build(window)
    window.ctx.selection.set([b, c])
    window.copy()
    window.paste()
    assert len(window.ctx.design.departments) == 5 and len(window.ctx.design.links) == 2
    pasted = window.ctx.selection.departments
    assert len(pasted) == 2 and not {b, c} & set(pasted)
    assert all(window.ctx.design.departments[p].parent == a for p in pasted)
    window.duplicate()
    assert len(window.ctx.design.departments) == 7
    window.ctx.undo_stack.undo()
    window.ctx.undo_stack.undo()
    assert len(window.ctx.design.departments) == 3


def test_auto_layout_is_one_undo_step(window):
    window.documents.new_design()
    a, b, c = build(window)
    edits.move(window.ctx, {b: (900, 900), c: (-400, 50)})
    before = {d.id: (d.x, d.y) for d in window.ctx.design.departments.values()}
    count = window.ctx.undo_stack.count()
    window.auto_layout("top-down", False)
    after = {d.id: (d.x, d.y) for d in window.ctx.design.departments.values()}
    assert after != before and window.ctx.undo_stack.count() == count + 1
    assert after[b][1] == after[c][1] > after[a][1]
    window.ctx.undo_stack.undo()
    assert {d.id: (d.x, d.y) for d in window.ctx.design.departments.values()} == before


def test_window_state_and_recent_files_are_remembered(qtbot, tmp_path, monkeypatch, prompts):
    ini = str(tmp_path / "settings.ini")
    first = MainWindow(AppSettings(QSettings(ini, QSettings.Format.IniFormat)))
    qtbot.addWidget(first, before_close_func=forget_changes)
    first.show()
    first.documents.new_design()
    save_dialog_returns(monkeypatch, tmp_path / "r.db")
    first.documents.save()
    first.actions_.snap.setChecked(True)
    first.close()
    second = MainWindow(AppSettings(QSettings(ini, QSettings.Format.IniFormat)))
    qtbot.addWidget(second, before_close_func=forget_changes)
    assert second.settings.last_file() == (tmp_path / "r.db").resolve()
    assert second.settings.recent_files() == [(tmp_path / "r.db").resolve()]
    assert second.actions_.snap.isChecked() and second.scene.snap_to_grid
    second.show_start_page()
    assert second.start_page.recent.count() == 1


def test_toolbar_add_department_and_find(window):
    window.documents.new_design()
    window.actions_.add_department.trigger()
    assert len(window.ctx.design.departments) == 1 and window.scene.editing
    a, b, c = build(window)
    window.actions_.find_field.setText("销售")
    window.find_next("销售")
    assert window.ctx.selection.departments == [c]
    assert "Match 1 of 1" in window.status.currentMessage()


def test_selection_is_shared_both_ways(window):
    window.documents.new_design()
    a, b, c = build(window)
    window.ctx.selection.set([b], [next(iter(window.ctx.design.links))])
    assert window.scene.boxes[b].isSelected() and not window.scene.boxes[a].isSelected()
    assert all(item.isSelected() for item in window.scene.links.values())
    window.scene.boxes[a].setSelected(True)
    assert set(window.ctx.selection.departments) == {a, b}
    assert window.actions_.delete.isEnabled()
    window.ctx.selection.set([])
    assert not window.scene.selectedItems() and not window.actions_.delete.isEnabled()


def test_export_writes_the_chosen_format(window, monkeypatch, tmp_path):
    window.documents.new_design()
    build(window)
    target = tmp_path / "chart.json"
    save_dialog_returns(monkeypatch, target)
    assert export_actions.export_dialog(window, None)
    assert "总经理办公室" in target.read_text(encoding="utf-8")
    assert window.isWindowModified()  # exporting is not saving


def test_align_and_distribute_are_single_undo_steps(window):
    window.documents.new_design()
    a, b, c = build(window)
    d = edits.add_department(window.ctx, 900, 333, name="客服部")
    design = window.ctx.design
    window.ctx.selection.set([b, c, d])
    count = window.ctx.undo_stack.count()
    window.align("top")
    assert {design.departments[i].y for i in (b, c, d)} == {200}
    window.distribute("x")
    xs = sorted(design.departments[i].x for i in (b, c, d))
    assert xs == [0, 450, 900]
    assert window.ctx.undo_stack.count() == count + 2
    window.ctx.undo_stack.undo()
    window.ctx.undo_stack.undo()
    assert design.departments[d].y == 333 and design.departments[c].x == 250


def test_keys_typed_while_renaming_edit_the_name_not_the_chart(window):
    window.documents.new_design()
    a, b, c = build(window)
    window.ctx.selection.set([b])
    window.activateWindow()
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_F2)
    assert window.scene.editing
    for key in (Qt.Key.Key_End, Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Left):
        QTest.keyClick(window.view.viewport(), key)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(window.view.viewport(), "Marketing")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert b in window.ctx.design.departments and len(window.ctx.design.departments) == 3
    assert window.ctx.design.departments[b].name == "Marketing"
