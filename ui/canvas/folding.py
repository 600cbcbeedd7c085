"""Folding a branch on the canvas: a big reporting tree stays navigable.

A click on the small −/+ button under the left of a box with sub-units hides
(or shows) everything below it; a folded box says how many it hides ("+12").
Folding is how the user looks at the chart, not a change to the design: it is
neither saved nor undone, like zoom. The state is kept by id (`hidden`,
`has_children`, `counts`), so boxes whose items are made later (a big chart
makes items for the visible region only) and the zoomed-out image follow it.
`apply` runs after every structural edit: it costs the folded branches and the
items that exist, never a pass over all departments (100,000 in a big design).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from orgdesigner.design import Design

    from .scene import OrgScene


class _Parents:
    """`dept_id in parents`: whether a box has sub-units, asked of the design's own index of
    children (a set of every parent was rebuilt from all departments at each edit)."""

    def __init__(self, design: Design | None = None):
        self.design = design

    def __contains__(self, dept_id: object) -> bool:
        return self.design is not None and bool(self.design.child_ids(dept_id))  # type: ignore[arg-type]


class BranchFolding:
    def __init__(self, scene: OrgScene):
        self.scene = scene
        self.folded: set[str] = set()
        self.hidden: set[str] = set()  # boxes inside a folded branch
        self.has_children = _Parents()
        self.counts: dict[str, int] = {}  # folded box -> how many it hides

    def reset(self) -> None:
        self.folded = set()
        self.hidden = set()
        self.counts = {}

    def toggle(self, dept_id: str) -> None:
        (self.folded.discard if dept_id in self.folded else self.folded.add)(dept_id)
        self.apply()

    def apply(self) -> None:
        """Show or hide boxes and connectors; give each box its button and its '+N'."""
        scene = self.scene
        if scene.ctx is None:
            return
        design = scene.ctx.design
        self.folded = {d for d in self.folded if d in design.departments}
        has_children = _Parents(design)
        hidden: set[str] = set()
        counts: dict[str, int] = {}
        for dept_id in self.folded:
            below = design.descendants(dept_id)
            counts[dept_id] = len(below)
            hidden.update(below)
        changed = hidden != self.hidden
        self.hidden, self.has_children, self.counts = hidden, has_children, counts
        for dept_id, item in scene.boxes.items():
            item.setVisible(dept_id not in hidden)
            item.set_fold_state(
                dept_id in has_children, counts.get(dept_id, 0) if dept_id not in hidden else 0
            )
            if dept_id in hidden and item.isSelected():
                item.setSelected(False)
        for child, line in scene.reporting.items():
            line.setVisible(child not in hidden)
        for link_id, item in scene.links.items():
            link = design.links.get(link_id)
            shown = link is not None and link.source not in hidden and link.target not in hidden
            item.setVisible(shown)
            item.label.setVisible(shown and bool(link.label))
        if changed:
            scene.version += 1
            scene.refresh_region()  # boxes shown again may need items
            scene.content_changed.emit()  # the zoomed-out image and the overview follow
