"""Findings dock: live (debounced) validation, grouped by severity; clicking selects and focuses."""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from orgdesigner.findings import Finding, Severity
from orgdesigner.ops import UpdateDepartment

from .dock_fixtures import make_editor

FINDING_ROLE = Qt.UserRole + 1


def click_item(tree, index) -> None:
    """A real click on the row of `index` (scrolled into view first)."""
    tree.scrollTo(index)
    QTest.mouseClick(tree.viewport(), Qt.LeftButton, Qt.NoModifier, tree.visualRect(index).center())


def test_clicking_a_finding_selects_its_department_and_asks_the_canvas_to_centre_it(qtbot):
    ed = make_editor(qtbot)
    design = ed.ctx.design
    item = next(
        i
        for i in ed.findings.items()
        if any(o in design.departments for o in i.data(FINDING_ROLE).objects)
    )
    wanted = [o for o in item.data(FINDING_ROLE).objects if o in design.departments]
    with qtbot.waitSignal(ed.findings.focus_requested) as focus:
        click_item(ed.findings.tree, item)
    assert ed.ctx.selection.departments == wanted
    assert focus.args[0][: len(wanted)] == wanted
    # the other docks follow the shared selection
    assert ed.outline.tree.selectedItems()[0].text(0) == design.departments[wanted[0]].name


def test_clicking_an_ownerless_function_shows_it_in_the_functions_dock(qtbot):
    ed = make_editor(qtbot)
    item = next(
        i
        for i in ed.findings.items()
        if i.siblingAtColumn(1).data(Qt.ToolTipRole) == "ownerless-function"
    )
    click_item(ed.findings.tree, item)
    rows = {
        ed.functions.model.function_at(ed.functions.proxy.mapToSource(i).row())
        for i in ed.functions.table.selectionModel().selectedIndexes()
    }
    assert rows == {"f-cs"}


def test_groups_by_severity_and_reports_the_count(qtbot):
    ed = make_editor(qtbot)
    fixed = [
        Finding("a", Severity.WARNING, "w1", ()),
        Finding("b", Severity.ERROR, "e1", ()),
        Finding("c", Severity.ERROR, "e2", ()),
    ]
    ed.findings.service.validator = lambda design: fixed
    with qtbot.waitSignal(ed.findings.count_changed) as counted:
        ed.findings.refresh_now()
    assert counted.args == [3]
    model = ed.findings.tree.model()
    groups = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert groups == ["2 errors", "1 warning"]
    errors = model.index(0, 0)
    assert [model.index(i, 0, errors).data() for i in range(model.rowCount(errors))] == ["e1", "e2"]
    assert ed.findings.summary() == "2 errors, 1 warning"


def test_a_burst_of_edits_validates_once_after_the_debounce(qtbot):
    ed = make_editor(qtbot)
    calls = []
    ed.findings.service.validator = lambda design: calls.append(1) or []
    for i in range(5):
        ed.ctx.apply(UpdateDepartment("sales", {"headcount": 20.0 + i}))
    assert calls == []  # not yet: debounced
    qtbot.waitUntil(lambda: calls == [1], timeout=3000)
    qtbot.wait(400)
    assert calls == [1]


def test_a_failing_validator_is_reported_not_raised(qtbot):
    ed = make_editor(qtbot)

    def broken(design):
        raise ValueError("rule exploded")

    ed.findings.service.validator = broken
    ed.findings.refresh_now()
    assert "rule exploded" in ed.findings.summary_label.text()
    assert ed.findings.items() == []


def test_switching_context_follows_the_new_design_only(qtbot):
    from ui.context import EditorContext

    from .dock_fixtures import small_design

    ed = make_editor(qtbot)
    other = EditorContext.create(small_design(), ed.window)
    for dock in (ed.properties, ed.functions, ed.findings, ed.outline):
        dock.set_context(other)
    calls = []
    ed.findings.service.validator = lambda design: calls.append(design) or []
    ed.ctx.apply(UpdateDepartment("sales", {"headcount": 1.0}))  # the old design: ignored
    qtbot.wait(400)
    assert all(design is other.design for design in calls)
    other.selection.set(["sales"])
    assert ed.properties.leader_edit.isEnabled()
    for dock in (ed.properties, ed.functions, ed.findings, ed.outline):
        dock.set_context(None)
    assert not ed.properties.widget().isEnabled() and ed.outline.tree.topLevelItemCount() == 0


class StubWindow(QMainWindow):
    """What the main window offers the docks: a context signal, a findings service, reveal()."""

    context_changed = Signal(object)

    def __init__(self):
        super().__init__()
        self.findings = StubService()
        self.revealed: list = []

    def reveal(self, ids) -> None:
        self.revealed.append(list(ids))


class StubService(QObject):
    changed = Signal(list)

    def __init__(self):
        super().__init__()
        self.findings: list = []
        self.available = True
        self.runs = 0

    def refresh_now(self) -> None:
        self.runs += 1
        self.changed.emit(self.findings)


def test_docks_take_the_findings_service_reveal_and_context_signal_they_are_given(qtbot):
    from ui.context import EditorContext
    from ui.docks import FindingsDock, OutlineDock, create_docks, find_dock

    from .dock_fixtures import small_design

    window = StubWindow()
    qtbot.addWidget(window)
    ctx = EditorContext.create(small_design(), window)
    docks = create_docks(
        window,
        ctx,
        findings=window.findings,
        reveal=window.reveal,
        context_changed=window.context_changed,
    )
    findings, outline = find_dock(docks, FindingsDock), find_dock(docks, OutlineDock)
    window.findings.findings = [
        Finding("no-leader", Severity.INFO, "销售部 has no leader", ("sales",))
    ]
    window.findings.changed.emit(window.findings.findings)  # the service ran, not the dock
    assert [i.data() for i in findings.items()] == ["销售部 has no leader"]
    ctx.apply(UpdateDepartment("sales", {"headcount": 3.0}))
    qtbot.wait(400)
    assert findings.findings == window.findings.findings  # no second validator run here
    findings.focus_finding(findings.findings[0])
    assert window.revealed == [["sales"]] and ctx.selection.departments == ["sales"]

    other = EditorContext.create(small_design(), window)  # File > Open of another design
    window.context_changed.emit(other)
    assert all(d.ctx is other for d in docks)
    other.selection.set(["mkt"])
    assert [i.text(0) for i in outline.tree.selectedItems()] == ["市场部"]
