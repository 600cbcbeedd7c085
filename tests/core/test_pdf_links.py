"""Link areas written by `pdf_links.link_area` are byte for byte what ReportLab's `linkRect` writes."""

from __future__ import annotations

import io
import re

from reportlab.pdfgen.canvas import Canvas

from orgdesigner.render.pdf_links import link_area

RECTS = [(10, 20.5, 110.25, 40), (0.001, 1e-4, 595.2756, 841.8898), (-3, 5, 7, 9)]


def _pdf(fast: bool) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(595.2756, 841.8898), invariant=1, pageCompression=0)
    for page in range(3):
        canvas.bookmarkPage(f"p{page}")
        for rect in RECTS:
            for target in range(3):
                if fast:
                    link_area(canvas, f"p{target}", rect)
                else:
                    canvas.linkRect("", f"p{target}", rect, relative=0, thickness=0)
        canvas.drawString(100, 100, f"page {page}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_link_areas_are_reportlabs_bytes() -> None:
    ours, theirs = _pdf(True), _pdf(False)
    assert len(re.findall(rb"/Subtype /Link", ours)) == 3 * len(RECTS) * 3
    assert ours == theirs


def test_link_area_falls_back_when_encrypted() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, encrypt="secret")
    canvas.bookmarkPage("here")
    link_area(canvas, "here", (1, 2, 3, 4))
    canvas.showPage()
    canvas.save()
    assert out.getvalue().startswith(b"%PDF")
