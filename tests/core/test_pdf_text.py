"""What a reader of the proposal gets: every name as real text, nothing off the page."""

from __future__ import annotations

import pytest

from orgdesigner.render import ExportOptions, export_pdf

from .pdf_helpers import (
    HAVE_PDFTOTEXT,
    company_design,
    drawn_points_outside,
    pdf_text,
    squash,
    text_objects_starting_stroked,
    text_boxes_outside,
    wide_design,
)


@pytest.fixture(scope="module")
def company_pdf(tmp_path_factory):
    design = company_design()
    path = tmp_path_factory.mktemp("pdf") / "company.pdf"
    plan = export_pdf(design, path, ExportOptions(paper="A2", date="2026-01-02"))
    return design, path, plan


def test_every_department_name_is_text_in_the_pdf(company_pdf):
    design, path, _ = company_pdf
    text = squash(pdf_text(path))
    for dept in design.departments.values():
        assert squash(dept.name) in text, dept.name


def test_every_department_name_is_text_on_the_chart_page(company_pdf):
    design, path, plan = company_pdf
    first, count = plan.sections["chart"]
    assert count == 1 and plan.chart_mode == "page"
    text = squash(pdf_text(path, first, first))
    for dept in design.departments.values():
        assert squash(dept.name) in text, dept.name


def test_nothing_is_drawn_outside_the_page_box(company_pdf):
    _, path, _ = company_pdf
    assert drawn_points_outside(path) == []


@pytest.mark.skipif(not HAVE_PDFTOTEXT, reason="pdftotext (poppler-utils) not installed")
def test_no_word_sticks_out_of_its_page(company_pdf):
    _, path, _ = company_pdf
    assert text_boxes_outside(path) == []


@pytest.mark.parametrize("paper, orientation", [("A4", "portrait"), ("Letter", "landscape")])
def test_forced_one_page_chart_stays_on_the_page(tmp_path, paper, orientation):
    design = wide_design(80)
    path = tmp_path / "one.pdf"
    plan = export_pdf(
        design,
        path,
        ExportOptions(paper=paper, orientation=orientation, fit="page", sections=("chart",)),
    )
    assert plan.page_count == 1 and not plan.readable  # too small to read, but still on the page
    assert drawn_points_outside(path) == []
    assert "小组79" in squash(pdf_text(path))


def test_tiles_name_every_department_somewhere(tmp_path):
    design = wide_design(40)
    path = tmp_path / "tiles.pdf"
    export_pdf(design, path, ExportOptions(fit="tiles", scale=1.0, sections=("chart",)))
    text = squash(pdf_text(path))
    for dept in design.departments.values():
        assert squash(dept.name) in text, dept.name


def test_semi_bold_names_do_not_smear_later_text(company_pdf):
    _, path, _ = company_pdf
    assert text_objects_starting_stroked(path) == []
