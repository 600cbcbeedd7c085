"""The chart section: one fitted page, or an overview page plus N x M tiles.

Tiles carry crop marks at the corners of the printed area, their grid key
(A1, B1, ...) and the names of their neighbours; boxes are bucketed by tile
once, so each tile draws only what it shows.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any, Callable

from ..routing import clip_route
from .chart import Box, LinkLine
from .context import Context, Page, dest_key
from .pdf_chart import TEXT_MIN_PT, View, color, draw_chart
from .pdf_links import link_area
from .paging import ChartPlan

CROP = 8.0  # crop mark length, points
CROP_GAP = 2.0
CLIP_MARGIN = 40.0  # scene units of a route drawn beyond a tile's edge (corners, arrow heads)


def chart_pages(ctx: Context) -> list[Page]:
    plan = ctx.plan
    first = ctx.next_page
    title = ctx.t("chart")
    if not ctx.chart.boxes:
        return [Page("chart", title, lambda c: _empty(c, ctx), [(title, "sec-chart", 0)])]
    if plan.mode == "book":
        from .book_pages import book_pages

        return book_pages(ctx)
    from .unrouted import unrouted_pages

    if plan.mode == "page":
        ctx.dept_page = lambda dept_id: first if dept_id in ctx.chart.by_id else None
        fitted = Page("chart", title, lambda c: _fitted(c, ctx), [(title, "sec-chart", 0)])
        return [fitted, *unrouted_pages(ctx)]

    buckets = _buckets(ctx)
    step_x, step_y = plan.step
    # Blank tiles (nothing drawn on them) are not printed; the overview shows them greyed.
    printed = sorted(
        (tile for tile, items in buckets.items() if any(items[:3])),
        key=lambda tile: (tile[1], tile[0]),
    )
    number = {tile: first + 1 + i for i, tile in enumerate(printed)}

    def page_of(dept_id: str) -> int | None:
        box = ctx.chart.by_id.get(dept_id)
        if box is None:
            return None
        return number.get(_tile_of(plan, box.x + box.w / 2, box.y + box.h / 2, step_x, step_y))

    ctx.dept_page = page_of
    pages = [
        Page(
            "chart",
            f"{title} · {ctx.t('overview')}",
            lambda c: _overview(c, ctx, number),
            [(title, "sec-chart", 0), (ctx.t("overview"), "chart-overview", 1)],
        )
    ]
    for col, row in printed:
        name = plan.tile_name(col, row)
        pages.append(
            Page(
                "chart",
                f"{title} · {ctx.t('tile')} {name}",
                _tile_drawer(ctx, col, row, buckets, number),
                [(f"{ctx.t('tile')} {name}", f"tile-{name}", 1)],
            )
        )
    return pages + unrouted_pages(ctx)


def _tile_of(plan: ChartPlan, x: float, y: float, step_x: float, step_y: float) -> tuple[int, int]:
    col = min(max(int((x - plan.scene_x) // step_x), 0), plan.cols - 1)
    row = min(max(int((y - plan.scene_y) // step_y), 0), plan.rows - 1)
    return col, row


def _range(lo: float, hi: float, origin: float, step: float, size: float, count: int) -> range:
    first = math.floor((lo - origin - size) / step) + 1
    last = math.ceil((hi - origin) / step) - 1
    return range(max(first, 0), min(last, count - 1) + 1)


def _buckets(ctx: Context) -> dict[tuple[int, int], tuple[list, list, list, list]]:
    """For each tile, the boxes, connectors, links and link labels that touch it (one pass each)."""
    plan = ctx.plan
    step_x, step_y = plan.step
    _, _, tw, th = plan.tile_scene_rect(0, 0)
    out: dict[tuple[int, int], tuple[list, list, list, list]] = defaultdict(
        lambda: ([], [], [], [])
    )

    def add(slot: int, item, x0: float, y0: float, x1: float, y1: float) -> None:
        for row in _range(y0, y1, plan.scene_y, step_y, th, plan.rows):
            for col in _range(x0, x1, plan.scene_x, step_x, tw, plan.cols):
                out[(col, row)][slot].append(item)

    for box in ctx.chart.boxes:
        add(0, box, box.x, box.y, box.x + box.w, box.y + box.h)
    for conn in ctx.chart.connectors:
        xs = [p[0] for p in conn.points]
        ys = [p[1] for p in conn.points]
        add(1, conn, min(xs), min(ys), max(xs), max(ys))
    for link in ctx.chart.links:
        for tile in _tiles_along(plan, link.curve_points(8), min(step_x, step_y) / 2, tw, th):
            out[tile][2].append(link)
        if link.label:
            half = link.label_w / 2 + 4
            lx, ly = link.label_at
            add(3, link, lx - half, ly - 8, lx + half, ly + 8)
    return out


def _tiles_along(
    plan: ChartPlan, points, step: float, tw: float, th: float
) -> set[tuple[int, int]]:
    """The tiles a polyline passes through (sampled every `step`), not its whole bounding box."""
    step_x, step_y = plan.step
    found: set[tuple[int, int]] = set()
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / step) + 1)
        for i in range(n + 1):
            x, y = x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n
            for row in _range(y, y, plan.scene_y, step_y, th, plan.rows):
                for col in _range(x, x, plan.scene_x, step_x, tw, plan.cols):
                    found.add((col, row))
    return found


def _content_view(ctx: Context, scene_x: float, scene_y: float, scale: float) -> View:
    x, y, w, h = ctx.frame.content
    return View(scale, scene_x, scene_y, x, y + h)


def _dests(canvas, ctx: Context, boxes: list[Box], view: View) -> None:
    """Named destinations for the boxes findings point at (zoomed onto the box)."""
    for box in boxes:
        if box.id in ctx.targets:
            bx, by, bw, bh = view.rect(box.x, box.y, box.w, box.h)
            canvas.bookmarkPage(
                dest_key(box.id),
                fit="FitR",
                left=bx - 40,
                bottom=by - 40,
                right=bx + bw + 40,
                top=by + bh + 40,
            )


def _empty(canvas, ctx: Context) -> None:
    x, y, w, h = ctx.frame.content
    canvas.setFont(ctx.font.name, 12)
    canvas.drawString(x, y + h - 20, ctx.t("no_departments"))


def _fitted(canvas, ctx: Context) -> None:
    plan = ctx.plan
    view = _content_view(ctx, plan.scene_x, plan.scene_y, plan.scale)
    draw_chart(canvas, ctx.chart, ctx.font, view)
    _dests(canvas, ctx, ctx.chart.boxes, view)
    if not plan.readable:
        x, y, w, h = ctx.frame.content
        canvas.setFont(ctx.font.name, 8)
        canvas.setFillColor(color("#b00020"))
        canvas.drawString(x, y + 2, ctx.t("readable_warning", s=plan.min_text))


def _overview(canvas, ctx: Context, number: dict[tuple[int, int], int]) -> None:
    """The whole chart small, with the tile grid, keys and links to each tile."""
    plan = ctx.plan
    x, y, w, h = ctx.frame.content
    step_x, step_y = plan.step
    _, _, tw, th = plan.tile_scene_rect(0, 0)
    grid_w = tw + (plan.cols - 1) * step_x
    grid_h = th + (plan.rows - 1) * step_y
    label_room = 14.0
    scale = min((w - label_room) / grid_w, (h - label_room) / grid_h)
    ox = x + label_room + (w - label_room - grid_w * scale) / 2
    top = y + h - label_room
    view = View(scale, plan.scene_x, plan.scene_y, ox, top)
    draw_chart(canvas, ctx.chart, ctx.font, view, min_text=TEXT_MIN_PT)
    canvas.saveState()
    canvas.setStrokeColor(color("#c0392b"))
    canvas.setLineWidth(0.6)
    canvas.setFont(ctx.font.name, 8)
    canvas.setFillColor(color("#c0392b"))
    for row in range(plan.rows):
        for col in range(plan.cols):
            sx, sy, _, _ = plan.tile_scene_rect(col, row)
            rx, ry, rw, rh = view.rect(
                sx, sy, step_x if col < plan.cols - 1 else tw, step_y if row < plan.rows - 1 else th
            )
            printed = (col, row) in number
            if not printed:
                canvas.setFillColor(color("#eeeeee"))
                canvas.rect(rx, ry, rw, rh, stroke=0, fill=1)
                canvas.setFillColor(color("#c0392b"))
            canvas.rect(rx, ry, rw, rh, stroke=1, fill=0)
            if rw > 14 and rh > 10:
                canvas.drawString(
                    rx + 2,
                    ry + rh - 9,
                    plan.tile_name(col, row)
                    + (f" · {number[(col, row)]}" if printed and rw > 40 else ""),
                )
            if printed:
                link_area(canvas, f"tile-{plan.tile_name(col, row)}", (rx, ry, rx + rw, ry + rh))
    from .paging import column_letters

    # Keys that fit beside each other: every n-th one when the columns are narrower than their keys.
    widest = ctx.font.width(column_letters(plan.cols - 1), 8) + 4
    every = max(1, math.ceil(widest / max(step_x * scale, 1e-6)))
    for col in range(0, plan.cols, every):
        sx = plan.tile_scene_rect(col, 0)[0]
        px, _ = view.pt(sx + step_x / 2, 0)
        canvas.drawCentredString(px, top + 4, column_letters(col))
    every = max(1, math.ceil(10 / max(step_y * scale, 1e-6)))
    for row in range(0, plan.rows, every):
        sy = plan.tile_scene_rect(0, row)[1]
        _, py = view.pt(0, sy + step_y / 2)
        canvas.drawRightString(ox - 3, py - 3, str(row + 1))
    canvas.setFillColor(color("#333333"))
    canvas.drawString(
        x,
        y + 2,
        ctx.t(
            "tile_key",
            t=f"A1–{plan.tile_name(plan.cols - 1, plan.rows - 1)}",
            c=plan.cols,
            r=plan.rows,
            s=plan.scale,
        ),
    )
    canvas.restoreState()


def _tile_drawer(
    ctx: Context, col: int, row: int, buckets: Any, number: dict[tuple[int, int], int]
) -> Callable[[Any], None]:
    """The page callback drawing one tile (binds col and row now, not at the loop's end)."""
    return lambda canvas: _tile(canvas, ctx, col, row, buckets[(col, row)], number)


def _tile(
    canvas,
    ctx: Context,
    col: int,
    row: int,
    bucket: tuple[list, list, list, list],
    number: dict[tuple[int, int], int],
) -> None:
    plan = ctx.plan
    x, y, w, h = ctx.frame.content
    sx, sy, _, _ = plan.tile_scene_rect(col, row)
    view = _content_view(ctx, sx, sy, plan.scale)
    boxes, connectors, links, labelled = bucket
    links = _clipped(links, plan.tile_scene_rect(col, row))
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(x, y, w, h)
    canvas.clipPath(clip, stroke=0, fill=0)
    draw_chart(
        canvas,
        ctx.chart,
        ctx.font,
        view,
        boxes=boxes,
        connectors=connectors,
        links=links,
        labelled=labelled,
    )
    canvas.restoreState()
    own = [
        b for b in boxes if _tile_of(plan, b.x + b.w / 2, b.y + b.h / 2, *plan.step) == (col, row)
    ]
    _dests(canvas, ctx, own, view)
    _crop_marks(canvas, x, y, w, h)
    _neighbours(canvas, ctx, col, row, x, y, w, h, number)


def _clipped(links: list[LinkLine], tile: tuple[float, float, float, float]) -> list[LinkLine]:
    """The parts of the links' routes on this tile (a long link crosses many tiles: draw only
    the piece each one shows; the margin keeps corners and arrow heads at the edge whole)."""
    x, y, w, h = tile
    area = (x - CLIP_MARGIN, y - CLIP_MARGIN, w + 2 * CLIP_MARGIN, h + 2 * CLIP_MARGIN)
    out: list[LinkLine] = []
    ax0, ay0, ax1, ay1 = area[0], area[1], area[0] + area[2], area[1] + area[3]
    for link in links:
        if not link.route:
            out.append(link)
            continue
        xs = [p[0] for p in link.route]
        ys = [p[1] for p in link.route]
        if ax0 < min(xs) and max(xs) < ax1 and ay0 < min(ys) and max(ys) < ay1:
            out.append(link)  # wholly on the tile: the one piece is the route itself
            continue
        end = link.route[-1]
        for piece in clip_route(link.route, area):
            out.append(link.piece(piece, link.directed and piece[-1] == end))
    return out


def _crop_marks(canvas, x: float, y: float, w: float, h: float) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.4)
    canvas.setStrokeColor(color("#000000"))
    for cx, dx in ((x, -1), (x + w, 1)):
        for cy, dy in ((y, -1), (y + h, 1)):
            canvas.line(cx + dx * CROP_GAP, cy, cx + dx * (CROP_GAP + CROP), cy)
            canvas.line(cx, cy + dy * CROP_GAP, cx, cy + dy * (CROP_GAP + CROP))
    canvas.restoreState()


def _neighbours(
    canvas,
    ctx: Context,
    col: int,
    row: int,
    x: float,
    y: float,
    w: float,
    h: float,
    number: dict[tuple[int, int], int],
) -> None:
    """Small keys at the edges naming the printed tile (and its page) that continues there."""
    plan = ctx.plan
    canvas.saveState()
    canvas.setFont(ctx.font.name, 7)
    canvas.setFillColor(color("#555555"))

    def key(c: int, r: int) -> str | None:
        page = number.get((c, r))
        return None if page is None else f"{plan.tile_name(c, r)} ({ctx.t('see_page', p=page)})"

    if (k := key(col - 1, row)) and col > 0:
        canvas.drawString(x + 2, y + 2, f"← {k}")
    if (k := key(col + 1, row)) and col < plan.cols - 1:
        canvas.drawRightString(x + w - 2, y + 2, f"{k} →")
    if (k := key(col, row - 1)) and row > 0:
        canvas.drawCentredString(x + w / 2, y + h + 2, f"↑ {k}")
    if (k := key(col, row + 1)) and row < plan.rows - 1:
        canvas.drawCentredString(x + w / 2, y - 8, f"↓ {k}")
    canvas.restoreState()
