"""First hour, item 4: findings read in the panel, the badge says what it counts,
and the panel and the status bar count alike."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from orgdesigner.entities import Department, Function
from ui import document_io
from ui.docks import FindingsDock, find_dock

from .dock_fixtures import small_design
from .editor_fixtures import hover
from .window_fixtures import private_data_dir, window  # noqa: F401 - fixtures


def open_with_findings(window, qtbot):
    design = small_design()
    design.add_function(
        Function(
            id="f-long",
            name="营销技术栈（客户数据平台、内容管理系统、营销自动化、"
            "数据分析与归因）的选型、集成与日常运营",
        )
    )
    design.add_department(Department(id="lonely", name="孤立的研究小组", x=900, y=0))
    window.resize(1366, 768)
    assert window.documents.replace(lambda: (document_io.from_design(design), True))
    dock = find_dock(window.docks, FindingsDock)
    dock.raise_()
    window.findings.refresh_now()
    qtbot.waitUntil(lambda: len(dock.items()) >= 3, timeout=5000)
    return dock


def test_long_messages_wrap_in_the_panel(window, qtbot):
    dock = open_with_findings(window, qtbot)
    dock.setFloating(True)  # a user who keeps the panel narrow beside the chart
    dock.resize(340, 500)
    qtbot.waitUntil(lambda: dock.tree.viewport().width() < 360)
    tree = dock.tree
    line = tree.fontMetrics().lineSpacing()
    longest = max(dock.items(), key=lambda i: tree.fontMetrics().horizontalAdvance(i.data()))
    assert tree.fontMetrics().horizontalAdvance(longest.data()) > tree.columnWidth(0)
    rect = tree.visualRect(longest)
    assert rect.height() >= 2 * line - 2  # two lines or more, not one elided line
    assert tree.columnWidth(0) + tree.columnWidth(1) <= tree.viewport().width() + 1
    # the message keeps most of a narrow panel, whatever the length of the rule's title
    assert tree.columnWidth(0) >= 0.6 * tree.viewport().width()
    line_width = tree.columnWidth(0) - tree.indentation()
    assert line_width >= 8 * tree.fontMetrics().horizontalAdvance("营")


def test_the_badge_tooltip_says_what_it_counts(window, qtbot):
    open_with_findings(window, qtbot)
    view, scene = window.view, window.scene
    item = scene.boxes["lonely"]
    qtbot.waitUntil(lambda: item.badge is not None, timeout=5000)
    view.centerOn(item)
    center = view.mapFromScene(item.mapToScene(item.badge_center()))
    hover(view.viewport(), center + QPoint(0, 60))
    hover(view.viewport(), center)
    count = item.badge[0]
    assert item.toolTip().startswith(f"{count} finding")
    assert "Findings panel" in item.toolTip()


def test_panel_and_status_bar_count_alike(window, qtbot):
    dock = open_with_findings(window, qtbot)
    summary = dock.summary()
    assert summary and "(s)" not in summary
    assert window.status.findings.text().endswith(summary)
