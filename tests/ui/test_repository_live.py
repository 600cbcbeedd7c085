"""The editor on a repository design: File > Open from Repository, live edits both ways,
conflicts in the banner, a lost connection makes it read-only until it returns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest

from orgdesigner import ops
from orgdesigner.repository import RepoRef, push
from orgdesigner.repository.live import LiveSession
from tests.core.factories import sample_design
from tests.core.repository.tcp_proxy import proxied_url
from tests.ui.window_fixtures import private_data_dir, window  # noqa: F401

from ui.repository.open_dialog import URL_KEY, OpenRepositoryDialog


@pytest.fixture
def shared(repo_url):
    ref = RepoRef(repo_url, "总部")
    push(sample_design(), ref)
    return ref


def mkt_id(design):
    return next(d.id for d in design.departments.values() if d.name == "市场部")


def test_dialog_reports_errors_and_lists_designs(qtbot, tmp_path, shared):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = OpenRepositoryDialog(settings)
    qtbot.addWidget(dialog)
    dialog.url.setText("postgresql://nobody@127.0.0.1:1/org")
    QTest.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert "refused the connection" in dialog.message.text()
    assert "\n" not in dialog.message.text()
    assert dialog.designs.count() == 0
    dialog.url.setText(shared.url)
    QTest.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.designs.count() == 1 and "总部" in dialog.designs.item(0).text()
    assert dialog.chosen() == (shared.url, "总部")
    assert settings.value(URL_KEY) == shared.url
    again = OpenRepositoryDialog(settings)  # the address is remembered
    qtbot.addWidget(again)
    assert again.url.text() == shared.url


def test_live_edits_both_ways_and_conflicts(window, qtbot, shared):
    w = window
    assert w.documents.open_repository_design(shared.url, "总部")
    assert getattr(w.doc, "is_repository", False) and not w.read_only
    other = LiveSession.open(shared, user="李强")
    try:
        dept = mkt_id(w.ctx.design)
        assert w.ctx.apply(ops.UpdateDepartment(dept, {"leader": "窗口里改的"})) is None
        qtbot.waitUntil(
            lambda: (other.poll(0.05), other.design.departments[dept].leader)[1] == "窗口里改的",
            timeout=10_000,
        )
        # someone else's edit appears on the canvas by itself
        ops.UpdateDepartment(dept, {"name": "市场中心"}).apply(other.design)
        qtbot.waitUntil(
            lambda: "市场中心" in "".join(w.scene.boxes[dept].name_lines), timeout=10_000
        )
        w.doc._update_presence()
        assert "李强" in w.doc.presence.text()
        # a conflicting edit: the other changes it first; ours is refused and reported
        ops.UpdateDepartment(dept, {"notes": "李强的备注"}).apply(other.design)
        steps = w.ctx.undo_stack.count()
        reason = w.ctx.apply(ops.UpdateDepartment(dept, {"notes": "我的备注"}))
        assert reason is not None and "李强 changed it meanwhile" in reason and "\n" not in reason
        assert w.banner.isVisible() and w.banner.text() == reason
        assert w.ctx.design.departments[dept].notes == "李强的备注"  # shown as it now is
        assert w.ctx.undo_stack.count() == steps  # nothing to undo: nothing was stored
        # a deletion that conflicts partway (a link of it was changed): none of it is kept
        link = next(i for i, x in w.ctx.design.links.items() if dept in (x.source, x.target))
        ops.UpdateLink(link, {"label": "李强改的"}).apply(other.design)
        assert w.ctx.apply(ops.RemoveDepartment(dept)) is not None
        assert dept in w.ctx.design.departments and dept in w.scene.boxes
        assert w.ctx.design.links[link].label == "李强改的"
        assert w.ctx.undo_stack.count() == steps
        w.ctx.design.check_invariants()
        assert w.documents.save() is True and not w.is_modified()
    finally:
        other.close()


def test_save_as_writes_a_copy_and_stays_live(window, qtbot, shared, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from orgdesigner import storage

    w = window
    assert w.documents.open_repository_design(shared.url, "总部")
    target = tmp_path / "copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert w.documents.save_as()
    assert storage.load(tmp_path / "copy.db").name == sample_design().name
    assert getattr(w.doc, "is_repository", False) and w.doc.path is None


def test_lost_connection_read_only_then_edits_sent(window, qtbot, shared):
    w = window
    proxy, url = proxied_url(shared.url)
    other = LiveSession.open(shared, user="李强")
    try:
        assert w.documents.open_repository_design(url, "总部")
        dept = mkt_id(w.ctx.design)
        proxy.cut()
        assert w.ctx.apply(ops.UpdateDepartment(dept, {"leader": "断线时改的"})) is None
        assert w.read_only and w.scene.read_only
        assert (
            w.banner.isVisible()
            and "Read-only" in w.banner.text()
            and "1 unsent" in w.banner.text()
        )
        assert (
            w.documents.save() is False
        )  # an edit waits: closing the window must not drop it silently
        proxy.restore()
        w.doc.session._next_retry = 0
        qtbot.waitUntil(lambda: not w.read_only, timeout=15_000)
        assert not w.banner.isVisible()
        qtbot.waitUntil(
            lambda: (other.poll(0.05), other.design.departments[dept].leader)[1] == "断线时改的",
            timeout=10_000,
        )
    finally:
        other.close()
        proxy.close()


def test_switching_scenarios_of_a_repository_design(window, qtbot, repo_url):
    """The scenario combo lists the repository design's scenarios; choosing one edits that
    scenario live (a session of its own); copy/rename/delete stay off (not changed live)."""
    from orgdesigner.scenarios import ScenarioSet

    scenarios = ScenarioSet.single(sample_design())
    target = scenarios.copy(scenarios.names()[0], "目标")
    target.update_department(mkt_id(target), leader="目标负责人")
    ref = RepoRef(repo_url, "总部")
    push(scenarios, ref)
    w = window
    assert w.documents.open_repository_design(ref.url, "总部")
    ui = w.scenarios_ui
    combo = ui.bar.combo
    assert combo.isEnabled() and [combo.itemText(i) for i in range(combo.count())] == [
        "现状",
        "目标",
    ]
    assert not ui.bar.copy.isEnabled() and not ui.bar.delete.isEnabled()
    from tests.ui.test_scenarios_ui import _choose

    _choose(qtbot, combo, "目标")
    assert w.ctx.design.scenario.name == "目标" and combo.currentText() == "目标"
    dept = mkt_id(w.ctx.design)
    assert w.ctx.design.departments[dept].leader == "目标负责人"
    assert w.ctx.apply(ops.UpdateDepartment(dept, {"leader": "窗口里改的"})) is None
    other = LiveSession.open(RepoRef(ref.url, "总部", "目标"), user="李强")
    base = LiveSession.open(ref, user="王丽")
    try:
        assert other.design.departments[dept].leader == "窗口里改的"
        assert base.design.departments[dept].leader != "窗口里改的"
    finally:
        other.close()
        base.close()


def test_a_refused_undo_or_redo_leaves_the_stack_in_step(window, qtbot, shared):
    """Undo of an edit someone else changed since is refused: the design shows their
    state and that step leaves the stack (no undo/redo of it that would no longer fit);
    the steps before it still undo. A refused redo likewise."""
    w = window
    assert w.documents.open_repository_design(shared.url, "总部")
    other = LiveSession.open(shared, user="李强")
    try:
        dept = mkt_id(w.ctx.design)
        sales = next(d.id for d in w.ctx.design.departments.values() if d.name == "销售部 Sales")
        stack = w.ctx.undo_stack
        assert w.ctx.apply(ops.UpdateDepartment(sales, {"leader": "第一步"})) is None
        assert w.ctx.apply(ops.UpdateDepartment(dept, {"notes": "我的备注"})) is None
        other.poll(0)
        ops.UpdateDepartment(dept, {"notes": "李强的备注"}).apply(other.design)
        assert stack.count() == 2 and stack.index() == 2
        w.actions_.undo.trigger()  # Edit > Undo
        assert "李强 changed it meanwhile" in w.banner.text()
        assert w.ctx.design.departments[dept].notes == "李强的备注"
        assert stack.count() == 1 and stack.index() == 1 and not stack.canRedo()
        w.actions_.undo.trigger()  # the earlier step still undoes
        assert w.ctx.design.departments[sales].leader != "第一步"
        assert stack.index() == 0 and stack.canRedo()
        other.poll(0)
        ops.UpdateDepartment(sales, {"leader": "李强定的"}).apply(other.design)
        w.actions_.redo.trigger()  # refused: someone changed it since
        assert w.ctx.design.departments[sales].leader == "李强定的"
        assert stack.count() == 0 and not stack.canUndo() and not stack.canRedo()
        other.poll(0)
        assert other.design.departments[sales].leader == "李强定的"
        assert other.design.departments[dept].notes == "李强的备注"
    finally:
        other.close()
