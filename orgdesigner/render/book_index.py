"""The chart book's index: every unit with the page of its box, in pinyin (or code point) order.

Sorted with pypinyin when it is installed (Chinese names by their reading, as
a Chinese reader looks them up), else by code point. Each entry links to its page.
"""

from __future__ import annotations

import unicodedata
from functools import partial
from typing import Callable

from .context import Context, Page
from .sheet import Run, Sheet, draw_sheet
from .wrap import wrap

SIZE = 6.5
LINE = 8.2
COL_MIN = 150.0  # points: the narrowest index column
TITLE_SIZE = 13.0
TITLE_GAP = 22.0


def sort_key_function():
    """name -> sort key: pinyin syllables for Chinese characters, lower case for the rest."""
    try:
        from pypinyin import lazy_pinyin
    except ImportError:  # pragma: no cover - pypinyin is a dependency; code point order then
        return lambda name: (unicodedata.normalize("NFKC", name).casefold(), name)
    cache: dict[str, str] = {}

    def reading(ch: str) -> str:
        got = cache.get(ch)
        if got is None:
            got = cache[ch] = (
                (lazy_pinyin(ch)[0] + " ") if "\u3400" <= ch <= "\u9fff" else ch.casefold()
            )
        return got

    return lambda name: ("".join(reading(ch) for ch in unicodedata.normalize("NFKC", name)), name)


def index_pages(ctx: Context) -> list[Page]:
    """The index laid out now (so the page count is known), drawn later."""
    book = ctx.book
    assert book is not None
    _, _, w, h = ctx.frame.content
    cols = max(1, int(w // COL_MIN))
    col_w = w / cols
    key = sort_key_function()
    depts = sorted(ctx.design.departments.values(), key=lambda d: key(d.name))
    first_book = ctx.section_page["chart"]
    entries = []  # (lines, page index)
    for dept in depts:
        page = book.page_of.get(dept.id)
        if page is None:
            continue
        number = str(first_book + page)
        room = col_w - ctx.font.width(number, SIZE) - 12
        entries.append((wrap(dept.name or "—", room, SIZE, ctx.font.width) or ["—"], page, number))
    rows_per_col = max(1, int((h - TITLE_GAP) // LINE))
    layout: list[list[list[tuple]]] = []  # page -> column -> entries
    column: list[tuple] = []
    used = 0
    columns: list[list[tuple]] = []
    for entry in entries:
        need = len(entry[0])
        if used + need > rows_per_col and column:
            columns.append(column)
            column, used = [], 0
        column.append(entry)
        used += need
    if column:
        columns.append(column)
    for i in range(0, len(columns), cols):
        layout.append(columns[i : i + cols])
    title = ctx.t("book_index")
    start = ctx.next_page
    out = []
    for n, page_cols in enumerate(layout):
        outline = [(title, "sec-index", 0)] if n == 0 else []
        heading = title if n == 0 else f"{title} ({n + 1})"
        sheet = partial(index_sheet, ctx=ctx, page_cols=page_cols, heading=heading)
        out.append(Page("index", title, partial(_draw, ctx=ctx, sheet=sheet), outline, sheet))
    ctx.section_page["index"] = start
    return out


def index_sheet(ctx: Context, page_cols: list[list[tuple]], heading: str) -> Sheet:
    """One index page: its heading, then the entries column by column, each with its page."""
    x, y, w, h = ctx.frame.content
    cols = max(1, int(w // COL_MIN))
    col_w = w / cols
    sheet = Sheet()
    sheet.runs.append(Run(x, y + h - TITLE_SIZE, heading, TITLE_SIZE, "#1f3864"))
    top = y + h - TITLE_GAP
    for c, column in enumerate(page_cols):
        lx = x + c * col_w
        ly = top
        for lines, page, number in column:
            entry_top = ly
            for line in lines:
                ly -= LINE
                sheet.runs.append(Run(lx, ly + 2, line, SIZE, "#1f1f1f"))
            sheet.runs.append(Run(lx + col_w - 8, ly + 2, number, SIZE, "#1f3864", "right"))
            sheet.links.append((lx, ly, lx + col_w - 8, entry_top, f"book-{page}"))
    return sheet


def _draw(canvas, ctx: Context, sheet: Callable[[], Sheet]) -> None:
    draw_sheet(canvas, ctx, sheet())
