"""The proposal's KPI table (考核指标): each KPI with its unit, owner, who shares it and what it
measures; required functions and stages no KPI measures are listed under it in red.

The seed ties budgets to clear performance measures (预算…与清晰的业绩指标挂钩); the
meeting sees who answers for which number.
"""

from __future__ import annotations

from ..catalogue import is_journey_stage
from .context import Context, Page
from .sections import RED, RED_FILL, _note_page, _table_height, _table_pages
from .tables import Cell, Column, layout_table


def kpi_pages(ctx: Context) -> list[Page]:
    d = ctx.design
    title = ctx.t("kpis")
    outline = [(title, "sec-kpis", 0)]
    if not d.kpis:
        return _note_page(ctx, "kpis", title, outline, "no_kpis")
    columns = [
        Column(ctx.t("kpi"), 1.0),
        Column(ctx.t("unit"), 48.0),
        Column(ctx.t("kpi_owner"), 90.0),
        Column(ctx.t("shared_with"), 120.0),
        Column(ctx.t("measures"), 170.0),
    ]
    join = "、".join if ctx.lang == "zh" else ", ".join
    rows = []
    for kpi in d.kpis.values():
        owner = (
            Cell(d.departments[kpi.owner].name)
            if kpi.owner
            else Cell(ctx.t("no_owner"), RED_FILL, RED)
        )
        rows.append(
            [
                Cell(kpi.name),
                Cell(kpi.unit),
                owner,
                Cell(join(d.departments[x].name for x in kpi.shared)),
                Cell(join(d.functions[f].name for f in kpi.functions)),
            ]
        )
    measured = {f for kpi in d.kpis.values() for f in kpi.functions}
    missing = [
        f.name
        for f_id, f in d.functions.items()
        if (f.required or is_journey_stage(f)) and f_id not in measured
    ]
    if missing:
        rows.append(
            [
                Cell(ctx.t("not_measured"), RED_FILL, RED),
                Cell("", RED_FILL),
                Cell("", RED_FILL),
                Cell("", RED_FILL),
                Cell(join(missing), RED_FILL, RED),
            ]
        )
    _, _, w, _ = ctx.frame.content
    layout = layout_table(columns, rows, w, _table_height(ctx), _table_height(ctx), ctx.font)
    return _table_pages(ctx, "kpis", title, layout, outline)
