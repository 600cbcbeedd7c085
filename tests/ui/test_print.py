"""File > Print paints the PDF's chart pages (the same page plan) through QPrinter."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

from benchmarks.generator import generate
from orgdesigner.render import ExportOptions, plan_pages
from orgdesigner.templates import load_template
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
    assert pages == plan.sections["chart"][1] > 1
    reader = PdfReader(str(out))
    assert len(reader.pages) == pages
    text = "".join(page.extract_text() for page in reader.pages)
    root = next(d for d in design.departments.values() if d.parent is None)
    assert root.name.split()[0] in text


def test_print_of_a_template_is_one_page(qtbot, tmp_path):
    out = tmp_path / "one.pdf"
    assert paint(pdf_printer(out, QPageSize.PageSizeId.A3), load_template("mid_large", "zh")) == 1
    assert len(PdfReader(str(out)).pages) == 1


def test_print_action_is_in_the_file_menu(qtbot):
    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert any("rint" in a for a in actions)
