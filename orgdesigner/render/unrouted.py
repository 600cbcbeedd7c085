"""The links a chart could not route around its boxes, listed after the chart instead of drawn.

The router gives up on a link when no free route is found within its bounds
(very long links across a chart of thousands of boxes); a line drawn through
the boxes in between would read as a link to them, so such a link is named
here, with the pages that show its two ends.
"""

from __future__ import annotations

from .context import Context, Page, dest_key
from .sections import _table_height, _table_pages
from .tables import Cell, Column, layout_table


def unrouted_pages(ctx: Context) -> list[Page]:
    """Table pages listing the chart's unrouted links (none when every link was drawn)."""
    if not ctx.chart.unrouted:
        return []
    d = ctx.design
    title = ctx.t("unrouted")
    columns = [
        Column(ctx.t("link_ends"), 1.0),
        Column(ctx.t("link_label"), 0.6),
        Column(ctx.t("kind"), 60.0),
        Column(ctx.t("where"), 110.0),
    ]
    rows = []
    for link_id in ctx.chart.unrouted:
        link = d.links[link_id]
        ends = f"{d.departments[link.source].name} — {d.departments[link.target].name}"
        pages = sorted({p for p in map(ctx.dept_page, (link.source, link.target)) if p})
        where = " / ".join(ctx.t("see_page", p=p) for p in pages)
        target = None
        if pages:
            ctx.targets.add(link.source)  # the chart page marks it as a destination when drawn
            target = dest_key(link.source)
        rows.append(
            [
                Cell(ends),
                Cell(link.label.replace("\n", " ")),
                Cell(ctx.t(f"link:{link.kind.value}")),
                Cell(where, link=target, color="#1f4e9c" if target else "#1f1f1f"),
            ]
        )
    _, _, w, _ = ctx.frame.content
    layout = layout_table(columns, rows, w, _table_height(ctx), _table_height(ctx), ctx.font)
    return _table_pages(ctx, "chart", title, layout, [(title, "chart-unrouted", 1)])
