"""GUI benchmark cases (Qt offscreen): open to first paint, one mouse move of a drag.

Imported by `benchmarks.cases`; kept apart so the core cases never load Qt.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from .registry import case


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="orgbench-cfg-"))
    os.environ.setdefault("ORGDESIGNER_DATA_DIR", tempfile.mkdtemp(prefix="orgbench-data-"))
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bench"])


def _copy(path: Path) -> Path:
    target = Path(tempfile.mkdtemp(prefix="orgbench-")) / path.name
    shutil.copyfile(path, target)
    return target


class _PaintWatch:
    """Notes when the view's next paint is over (the view's `frame_painted`).

    Stamped as the paint ends, not by a timer started by it: an overdue timer (the
    first validation, waiting for the open's dialog to close) may fire before any new
    one, and the validation is not part of "open to first paint".
    """

    def __init__(self, view):
        self.painted_at: float | None = None
        view.frame_painted.connect(self._on_frame_painted)

    def _on_frame_painted(self) -> None:
        if self.painted_at is None:
            self.painted_at = time.perf_counter()

    @property
    def painted(self) -> bool:
        return self.painted_at is not None

    def reset(self) -> None:
        self.painted_at = None


@case("GUI open to first paint")
def gui_open(path: Path):
    app = _app()
    from PySide6.QtCore import QEvent

    from ui.main_window import MainWindow

    def setup():
        window = MainWindow()
        window.resize(1400, 900)
        return window, _copy(path)

    def run(state):
        window, file = state
        watch = _PaintWatch(window.view)
        window.show()
        app.processEvents()
        watch.reset()
        start = time.perf_counter()
        window.documents.open_file(file)
        # The open is over; the clock stops when the view has painted the opened chart. A
        # paint while the open's dialog repainted may have shown the old view, so one paint
        # after the open is asked for and waited for (it creates the items in view).
        watch.reset()
        window.view.viewport().update()
        while not watch.painted:
            app.processEvents()
        elapsed = watch.painted_at - start
        window.ctx.undo_stack.setClean()
        window.close()
        window.deleteLater()  # gone before the next run (processEvents alone keeps it alive)
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        return elapsed

    return setup, run


def _open_window(path: Path):
    """A shown main window with a copy of the design open."""
    app = _app()
    from ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    window.documents.open_file(_copy(path))
    app.processEvents()
    view = window.view
    while getattr(view, "_after_paint", None):  # the first validation runs after the first paint
        app.processEvents()
    app.processEvents()
    return window


def _drag_case(path: Path, repaint: bool, fit_all: bool = False):
    """Median time of one mouse move dragging a box that has 100 links: the event
    alone (the handler moves the box; its connectors are drawn from the boxes by the
    frame and their items updated on release), or the event plus the repaint it causes
    (one frame); at 100% zoom or with the whole chart fitted in the window (`fit_all`)."""
    app = _app()
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from orgdesigner.entities import Link
    from orgdesigner.ops import AddLink, Batch

    window = _open_window(path)
    design, view, scene = window.ctx.design, window.view, window.scene
    hub = max(design.departments, key=lambda d: len(design.child_ids(d)))
    others = [
        d
        for d in design.departments
        if d != hub and design.find_link(hub, d, "collaboration") is None
    ]
    have = len(design.links_of(hub))
    window.ctx.apply(
        Batch([AddLink(Link(source=hub, target=d)) for d in others[: max(0, 100 - have)]])
    )
    assert len(design.links_of(hub)) >= 100
    if fit_all:
        view.fit_all()
    else:
        view.resetTransform()
        view.centerOn(scene.box_rect(hub).center())
    app.processEvents()

    def run(_):
        vp = view.viewport()
        start = view.mapFromScene(scene.box_rect(hub).center())  # its item is made on the press
        QTest.mouseMove(vp, start)
        QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        app.processEvents()
        times = []
        for i in range(1, 41):
            p = start + QPoint(3 * i, 2 * i)
            t0 = time.perf_counter()
            QTest.mouseMove(vp, p)
            if repaint:
                app.processEvents()
            times.append(time.perf_counter() - t0)
            if not repaint:
                app.processEvents()
        QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
        app.processEvents()
        window.ctx.undo_stack.undo()
        app.processEvents()
        return statistics.median(times)

    return (lambda: None), run


@case("GUI drag: one mouse-move event")
def gui_drag_event(path: Path):
    return _drag_case(path, repaint=False)


@case("GUI drag: one frame (event + repaint)")
def gui_drag_frame(path: Path):
    return _drag_case(path, repaint=True)


@case("GUI drag at fit-all: one frame (event + repaint)")
def gui_drag_frame_fit(path: Path):
    return _drag_case(path, repaint=True, fit_all=True)


def _open_fitted(path: Path):
    app = _app()
    window = _open_window(path)
    window.view.fit_all()
    app.processEvents()
    return app, window.view


def _frames(app, steps) -> float:
    """Median time of each step plus the repaint it causes."""
    times = []
    for step in steps:
        t0 = time.perf_counter()
        step()
        app.processEvents()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


@case("GUI zoom frame at fit-all")
def gui_zoom_fit(path: Path):
    """One wheel-sized zoom step (in, then back out) with the whole chart in the window."""
    app, view = _open_fitted(path)
    steps = [(lambda f=f: view.zoom_by(f)) for f in (1.15, 1 / 1.15) * 10]
    return (lambda: None), (lambda _: _frames(app, steps))


@case("GUI pan frame at fit-all")
def gui_pan_fit(path: Path):
    """One 40-pixel scroll (right and down, then back) with the whole chart in the window;
    zoomed in one step first so there is room to scroll."""
    app, view = _open_fitted(path)
    view.zoom_by(1.15)
    app.processEvents()
    bars = (view.horizontalScrollBar(), view.verticalScrollBar())

    def pan(sign: int) -> None:
        for bar in bars:
            bar.setValue(bar.value() + sign * 40)

    steps = [(lambda s=s: pan(s)) for s in (1, -1) * 10]
    return (lambda: None), (lambda _: _frames(app, steps))
