"""File > Print paints the PDF's chart pages and index (the same page plan and texts) through
QPrinter."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from benchmarks.generator import generate
from orgdesigner.entities import Link
from orgdesigner.render import ExportOptions, plan_pages
from orgdesigner.templates import load_template
from tests.core.pdf_helpers import HAVE_PDFTOTEXT, pdf_text, squash, wide_design
from ui.print_chart import paint, printer_paper


def pdf_printer(path, paper=QPageSize.PageSizeId.A4) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(paper))
    return printer


def test_print_follows_the_chart_book_plan(qtbot, tmp_path):
    design = generate(300, seed=6)
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    assert printer_paper(printer) == ("A4", "portrait")
    pages = paint(printer, design)
    plan = plan_pages(
        design, ExportOptions(paper="A4", orientation="portrait", fit="book", sections=("chart",))
    )
    assert pages == plan.page_count == plan.sections["chart"][1] + plan.sections["index"][1]
    assert plan.sections["chart"][1] > 1
    reader = PdfReader(str(out))
    assert len(reader.pages) == pages
    text = "".join(page.extract_text() for page in reader.pages)
    root = next(d for d in design.departments.values() if d.parent is None)
    assert root.name.split()[0] in text


def page_texts(path) -> list[str]:
    """The printed PDF's text per page, whitespace removed (wrapped names compare whole)."""
    reader = PdfReader(str(path))
    return [squash(pdf_text(path, n, n)) for n in range(1, len(reader.pages) + 1)]


@pytest.mark.skipif(not HAVE_PDFTOTEXT, reason="needs pdftotext")
def test_printed_book_says_what_the_pdf_says(qtbot, tmp_path):
    """Header, page N of M, continuation tags, the cross-page link list (both ends) and the
    index: the core's book plan, painted by Qt."""
    design = wide_design(n=400, depth=3)
    design.language = "zh"
    first_id, last_id = next(iter(design.departments)), list(design.departments)[-1]
    design.add_link(Link(source=first_id, target=last_id, label="跨页协作"))
    out = tmp_path / "printed.pdf"
    pages = paint(pdf_printer(out), design)
    plan = plan_pages(
        design, ExportOptions(paper="A4", orientation="portrait", fit="book", sections=("chart",))
    )
    book = plan.context.book
    index_first, index_count = plan.sections["index"]
    assert pages == plan.page_count == plan.sections["chart"][1] + index_count
    texts = page_texts(out)
    assert len(texts) == pages
    for number, text in enumerate(texts, start=1):
        assert squash(design.name) in text, number  # the running header
        assert f"第{number}页，共{pages}页" in text, number  # the footer
    a, b = book.page_of[first_id], book.page_of[last_id]
    assert a != b
    names = design.departments
    for own, other, page in ((first_id, last_id, a), (last_id, first_id, b)):
        assert "与其他页部门的协作关系" in texts[page]
        assert squash(f"{names[own].name}—{names[other].name}（跨页协作）") in texts[page]
        assert f"见第{book.page_of[other] + 1}页" in texts[page]
    stubbed = next(p for p in book.pages if any(box.stub for box in p.boxes))
    stub = next(box for box in stubbed.boxes if box.stub)
    assert f"→见第{book.page_of[stub.id] + 1}页" in texts[book.pages.index(stubbed)]
    index = "".join(texts[index_first - 1 :])
    assert "部门索引" in index
    assert all(squash(d.name) in index for d in names.values())


def test_print_of_a_template_is_one_chart_page_and_the_index(qtbot, tmp_path):
    out = tmp_path / "one.pdf"
    assert paint(pdf_printer(out, QPageSize.PageSizeId.A3), load_template("mid_large", "zh")) == 2
    assert len(PdfReader(str(out)).pages) == 2


def test_print_action_is_in_the_file_menu(qtbot):
    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert any("rint" in a for a in actions)
