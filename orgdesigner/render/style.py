"""The look of the chart, shared by the PDF, SVG and PNG backends (and meant to match the canvas).

Sizes are in scene units (1 unit = 1 pt at scale 1). Kinds differ by shape
and band; link kinds by colour and dash pattern, so a black-and-white print
still tells them apart.
"""

from __future__ import annotations

from ..entities import DeptKind, LinkKind

NAME_SIZE = 11.0        # the largest name font; shrinks to NAME_MIN for long names
NAME_MIN = 7.0
DETAIL_SIZE = 8.0       # leader and headcount line
LINE_GAP = 1.18         # line height / font size
PAD_X = 8.0
PAD_TOP = 10.0          # below the band
PAD_BOTTOM = 5.0
BAND = 4.0
RADIUS = 6.0
CHAMFER = 10.0
BORDER_W = 1.1
CONNECTOR_W = 1.0
LINK_W = 1.1
LABEL_SIZE = 7.0
TEXT = "#1f1f1f"
DETAIL = "#555555"
CONNECTOR = "#404040"
PAPER = "#ffffff"

# shape, dashed border, band ("top", "left" or None)
KIND_STYLE: dict[DeptKind, tuple[str, bool, str | None]] = {
    DeptKind.DEPARTMENT: ("round", False, "top"),
    DeptKind.TEAM: ("round", True, "top"),
    DeptKind.COMMITTEE: ("pill", False, None),
    DeptKind.BUSINESS_UNIT: ("square", False, "left"),
    DeptKind.OFFICE: ("chamfer", False, "top"),
}

# colour, dash pattern (on, off, ...) in scene units
LINK_STYLE: dict[LinkKind, tuple[str, tuple[float, ...]]] = {
    LinkKind.COLLABORATION: ("#d9822b", (6.0, 3.0)),
    LinkKind.COMMITTEE: ("#7a3db8", (8.0, 3.0, 1.5, 3.0)),
    LinkKind.DOTTED: ("#6b6b6b", (1.5, 2.5)),
}


def hex_rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def tint(color: str, amount: float = 0.86) -> str:
    """`color` mixed with white (amount 1 = white): the box fill."""
    r, g, b = hex_rgb(color)
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#%02x%02x%02x" % tuple(mix)
