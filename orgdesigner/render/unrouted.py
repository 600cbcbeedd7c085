"""The links a chart could not route around its boxes, listed after the chart instead of drawn.

The router gives up on a link when no free route is found within its bounds
(very long links across a chart of thousands of boxes); a line drawn through
the boxes in between would read as a link to them, so such a link is named
here: in the PDF as a table with the pages that show its two ends, under the
SVG's and PNG's chart as a short list (`unrouted_note`). No export drops a link
silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..design import Design
from ..fonts import ChartFont
from .chart import Chart
from .context import Context, Page, dest_key
from .labels import text
from .sections import _table_height, _table_pages
from .tables import Cell, Column, layout_table

NOTE_SIZE = 9.0  # the list under an SVG/PNG chart: its text size, in scene units
NOTE_LINE = 14.0  # and its line pitch
NOTE_GAP = 24.0  # between the chart and the list


def unrouted_rows(design: Design, link_ids: list[str], lang: str) -> list[tuple[str, str, str]]:
    """(the two units, the label, the kind) of each link: the PDF's table and the SVG/PNG's list."""
    rows = []
    for link_id in link_ids:
        link = design.links[link_id]
        ends = f"{design.departments[link.source].name} — {design.departments[link.target].name}"
        rows.append((ends, link.label.replace("\n", " "), text(f"link:{link.kind.value}", lang)))
    return rows


@dataclass
class UnroutedNote:
    """The list under an SVG/PNG chart: a heading, then one line per link not drawn."""

    lines: list[str]
    width: float  # of the longest line (the heading is bold: measured a little wider)

    @property
    def height(self) -> float:
        return NOTE_GAP + NOTE_LINE * len(self.lines)

    def baselines(
        self, x0: float, y1: float, zoom: float = 1.0
    ) -> list[tuple[str, float, float, bool]]:
        """(text, x, baseline y, bold) of each line, the list starting below y1 at x0; `zoom`
        enlarges it (a picture of a huge chart is scaled down: the list must stay readable)."""
        y = y1 + NOTE_GAP * zoom
        return [
            (line, x0, y + (NOTE_LINE * i + NOTE_SIZE) * zoom, i == 0)
            for i, line in enumerate(self.lines)
        ]


def unrouted_note(design: Design, chart: Chart, font: ChartFont, lang: str) -> UnroutedNote | None:
    """The chart's unrouted links as a list for the foot of an SVG or PNG (None: all drawn)."""
    if not chart.unrouted:
        return None
    lines = [text("unrouted", lang)]
    for ends, label, kind in unrouted_rows(design, chart.unrouted, lang):
        lines.append(" · ".join(p for p in (ends, label, kind) if p))
    width = max(font.width(line, NOTE_SIZE) for line in lines) * 1.05
    return UnroutedNote(lines, width)


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
    described = unrouted_rows(d, ctx.chart.unrouted, ctx.lang)
    for link_id, (ends, label, kind) in zip(ctx.chart.unrouted, described):
        link = d.links[link_id]
        pages = sorted({p for p in map(ctx.dept_page, (link.source, link.target)) if p})
        where = " / ".join(ctx.t("see_page", p=p) for p in pages)
        target = None
        if pages:
            ctx.targets.add(link.source)  # the chart page marks it as a destination when drawn
            target = dest_key(link.source)
        rows.append(
            [
                Cell(ends),
                Cell(label),
                Cell(kind),
                Cell(where, link=target, color="#1f4e9c" if target else "#1f1f1f"),
            ]
        )
    _, _, w, _ = ctx.frame.content
    layout = layout_table(columns, rows, w, _table_height(ctx), _table_height(ctx), ctx.font)
    return _table_pages(ctx, "chart", title, layout, [(title, "chart-unrouted", 1)])
