"""The chart as PNG, drawn with Pillow (ReportLab's own dependency; no Qt, no Cairo).

ReportLab 5's bitmap renderer needs rlPyCairo/pycairo, which has no wheels
for Linux, so we draw the same chart model with Pillow instead. Small charts
are drawn at twice the size and scaled down for smooth lines; huge charts are
scaled so the image stays under a pixel budget.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..design import Design
from ..fileutil import atomic_write_bytes
from ..fonts import ChartFont, find_font, raster_font_file
from ..progress import step
from . import style as st
from .chart import Box, Chart, build_chart
from .options import ExportOptions
from .unrouted import NOTE_SIZE, UnroutedNote, unrouted_note

MARGIN = 20.0
MAX_PIXELS = 40_000_000  # final image (about 120 MB of RGB while drawing)
SUPERSAMPLE_PIXELS = 12_000_000
MAX_SIDE = 32_000
NOTE_MIN_PX = 11.0  # the list of links not drawn stays this readable under a scaled-down chart


class _Fonts:
    def __init__(self, font: ChartFont):
        self.file = raster_font_file(font)
        self.cache: dict[float, ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}

    def get(self, size: float):
        size = max(round(size * 2) / 2, 1.0)
        f = self.cache.get(size)
        if f is None:
            if self.file:
                path, index = self.file
                f = ImageFont.truetype(str(path), size, index=index)
            else:
                f = ImageFont.load_default(size)
            self.cache[size] = f
        return f


def _dashed(
    draw: ImageDraw.ImageDraw,
    points: list[tuple[float, float]],
    pattern: list[float],
    fill: str,
    width: int,
) -> None:
    """A polyline with a dash pattern (Pillow has none); dashes stay at least 2 px long."""
    grow = max(1.0, 2.0 / min(pattern))
    pattern = [p * grow for p in pattern]
    i, left, on = 0, pattern[0], True
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        length = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < length:
            step = min(left, length - pos)
            if on:
                a, b = pos / length, (pos + step) / length
                draw.line(
                    [
                        (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                        (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b),
                    ],
                    fill=fill,
                    width=width,
                )
            pos += step
            left -= step
            if left <= 1e-9:
                i = (i + 1) % len(pattern)
                left, on = pattern[i], not on


def _outline(box: Box, m) -> list[tuple[float, float]]:
    """The box outline in pixels, closed (for dashed borders)."""
    pts = [m(box.x + px, box.y + py) for px, py in st.outline(box.shape, box.corner, box.w, box.h)]
    return pts + pts[:1]


def chart_image(
    chart: Chart,
    font: ChartFont,
    *,
    scale: float = 1.0,
    window: tuple[float, float, float, float] | None = None,
    margin: float = MARGIN,
    note: UnroutedNote | None = None,
) -> Image.Image:
    """Draw the chart (or the scene `window` of it); scaled down to stay under MAX_PIXELS.
    `note` lists under the chart the links it could not draw around the boxes."""
    x0, y0, x1, y1 = window or chart.bounds
    w, h = (x1 - x0) + 2 * margin, (y1 - y0) + 2 * margin
    if w * h * scale * scale > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / (w * h))
    scale = min(scale, MAX_SIDE / w, MAX_SIDE / h)  # many viewers refuse wider images
    zoom = 1.0
    if note is not None:  # below the chart, its text at least NOTE_MIN_PX however small the chart
        zoom = max(1.0, NOTE_MIN_PX / (NOTE_SIZE * scale))
        w = max(w, note.width * zoom + 2 * margin)
        h += note.height * zoom
        scale = min(scale, MAX_SIDE / w, MAX_SIDE / h)
    sample = 2 if w * h * scale * scale * 4 <= SUPERSAMPLE_PIXELS else 1
    s = scale * sample
    size = (max(int(w * s), 1), max(int(h * s), 1))
    image = Image.new("RGB", size, st.PAPER)
    draw = ImageDraw.Draw(image)
    fonts = _Fonts(font)

    def m(x: float, y: float) -> tuple[float, float]:
        return (x - x0 + margin) * s, (y - y0 + margin) * s

    lw = max(int(round(st.CONNECTOR_W * s)), 1)
    for conn in chart.connectors:
        draw.line([m(*p) for p in conn.points], fill=st.CONNECTOR, width=lw, joint="curve")
    for link in chart.links:
        pts = [m(*p) for p in link.curve_points()]  # routes: the polyline itself
        _dashed(
            draw, pts, [d * s for d in link.dash], link.color, max(int(round(st.LINK_W * s)), 1)
        )
        if link.directed:
            draw.polygon([m(*p) for p in link.arrow()], fill=link.color)
    text_on = st.NAME_MIN * s >= 3
    for box in chart.boxes:
        (ax, ay), (bx, by) = m(box.x, box.y), m(box.x + box.w, box.y + box.h)
        bw = max(int(round(box.border_w * s)), 1)
        border = None if box.dashed else st.BORDER
        if box.shape == "round":
            draw.rounded_rectangle(
                (ax, ay, bx, by), radius=box.corner * s, fill=box.fill, outline=border, width=bw
            )
        else:
            draw.polygon(_outline(box, m)[:-1], fill=box.fill, outline=border, width=bw)
        if box.dashed:
            _dashed(draw, _outline(box, m), [d * s for d in st.BOX_DASH], st.BORDER, bw)
        draw.polygon([m(*p) for p in box.band], fill=box.color)  # inside the border
        if text_on:
            for line in box.lines:
                stroke = line.size * s * st.NAME_STROKE if line.bold else 0
                draw.text(
                    m(line.x, line.y),
                    line.text,
                    font=fonts.get(line.size * s),
                    fill=line.color,
                    anchor="ms" if line.anchor == "middle" else "rs",
                    stroke_width=stroke,
                    stroke_fill=line.color,
                )
    if text_on:
        for link in chart.links:
            if not link.label:
                continue
            cx, cy = link.label_at
            lsize = link.label_size
            (ax, ay) = m(cx - link.label_w / 2 - 2, cy - lsize * 0.75)
            (bx, by) = m(cx + link.label_w / 2 + 2, cy + lsize * 0.75)
            draw.rounded_rectangle((ax - s, ay, bx + s, by), radius=4 * s, fill=st.PAPER)
            draw.text(
                m(cx, cy + lsize * 0.35),
                link.label,
                font=fonts.get(lsize * s),
                fill=link.label_color,
                anchor="ms",
            )
    if note is not None:  # drawn at any scale: the only trace of these links in the picture
        for words, x, y, bold in note.baselines(x0, y1, zoom):
            draw.text(
                m(x, y),
                words,
                font=fonts.get(NOTE_SIZE * zoom * s),
                fill=st.TEXT,
                anchor="ls",
                stroke_width=NOTE_SIZE * zoom * s * st.NAME_STROKE if bold else 0,
                stroke_fill=st.TEXT,
            )
    if sample > 1:
        image = image.resize(
            (max(size[0] // sample, 1), max(size[1] // sample, 1)), Image.Resampling.LANCZOS
        )
    return image


def export_png(design: Design, path: str | Path, options: ExportOptions | None = None) -> None:
    options = (options or ExportOptions()).checked()
    font = find_font(options.font)
    step("plan", 0, 1)  # a progress callback (orgdesigner.progress) may cancel between stages
    chart = build_chart(design, font, auto_layout=options.auto_layout, lang=options.lang)
    note = unrouted_note(design, chart, font, options.lang or design.language)
    step("pages", 0, 1)
    image = chart_image(chart, font, scale=options.scale or 1.0, note=note)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=3)  # level 6 doubles the time of a big chart
    step("saving", 0, 1)
    atomic_write_bytes(Path(path), buffer.getvalue())


def plan_preview(plan, max_px: int = 800) -> Image.Image:
    """Where the chart falls on paper, for the export dialog: the page area, or the tile grid.

    `plan` is a `PagePlan` from `plan_pages`; the picture is at most `max_px` on its long side.
    """
    ctx = plan.context
    chart_plan = ctx.plan
    if chart_plan.mode == "book":  # the first page of the book
        from .book_pages import first_page_chart

        chart, (bw, bh) = first_page_chart(ctx)
        image = chart_image(
            chart, ctx.font, scale=max_px / max(bw, bh), window=(0, 0, bw, bh), margin=0
        )
        ImageDraw.Draw(image).rectangle(
            (0, 0, image.size[0] - 1, image.size[1] - 1), outline="#9ca3af"
        )
        return image
    _, _, aw, ah = chart_plan.frame.content
    tw, th = aw / chart_plan.scale, ah / chart_plan.scale
    step_x, step_y = chart_plan.step if chart_plan.mode == "tiles" else (tw, th)
    x0, y0 = chart_plan.scene_x, chart_plan.scene_y
    window = (
        x0,
        y0,
        x0 + tw + (chart_plan.cols - 1) * step_x,
        y0 + th + (chart_plan.rows - 1) * step_y,
    )
    scale = max_px / max(window[2] - window[0], window[3] - window[1])
    image = chart_image(ctx.chart, ctx.font, scale=scale, window=window, margin=0)
    s = image.size[0] / (window[2] - window[0])
    draw = ImageDraw.Draw(image)
    if chart_plan.mode == "tiles":
        label = _Fonts(ctx.font).get(11)
        for row in range(chart_plan.rows):
            for col in range(chart_plan.cols):
                sx, sy = (x0 + col * step_x - x0) * s, (y0 + row * step_y - y0) * s
                draw.rectangle((sx, sy, sx + step_x * s, sy + step_y * s), outline="#c0392b")
                if step_x * s > 24 and step_y * s > 16:
                    draw.text(
                        (sx + 3, sy + 2), chart_plan.tile_name(col, row), font=label, fill="#c0392b"
                    )
    draw.rectangle((0, 0, image.size[0] - 1, image.size[1] - 1), outline="#9ca3af")
    return image
