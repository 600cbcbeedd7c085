"""The proposal as a PowerPoint deck (`export -o deck.pptx`), written with python-pptx.

HR proposals are presented as slides, and slides get edited: so every box is a
native shape with its text in the design's font, every reporting line a native
connector glued to its boxes (pptx_lines.py), and the owner matrix and findings
are native tables, not pictures. One slide per page of the chart book (the same
plan as `--fit book`), on slides the size of the chosen paper, after a title
slide carrying the title block; index slides (pptx_index.py) follow the chart.
"""

from __future__ import annotations

import io
from contextlib import nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from ..design import Design
from ..fileutil import atomic_write_bytes
from ..geometry import BOX_H, BOX_W
from ..progress import Callback, reporting, step, steps
from .book_pages import page_chart, split_links
from .options import ExportOptions
from .pptx_index import add_index_slides
from .pptx_lines import link_connectors, tie_connectors
from .proposal import plan_pages

EMU_PER_PT = 12700
TITLE_PT = 16.0
TABLE_ROWS = 14  # rows of a table slide (plus its header)


@dataclass
class DeckPlan:
    slides: int
    chart_slides: int
    table_slides: int
    index_slides: int = 0

    def summary(self, language: str = "en") -> str:
        if language == "zh":
            return (
                f"{self.slides} 张幻灯片（组织图 {self.chart_slides} 张，"
                f"索引 {self.index_slides} 张，表格 {self.table_slides} 张）"
            )
        return (
            f"{self.slides} slides ({self.chart_slides} chart, {self.index_slides} index, "
            f"{self.table_slides} tables)"
        )

    def warnings(self, language: str = "en") -> list[str]:
        return []


def _emu(points: float) -> int:
    return int(round(points * EMU_PER_PT))


