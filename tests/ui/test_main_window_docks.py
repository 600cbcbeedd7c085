"""The main window with its docks: one selection, one undo stack, findings badges and focus."""

import pytest
from PySide6.QtWidgets import QGraphicsItem

from orgdesigner.document import DesignDocument
from orgdesigner import storage
from ui.docks import FindingsDock, OutlineDock, PropertiesDock
from tests.ui.editor_fixtures import center_of, click, sample_design
from tests.ui.window_fixtures import new_window, private_data_dir  # noqa: F401


@pytest.fixture
def window(qtbot, tmp_path):
    """The window with the sample design open, its boxes in view."""
    w = new_window(qtbot, tmp_path)
    path = tmp_path / "design.db"
    storage.save(sample_design(), path)
    assert w.documents.open_file(path)
    w.view.resetTransform()
    w.view.centerOn(290, 250)
    return w


def dock(window, kind):
    return next(d for d in window.docks if isinstance(d, kind))


def test_docks_follow_the_open_design(window):
    assert len(window.docks) == 6  # properties, functions, findings, outline, KPIs, changes
    for d in window.docks:
        assert d.ctx is window.ctx and d.isEnabled()
    assert window.documents.close_design()
    assert all(not d.isEnabled() for d in window.docks)


def test_properties_edit_updates_model_and_box_and_undo_reverts_both(window):
    click(window.view, center_of(window.scene, window.view, "sales"))
    props = dock(window, PropertiesDock)
    assert props.name_edit.text() == "销售部"
    props.name_edit.setText("渠道销售部")
    props.name_edit.editingFinished.emit()
    assert window.ctx.design.departments["sales"].name == "渠道销售部"
    assert window.scene.boxes["sales"].name_lines == ["渠道销售部"]
    assert window.actions_.undo.text().startswith("&Undo")
    window.actions_.undo.trigger()
    assert window.ctx.design.departments["sales"].name == "销售部"
    assert window.scene.boxes["sales"].name_lines == ["销售部"]
    assert props.name_edit.text() == "销售部"


def test_clicking_a_finding_selects_and_centres_its_department(window, qtbot):
    window.findings.refresh_now()
    findings = dock(window, FindingsDock)
    target = next(f for f in window.findings.findings if "sales" in f.objects)
    assert window.scene.boxes["sales"].badge is not None
    findings.focus_finding(target)
    assert window.scene.boxes["sales"].isSelected()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.boxes["sales"].scene_rect().center())


def test_outline_and_canvas_share_the_selection(window):
    outline = dock(window, OutlineDock)
    click(window.view, center_of(window.scene, window.view, "brand"))
    assert window.ctx.selection.departments == ["brand"]
    window.ctx.selection.set(["mkt"])
    assert window.scene.boxes["mkt"].isSelected() and not window.scene.boxes["brand"].isSelected()
    assert outline.ctx is window.ctx


def test_read_only_design_makes_canvas_and_docks_read_only(window, monkeypatch, tmp_path):
    path = tmp_path / "locked.db"
    storage.save(sample_design(), path)
    other = DesignDocument.open(path, heartbeat=False)
    monkeypatch.setattr(window.documents, "ask_locked", lambda exc: "read_only")
    try:
        assert window.documents.open_file(path)
        assert all(d.read_only for d in window.docks if hasattr(d, "read_only"))
        assert not window.scene.boxes["mkt"].flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    finally:
        other.close()
