"""The chart section as a chart book (`--fit book`): planned pages drawn on the PDF canvas.

`plan_book_chart` chooses the orientation that needs fewer pages at the readable
scale; `book_pages` turns the `Book` into proposal pages: blocks of boxes, a
breadcrumb above every continued branch (linking back), a "→ p. N" tag on each
stub, and the collaboration links that leave the page listed at its foot.
"""

from __future__ import annotations

from functools import partial
from typing import Callable

from ..design import Design
from ..geometry import BOX_H, BOX_W
from .book import CRUMB_PT, Book, BookPage, plan_book
from .book_pack import REF_COL_PT, REF_HEAD_PT, REF_LINE_PT
from .chart import Box, Chart, Connector, TextLine, _links
from .context import Context, Page, dest_key
from .options import MM, ExportOptions, page_size
from .paging import ChartPlan, Frame
from .pdf_chart import View, draw_chart
from .sheet import Mark, Run, Sheet, draw_sheet
from . import style as st
from .wrap import ellipsize

TAG_PT = 6.5  # the continuation tag on a stub, page points
CRUMB_SIZE = 7.0
REF_SIZE = 6.5
STUB_FILL = "#f3f4f6"
SMALL_BOOK = 4  # a book this short, of a design this small, is tried at larger scales
SMALL_DESIGN = 400
LARGER_SCALES = (1.0, 0.9, 0.8, 0.7)


def book_scale(options: ExportOptions) -> float:
    """The readable scale: the smallest name (NAME_MIN) prints at --min-font."""
    return options.scale if options.scale is not None else options.min_font / st.NAME_MIN


def plan_book_chart(design: Design, options: ExportOptions) -> tuple[ChartPlan, Book]:
    """The orientation (if auto) needing fewer pages; a small design printed larger if that costs no page."""
    readable = book_scale(options)
    margin = options.margin_mm * MM
    orientations = (
        ("portrait", "landscape") if options.orientation == "auto" else (options.orientation,)
    )
    frames = [Frame(*page_size(options.paper, o), margin) for o in orientations]

    def books(scale: float) -> list[tuple[int, Frame, Book]]:
        out = []
        for frame in frames:
            _, _, w, h = frame.content
            book = plan_book(design, (w / scale, h / scale), scale)
            out.append((len(book.pages), frame, book))
        return out

    count, frame, book = min(books(readable), key=lambda t: t[0])
    scale = readable
    if options.scale is None and count <= SMALL_BOOK and len(design.departments) <= SMALL_DESIGN:
        for larger in LARGER_SCALES:
            if larger <= readable:
                break
            found = [t for t in books(larger) if t[0] <= count]
            if found:
                count, frame, book = found[0]
                scale = larger
                break
    plan = ChartPlan(
        "book",
        frame,
        scale,
        1,
        1,
        st.NAME_MIN * scale >= options.min_font - 1e-9,
        st.NAME_MIN * scale,
    )
    return plan, book


def moved_box(box: Box, x: float, y: float) -> Box:
    """A copy of a chart box (with its fitted text) at another place.

    Built field by field: `dataclasses.replace` re-checks every field by name, and a book
    of 100,000 units moves half a million boxes and lines (a test keeps the fields complete).
    """
    dx, dy = x - box.x, y - box.y
    return Box(
        box.id,
        box.name,
        x,
        y,
        box.w,
        box.h,
        box.kind,
        box.shape,
        box.corner,
        box.dashed,
        box.border_w,
        [(px + dx, py + dy) for px, py in box.band],
        box.color,
        box.fill,
        [
            TextLine(t.text, t.size, t.x + dx, t.y + dy, t.color, t.bold, t.anchor)
            for t in box.lines
        ],
    )


def page_chart(ctx: Context, page: BookPage, link_ids: list[str]) -> Chart:
    """The drawable chart of one book page (boxes moved to their place, same-page links)."""
    chart = Chart()
    for placed in page.boxes:
        box = moved_box(ctx.chart.by_id[placed.id], placed.x, placed.y)
        if placed.stub:
            box.fill = STUB_FILL
            box.dashed = True
        chart.boxes.append(box)
        if not placed.stub:
            chart.by_id[placed.id] = box
    chart.connectors = [Connector("", "", pts) for pts in page.connectors]
    links = [ctx.design.links[i] for i in link_ids]
    chart.links = _links(ctx.design, chart.by_id, ctx.font, links, unrouted=chart.unrouted)
    return chart


def first_page_chart(ctx: Context) -> tuple[Chart, tuple[float, float]]:
    """The first page's chart and the page's chart area (scene units), for previews."""
    book = ctx.book
    assert book is not None
    drawn, _ = split_links(ctx.design, book)
    return page_chart(ctx, book.pages[0], drawn[0]), book.area


