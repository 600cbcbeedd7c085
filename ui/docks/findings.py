"""Findings dock: the validator's findings, live, grouped by severity.

It shows the findings of a `FindingsService` (the main window's, so the dock,
the canvas badges and the status bar share one validator run ~300 ms after
the last edit); it never validates on its own. Clicking a finding selects its departments and links in the
shared selection and asks the canvas to centre them (`focus_requested`);
functions go to the Functions & owners dock (`function_focus_requested`).
The rows come from a lazy model (`findings_model`): 55,000 findings make no
item each, only the rows on screen are ever asked for their text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from orgdesigner import events as ev
from orgdesigner.findings import Finding, Severity

from ..i18n import fill, severity_count
from .base import ContextDock
from .findings_model import SEVERITY_OF, FINDING_ROLE, SEVERITY_COLOURS, FindingsModel

__all__ = ["FindingsDock", "FINDING_ROLE", "SEVERITY_COLOURS"]


RULE_SHARE = 0.35  # the most of the panel's width the Rule column takes


class WrappingDelegate(QStyledItemDelegate):
    """Row heights that fit the message (and the rule) wrapped at the column's width.

    QTreeView's word wrap paints wrapped text but sizes rows for one line, so
    a long message was cut off and only readable in its tooltip.
    """

    def __init__(self, tree: QTreeView):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option, index):  # noqa: N802 - Qt override
        hint = super().sizeHint(option, index)
        if not index.parent().isValid():
            return hint
        column = index.column()
        width = self.tree.columnWidth(column) - (self.tree.indentation() if column == 0 else 0) - 8
        text = str(index.data() or "")
        box = option.fontMetrics.boundingRect(
            QRect(0, 0, max(40, width), 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(hint.width(), max(hint.height(), box.height() + 6))


class FindingsDock(ContextDock):
    count_changed = Signal(int)  # number of findings, for the status bar
    findings_changed = Signal(list)  # the findings, e.g. for badges on the canvas
    focus_requested = Signal(list)  # department/link ids the canvas should centre
    function_focus_requested = Signal(list)  # function ids for the Functions & owners dock

    def __init__(self, parent: QWidget | None = None, service=None):
        super().__init__(self.tr("Findings"), "FindingsDock", parent)
        self.service = None  # the FindingsService whose findings this dock shows
        self._own_service = False  # made for a window without one: follows this dock's context
        self.findings: list[Finding] = []
        self._collapsed: set[Severity] = set()
        body = QWidget()
        layout = QVBoxLayout(body)
        self.summary_label = QLabel()
        layout.addWidget(self.summary_label)
        self.model = FindingsModel(self)
        self.model.headers = (self.tr("Finding"), self.tr("Rule"))
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setWordWrap(True)  # the whole message reads in the panel, no tooltip needed
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The rule's title fits its text but never takes more than RULE_SHARE of a narrow
        # panel: a long Chinese title left the message two characters a line.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.viewport().installEventFilter(self)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        header.sectionResized.connect(
            lambda *_: self.tree.doItemsLayout()
        )  # re-wrap at the new width
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        self.tree.verticalScrollBar().valueChanged.connect(self._fetch_near_view)
        self.tree.clicked.connect(self._on_row_activated)
        self.tree.activated.connect(self._on_row_activated)
        self.tree.collapsed.connect(lambda index: self._remember(index, True))
        self.tree.expanded.connect(lambda index: self._remember(index, False))
        if service is None:
            from ..findings_service import FindingsService

            service, self._own_service = FindingsService(self), True
        self.use_service(service)
        self.set_context(None)

    # ------------------------------------------------------------ following
    def use_service(self, service) -> None:
        """Show the findings of a shared service (`changed(list)`, `findings`, `available`,
        `problem`, `refresh_now()`: the main window's FindingsService)."""
        if self.service is not None:
            self.service.changed.disconnect(self._on_service_findings)
            self._own_service = False
        self.service = service
        service.changed.connect(self._on_service_findings)
        self._on_service_findings(list(service.findings))

    def set_context(self, ctx) -> None:
        if self._own_service:
            self.service.set_context(ctx)
        super().set_context(ctx)

    def _on_service_findings(self, findings: list) -> None:
        self.findings = list(findings) if self.ctx is not None else []
        problem = getattr(self.service, "problem", "")
        if self.ctx is None:
            self._show(self.tr("No design is open."))
        elif problem:
            self._show(fill(self.tr("The checks failed: %1"), problem))
        elif not getattr(self.service, "available", True):
            self._show(self.tr("The checks are not available in this installation."))
        else:
            self._show(None)
        self.count_changed.emit(len(self.findings))
        self.findings_changed.emit(list(self.findings))

    def _reload(self) -> None:
        if self.service is not None:
            self._on_service_findings(list(self.service.findings))

    def _on_model_event(self, event: ev.Event) -> None:
        """The service validates after edits settle; nothing to do here."""

    def refresh_now(self) -> None:
        """Validate now (the service's run; its `changed` signal updates this dock)."""
        self.service.refresh_now()

    def summary(self) -> str:
        """'2 errors, 1 warning' style text for the status bar."""
        counts = {s: 0 for s in Severity}
        for finding in self.findings:
            counts[SEVERITY_OF[finding.severity]] += 1
        if not self.findings:
            return self.tr("No findings")
        parts = []
        for severity in Severity:
            if counts[severity]:
                parts.append(self._group_title(severity, counts[severity]))
        return ", ".join(parts)

    def _group_title(self, severity: Severity, n: int) -> str:
        return severity_count(severity.value, n)

    def _show(self, problem: str | None) -> None:
        self.summary_label.setText(problem if problem else self.summary())
        self.model.set_findings(self.findings)
        for row, (severity, _found) in enumerate(self.model.groups):
            self.tree.setExpanded(self.model.index(row, 0), severity not in self._collapsed)
        self._fit_rule_column()
        self._fetch_near_view()

    def _fetch_near_view(self, *_args) -> None:
        """Give the view more rows of a group whose last row given is in view.

        Qt fetches only for the last group, at the end of the whole list; a group in
        the middle (errors above warnings) must also grow as the user scrolls to its
        end. Only the rows at the top and bottom of the view are looked at: asking
        the view where a far row is would size every row up to it."""
        model, tree = self.model, self.tree
        area = tree.viewport().rect()
        top = self._position(tree.indexAt(area.topLeft() + QPoint(1, 1)))
        bottom = self._position(tree.indexAt(area.bottomLeft() + QPoint(1, -1)))
        if top is None:
            return
        if bottom is None:  # the list ends inside the view
            bottom = (model.rowCount(), -1)
        for group in range(top[0], min(bottom[0], model.rowCount() - 1) + 1):
            index = model.index(group, 0)
            end = (group, model.rowCount(index) - 1)
            if tree.isExpanded(index) and model.canFetchMore(index) and end <= bottom:
                model.fetchMore(index)

    def _position(self, index: QModelIndex) -> tuple[int, int] | None:
        """(group, row) of a row; a group's own row is (group, -1)."""
        if not index.isValid():
            return None
        index = index.siblingAtColumn(0)
        parent = index.parent()
        return (parent.row(), index.row()) if parent.isValid() else (index.row(), -1)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_rule_column()
        return super().eventFilter(watched, event)

    def _fit_rule_column(self) -> None:
        cap = int(self.tree.viewport().width() * RULE_SHARE)
        # The widest title of the rules shown (a handful), not a sample of 55,000 rows.
        metrics = self.tree.fontMetrics()
        margin = 2 * (self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        titles = [metrics.horizontalAdvance(self.model.title(r)) for r in self.model.rules]
        wanted = max([self.tree.header().sectionSizeHint(1), *(t + margin for t in titles)])
        self.tree.header().resizeSection(1, max(40, min(wanted, cap)))

    def _remember(self, index: QModelIndex, collapsed: bool) -> None:
        severity = self.model.severity(index)
        if severity is not None:
            (self._collapsed.add if collapsed else self._collapsed.discard)(severity)

    def items(self) -> list[QModelIndex]:
        """The finding rows (not the group headers), in display order (column 0)."""
        model = self.model
        out = []
        for row in range(model.rowCount()):
            group = model.index(row, 0)
            out.extend(model.index(i, 0, group) for i in range(model.rowCount(group)))
        return out

    # ------------------------------------------------------------ clicking
    def _on_row_activated(self, index: QModelIndex) -> None:
        finding = self.model.finding(index)
        if finding is not None:
            self.focus_finding(finding)

    def focus_finding(self, finding: Finding) -> None:
        if self.ctx is None:
            return
        design = self.ctx.design
        depts = [o for o in finding.objects if o in design.departments]
        links = [o for o in finding.objects if o in design.links]
        functions = [o for o in finding.objects if o in design.functions]
        if depts or links:
            self.ctx.selection.set(depts, links)
            self.focus_requested.emit(depts + links)
        if functions:
            self.function_focus_requested.emit(functions)
