"""The proposal's `changes` section and the change colouring of its chart.

Given a comparison (`ExportOptions.comparison`, from `export --compare BASE`
or the export dialog), the section shows a before/after summary (departments,
headcount, budget, layers, span, findings), the change list grouped by kind,
and every function whose owner changes, with the ones left without an owner
in red: the seed's point is that no function may be left ownerless. The
chart section colours the target's units (added green, moved amber, changed
blue) and shows removed units dashed on a shelf below the chart.
"""

from __future__ import annotations

from ..compare import Comparison
from ..compare_text import CHANGE_BORDERS, CHANGE_FILLS, describe, heading, total_label
from ..display import format_number
from .chart import Chart, detail_text, label_box, make_box
from .context import Context, Page
from .pdf_chart import color
from .sections import RED, RED_FILL, _table_height, _table_pages
from .tables import Cell, Column, layout_table

_WORDS = {
    "changes": ("方案变化", "Changes"),
    "compared": ("对比：{base} → {target}", "Compared: {base} → {target}"),
    "summary": ("前后对比", "Before and after"),
    "measure": ("指标", "Measure"),
    "before": ("调整前", "Before"),
    "after": ("调整后", "After"),
    "delta": ("变化", "Change"),
    "resolved": ("已解决的问题", "Findings resolved"),
    "introduced": ("新出现的问题", "Findings introduced"),
    "list": ("变化清单", "Change list"),
    "kind": ("类别", "Kind"),
    "what": ("内容", "What"),
    "owners": ("职能负责部门变化", "Function owner changes"),
    "function": ("职能", "Function"),
    "none": ("没有变化。", "No changes."),
    "no_vacuum": ("没有职能失去负责部门。", "No function is left without an owner."),
    "vacuum": ("无人负责（管理真空）", "nobody (ownerless)"),
    "legend_added": ("新增", "added"),
    "legend_moved": ("调整汇报关系", "moved"),
    "legend_changed": ("属性变化", "changed"),
    "legend_removed": ("撤销（虚线）", "removed (dashed)"),
    "shelf": ("已撤销的部门", "Removed units"),
}


def word(key: str, lang: str, **values: object) -> str:
    zh, en = _WORDS[key]
    return (zh if lang == "zh" else en).format(**values)


# ----------------------------------------------------------------- the chart
def mark_chart(chart: Chart, result: Comparison, font, lang: str) -> None:
    """Colour the target chart by change and put removed units, dashed, on a shelf below it."""
    for dept_id, mark in result.department_marks().items():
        box = chart.by_id.get(dept_id)
        if box is not None:
            box.fill, box.color = CHANGE_FILLS[mark], CHANGE_BORDERS[mark]
            box.border_w = max(box.border_w, 1.6)
    removed = [result.base.departments[d] for d in result.removed_departments()]
    if not removed or not chart.boxes:
        return
    x0, y0, x1, y1 = chart.bounds
    top = y1 + 60
    x = x0
    for dept in removed:
        box = make_box(
            "removed:" + dept.id, dept.name, dept.kind, CHANGE_BORDERS["removed"], x, top
        )
        label_box(
            box,
            dept.name,
            detail_text(dept.leader, dept.headcount, lang),
            font,
            word("shelf", lang),
        )
        box.dashed, box.fill = True, CHANGE_FILLS["removed"]
        chart.boxes.append(box)
        x += box.w + 20
    chart.bounds = (x0, y0, max(x1, x - 20), top + max(b.h for b in chart.boxes[-len(removed) :]))


# --------------------------------------------------------------- the section
def change_pages(ctx: Context) -> list[Page]:
    """The `changes` section; nothing without a base to compare with."""
    result: Comparison | None = ctx.options.comparison
    if result is None:
        return []
    lang = ctx.lang
    title = word("changes", lang)
    _, _, w, _ = ctx.frame.content
    band = 44.0
    summary = layout_table(
        [
            Column(word("measure", lang), 1.0),
            Column(word("before", lang), 90.0, "right"),
            Column(word("after", lang), 90.0, "right"),
            Column(word("delta", lang), 90.0, "right"),
        ],
        _summary_rows(result, lang),
        w,
        _table_height(ctx, band),
        _table_height(ctx),
        ctx.font,
    )
    label = word(
        "compared",
        lang,
        base=ctx.options.base_label or "?",
        target=ctx.options.target_label or ctx.design.name,
    )

    def above(canvas, i, top):
        if i == 0:
            _legend(canvas, ctx, label, top)

    pages = _table_pages(ctx, "changes", title, summary, [(title, "sec-changes", 0)], band, above)
    pages += _list_pages(ctx, result)
    pages += _owner_pages(ctx, result)
    return pages