def split_links(
    design: Design, book: Book
) -> tuple[list[list[str]], list[list[tuple[str, str, str]]]]:
    """Per page: links drawn on it (both ends' own boxes there) and references to other pages."""
    drawn: list[list[str]] = [[] for _ in book.pages]
    refs: list[list[tuple[str, str, str]]] = [[] for _ in book.pages]
    for link in design.links.values():
        a, b = book.page_of.get(link.source), book.page_of.get(link.target)
        if a is None or b is None:
            continue
        if a == b:
            drawn[a].append(link.id)
        else:
            refs[a].append((link.source, link.target, link.id))
            refs[b].append((link.target, link.source, link.id))
    return drawn, refs


def book_pages(ctx: Context) -> list[Page]:
    book = ctx.book
    assert book is not None
    first = ctx.next_page
    title = ctx.t("chart")
    ctx.dept_page = lambda dept_id: (
        (first + book.page_of[dept_id]) if dept_id in book.page_of else None
    )
    drawn, refs = split_links(ctx.design, book)
    names = ctx.design.departments
    out = []
    for i, page in enumerate(book.pages):
        heading = " · ".join(names[r].name for r in page.roots[:3]) + (
            " …" if len(page.roots) > 3 else ""
        )
        if page.part is not None and page.part[0] > 1:
            heading = f"{names[page.roots[0]].name} ({page.part[0]}/{page.part[1]})"
        outline = [(title, "sec-chart", 0)] if i == 0 else []
        outline.append((f"{first + i}. {heading}", f"book-{i}", 1))
        sheet = partial(page_sheet, ctx=ctx, index=i, link_ids=drawn[i], refs=refs[i])
        out.append(
            Page(
                "chart",
                f"{title} · {heading}",
                partial(_draw, ctx=ctx, index=i, sheet=sheet),
                outline,
                sheet,
            )
        )
    return out


def page_sheet(
    ctx: Context, index: int, link_ids: list[str], refs: list[tuple[str, str, str]]
) -> Sheet:
    """One book page: its chart, the stubs' continuation tags, the managers' paths above the
    continued branches and the links to units on other pages."""
    book = ctx.book
    assert book is not None
    page = book.pages[index]
    x, y, _, h = ctx.frame.content
    view = View(book.scale, 0.0, 0.0, x, y + h)
    chart = page_chart(ctx, page, link_ids)
    for link_id in chart.unrouted:  # no route around the page's boxes: listed at the foot instead
        link = ctx.design.links[link_id]
        refs = [*refs, (link.source, link.target, link_id)]
    sheet = Sheet(chart, view)
    first = ctx.section_page["chart"]
    for placed in page.boxes:
        if placed.stub:
            bx, by, bw, bh = view.rect(placed.x, placed.y, BOX_W, BOX_H)
            target = book.page_of[placed.id]
            _tag(sheet, ctx, bx + bw, by, ctx.t("see_page", p=first + target), f"book-{target}")
            sheet.links.append((bx, by, bx + bw, by + bh, f"book-{target}"))
    for root in page.roots:
        _crumb(sheet, ctx, page, root, view)
    _refs(sheet, ctx, refs)
    return sheet


def _draw(canvas, ctx: Context, index: int, sheet: Callable[[], Sheet]) -> None:
    book = ctx.book
    assert book is not None
    drawn = sheet()
    assert drawn.chart is not None and drawn.view is not None
    draw_chart(canvas, drawn.chart, ctx.font, drawn.view)
    for placed in book.pages[index].boxes:
        if not placed.stub and placed.id in ctx.targets:
            bx, by, bw, bh = drawn.view.rect(placed.x, placed.y, BOX_W, BOX_H)
            canvas.bookmarkPage(
                dest_key(placed.id),
                fit="FitR",
                left=bx - 40,
                bottom=by - 40,
                right=bx + bw + 40,
                top=by + bh + 40,
            )
    draw_sheet(canvas, ctx, drawn)


def _tag(sheet: Sheet, ctx: Context, right: float, bottom: float, words: str, key: str) -> None:
    """A small dark pill at the stub's lower right: where its branch continues."""
    label = f"→ {words}"
    tw = ctx.font.width(label, TAG_PT) + 6
    tx, ty = right - tw - 3, bottom - TAG_PT * 0.6
    sheet.marks.append(Mark("pill", tx, ty, tw, TAG_PT * 1.5, "#1f3864"))
    sheet.runs.append(Run(tx + 3, ty + TAG_PT * 0.4, label, TAG_PT, "#ffffff"))
    sheet.links.append((tx, ty, tx + tw, ty + TAG_PT * 1.5, key))