def _rgb(value: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(value.lstrip("#").upper())


def export_pptx(
    design: Design,
    path: str | Path,
    options: ExportOptions | None = None,
    *,
    progress: Callback | None = None,
) -> DeckPlan:
    """Write the deck atomically; return what was written.

    `progress`: as in `export_pdf` ("plan", then "pages" per slide); it may
    raise `progress.Cancelled`, and then no file is written.
    """
    with reporting(progress) if progress is not None else nullcontext():
        data, plan = render_pptx(design, options)
        step("saving", 0, 1)  # the last moment to cancel: nothing is written yet
        atomic_write_bytes(Path(path), data)
    return plan


def render_pptx(design: Design, options: ExportOptions | None = None) -> tuple[bytes, DeckPlan]:
    from pptx import Presentation
    from pptx.util import Emu

    options = replace(
        (options or ExportOptions()), fit="book", sections=("chart", "owners", "findings")
    )
    step("plan", 0, 1)
    plan = plan_pages(design, options)
    ctx = plan.context
    assert ctx is not None and ctx.book is not None
    book = ctx.book
    prs = Presentation()
    width, height = plan.page_size
    prs.slide_width, prs.slide_height = Emu(_emu(width)), Emu(_emu(height))
    titled = prs.slide_layouts[5]  # "Title Only": every slide's title in its title placeholder
    title_layout = prs.slide_layouts[0]

    slide = prs.slides.add_slide(title_layout)
    _fit_placeholders(slide, prs)
    slide.shapes.title.text = design.name or ctx.t("proposal")
    stamp = design.stamp
    bits = [
        ctx.t("proposal"),
        design.author,
        ctx.date,
        ctx.t("save_n", n=stamp.save_generation) if stamp.save_generation else ctx.t("unsaved"),
    ]
    slide.placeholders[1].text = " · ".join(b for b in bits if b)

    drawn, refs = split_links(design, book)  # same-slide links are connectors, others listed
    names = design.departments
    x0, _, cw, _ = ctx.frame.content
    top0 = ctx.frame.margin + TITLE_PT + 10
    scale = min(book.scale, cw / book.area[0], (height - top0 - ctx.frame.margin) / book.area[1])
    chart_slides: list = []
    for i, page in enumerate(steps("pages", book.pages, len(book.pages), every=1)):
        slide = prs.slides.add_slide(titled)
        heading = " · ".join(names[r].name for r in page.roots[:3]) + (
            " …" if len(page.roots) > 3 else ""
        )
        _title(slide, x0, ctx.frame.margin, cw, f"{ctx.t('chart')} · {heading}")

        def pt(x: float, y: float) -> tuple[float, float]:
            return x0 + x * scale, top0 + y * scale

        shapes: dict[str, object] = {}
        for placed in page.boxes:
            dept = names[placed.id]
            bx, by = pt(placed.x, placed.y)
            label = dept.name
            detail = " · ".join(
                s for s in (dept.leader, f"{dept.headcount:g}" if dept.headcount else "") if s
            )
            if placed.stub:
                detail = f"→ {ctx.t('see_page', p=book.page_of[placed.id] + 2)}"  # slide numbers (title = 1)
            shapes[placed.id] = _box(
                slide,
                bx,
                by,
                BOX_W * scale,
                BOX_H * scale,
                label,
                detail,
                dept.color,
                placed.stub,
                scale,
            )
        own_boxes = {p.id: shapes[p.id] for p in page.boxes if not p.stub}
        shapes.update(own_boxes)  # a unit shown as a stub and as its own box: glue to its own box
        tie_connectors(slide, page, shapes, pt)
        link_lines = page_chart(ctx, page, drawn[i]).links
        ends = {k: (design.links[k].source, design.links[k].target) for k in drawn[i]}
        link_connectors(slide, link_lines, own_boxes, ends)
        for line in link_lines:
            if line.label:
                lx, ly = pt(*line.label_at)
                w = min(line.label_w * scale + 8, cw)
                lx = min(max(lx - w / 2, x0), x0 + cw - w)  # inside the slide
                _text(slide, lx, ly - 6, w, 12, line.label, 6, line.label_color)
        chart_slides.append(slide)
        lines = []
        for own, other, _link_id in refs[i]:
            lines.append(
                f"{names[own].name} — {names[other].name} → "
                f"{ctx.t('see_page', p=book.page_of[other] + 2)}"
            )
        if lines:
            shown = lines[:8] + (
                [ctx.t("book_more_refs", n=len(lines) - 8)] if len(lines) > 8 else []
            )
            _text(
                slide,
                x0,
                height - ctx.frame.margin - 9 * len(shown),
                cw,
                9 * len(shown),
                "\n".join(shown),
                7,
                "#333333",
            )
    index_slides = add_index_slides(
        prs,
        titled,
        ctx,
        chart_slides,
        2,
        (x0, ctx.frame.margin, cw, top0, height - ctx.frame.margin),
    )
    tables = _owner_rows(ctx), _finding_rows(ctx)
    table_slides = 0
    for title, header, rows in tables:
        for start in range(0, max(len(rows), 1), TABLE_ROWS):
            chunk = rows[start : start + TABLE_ROWS]
            slide = prs.slides.add_slide(titled)
            suffix = f" ({start // TABLE_ROWS + 1})" if start else ""
            _title(slide, x0, ctx.frame.margin, cw, title + suffix)
            _table(slide, x0, top0, cw, header, chunk)
            table_slides += 1
    family = font_family(ctx.font)
    if family:
        _apply_typeface(prs, family)
    buffer = io.BytesIO()
    prs.save(buffer)
    slides = 1 + len(book.pages) + index_slides + table_slides
    return buffer.getvalue(), DeckPlan(slides, len(book.pages), table_slides, index_slides)


def font_family(font) -> str | None:
    """The family name of the PDF's font (what PowerPoint looks up), None for the CID fallback."""
    if font.path is None:
        return None
    from reportlab.pdfbase.pdfmetrics import getFont

    name = getattr(getFont(font.name).face, "familyName", b"")
    return name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name or "") or None


def _apply_typeface(prs, family: str) -> None:
    """Every run in the design's font, for Latin and East Asian text alike."""
    from pptx.oxml.ns import qn
    from pptx.oxml.xmlchemy import OxmlElement

    for slide in prs.slides:
        for r in slide.shapes._spTree.iter(qn("a:r")):
            rpr = r.get_or_add_rPr()
            latin = rpr.get_or_add_latin()
            latin.set("typeface", family)
            ea = rpr.find(qn("a:ea"))
            if ea is None:
                ea = OxmlElement("a:ea")
                latin.addnext(ea)
            ea.set("typeface", family)


