"""The legend page: kinds as drawn, line types, RACI roles and the colours in use.

Samples are drawn by the chart's own drawing code, so the legend cannot
disagree with the chart.
"""

from __future__ import annotations

from collections import Counter

from ..entities import DeptKind, LinkKind, Role
from . import style as st
from .chart import Connector, LinkLine, label_box, make_box
from .context import Context, Page
from .pdf_chart import View, color, draw_boxes, draw_connectors, draw_links
from .sections import ROLE_FILL, _title
from .wrap import ellipsize

SAMPLE_SCALE = 0.75


def legend_pages(ctx: Context) -> list[Page]:
    title = ctx.t("legend")
    return [Page("legend", title, lambda c: _legend(c, ctx), [(title, "sec-legend", 0)])]


def _heading(canvas, ctx: Context, x: float, y: float, words: str) -> None:
    canvas.setFont(ctx.font.name, 10)
    canvas.setFillColor(color("#1f3864"))
    canvas.drawString(x, y, words)


def _label(
    canvas, ctx: Context, x: float, y: float, words: str, width: float, size: float = 9.0
) -> None:
    canvas.setFont(ctx.font.name, size)
    canvas.setFillColor(color("#1f1f1f"))
    canvas.drawString(x, y, ellipsize(words, width, size, ctx.font.width))


def _legend(canvas, ctx: Context) -> None:
    x, y, w, h = ctx.frame.content
    top = _title(canvas, ctx, ctx.t("legend"))
    col_w = (w - 20) / 2
    s = SAMPLE_SCALE
    # Kinds, drawn as boxes.
    _heading(canvas, ctx, x, top - 10, ctx.t("kinds"))
    cy = top - 22
    boxes = []
    for i, kind in enumerate(DeptKind):
        box = make_box(f"legend-{kind.value}", ctx.t(kind.value), kind, "#4472c4", 0, i * 80.0)
        caption = "" if kind is DeptKind.DEPARTMENT else ctx.t(kind.value)
        label_box(box, ctx.t(kind.value), "", ctx.font, caption)
        boxes.append(box)
    view = View(s, 0, 0, x, cy)
    draw_boxes(canvas, boxes, ctx.font, view)
    for i, kind in enumerate(DeptKind):
        _, py = view.pt(0, i * 80.0 + 40)
        _label(canvas, ctx, x + 180 * s + 10, py - 3, ctx.t(kind.value), col_w - 180 * s - 10)
    # Lines.
    rx = x + col_w + 20
    ry = top - 10
    _heading(canvas, ctx, rx, ry, ctx.t("links"))
    ry -= 18
    line_view = View(1.0, 0, 0, rx, ry)
    draw_connectors(canvas, [Connector("a", "b", [(0, 0), (40, 0)])], line_view)
    _label(canvas, ctx, rx + 50, ry - 3, ctx.t("reporting"), col_w - 50)
    samples = []
    for i, link_kind in enumerate(LinkKind, start=1):
        col, dash = st.LINK_STYLE[link_kind]
        samples.append(
            LinkLine(
                f"l{i}",
                link_kind,
                col,
                dash,
                (0, i * 16.0),
                (40, i * 16.0),
                (20, i * 16.0),
                link_kind is LinkKind.COMMITTEE,
                "",
                (20, i * 16.0),
                0.0,
            )
        )
    draw_links(canvas, samples, line_view)
    for i, link_kind in enumerate(LinkKind, start=1):
        _label(canvas, ctx, rx + 50, ry - i * 16 - 3, ctx.t(f"link:{link_kind.value}"), col_w - 50)
    ry -= 16 * (len(LinkKind) + 1) + 14
    # Roles.
    _heading(canvas, ctx, rx, ry, ctx.t("roles"))
    ry -= 16
    for role in (Role.A, Role.R, Role.C, Role.I):
        canvas.setFillColor(color(ROLE_FILL[role]))
        canvas.setStrokeColor(color("#b8bec8"))
        canvas.rect(rx, ry - 4, 14, 12, stroke=1, fill=1)
        canvas.setFillColor(color("#1f1f1f"))
        canvas.setFont(ctx.font.name, 8)
        canvas.drawCentredString(rx + 7, ry - 1, role.value)
        _label(canvas, ctx, rx + 22, ry - 1, ctx.t(role.value), col_w - 22, 8.5)
        ry -= 16
    ry -= 14
    # Colours in use.
    used = Counter(d.color for d in ctx.design.departments.values())
    if used:
        _heading(canvas, ctx, rx, ry, ctx.t("colours"))
        ry -= 16
        examples: dict[str, list[str]] = {}
        for d in ctx.design.departments.values():
            examples.setdefault(d.color, [])
            if len(examples[d.color]) < 3:
                examples[d.color].append(d.name)
        for value, count in used.most_common():
            if ry < y + 10:
                break
            canvas.setFillColor(color(value))
            canvas.rect(rx, ry - 4, 14, 12, stroke=0, fill=1)
            users = ctx.t("used_by_one") if count == 1 else ctx.t("used_by", n=count)
            words = f"{users}: {', '.join(examples[value])}"
            _label(canvas, ctx, rx + 22, ry - 1, words, col_w - 22, 8.5)
            ry -= 16
