"""Runs the validator a moment after edits settle and shares the findings.

One per main window; follows the current design. The canvas badges and the
status bar read it; the Findings dock may too (`window.findings.changed`).
Moves do not trigger a run (no rule depends on positions).

A run at 100,000 departments takes seconds. It runs in the GUI thread, rule
by rule, and reports through `orgdesigner.progress`: after SHOW_AFTER the
`checking` signal drives the status bar's progress bar, and the window
repaints between rules while input waits until the run is over (no edit can
change the design under the validator). Not a worker thread: the model is
mutable and not thread-safe, a frozen snapshot of 100,000 departments costs
about as much as the check itself, and with the GIL a thread would not
finish sooner.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from orgdesigner import events as ev
from orgdesigner import progress
from orgdesigner.design import Design
from orgdesigner.findings import SEVERITY_RANK, Finding, Severity

from . import core_adapters
from .context import EditorContext

DELAY_MS = 300
SHOW_AFTER = 0.4  # seconds: a quick run shows no progress at all
EVENTS_EVERY = 0.05  # seconds between two repaints during a long run


class FindingsService(QObject):
    """The one validator run per design: the Findings dock, the canvas badges and the
    status bar all show its findings."""

    changed = Signal(list)  # list[Finding]
    checking = Signal(int, int)  # rules done, rules in all, during a long run; (0, 0): over

    def __init__(self, parent: QObject | None = None, delay_ms: int = DELAY_MS):
        super().__init__(parent)
        self.ctx: EditorContext | None = None
        self.findings: list[Finding] = []
        self.available = True
        self.problem = ""  # why the last run failed ("" when it ran)
        self.validator: Callable[[Design], list[Finding] | None] = core_adapters.validate
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh_now)
        self._running = False
        self._again = False  # asked to run during a run: once more right after
        self._first_run_pending = False  # a first run is waiting for the canvas to paint
        self._started = self._painted = 0.0
        self._shown = False

    def set_context(
        self,
        ctx: EditorContext | None,
        first_run: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        """Follow `ctx`; `first_run(callback)` says when to run the first validation (the main
        window: after the canvas has painted the new design; default: the next event-loop turn)."""
        if self.ctx is not None:
            self.ctx.bridge.changed.disconnect(self._on_event)
        self.ctx = ctx
        if ctx is not None:
            ctx.bridge.changed.connect(self._on_event)
        # Clear at once, validate right after the first paint of the new design:
        # a 100,000-department design shows its chart seconds sooner.
        self._timer.stop()
        self.findings = []
        self.changed.emit(self.findings)
        if first_run is None:
            QTimer.singleShot(0, self, self.refresh_now)
        elif not self._first_run_pending:  # one run covers any number of quick switches
            self._first_run_pending = True
            first_run(self._first_refresh)

    def _first_refresh(self) -> None:
        self._first_run_pending = False
        self.refresh_now()

    def _on_event(self, event: ev.Event) -> None:
        if not isinstance(event, ev.DepartmentsMoved):
            self._timer.start()

    def refresh_now(self) -> None:
        self._timer.stop()
        if self._running:  # a timer fired while the window repainted during a run
            self._again = True
            return
        self.problem = ""
        self._running, self._shown = True, False
        self._started = self._painted = time.monotonic()
        try:
            with progress.reporting(self._report):
                found = self.validator(self.ctx.design) if self.ctx is not None else []
        except Exception as exc:  # a validator bug must not take the editor down
            found, self.problem = [], str(exc) or type(exc).__name__
        finally:
            self._running = False
            if self._shown:
                self.checking.emit(0, 0)
        self.available = found is not None
        self.findings = list(found or [])
        self.changed.emit(self.findings)
        if self._again:
            self._again = False
            self._timer.start()

    def _report(self, _stage: str, done: int, total: int) -> None:
        """A progress callback: show how far a long run is and keep the window painting."""
        now = time.monotonic()
        if now - self._started < SHOW_AFTER or now - self._painted < EVENTS_EVERY:
            return
        self._shown, self._painted = True, now
        self.checking.emit(done, total)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def badges(self) -> dict[str, tuple[int, str]]:
        """Department id -> (number of findings naming it, worst severity)."""
        if self.ctx is None:
            return {}
        departments = self.ctx.design.departments
        rank, plain = SEVERITY_RANK, {s.value: s.value for s in Severity}
        out: dict[str, tuple[int, str]] = {}
        for finding in self.findings:
            severity = plain[finding.severity]  # the plain text, whether str or Severity
            for obj in finding.objects:
                if obj in departments:
                    count, worst = out.get(obj, (0, "info"))
                    if rank[severity] < rank[worst]:
                        worst = severity
                    out[obj] = (count + 1, worst)
        return out

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for finding in self.findings:
            out[finding.severity] += 1  # a Severity finds its plain text's entry (a str Enum)
        return out
