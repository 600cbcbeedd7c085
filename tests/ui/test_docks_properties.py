"""Properties dock: typed edits change the model as one undo step each; undo reverts widgets too."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from orgdesigner.entities import DeptKind
from orgdesigner.ops import UpdateDepartment

from .dock_fixtures import make_editor, type_into, type_text


def test_rename_is_one_undo_step_and_undo_reverts_model_and_widget(qtbot):
    ed = make_editor(qtbot)
    ed.ctx.selection.set(["mkt"])
    assert ed.properties.name_edit.text() == "市场部"
    type_into(ed.properties.name_edit, "市场营销中心")
    assert ed.ctx.design.departments["mkt"].name == "市场营销中心"
    assert ed.ctx.undo_stack.count() == 1
    assert ed.ctx.undo_stack.undoText() == "Rename department"
    ed.ctx.undo_stack.undo()
    assert ed.ctx.design.departments["mkt"].name == "市场部"
    assert ed.properties.name_edit.text() == "市场部"
    ed.ctx.undo_stack.redo()
    assert ed.properties.name_edit.text() == "市场营销中心"


def test_leader_colour_and_notes_are_committed_by_the_user(qtbot):
    ed = make_editor(qtbot)
    ed.ctx.selection.set(["sales"])
    type_into(ed.properties.leader_edit, "赵六")
    type_into(ed.properties.color_edit, "#FF8800")
    ed.properties.notes_edit.setFocus()
    type_text(ed.properties.notes_edit, "负责渠道")
    ed.properties.leader_edit.setFocus()  # leaving the notes box commits them
    sales = ed.ctx.design.departments["sales"]
    assert (sales.leader, sales.color, sales.notes) == ("赵六", "#ff8800", "负责渠道")
    assert ed.ctx.undo_stack.count() == 3
    for _ in range(3):
        ed.ctx.undo_stack.undo()
    assert (sales.leader, sales.color, sales.notes) == ("", "#4472c4", "")
    assert ed.properties.leader_edit.text() == "" and ed.properties.notes_edit.toPlainText() == ""


def test_bad_colour_is_refused_with_a_reason_and_no_undo_step(qtbot):
    ed = make_editor(qtbot)
    ed.ctx.selection.set(["sales"])
    type_into(ed.properties.color_edit, "#12")
    assert ed.ctx.undo_stack.count() == 0
    assert "#rrggbb" in ed.properties.message.text()


def test_several_departments_share_one_edit_and_one_undo_step(qtbot):
    ed = make_editor(qtbot)
    ed.ctx.selection.set(["brand", "digital"])
    assert not ed.properties.name_edit.isEnabled()
    assert ed.properties.headcount_spin.text() == "(several values)"  # 4 and 5
    type_into(ed.properties.headcount_spin, "7")
    deps = ed.ctx.design.departments
    assert deps["brand"].headcount == deps["digital"].headcount == 7
    assert ed.ctx.undo_stack.count() == 1
    ed.properties.kind_combo.setFocus()
    index = ed.properties.kind_combo.findData(DeptKind.COMMITTEE.value)
    ed.properties.kind_combo.setCurrentIndex(index - 1)
    QTest.keyClick(ed.properties.kind_combo, Qt.Key_Down)  # the user picks "Committee"
    assert deps["brand"].kind is deps["digital"].kind is DeptKind.COMMITTEE
    assert ed.ctx.undo_stack.count() == 2
    ed.ctx.undo_stack.undo()
    ed.ctx.undo_stack.undo()
    assert (deps["brand"].headcount, deps["digital"].headcount) == (4, 5)
    assert deps["brand"].kind is DeptKind.TEAM
    qtbot.waitUntil(
        lambda: ed.properties.headcount_spin.text() == "(several values)"
    )  # after the burst


def test_a_change_from_elsewhere_refreshes_without_echoing_an_edit(qtbot):
    ed = make_editor(qtbot)
    ed.ctx.selection.set(["mkt"])
    ed.ctx.apply(UpdateDepartment("mkt", {"leader": "新经理", "budget": 77.0}))
    assert ed.properties.leader_edit.text() == "新经理"
    assert ed.properties.budget_spin.value() == 77.0
    assert ed.ctx.undo_stack.count() == 1  # the refresh committed nothing


def test_a_selected_link_is_edited_and_a_duplicate_is_refused(qtbot):
    from orgdesigner.entities import Link, LinkKind
    from orgdesigner.ops import AddLink

    ed = make_editor(qtbot)
    ed.ctx.apply(AddLink(Link(id="l1", source="mkt", target="sales", label="月度例会")))
    ed.ctx.apply(AddLink(Link(id="l2", source="mkt", target="sales", kind=LinkKind.DOTTED)))
    ed.ctx.selection.set([], ["l1"])
    editor = ed.properties.link_editor
    assert editor.isVisible() and not ed.properties.department_form.isVisible()
    assert editor.label_edit.text() == "月度例会" and "市场部" in editor.ends.text()
    type_into(editor.label_edit, "周会")
    assert ed.ctx.design.links["l1"].label == "周会"
    index = editor.kind_combo.findData(LinkKind.DOTTED.value)
    editor.kind_combo.setFocus()
    editor.kind_combo.setCurrentIndex(
        index - 1
    )  # no commit: only `activated` (a user pick) commits
    QTest.keyClick(
        editor.kind_combo, Qt.Key_Down
    )  # the user picks "Dotted line": l2 is that already
    assert ed.ctx.design.links["l1"].kind is LinkKind.COLLABORATION
    assert "already have a dotted link" in ed.properties.message.text()  # the model's reason
    assert ed.ctx.undo_stack.count() == 3
    ed.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: editor.label_edit.text() == "月度例会")
    ed.ctx.selection.set(["mkt"])
    assert ed.properties.department_form.isVisible() and not editor.isVisible()


def test_a_single_department_with_zero_budget_shows_zero_not_several_values(qtbot):
    ed = make_editor(qtbot)
    dept = next(d for d in ed.ctx.design.departments.values() if d.budget == 0)
    ed.ctx.selection.set([dept.id])
    assert float(ed.properties.budget_spin.cleanText()) == 0
    assert "several" not in ed.properties.budget_spin.text()
