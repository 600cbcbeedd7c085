"""The Findings panel with tens of thousands of findings: a lazy model, the same rows.

At 100,000 departments a validation finds about 55,000 problems; the panel
made one tree item each (over a second per run). Its model now answers only
for the rows on screen. Counted, not timed: how many finding rows were asked
for their text, against the number of findings.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from orgdesigner.findings import Finding, Severity
from ui.docks.findings_model import FINDING_ROLE, FindingsModel

from .dock_fixtures import make_editor
from .test_docks_findings import click_item

MANY = 20_000
DEPARTMENTS = ("top", "mkt", "brand", "digital", "sales")


def _many() -> list[Finding]:
    out = []
    for i in range(MANY):
        severity = (Severity.ERROR, Severity.WARNING, Severity.INFO)[i % 3]
        out.append(Finding("no-leader", severity, f"finding {i}", (DEPARTMENTS[i % 5],)))
    return out


def _showing_many(qtbot):
    """An editor whose Findings panel shows MANY findings; and those findings."""
    ed = make_editor(qtbot)
    findings = _many()
    ed.findings.service.validator = lambda design: findings
    ed.findings.refresh_now()
    return ed, findings


def test_many_findings_ask_only_for_the_rows_on_screen(qtbot, monkeypatch):
    asked: set[int] = set()
    real = FindingsModel.data

    def counting(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and self.finding(index) is not None:
            asked.add(id(self.finding(index)))
        return real(self, index, role)

    monkeypatch.setattr(FindingsModel, "data", counting)
    ed = make_editor(qtbot)
    findings = _many()
    ed.findings.service.validator = lambda design: findings
    ed.findings.refresh_now()
    qtbot.wait(50)  # the panel lays out and paints
    model = ed.findings.tree.model()
    assert model.finding_count() == MANY
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        f"{MANY // 3 + 1} errors",
        f"{MANY // 3 + 1} warnings",
        f"{MANY // 3} notes",
    ]
    assert 0 < len(asked) < 200, len(asked)  # the rows on screen, not 20,000


def test_a_finding_far_down_the_list_reveals_its_department_on_click(qtbot):
    ed, findings = _showing_many(qtbot)
    tree, model = ed.findings.tree, ed.findings.tree.model()
    errors = model.index(0, 0)
    assert [model.index(i, 0, errors).data() for i in range(2)] == ["finding 0", "finding 3"]
    bar = tree.verticalScrollBar()
    for _ in range(10_000):  # the user drags the scroll bar down, a page at a time
        if model.rowCount(errors) > 5_000:
            break
        bar.setValue(bar.value() + bar.pageStep())
    target = model.index(5_000, 0, errors)
    assert target.data() == f"finding {3 * 5_000}"  # in order, none skipped
    wanted = target.data(FINDING_ROLE)
    with qtbot.waitSignal(ed.findings.focus_requested) as focus:
        click_item(ed.findings.tree, target)
    assert ed.ctx.selection.departments == list(wanted.objects)
    assert focus.args[0] == list(wanted.objects)


def test_a_collapsed_group_stays_collapsed_after_the_next_run(qtbot):
    ed, findings = _showing_many(qtbot)
    tree, model = ed.findings.tree, ed.findings.tree.model()
    errors = model.index(0, 0)
    title = tree.visualRect(errors)
    arrow = QPoint(title.left() - tree.indentation() // 2, title.center().y())  # left of the title
    QTest.mouseClick(tree.viewport(), Qt.LeftButton, Qt.NoModifier, arrow)
    assert not tree.isExpanded(errors)
    ed.findings.service.validator = lambda design: findings[:-3]
    ed.findings.refresh_now()
    assert [tree.isExpanded(model.index(r, 0)) for r in range(model.rowCount())] == [
        False,
        True,
        True,
    ]
