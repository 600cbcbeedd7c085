"""Where the chart goes on paper: one page scaled to fit, or N x M tiles at a scale.

Pure arithmetic on the chart's size, so the export dialog can preview the
page count without drawing anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .options import MM, ExportOptionError, ExportOptions, page_size

HEADER = 22.0  # points above the content area for the running header
FOOTER = 20.0
MAX_PAGE_SCALE = 1.5  # a tiny chart is not blown up beyond this on a big sheet
TILE_TOP = 12.0  # points of paper above the chart's top on the first tile row
MAX_TILES = 20_000  # beyond this the grid is a mistake (a box dragged far away), not a poster


@dataclass(frozen=True)
class Frame:
    """A page and its content area (ReportLab coordinates, y up)."""

    width: float
    height: float
    margin: float

    @property
    def content(self) -> tuple[float, float, float, float]:
        """x, y (bottom), w, h of the area between header and footer."""
        m = self.margin
        return m, m + FOOTER, self.width - 2 * m, self.height - 2 * m - HEADER - FOOTER

    @property
    def orientation(self) -> str:
        return "landscape" if self.width > self.height else "portrait"


@dataclass(frozen=True)
class ChartPlan:
    mode: str  # "page" or "tiles"
    frame: Frame
    scale: float  # points per scene unit
    cols: int = 1
    rows: int = 1
    readable: bool = True
    min_text: float = 0.0  # smallest chart text on paper, pt
    scene_x: float = 0.0  # scene point at the top-left of the tile grid / page area
    scene_y: float = 0.0
    overlap: float = 0.0  # points shared by neighbouring tiles

    @property
    def chart_pages(self) -> int:
        return self.cols * self.rows + (1 if self.mode == "tiles" else 0)  # + overview

    def tile_name(self, col: int, row: int) -> str:
        return f"{column_letters(col)}{row + 1}"

    def tile_scene_rect(self, col: int, row: int) -> tuple[float, float, float, float]:
        _, _, aw, ah = self.frame.content
        step_x, step_y = self.step
        return (
            self.scene_x + col * step_x,
            self.scene_y + row * step_y,
            aw / self.scale,
            ah / self.scale,
        )

    @property
    def step(self) -> tuple[float, float]:
        """Scene distance between neighbouring tiles (the tile minus the overlap)."""
        _, _, aw, ah = self.frame.content
        return (aw - self.overlap) / self.scale, (ah - self.overlap) / self.scale


def column_letters(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _fit_scale(frame: Frame, cw: float, ch: float) -> float:
    _, _, aw, ah = frame.content
    return min(aw / max(cw, 1.0), ah / max(ch, 1.0), MAX_PAGE_SCALE)


def _tiles(frame: Frame, cw: float, ch: float, scale: float, overlap: float) -> tuple[int, int]:
    _, _, aw, ah = frame.content

    def count(length: float, avail: float) -> int:
        if length <= avail:
            return 1
        return math.ceil((length - overlap) / max(avail - overlap, 1.0))

    return count(cw * scale, aw), count(ch * scale, ah)


def plan_chart(
    bounds: tuple[float, float, float, float], smallest_text: float, options: ExportOptions
) -> ChartPlan:
    """Choose orientation, mode, scale and tile grid for a chart with these scene bounds."""
    x0, y0, x1, y1 = bounds
    cw, ch = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    margin = options.margin_mm * MM
    overlap = options.overlap_mm * MM
    orientations = (
        ("landscape", "portrait") if options.orientation == "auto" else (options.orientation,)
    )
    frames = [Frame(*page_size(options.paper, o), margin) for o in orientations]
    min_scale = options.min_font / smallest_text

    fits = [(f, _fit_scale(f, cw, ch)) for f in frames]
    best_frame, best_fit = max(fits, key=lambda pair: pair[1])  # first (landscape) wins ties
    if options.scale is not None and options.fit != "tiles":
        best_fit = min(best_fit, options.scale)
    mode = options.fit
    if mode == "auto":
        mode = "page" if best_fit >= min_scale else "tiles"
    if mode == "page":
        _, _, aw, ah = best_frame.content
        # Centre the chart in the content area.
        sx = x0 - (aw / best_fit - cw) / 2
        sy = y0 - (ah / best_fit - ch) / 2
        return ChartPlan(
            "page",
            best_frame,
            best_fit,
            1,
            1,
            best_fit >= min_scale,
            smallest_text * best_fit,
            sx,
            sy,
        )

    scale = options.scale if options.scale is not None else min(max(min_scale, 0.75), 1.0)
    grids = [(f, _tiles(f, cw, ch, scale, overlap)) for f in frames]
    frame, (cols, rows) = min(grids, key=lambda pair: pair[1][0] * pair[1][1])
    if cols * rows > MAX_TILES:
        if options.fit == "auto":  # print it small on one page rather than not at all
            return plan_chart(bounds, smallest_text, replace(options, fit="page"))
        raise ExportOptionError(
            f"the chart would need {cols} x {rows} tiles at scale {scale:g}; use a smaller --scale, "
            "larger --paper, --fit page or --auto-layout (is a box far away from the others?)"
        )
    _, _, aw, ah = frame.content
    covered_w = aw + (cols - 1) * (aw - overlap)
    covered_h = ah + (rows - 1) * (ah - overlap)
    sx = x0 - (covered_w / scale - cw) / 2  # centred across, from the top down
    sy = y0 - min(TILE_TOP / scale, (covered_h / scale - ch) / 2)
    return ChartPlan(
        "tiles",
        frame,
        scale,
        cols,
        rows,
        scale >= min_scale,
        smallest_text * scale,
        sx,
        sy,
        overlap,
    )
