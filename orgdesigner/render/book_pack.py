"""Packing the chart book's blocks (cut-off branches) onto pages: first-fit decreasing shelves.

First fit asks the pages in order whether the block fits; over the thousands of pages of a
100,000-unit book, asking every page for every block was quadratic (two thirds of the
planning). A small tree over the pages keeps, per page, the widest gap left on a shelf and
the height left for a new shelf, so the search goes straight to the first page that may
take the block; that page is then asked exactly as before, and the pages come out the same.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

PACK_GAP = 24.0
REF_LINE_PT = 8.5  # page points per line of the cross-page link list
REF_HEAD_PT = 12.0
REF_COL_PT = 250.0  # width of one column of the link list
SLACK = 1e-6  # scene units: the tree's keys never rule out a page the exact test would take
NONE = -math.inf


@dataclass
class Sheet:
    blocks: list[tuple[str, float, float]] = field(default_factory=list)  # root, x, y
    shelves: list[list[float]] = field(default_factory=list)  # [y, height, used width]
    used_h: float = 0.0
    refs: int = 0


def ref_reserve(lines: int, area_w_pt: float, cap_pt: float) -> float:
    if not lines:
        return 0.0
    cols = max(1, int(area_w_pt // REF_COL_PT))
    return min(REF_HEAD_PT + math.ceil(lines / cols) * REF_LINE_PT, cap_pt)


class _FirstFit:
    """Per page (in order) three keys: the widest shelf gap, the height left for a new shelf
    (both NONE when the page has no height left even for its own links) and how many more
    link lines its list can take; `first` finds the first page from `start` whose keys admit
    a block of width w or height h with `lines` link lines."""

    def __init__(self, n: int) -> None:
        size = 1
        while size < n:
            size *= 2
        self.size = size
        self.wide = [NONE] * (2 * size)
        self.high = [NONE] * (2 * size)
        self.lines = [NONE] * (2 * size)

    def set(self, i: int, wide: float, high: float, lines: float) -> None:
        j = i + self.size
        self.wide[j], self.high[j], self.lines[j] = wide, high, lines
        j //= 2
        while j:
            self.wide[j] = max(self.wide[2 * j], self.wide[2 * j + 1])
            self.high[j] = max(self.high[2 * j], self.high[2 * j + 1])
            self.lines[j] = max(self.lines[2 * j], self.lines[2 * j + 1])
            j //= 2

    def first(self, start: int, w: float, h: float, lines: int) -> int | None:
        wide, high, more = self.wide, self.high, self.lines

        def down(node: int, lo: int, hi: int) -> int | None:
            if hi <= start or more[node] < lines or (wide[node] < w and high[node] < h):
                return None
            if hi - lo == 1:
                return lo
            mid = (lo + hi) // 2
            found = down(2 * node, lo, mid)
            return found if found is not None else down(2 * node + 1, mid, hi)

        return down(1, 0, self.size)


def pack(
    blocks: list[tuple[str, float, float, int]], W: float, H: float, scale: float
) -> list[Sheet]:
    """Blocks (root, w, h, link lines) tallest first onto sheets of W x H scene units: each
    goes on the first sheet with a shelf it fits on, else the first with height left for a
    new shelf, else a new sheet. Every shelf is at least as high as any later block."""
    sheets: list[Sheet] = []
    cap = H * scale * 0.35
    reserves: dict[int, float] = {}

    def reserve(lines: int) -> float:
        """Scene height kept for the page's list of links to other pages."""
        found = reserves.get(lines)
        if found is None:
            found = reserves[lines] = ref_reserve(lines, W * scale, cap) / scale
        return found

    index = _FirstFit(len(blocks))

    def more_lines(sheet: Sheet) -> float:
        """How many more link lines fit under the sheet's blocks (the exact test's sum)."""
        if sheet.used_h + reserve(sheet.refs) > H:
            return NONE
        if sheet.used_h + cap / scale <= H:
            return math.inf  # the list is capped: it never pushes a block off
        cols = max(1, int(W * scale // REF_COL_PT))
        n = max(sheet.refs, cols * int(((H - sheet.used_h) * scale - REF_HEAD_PT) // REF_LINE_PT))
        while sheet.used_h + reserve(n + 1) <= H:
            n += 1
        while n > sheet.refs and sheet.used_h + reserve(n) > H:
            n -= 1
        return n - sheet.refs

    def update(i: int) -> None:
        sheet = sheets[i]
        base = reserve(sheet.refs)  # more links only reserve more: the keys are upper bounds
        lines = more_lines(sheet)
        wide = high = NONE
        if lines != NONE:
            wide = W - min(shelf[2] for shelf in sheet.shelves) - PACK_GAP + SLACK
            high = H - (sheet.used_h + PACK_GAP + base) + SLACK
        index.set(i, wide, high, lines)

    for root, w, h, refs in sorted(blocks, key=lambda b: -b[2]):
        start = 0
        while True:
            i = index.first(start, w, h, refs)
            if i is None:
                sheet = Sheet(shelves=[[0.0, h, w]], used_h=h, refs=refs)
                sheet.blocks.append((root, 0.0, 0.0))
                sheets.append(sheet)
                update(len(sheets) - 1)
                break
            if _place(sheets[i], root, w, h, refs, W, H, reserve):
                update(i)
                break
            start = i + 1
    return sheets


def _place(
    sheet: Sheet, root: str, w: float, h: float, refs: int, W: float, H: float, reserve
) -> bool:
    """The block on a shelf of this sheet, else on a new shelf of it; False if neither fits."""
    need = reserve(sheet.refs + refs)
    if sheet.used_h + need <= H:  # room on the sheet for the block's links
        for shelf in sheet.shelves:
            if h <= shelf[1] and shelf[2] + PACK_GAP + w <= W:
                sheet.blocks.append((root, shelf[2] + PACK_GAP, shelf[0]))
                shelf[2] += PACK_GAP + w
                sheet.refs += refs
                return True
    gap = PACK_GAP if sheet.shelves else 0.0
    if sheet.used_h + (gap + h) + need <= H:
        y = sheet.used_h + gap
        sheet.shelves.append([y, h, w])
        sheet.blocks.append((root, 0.0, y))
        sheet.used_h = y + h
        sheet.refs += refs
        return True
    return False
