"""The chart canvas: scene, items, view and the gesture interactions.

`OrgScene` mirrors one design (id -> item maps, updated from model events);
`OrgView` adds zoom, pan and the grid; `interactions` turns mouse gestures
into ops pushed on the undo stack. Nothing here writes the model directly.
"""

from .scene import OrgScene
from .view import OrgView

__all__ = ["OrgScene", "OrgView"]