def _crumb(sheet: Sheet, ctx: Context, page: BookPage, root: str, view: View) -> None:
    """The managers' path above a continued branch; each name links to the page with its box."""
    book = ctx.book
    assert book is not None
    design = ctx.design
    parent = design.departments[root].parent
    if parent is None:
        return
    path = [parent, *design.ancestors(parent)][::-1]
    box = (
        next(b for b in page.boxes if b.id == root and not b.stub)
        if page.part is None or page.part[0] == 1
        else None
    )
    first = ctx.section_page["chart"]
    if box is not None:
        left, top = view.pt(box.x, box.y - CRUMB_PT / book.scale)
    else:
        left, top = view.pt(0.0, 0.0)
        path = path + [root]
    width_left = ctx.frame.content[0] + ctx.frame.content[2] - left
    width = ctx.font.width
    cx = left
    baseline = top - CRUMB_SIZE - 1
    pieces = [(design.departments[d].name, d) for d in path]
    if len(pieces) > 4:  # keep the top and the nearest managers
        pieces = pieces[:1] + [("…", "")] + pieces[-2:]
    grey, blue = "#555555", "#1f3864"
    for name, dept_id in pieces:
        text = ellipsize(name, max(width_left / 3, 40), CRUMB_SIZE, width)
        tw = width(text, CRUMB_SIZE)
        if cx + tw > left + width_left:
            break
        target = book.page_of.get(dept_id)
        sheet.runs.append(Run(cx, baseline, text, CRUMB_SIZE, blue if target is not None else grey))
        if target is not None:
            sheet.links.append((cx, baseline - 2, cx + tw, baseline + CRUMB_SIZE, f"book-{target}"))
        cx += tw
        sheet.runs.append(Run(cx, baseline, " › ", CRUMB_SIZE, grey))
        cx += width(" › ", CRUMB_SIZE)
    back = book.page_of.get(parent)
    if box is None and page.part is not None:
        tail = f"({page.part[0]}/{page.part[1]})"
        sheet.runs.append(Run(cx, baseline, tail, CRUMB_SIZE, grey))
        cx += width(tail, CRUMB_SIZE) + 6
    if back is not None:
        words = f"↑ {ctx.t('see_page', p=first + back)}"
        end = cx + width(words, CRUMB_SIZE)
        if end <= left + width_left:
            sheet.runs.append(Run(cx, baseline, words, CRUMB_SIZE, blue))
            sheet.links.append((cx, baseline - 2, end, baseline + CRUMB_SIZE, f"book-{back}"))


def _refs(sheet: Sheet, ctx: Context, refs: list[tuple[str, str, str]]) -> None:
    """Links to units on other pages, listed at the foot of the page in columns."""
    if not refs:
        return
    book = ctx.book
    assert book is not None
    x, y, w, h = ctx.frame.content
    cols = max(1, int(w // REF_COL_PT))
    col_w = w / cols
    cap = h * 0.35
    rows_fit = max(1, int((cap - REF_HEAD_PT) // REF_LINE_PT))
    rows = min(-(-len(refs) // cols), rows_fit)
    shown = refs if len(refs) <= rows * cols else refs[: rows * cols - 1]
    top = y + REF_HEAD_PT + rows * REF_LINE_PT
    names = ctx.design.departments
    first = ctx.section_page["chart"]
    sheet.marks.append(Mark("rect", x, y, x + w, top + 2, "#ffffff"))
    sheet.marks.append(Mark("line", x, top, x + w, top, "#b8bec8"))
    blue = "#1f3864"
    sheet.runs.append(Run(x, top - REF_HEAD_PT + 3, ctx.t("book_refs"), REF_SIZE + 0.5, blue))
    for i, (own, other, link_id) in enumerate(shown):
        col, row = divmod(i, rows)
        lx = x + col * col_w
        ly = top - REF_HEAD_PT - (row + 1) * REF_LINE_PT + 2
        target = book.page_of[other]
        where = ctx.t("see_page", p=first + target)
        label = ctx.design.links[link_id].label.replace("\n", " ")
        words = f"{names[own].name} — {names[other].name}" + (f"（{label}）" if label else "")
        room = col_w - ctx.font.width(where, REF_SIZE) - 10
        text = ellipsize(words, room, REF_SIZE, ctx.font.width)
        sheet.runs.append(Run(lx, ly, text, REF_SIZE, "#1f1f1f"))
        sheet.runs.append(Run(lx + col_w - 6, ly, where, REF_SIZE, blue, "right"))
        sheet.links.append((lx, ly - 2, lx + col_w - 6, ly + REF_SIZE, f"book-{target}"))
    if len(shown) < len(refs):
        col, row = divmod(len(shown), rows)
        more = ctx.t("book_more_refs", n=len(refs) - len(shown))
        ly = top - REF_HEAD_PT - (row + 1) * REF_LINE_PT + 2
        sheet.runs.append(Run(x + col * col_w, ly, more, REF_SIZE, "#555555"))
