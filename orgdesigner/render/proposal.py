"""The PDF structure proposal: plan every page first, then draw them with "page x of y".

`plan_pages` is cheap (no drawing) so the export dialog can preview the page
count; `export_pdf` draws the same plan, reports progress per page and
writes the file atomically (a failed or cancelled export leaves no file).
"""

from __future__ import annotations

import io
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from .. import __version__
from ..design import Design
from ..fileutil import atomic_write_bytes
from ..findings import Finding
from ..fonts import find_font
from ..progress import Callback, reporting, step, steps
from ..rollups import rollups
from .chart import build_chart
from .changes import change_pages, mark_chart
from .chart_pages import chart_pages
from .context import Context, Page, today
from .kpi_section import kpi_pages
from .legend import legend_pages
from .options import ExportOptions
from .paging import plan_chart
from .pdf_streams import compress_pages_as_drawn
from .sections import (
    cover_pages,
    department_pages,
    finding_pages,
    load_findings,
    owner_pages,
    plan_targets,
)
from .sheet import draw_sheet, frame_sheet

BUILDERS = {
    "cover": cover_pages,
    "changes": change_pages,
    "chart": chart_pages,
    "legend": legend_pages,
    "owners": owner_pages,
    "kpis": kpi_pages,
    "findings": finding_pages,
    "departments": department_pages,
}


@dataclass
class PagePlan:
    """What the export will produce, for the dialog's preview and the CLI summary."""

    page_count: int
    page_size: tuple[float, float]  # points
    orientation: str
    chart_mode: str  # "page" or "tiles"
    chart_scale: float
    tiles: tuple[int, int]  # columns, rows (1, 1 for a fitted chart)
    readable: bool  # smallest chart text >= options.min_font
    min_text: float  # smallest chart text on paper, pt
    font: str  # ReportLab font name
    font_embedded: bool
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)  # first page, page count
    missing_glyphs: str = ""  # characters of names the font cannot show
    context: Context | None = field(default=None, repr=False, compare=False)
    pages: list[Page] = field(default_factory=list, repr=False, compare=False)

    @property
    def paper(self) -> str:
        return self.context.options.paper if self.context else ""

    def summary(self, language: str = "en") -> str:
        """One line for the CLI and the export dialog's preview, in "zh" or "en"."""
        if language == "zh":
            chart = (
                f"组织图分 {self.tiles[0]} × {self.tiles[1]} 块 + 总览"
                if self.chart_mode == "tiles"
                else "组织图在一页上"
            )
            if self.chart_mode == "book" and "chart" in self.sections:
                chart = f"组织图分册 {self.sections['chart'][1]} 页" + (
                    f" + 索引 {self.sections['index'][1]} 页" if "index" in self.sections else ""
                )
            font = self.font + ("" if self.font_embedded else "（未嵌入）")
            orientation = {"portrait": "纵向", "landscape": "横向"}.get(
                self.orientation, self.orientation
            )
            return (
                f"{self.page_count} 页，{self.paper} {orientation}，{chart}，"
                f"比例 {self.chart_scale:.0%}，字体 {font}"
            )
        chart = (
            f"chart on {self.tiles[0]} x {self.tiles[1]} tiles + overview"
            if self.chart_mode == "tiles"
            else "chart on one page"
        )
        if self.chart_mode == "book" and "chart" in self.sections:
            chart = f"chart book of {self.sections['chart'][1]} pages" + (
                f" + index of {self.sections['index'][1]}" if "index" in self.sections else ""
            )
        font = self.font + ("" if self.font_embedded else " (not embedded)")
        pages = f"{self.page_count} page{'' if self.page_count == 1 else 's'}"
        return (
            f"{pages}, {self.paper} {self.orientation}, {chart} "
            f"at {self.chart_scale:.0%}, font {font}"
        )

    def warnings(self, language: str = "en") -> list[str]:
        """What the user should know before printing (unreadable text, missing glyphs)."""
        zh = language == "zh"
        out = []
        if "chart" in self.sections and not self.readable:
            out.append(
                f"组织图上最小的文字只有 {self.min_text:.1f} pt；请试试 --fit tiles 或更大的纸张"
                if zh
                else f"the smallest chart text is {self.min_text:.1f} pt; try --fit tiles or larger paper"
            )
        unrouted = len(self.context.chart.unrouted) if self.context else 0
        if "chart" in self.sections and unrouted:
            out.append(
                f"{unrouted} 条关系找不到绕开其他方框的路线，没有画出，列在组织图之后"
                if zh
                else f"{unrouted} link{'' if unrouted == 1 else 's'} found no route around the other boxes: "
                "listed after the chart, not drawn"
            )
        if self.missing_glyphs:
            out.append(
                f"字体 {self.font} 没有 {self.missing_glyphs!r} 的字形；请用 --font 换一种字体"
                if zh
                else f"font {self.font} has no glyph for {self.missing_glyphs!r}; choose another with --font"
            )
        return out


def _smallest_text(chart) -> float:
    """The smallest department name (bold line): what must stay readable on paper.

    Captions and the leader/headcount line are smaller on purpose; judging the
    fit by them sent a 12-box chart to tiles on A3.
    """
    sizes = [line.size for box in chart.boxes for line in box.lines if line.bold]
    sizes = sizes or [line.size for box in chart.boxes for line in box.lines]
    return min(sizes) if sizes else 8.0


