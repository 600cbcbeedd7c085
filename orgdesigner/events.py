"""Change events a `Design` emits after each change.

The UI subscribes to them (scene, docks); the working copy store subscribes
to write changed rows. Events carry ids and values, never the live objects'
future state, so a subscriber can rely on them after later edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .entities import Department, Function, Kpi, Link, Role


@dataclass(frozen=True)
class Event:
    pass


@dataclass(frozen=True)
class DepartmentAdded(Event):
    department: Department


@dataclass(frozen=True)
class DepartmentRemoved(Event):
    department: Department


@dataclass(frozen=True)
class DepartmentChanged(Event):
    id: str
    changes: dict[str, Any]  # field -> new value


@dataclass(frozen=True)
class DepartmentsMoved(Event):
    positions: dict[str, tuple[float, float]]


@dataclass(frozen=True)
class ParentChanged(Event):
    id: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class LinkAdded(Event):
    link: Link


@dataclass(frozen=True)
class LinkRemoved(Event):
    link: Link


@dataclass(frozen=True)
class LinkChanged(Event):
    id: str
    changes: dict[str, Any]


@dataclass(frozen=True)
class FunctionAdded(Event):
    function: Function


@dataclass(frozen=True)
class FunctionRemoved(Event):
    function: Function


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


@dataclass(frozen=True)
class KpiRemoved(Event):
    kpi: Kpi


@dataclass(frozen=True)
class KpiChanged(Event):
    id: str
    changes: dict[str, Any]  # field -> new value


class EventHub:
    """A minimal synchronous publisher; listeners run in subscription order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

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
