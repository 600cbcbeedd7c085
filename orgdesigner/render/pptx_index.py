"""The deck's index slides: every unit with the number of the slide showing its box, in the
PDF index's order (pinyin for Chinese names), each entry a click-through to that slide."""

from __future__ import annotations

from .book_index import sort_key_function
from .context import Context

SIZE = 8.0  # points
LINE = 10.5  # points per entry
COL_MIN = 160.0  # points: the narrowest column


def index_entries(ctx: Context, first_slide: int) -> list[tuple[str, int, int]]:
    """(name, book page index, slide number) for every unit with a box in the book."""
    book = ctx.book
    assert book is not None
    key = sort_key_function()
    out = []
    for dept in sorted(ctx.design.departments.values(), key=lambda d: key(d.name)):
        page = book.page_of.get(dept.id)
        if page is not None:
            out.append((dept.name or "—", page, first_slide + page))
    return out


def add_index_slides(prs, layout, ctx: Context, chart_slides: list, first_slide: int, area) -> int:
    """Append the index slides; `area` is (x, title y, width, top, bottom) in points.
    Returns how many slides were added."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.util import Pt

    from .pptx_deck import _emu, _rgb, _title
    from .wrap import ellipsize

    x, title_y, width, top, bottom = area
    entries = index_entries(ctx, first_slide)
    cols = max(1, int(width // COL_MIN))
    col_w = width / cols
    rows = max(1, int((bottom - top) // LINE))
    per_slide = rows * cols
    title = ctx.t("book_index")
    added = 0
    for start in range(0, len(entries), per_slide):
        slide = prs.slides.add_slide(layout)
        heading = title if not start else f"{title} ({start // per_slide + 1})"
        _title(slide, x, title_y, width, heading)
        chunk = entries[start : start + per_slide]
        for c in range(cols):
            column = chunk[c * rows : (c + 1) * rows]
            if not column:
                break
            box = slide.shapes.add_textbox(
                _emu(x + c * col_w), _emu(top), _emu(col_w - 6), _emu(LINE * len(column))
            )
            frame = box.text_frame
            frame.word_wrap = False
            for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
                setattr(frame, side, 0)
            for i, (name, page, number) in enumerate(column):
                para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
                para.line_spacing = Pt(LINE)
                words = ellipsize(name, col_w - 40, SIZE, ctx.font.width)
                rel = slide.part.relate_to(chart_slides[page].part, RT.SLIDE)
                for text, color in ((words, "#1f1f1f"), (f"  {number}", "#1f3864")):
                    run = para.add_run()
                    run.text = text
                    run.font.size = Pt(SIZE)
                    run.font.color.rgb = _rgb(color)
                    link = run._r.get_or_add_rPr().add_hlinkClick(rel)
                    link.set("action", "ppaction://hlinksldjump")
        added += 1
    return added