def _summary_rows(result: Comparison, lang: str) -> list[list[Cell]]:
    rows = []
    for key, pair in result.totals.items():
        before, after = pair["from"], pair["to"]
        delta = after - before
        sign = "+" if delta > 0 else ""
        fill = None
        if key in ("errors", "warnings") and delta:
            fill = RED_FILL if delta > 0 else CHANGE_FILLS["added"]
        rows.append(
            [
                Cell(total_label(key, lang)),
                Cell(format_number(before)),
                Cell(format_number(after)),
                Cell(sign + format_number(delta) if delta else "—", fill),
            ]
        )
    rows.append(
        [
            Cell(word("resolved", lang)),
            Cell(""),
            Cell(str(len(result.resolved))),
            Cell("", CHANGE_FILLS["added"] if result.resolved else None),
        ]
    )
    rows.append(
        [
            Cell(word("introduced", lang)),
            Cell(""),
            Cell(str(len(result.introduced))),
            Cell("", RED_FILL if result.introduced else None),
        ]
    )
    return rows


def _legend(canvas, ctx: Context, label: str, top: float) -> None:
    x, _, _, _ = ctx.frame.content
    font, lang = ctx.font.name, ctx.lang
    canvas.saveState()
    canvas.setFont(font, 9)
    canvas.setFillColor(color("#1f1f1f"))
    canvas.drawString(x, top - 10, label)
    cx = x
    canvas.setFont(font, 8)
    for mark in ("added", "moved", "changed", "removed"):
        canvas.setFillColor(color(CHANGE_FILLS[mark]))
        canvas.setStrokeColor(color(CHANGE_BORDERS[mark]))
        canvas.setDash(3, 2) if mark == "removed" else canvas.setDash()
        canvas.rect(cx, top - 32, 18, 10, fill=1, stroke=1)
        canvas.setDash()
        canvas.setFillColor(color("#1f1f1f"))
        words = word("legend_" + mark, lang)
        canvas.drawString(cx + 22, top - 30, words)
        cx += 32 + ctx.font.width(words, 8)
    canvas.restoreState()


_IN_OWNER_TABLE = ("owner-changed", "ownerless", "function-added", "function-removed")


def _list_pages(ctx: Context, result: Comparison) -> list[Page]:
    lang = ctx.lang
    title = word("list", lang)
    _, _, w, _ = ctx.frame.content
    rows = [
        [
            Cell(
                heading(c.kind, lang),
                CHANGE_FILLS.get(c.kind) or (RED_FILL if c.kind == "ownerless" else None),
            ),
            Cell(describe(c, lang), color=RED if c.kind == "ownerless" else "#1f1f1f"),
        ]
        for c in result.changes
        if c.kind not in _IN_OWNER_TABLE
    ]
    if not rows:
        rows = [[Cell(word("none", lang)), Cell("")]]
    layout = layout_table(
        [Column(word("kind", lang), 130.0), Column(word("what", lang), 1.0)],
        rows,
        w,
        _table_height(ctx),
        _table_height(ctx),
        ctx.font,
    )
    return _table_pages(ctx, "changes", title, layout, [(title, "sec-changes-list", 1)])


def _owner_pages(ctx: Context, result: Comparison) -> list[Page]:
    lang = ctx.lang
    title = word("owners", lang)
    _, _, w, _ = ctx.frame.content
    rows = []
    for change in result.of_kind(*_IN_OWNER_TABLE):
        vacuum = change.kind == "ownerless" or (
            change.kind == "function-added" and change.after is None
        )
        rows.append(
            [
                Cell(change.name),
                Cell(change.before or "—"),
                Cell(
                    word("vacuum", lang) if vacuum else (change.after or "—"),
                    RED_FILL if vacuum else None,
                    RED if vacuum else "#1f1f1f",
                ),
            ]
        )
    if not any(r[2].fill for r in rows):
        rows.append(
            [
                Cell(word("no_vacuum", lang), CHANGE_FILLS["added"]),
                Cell("", CHANGE_FILLS["added"]),
                Cell("", CHANGE_FILLS["added"]),
            ]
        )
    layout = layout_table(
        [
            Column(word("function", lang), 1.0),
            Column(word("before", lang), 1.0),
            Column(word("after", lang), 1.0),
        ],
        rows,
        w,
        _table_height(ctx),
        _table_height(ctx),
        ctx.font,
    )
    return _table_pages(ctx, "changes", title, layout, [(title, "sec-changes-owners", 1)])
