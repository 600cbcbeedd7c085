"""The shared selection (department and link ids), so canvas, outline and docks agree.

Selection is view state: it is not on the undo stack and never in the file.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SelectionModel(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._departments: list[str] = []
        self._links: list[str] = []

    @property
    def departments(self) -> list[str]:
        return list(self._departments)

    @property
    def links(self) -> list[str]:
        return list(self._links)

    def set(self, departments: list[str] = (), links: list[str] = ()) -> None:  # type: ignore[assignment]
        departments, links = list(dict.fromkeys(departments)), list(dict.fromkeys(links))
        if departments == self._departments and links == self._links:
            return
        self._departments, self._links = departments, links
        self.changed.emit()

    def discard(self, ids: set[str]) -> None:
        """Forget removed objects (called on DepartmentRemoved/LinkRemoved)."""
        self.set(
            [d for d in self._departments if d not in ids], [l for l in self._links if l not in ids]
        )
