"""Change events a `Design` emits after each change.

The UI subscribes to them (scene, docks); the working copy store subscribes
to write changed rows. Events carry ids and values, never the live objects'
future state, so a subscriber can rely on them after later edits. "Added" and
"removed" events carry the position (`index` in the design's ordered
collection, `sibling_index` among a department's siblings): listeners insert
there and never guess from the model's dict order, which inside
`Design.batch()` is only brought up to date at the end of the batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable

from .entities import Department, Function, Kpi, Link, Role


@dataclass(frozen=True)
class Event:
    pass


@dataclass(frozen=True)
class DepartmentAdded(Event):
    """`index`: its place in `design.departments`; `sibling_index`: among its parent's children."""

    department: Department
    index: int
    sibling_index: int


@dataclass(frozen=True)
class DepartmentRemoved(Event):
    department: Department
    index: int  # the places it had, as in DepartmentAdded
    sibling_index: int


@dataclass(frozen=True)
class DepartmentChanged(Event):
    id: str
    changes: dict[str, Any]  # field -> new value


@dataclass(frozen=True)
class DepartmentsMoved(Event):
    positions: dict[str, tuple[float, float]]


@dataclass(frozen=True)
class ParentChanged(Event):
    """The department keeps its place in `design.departments`; `sibling_index` is its
    place among the new parent's children."""

    id: str
    old: str | None
    new: str | None
    sibling_index: int


@dataclass(frozen=True)
class LinkAdded(Event):
    link: Link
    index: int  # its place in `design.links`


@dataclass(frozen=True)
class LinkRemoved(Event):
    link: Link
    index: int  # its place in `design.links`


@dataclass(frozen=True)
class LinkChanged(Event):
    id: str
    changes: dict[str, Any]


@dataclass(frozen=True)
class FunctionAdded(Event):
    function: Function
    index: int  # its place in `design.functions`


@dataclass(frozen=True)
class FunctionRemoved(Event):
    function: Function
    index: int  # its place in `design.functions`


@dataclass(frozen=True)
class FunctionChanged(Event):
    id: str
    changes: dict[str, Any]


@dataclass(frozen=True)
class RoleChanged(Event):
    function: str
    department: str
    old: Role | None
    new: Role | None


@dataclass(frozen=True)
class DesignInfoChanged(Event):
    changes: dict[str, Any]  # name, description, author, language, settings.<key>


Listener = Callable[[Event], None]


@dataclass(frozen=True)
class KpiAdded(Event):
    kpi: Kpi
    index: int  # its place in `design.kpis`


@dataclass(frozen=True)
class KpiRemoved(Event):
    kpi: Kpi
    index: int  # its place in `design.kpis`


@dataclass(frozen=True)
class KpiChanged(Event):
    id: str
    changes: dict[str, Any]  # field -> new value


@dataclass
class Action:
    """One user action in progress; `refused` is set when a listener could not keep it
    (the live repository session: the server refused its transaction)."""

    refused: str | None = None


class EventHub:
    """A minimal synchronous publisher; listeners run in subscription order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._action_listeners: list[Callable[[Action], None]] = []
        self.action_depth = 0
        self._action: Action | None = None

    @contextmanager
    def action(self) -> Iterator[Action]:
        """Mark the events of one user action (an op, one undo step): listeners that work
        per action hear its end (the live session sends it as one transaction)."""
        if self._action is None:
            self._action = Action()
        current = self._action
        self.action_depth += 1
        try:
            yield current
        finally:
            self.action_depth -= 1
            if self.action_depth == 0:
                self._action = None
                for listener in list(self._action_listeners):
                    listener(current)

    def subscribe_actions(self, listener: Callable[[Action], None]) -> None:
        if listener not in self._action_listeners:
            self._action_listeners.append(listener)

    def unsubscribe_actions(self, listener: Callable[[Action], None]) -> None:
        if listener in self._action_listeners:
            self._action_listeners.remove(listener)

    def subscribe(self, listener: Listener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def __bool__(self) -> bool:
        """True when someone listens: callers skip building events nobody reads."""
        return bool(self._listeners)

    def emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)
