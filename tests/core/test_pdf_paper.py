"""Paper, orientation, fit and tiles: what the options ask for is what the PDF has."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from orgdesigner.render import PAPERS, ExportOptions, export_pdf, plan_pages
from orgdesigner.render.options import ExportOptionError

from .pdf_helpers import company_design, page_sizes, pdf_text, squash, wide_design


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_every_page_has_the_asked_paper_and_orientation(tmp_path, paper, orientation):
    path = tmp_path / "p.pdf"
    export_pdf(
        company_design(),
        path,
        ExportOptions(
            paper=paper, orientation=orientation, sections=("cover", "chart", "departments")
        ),
    )
    w, h = PAPERS[paper]
    expected = (min(w, h), max(w, h)) if orientation == "portrait" else (max(w, h), min(w, h))
    sizes = page_sizes(path)
    assert sizes and all(abs(a - b) < 0.01 for size in sizes for a, b in zip(size, expected)), sizes


def test_auto_orientation_picks_the_one_that_fits_a_wide_chart_better(tmp_path):
    path = tmp_path / "auto.pdf"
    plan = export_pdf(company_design(), path, ExportOptions(paper="A2", sections=("chart",)))
    assert plan.orientation == "landscape"
    ((w, h),) = page_sizes(path)
    assert w > h


def test_tall_narrow_chart_prints_portrait_in_auto(tmp_path):
    from orgdesigner.design import Design
    from orgdesigner.entities import Department

    d = Design("chain")
    parent = None
    for i in range(6):
        parent = d.add_department(Department(name=f"层级 {i}", parent=parent, y=i * 150.0)).id
    plan = plan_pages(d, ExportOptions(sections=("chart",)))
    assert plan.orientation == "portrait" and plan.chart_mode == "page"


def test_fit_page_scales_a_small_chart_onto_one_readable_page(tmp_path):
    plan = plan_pages(company_design(), ExportOptions(paper="A1", fit="page", sections=("chart",)))
    assert plan.chart_mode == "page" and plan.page_count == 1 and plan.readable
    assert plan.min_text >= 5.0


def test_auto_fit_switches_to_tiles_when_one_page_would_be_unreadable():
    design = wide_design(60)
    one = plan_pages(design, ExportOptions(fit="page", sections=("chart",)))
    auto = plan_pages(design, ExportOptions(fit="auto", sections=("chart",)))
    assert one.chart_mode == "page" and not one.readable
    assert any("smallest chart text" in w for w in one.warnings())
    assert auto.chart_mode == "tiles" and auto.readable and auto.min_text >= 5.0
    assert auto.warnings() == [] and "tiles + overview" in auto.summary()


def test_tiles_make_n_by_m_chart_pages_plus_an_overview(tmp_path):
    design = wide_design(30, depth=2)  # a shallow, wide tree: every tile shows some of it
    path = tmp_path / "tiles.pdf"
    plan = export_pdf(
        design,
        path,
        ExportOptions(
            paper="A4", orientation="landscape", fit="tiles", scale=1.0, sections=("chart",)
        ),
    )
    cols, rows = plan.tiles
    assert cols >= 3 and rows >= 1
    reader = PdfReader(path)
    assert len(reader.pages) == cols * rows + 1 == plan.page_count
    text = pdf_text(path)
    # The overview names every tile of the grid key, and each tile page says which tile it is.
    for col in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[:cols]:
        for row in range(1, rows + 1):
            assert f"Tile {col}{row}" in text
    outline = [item.title for item in _flat(reader.outline)]
    assert "Overview and page key" in outline and "Tile A1" in outline


def test_tiles_overlap_and_scale_change_the_grid():
    design = wide_design(30, depth=2)
    big = plan_pages(design, ExportOptions(fit="tiles", scale=1.0, sections=("chart",)))
    small = plan_pages(design, ExportOptions(fit="tiles", scale=0.7, sections=("chart",)))
    assert small.tiles[0] * small.tiles[1] < big.tiles[0] * big.tiles[1]
    more_overlap = plan_pages(
        design,
        ExportOptions(
            fit="tiles", scale=1.0, overlap_mm=40, orientation=big.orientation, sections=("chart",)
        ),
    )
    assert more_overlap.tiles[0] >= big.tiles[0]


def test_tile_pages_have_crop_marks_in_the_margin(tmp_path):
    path = tmp_path / "tiles.pdf"
    export_pdf(
        wide_design(30, depth=2), path, ExportOptions(fit="tiles", scale=1.0, sections=("chart",))
    )
    page = PdfReader(path).pages[1]
    ops = [op for _, op in page.get_contents().operations]
    assert ops.count(b"l") >= 8  # two short strokes at each of four corners


def test_plan_pages_count_matches_the_written_pdf(tmp_path):
    design = company_design()
    for options in (
        ExportOptions(),
        ExportOptions(paper="A3", fit="tiles"),
        ExportOptions(sections=("owners", "departments")),
    ):
        plan = plan_pages(design, options)
        path = tmp_path / "x.pdf"
        written = export_pdf(design, path, options)
        assert plan.page_count == written.page_count == len(PdfReader(path).pages)


@pytest.mark.parametrize(
    "values, words",
    [
        ({"paper": "B5"}, "unknown paper"),
        ({"orientation": "sideways"}, "orientation"),
        ({"fit": "poster"}, "fit"),
        ({"scale": 0}, "scale"),
        ({"sections": "chart,toc"}, "unknown section"),
        ({"margin_mm": -1}, "margin"),
    ],
)
def test_bad_options_are_refused_with_a_readable_message(values, words):
    with pytest.raises(ExportOptionError, match=words):
        ExportOptions.from_mapping(values)


def test_paper_names_are_case_insensitive_and_sections_keep_document_order():
    options = ExportOptions.from_mapping({"paper": "letter", "sections": "departments,chart"})
    assert options.paper == "Letter" and options.sections == ("chart", "departments")


def test_language_option_changes_headings(tmp_path):
    path = tmp_path / "en.pdf"
    export_pdf(company_design(), path, ExportOptions(lang="en", sections=("cover", "legend")))
    text = squash(pdf_text(path))
    assert "Structureproposal" in text and "Legend" in text and "Page1of2" in text


def _flat(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _flat(item)
        else:
            yield item
