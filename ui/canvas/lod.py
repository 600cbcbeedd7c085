"""Level of detail on the canvas: what a box shows at a given scale, in one place.

The thresholds are in device pixels per scene unit (Qt's level of detail,
1.0 at 100% zoom). Far out a box is a plain coloured rectangle without text
and its findings badge a dot; a little closer the name appears; the leader,
headcount and caption from DETAILS_MIN on. Tests check each level draws what
it promises.
"""

from __future__ import annotations

from enum import Enum

BLOCK_BELOW = 0.3  # below: plain rectangle, no text, badge as a dot
DETAILS_MIN = 0.45  # from here: caption and detail line as well as the name
HANDLES_MIN = 0.55  # from here: the connection handles of a hovered or selected box


class Detail(Enum):
    BLOCK = "block"  # a coloured rectangle, no text
    NAME = "name"  # shape, band and the name
    FULL = "full"  # everything


def detail_for(lod: float) -> Detail:
    if lod < BLOCK_BELOW:
        return Detail.BLOCK
    return Detail.NAME if lod < DETAILS_MIN else Detail.FULL
