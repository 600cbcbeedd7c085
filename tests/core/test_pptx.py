"""`export -o deck.pptx`: one slide per chart-book page with editable shapes, native tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generator import generate
from orgdesigner.render import ExportOptions, plan_pages
from orgdesigner.render.pptx_deck import export_pptx

from .pdf_helpers import company_design

pptx = pytest.importorskip("pptx")
ROOT = Path(__file__).resolve().parents[2]


def shape_texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


@pytest.mark.parametrize(
    "make", [company_design, lambda: generate(300, seed=4)], ids=["company", "random"]
)
def test_slides_follow_the_book_and_carry_every_name(make, tmp_path):
    design = make()
    out = tmp_path / "deck.pptx"
    deck = export_pptx(design, out, ExportOptions(paper="A4"))
    book = plan_pages(design, ExportOptions(paper="A4", fit="book", sections=("chart",))).sections[
        "chart"
    ][1]
    prs = pptx.Presentation(str(out))
    slides = list(prs.slides)
    assert len(slides) == deck.slides == 1 + book + deck.table_slides
    assert slides[0].shapes.title.text == design.name
    chart_slides = slides[1 : 1 + book]
    texts = [t for s in chart_slides for t in shape_texts(s)]
    for dept in design.departments.values():
        assert any(t.startswith(dept.name + "\n") or t == dept.name for t in texts), dept.name
    for slide in chart_slides:
        for shape in slide.shapes:  # editable shapes on the slide, not a picture
            assert shape.shape_type != pptx.enum.shapes.MSO_SHAPE_TYPE.PICTURE
            assert 0 <= shape.left and shape.left + shape.width <= prs.slide_width + 1
            assert 0 <= shape.top and shape.top + shape.height <= prs.slide_height + 1
    connectors = [
        s
        for s in chart_slides[0].shapes
        if s.shape_type == pptx.enum.shapes.MSO_SHAPE_TYPE.LINE
        or s.__class__.__name__ == "Connector"
    ]
    assert connectors
    tables = [s for slide in slides[1 + book :] for s in slide.shapes if s.has_table]
    assert len(tables) == deck.table_slides
    owner_cells = {tables[0].table.cell(r, 0).text for r in range(1, len(tables[0].table.rows))}
    assert owner_cells <= {f.name for f in design.functions.values()}


def test_cli_writes_a_deck(tmp_path):
    src, out = tmp_path / "plan.db", tmp_path / "deck.pptx"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [sys.executable, "-m", "orgdesigner", "new", "-o", str(src), "--template", "retail_fmcg"],
        check=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    done = subprocess.run(
        [sys.executable, "-m", "orgdesigner", "export", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "张幻灯片" in done.stdout  # the template is Chinese: so is the summary
    assert len(pptx.Presentation(str(out)).slides) >= 3
