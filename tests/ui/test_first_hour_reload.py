"""First hour, item 8: a design open read-only follows a colleague's saves; File > Reload."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgdesigner import lockfile, storage
from orgdesigner.document import DesignDocument

from .editor_fixtures import sample_design
from .window_fixtures import private_data_dir, window  # noqa: F401 - fixtures


@pytest.fixture
def colleague(tmp_path):
    """Wang Li has design.db open for editing in her copy of the program."""
    path = tmp_path / "share" / "design.db"
    path.parent.mkdir()
    storage.save(sample_design(), path)
    doc = DesignDocument.open(path, heartbeat=False, user="王丽")
    yield doc
    doc.close()


def colleague_saves(doc: DesignDocument, name: str) -> None:
    doc.design.update_department("mkt", name=name)
    doc.save()


def open_read_only(window, path: Path, monkeypatch) -> None:
    monkeypatch.setattr(window.documents, "ask_locked", lambda exc: "read_only")
    assert window.documents.open_file(path)
    assert window.read_only


def test_a_colleagues_save_shows_up_by_itself(window, colleague, qtbot, monkeypatch):
    open_read_only(window, colleague.path, monkeypatch)
    assert window.ctx.design.departments["mkt"].name == "市场部"
    colleague_saves(colleague, "市场与品牌部")
    qtbot.waitUntil(
        lambda: window.ctx.design.departments["mkt"].name == "市场与品牌部", timeout=10_000
    )
    assert window.read_only  # still looking, not editing
    assert window.scene.boxes["mkt"].name_lines == ["市场与品牌部"]
    assert (
        f"saved by {lockfile.user_display_name()}" in window.status.currentMessage()
    )  # (one process here)
    colleague_saves(colleague, "市场中心")  # and again
    qtbot.waitUntil(lambda: window.ctx.design.departments["mkt"].name == "市场中心", timeout=10_000)


def test_unsaved_local_work_is_not_thrown_away_reload_is_offered(
    window, colleague, qtbot, monkeypatch
):
    open_read_only(window, colleague.path, monkeypatch)
    window.documents.unsaved_content = True  # something here would be lost
    colleague_saves(colleague, "市场与品牌部")
    qtbot.waitUntil(lambda: window.reloader.newer_on_disk, timeout=10_000)
    assert window.ctx.design.departments["mkt"].name == "市场部"
    assert window.banner.isVisible() and "Reload" in window.banner.text()
    window.documents.unsaved_content = False
    window.banner.linkActivated.emit("reload")  # the banner's Reload link
    assert window.ctx.design.departments["mkt"].name == "市场与品牌部"


def test_file_reload_reads_the_file_again(window, colleague, qtbot, monkeypatch):
    open_read_only(window, colleague.path, monkeypatch)
    window.reloader.watcher.blockSignals(True)  # only the menu, no automatic check
    window._doc_timer.stop()
    colleague_saves(colleague, "营销中心")
    file_menu = window.menuBar().actions()[0].menu()
    assert window.actions_.reload in file_menu.actions() and window.actions_.reload.isEnabled()
    window.actions_.reload.trigger()
    assert window.ctx.design.departments["mkt"].name == "营销中心"
    assert window.read_only and lockfile.read_lock(colleague.path).info.user == "王丽"
