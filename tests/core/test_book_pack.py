"""Packing the chart book's blocks: first fit as before, without asking every page for every block.

Work is counted (pages asked), never timed.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from orgdesigner.render import book_pack
from orgdesigner.render.book_pack import PACK_GAP, pack, ref_reserve

W, H, SCALE = 800.0, 1100.0, 0.625


def first_fit(blocks, W, H, scale):
    """The plain first fit (every sheet asked in order): what `pack` must reproduce."""
    sheets: list[book_pack.Sheet] = []
    cap = H * scale * 0.35

    def room(sheet, extra_h, refs):
        return sheet.used_h + extra_h + ref_reserve(sheet.refs + refs, W * scale, cap) / scale <= H

    for root, w, h, refs in sorted(blocks, key=lambda b: -b[2]):
        placed = False
        for sheet in sheets:
            for shelf in sheet.shelves:
                if h <= shelf[1] and shelf[2] + PACK_GAP + w <= W and room(sheet, 0, refs):
                    sheet.blocks.append((root, shelf[2] + PACK_GAP, shelf[0]))
                    shelf[2] += PACK_GAP + w
                    sheet.refs += refs
                    placed = True
                    break
            if placed:
                break
            gap = PACK_GAP if sheet.shelves else 0.0
            if room(sheet, gap + h, refs):
                y = sheet.used_h + gap
                sheet.shelves.append([y, h, w])
                sheet.blocks.append((root, 0.0, y))
                sheet.used_h = y + h
                sheet.refs += refs
                placed = True
                break
        if not placed:
            sheet = book_pack.Sheet(shelves=[[0.0, h, w]], used_h=h, refs=refs)
            sheet.blocks.append((root, 0.0, 0.0))
            sheets.append(sheet)
    return sheets


blocks_strategy = st.lists(
    st.tuples(
        st.floats(20, W),
        st.floats(20, H - 100),
        st.integers(0, 60),
    ),
    max_size=120,
)


@settings(max_examples=60, deadline=None)
@given(blocks_strategy)
def test_pack_is_the_plain_first_fit(raw) -> None:
    blocks = [(f"b{i}", w, h, refs) for i, (w, h, refs) in enumerate(raw)]
    ours = [(s.blocks, s.shelves, s.used_h, s.refs) for s in pack(blocks, W, H, SCALE)]
    plain = [(s.blocks, s.shelves, s.used_h, s.refs) for s in first_fit(blocks, W, H, SCALE)]
    assert ours == plain


def _asks(blocks) -> tuple[int, int]:
    """(pages asked whether a block fits, pages made)."""
    asked = 0
    place = book_pack._place

    def counting(*args):
        nonlocal asked
        asked += 1
        return place(*args)

    book_pack._place = counting
    try:
        sheets = pack(blocks, W, H, SCALE)
    finally:
        book_pack._place = place
    return asked, len(sheets)


def test_full_pages_are_not_asked_again() -> None:
    """Blocks that each need a page of their own: no earlier page is asked (plain first fit
    asked them all: n^2 / 2 questions for n pages)."""
    rng = random.Random(17)
    for n in (100, 1000):
        blocks = [(f"b{i}", W - rng.random(), H - 50 - rng.random(), 0) for i in range(n)]
        asked, pages = _asks(blocks)
        assert pages == n
        assert asked == 0


def test_each_block_asks_at_most_one_page_when_no_links_leave_it() -> None:
    """Without link lines the tree's keys are exact: the one page asked takes the block."""
    rng = random.Random(3)
    for n in (300, 3000):
        blocks = [(f"b{i}", rng.uniform(100, W), rng.uniform(50, H / 2), 0) for i in range(n)]
        asked, pages = _asks(blocks)
        assert pages > n / 20
        assert asked <= n
