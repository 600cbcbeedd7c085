"""Where live objects go: the server's order by (position, id), kept the same on every client.

The repository stores a float `position` per department, link, function and
KPI; the server's order is (position, id). A client gives its own new object
a position between its local neighbours' (`new_position`) and puts someone
else's new object before the first local object that sorts after it
(`local_index`), so every client ends with the server's order, and sibling
order follows from it (the model derives it from the departments' order).
"""

from __future__ import annotations

import bisect
import zlib
from typing import Any

from ..design import Design

ORDERED = ("departments", "links", "functions", "kpis")


class LiveOrder:
    """The known positions of one design's ordered objects, per kind."""

    def __init__(self, positions: dict[str, dict[str, float]]):
        self.positions = positions
        self._sorted = {k: sorted((p, i) for i, p in v.items()) for k, v in positions.items()}

    def known(self, kind: str, key: str) -> float | None:
        return self.positions[kind].get(key)

    def remember(self, kind: str, key: str, position: float | None) -> None:
        """The server has `key` at `position` now (None: it has it no more)."""
        old = self.positions[kind].pop(key, None)
        order = self._sorted[kind]
        if old is not None:
            i = bisect.bisect_left(order, (old, key))
            if i < len(order) and order[i] == (old, key):
                del order[i]
        if position is not None:
            self.positions[kind][key] = position
            bisect.insort(order, (position, key))

    def new_position(self, design: Design, kind: str, key: str) -> float:
        """A position between the local neighbours' that the server knows."""
        order = list(getattr(design, kind))
        index = order.index(key)
        known = self.positions[kind]
        before = next((known[k] for k in reversed(order[:index]) if k in known), None)
        after = next((known[k] for k in order[index + 1 :] if k in known), None)
        # A share from the id, so two editors appending at once rarely get the same
        # position (a tie is ordered by id, which a later insert between them cannot honour).
        share = zlib.crc32(key.encode()) / 2**33  # in [0, 0.5)
        if after is None:
            return (before if before is not None else -1.0) + 1.0 + share
        if before is None:
            return after - 1.0 - share
        return before + (after - before) * (0.25 + share)

    def local_index(self, design: Design, kind: str, row: Any) -> int:
        """Where someone else's object goes locally: before the first local object that
        sorts after it. Only local objects count (a refused local removal or an unsent
        local addition makes the known positions and the local collection differ)."""
        order = self._sorted[kind]
        local = getattr(design, kind)
        for _, key in order[bisect.bisect_right(order, (row.position, row.id)) :]:
            if key in local and key != row.id:
                return design.position(kind, key)
        return len(local)