def _owner_rows(ctx) -> tuple[str, list[str], list[list[str]]]:
    d = ctx.design
    header = [ctx.t("function"), "A", "R", "C", "I"]
    rows = []
    for function in d.functions.values():
        roles = d.roles_of_function(function.id)
        cells = [function.name]
        for role in ("A", "R", "C", "I"):
            who = [
                d.departments[k].name for k, r in roles.items() if getattr(r, "value", r) == role
            ]
            cells.append("、".join(who) if who else (ctx.t("no_owner") if role == "A" else ""))
        rows.append(cells)
    return ctx.t("owners"), header, rows


def _finding_rows(ctx) -> tuple[str, list[str], list[list[str]]]:
    header = [ctx.t("severity"), ctx.t("rule"), ctx.t("message")]
    rows = [
        [ctx.t(f.severity.value), f.rule, f.message]
        for f in sorted(ctx.findings or [], key=lambda f: f.severity.rank)
    ]
    return ctx.t("findings"), header, rows


def _title(slide, x: float, y: float, w: float, text: str) -> None:
    """The slide's title in its layout's title placeholder, where PowerPoint's outline, screen
    readers and themes look for it; placed and styled like the PDF page's heading."""
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Pt

    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = _emu(x), _emu(y), _emu(w), _emu(TITLE_PT + 4)
    frame = shape.text_frame
    frame.text = text
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, 0)
    para = frame.paragraphs[0]
    para.alignment = PP_ALIGN.LEFT
    for run in para.runs:
        run.font.size = Pt(TITLE_PT)
        run.font.bold = True
        run.font.color.rgb = _rgb("#1f3864")


def _fit_placeholders(slide, prs) -> None:
    """The layout's placeholders sit where they would on a 10 × 7.5 inch slide: scale them to the
    paper-sized slide, so the title slide's title and subtitle stay centred."""
    sx = prs.slide_width / 9144000
    sy = prs.slide_height / 6858000
    for shape in slide.placeholders:
        left, top, width, height = shape.left, shape.top, shape.width, shape.height
        shape.left, shape.top = int(left * sx), int(top * sy)
        shape.width, shape.height = int(width * sx), int(height * sy)


def _text(
    slide,
    x: float,
    y: float,
    w: float,
    h: float,
    text: str,
    size: float,
    color: str,
    bold: bool = False,
) -> None:
    from pptx.util import Pt

    box = slide.shapes.add_textbox(_emu(x), _emu(y), _emu(w), _emu(h))
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(text.split("\n")):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.text = line
        for run in para.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = _rgb(color)


def _box(
    slide,
    x: float,
    y: float,
    w: float,
    h: float,
    name: str,
    detail: str,
    color: str,
    stub: bool,
    scale: float,
) -> object:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    from . import style as st

    shape = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, _emu(x), _emu(y), _emu(w), _emu(h))
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb("#f3f4f6" if stub else st.tint(color))
    shape.line.color.rgb = _rgb(color)
    shape.line.width = Pt(1.2 if not stub else 0.8)
    frame = shape.text_frame
    frame.word_wrap = True
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, _emu(2))
    para = frame.paragraphs[0]
    para.alignment = PP_ALIGN.CENTER
    run = para.add_run()
    run.text = name
    run.font.size = Pt(max(st.NAME_SIZE * scale, 5))
    run.font.bold = True
    run.font.color.rgb = _rgb(st.TEXT)
    if detail:
        para = frame.add_paragraph()
        para.alignment = PP_ALIGN.CENTER
        run = para.add_run()
        run.text = detail
        run.font.size = Pt(max(st.DETAIL_SIZE * scale, 4.5))
        run.font.color.rgb = _rgb("#1f3864" if stub else st.MUTED)
    return shape


def _table(slide, x: float, y: float, w: float, header: list[str], rows: list[list[str]]) -> None:
    from pptx.util import Pt

    n_rows = len(rows) + 1
    shape = slide.shapes.add_table(
        n_rows, len(header), _emu(x), _emu(y), _emu(w), _emu(18 * n_rows)
    )
    table = shape.table
    widths = (
        [0.28] + [0.72 / (len(header) - 1)] * (len(header) - 1)
        if len(header) > 3
        else [0.12, 0.2, 0.68]
    )
    for i, share in enumerate(widths):
        table.columns[i].width = _emu(w * share)
    for r, cells in enumerate([header, *rows]):
        for c, value in enumerate(cells):
            cell = table.cell(r, c)
            cell.text = value
            for para in cell.text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(9 if r else 10)
                    run.font.bold = r == 0
