"""Progress of long operations (opening, exporting, closing a huge design), and their cancellation.

One mechanism for every layer: the caller installs a callback with
`reporting(callback)`; the heavy loops (reading rows, building the model,
copying the working copy; in the UI, building the chart) report with
`step(stage, done, total)` or iterate through `steps(...)`. The callback may
raise `Cancelled` to stop the operation; it travels up like any exception, so
the code on the way releases what it took (lock, working copy). Without a
callback, reporting costs one context-variable lookup per `every` items.

Stages are short keys (see STAGES) that a front end translates.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterable, Iterator, TypeVar

__all__ = ["Cancelled", "Callback", "STAGES", "reporting", "reporting_now", "step", "steps"]

T = TypeVar("T")

# stage key, items done, items in the stage (0: unknown); may raise Cancelled
Callback = Callable[[str, int, int], None]

STAGES = (
    "read",  # copying and checking the file
    "departments",  # reading and checking the departments
    "working_copy",  # making the private working copy
    "chart",  # the front end builds the chart (UI)
    "showing",  # the front end shows the opened design: no cancelling any more (UI)
    "plan",  # an export lays its pages out
    "pages",  # an export draws its pages (PDF) or slides (PowerPoint)
    "saving",  # an export writes its file (the last moment to cancel)
    "closing",  # the front end closes a design (no cancelling)
    "checking",  # the validator checks the design
)

_current: ContextVar[Callback | None] = ContextVar("orgdesigner_progress", default=None)


class Cancelled(Exception):
    """The user cancelled a long operation (raised by a progress callback)."""


@contextmanager
def reporting(callback: Callback | None) -> Iterator[None]:
    """Report the progress of the code in the `with` block to `callback` (None: nobody)."""
    token = _current.set(callback)
    try:
        yield
    finally:
        _current.reset(token)


def reporting_now() -> bool:
    """True inside a `reporting` block with a callback: a long operation is under way (its
    callback may be processing events, so work waiting for a quiet moment should wait)."""
    return _current.get() is not None


def step(stage: str, done: int, total: int = 0) -> None:
    """Tell the current callback (if any) how far `stage` is; may raise Cancelled."""
    callback = _current.get()
    if callback is not None:
        callback(stage, done, total)


def steps(
    stage: str, items: Iterable[T], total: int, every: int = 500, start: int = 0
) -> Iterator[T]:
    """Yield `items`, reporting every `every` items (and at the start and the end).

    `start`: items of the stage done before these (one stage over several loops).
    """
    callback = _current.get()
    if callback is None:
        yield from items
        return
    callback(stage, start, total)
    done = start
    for item in items:
        yield item
        done += 1
        if (done - start) % every == 0:
            callback(stage, done, total)
    callback(stage, done, total)