def plan_pages(
    design: Design, options: ExportOptions | None = None, *, findings: list[Finding] | None = None
) -> PagePlan:
    """Lay the whole proposal out without drawing: page count, paper, tiles, sections."""
    options = (options or ExportOptions()).checked()
    lang = options.lang or design.language or "zh"
    font = find_font(options.font)
    chart = build_chart(
        design, font, auto_layout=options.auto_layout, lang=lang, route=options.fit != "book"
    )
    if options.comparison is not None:
        mark_chart(chart, options.comparison, font, lang)
    book = None
    if options.fit == "book":
        from .book_pages import plan_book_chart

        plan, book = plan_book_chart(design, options)
    else:
        plan = plan_chart(chart.bounds, _smallest_text(chart), options)
    if findings is None and "findings" in options.sections:
        findings = load_findings(design, lang)
    ctx = Context(
        design,
        options,
        lang,
        font,
        chart,
        plan,
        rollups(design),
        findings,
        options.date or today(),
        book=book,
    )
    plan_targets(ctx)
    pages: list[Page] = []
    sections: dict[str, tuple[int, int]] = {}
    # Sections are built in document order; the chart comes before the sections that cite its pages.
    for section in options.sections:
        ctx.next_page = len(pages) + 1
        ctx.section_page[section] = ctx.next_page
        built = BUILDERS[section](ctx)
        sections[section] = (ctx.next_page, len(built))
        pages.extend(built)
    if book is not None and "chart" in options.sections and ctx.chart.boxes:
        from .book_index import index_pages

        ctx.next_page = len(pages) + 1
        built = index_pages(ctx)
        sections["index"] = (ctx.next_page, len(built))
        pages.extend(built)
    ctx.total_pages = len(pages)
    names = "".join(d.name + d.leader for d in design.departments.values())
    names += "".join(f.name for f in design.functions.values()) + design.name
    names += "".join(k.name + k.unit for k in design.kpis.values())
    missing = "".join(sorted(font.missing(names)))
    return PagePlan(
        len(pages),
        (plan.frame.width, plan.frame.height),
        plan.frame.orientation,
        plan.mode,
        plan.scale,
        (plan.cols, plan.rows),
        plan.readable,
        plan.min_text,
        font.name,
        font.embedded,
        sections,
        missing,
        ctx,
        pages,
    )


def render_pdf(
    design: Design,
    options: ExportOptions | None = None,
    *,
    progress: Callback | None = None,
    findings: list[Finding] | None = None,
) -> tuple[bytes, PagePlan]:
    """The proposal as PDF bytes, and its plan; `progress` as in `export_pdf`."""
    with reporting(progress) if progress is not None else nullcontext():
        step("plan", 0, 1)
        plan = plan_pages(design, options, findings=findings)
        ctx = plan.context
        assert ctx is not None
        saved_a85 = rl_config.useA85
        rl_config.useA85 = 0  # plain Flate streams: smaller and much faster than ASCII85 on top
        try:
            return _render(design, plan, ctx), plan
        finally:
            rl_config.useA85 = saved_a85


def _render(design: Design, plan: PagePlan, ctx: Context) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=plan.page_size,
        pageCompression=1,
        invariant=bool(ctx.options.date),  # a fixed date gives byte-identical files
        initialFontName=ctx.font.name,
    )  # else every page references Helvetica
    compress_pages_as_drawn(canvas)  # a long book's page text would otherwise wait for save
    canvas.setTitle(f"{design.name} — {ctx.t('proposal')}" if design.name else ctx.t("proposal"))
    canvas.setAuthor(design.author or ctx.options.author or "")
    canvas.setSubject(ctx.t("proposal") + (f": {design.description}" if design.description else ""))
    canvas.setCreator(f"Org Designer {__version__}")
    canvas.setKeywords(", ".join(ctx.t(s) for s in ctx.options.sections))
    pages = steps("pages", plan.pages, plan.page_count, every=1)  # may raise Cancelled
    for number, page in enumerate(pages, start=1):
        canvas.setPageSize(plan.page_size)
        for title, key, level in page.outline:
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(
                title, key, level=level, closed=key == "sec-chart"
            )  # tiles folded
        draw_sheet(canvas, ctx, frame_sheet(ctx, page.header, number))
        page.draw(canvas)
        canvas.showPage()
    canvas.showOutline()
    canvas.save()
    return buffer.getvalue()


def export_pdf(
    design: Design,
    path: str | Path,
    options: ExportOptions | None = None,
    *,
    progress: Callback | None = None,
    findings: list[Finding] | None = None,
) -> PagePlan:
    """Write the proposal PDF to `path` (atomically); return what was written.

    `findings`: pass the editor's current findings; default: run the validator.
    `progress`: an `orgdesigner.progress` callback (default: the one installed
    with `progress.reporting`), told of the "plan" and "pages" stages; it may
    raise `progress.Cancelled`, and then no file is written (a file already at
    `path` stays as it was).
    """
    with reporting(progress) if progress is not None else nullcontext():
        data, plan = render_pdf(design, options, findings=findings)
        step("saving", 0, 1)  # the last moment to cancel: nothing is written yet
        atomic_write_bytes(Path(path), data)
    return plan
