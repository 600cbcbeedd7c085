"""PDF export dialog: options as the CLI names them, page-count preview, progress, cancel, errors."""

from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QProgressDialog, QPushButton

from orgdesigner.errors import FileProblem
from ui.dialogs import pdf_api
from ui.dialogs.export_pdf import ExportPdfDialog
from ui.export_progress import ExportProgress

from .dock_fixtures import small_design, type_text


class FakeExporter:
    """Stands in for the core exporter to drive the dialog's own logic."""

    def __init__(self):
        self.planned: list[dict] = []
        self.exported: list[tuple] = []
        self.steps = 5
        self.fail: Exception | None = None

    def install(self, monkeypatch) -> None:
        monkeypatch.setattr(pdf_api, "make_options", lambda values: dict(values))
        monkeypatch.setattr(pdf_api, "plan", self.plan)
        monkeypatch.setattr(pdf_api, "export", self.export)

    def plan(self, design, options, findings=None):
        self.planned.append(options)
        tiles = options["fit"] == "tiles"
        pages = len(options["sections"]) + (7 if tiles else 0)
        return pdf_api.Plan(pages, (3, 2) if tiles else (1, 1), 8 if tiles else 1)

    def export(self, design, path, options, progress, findings=None):
        for i in range(self.steps):
            progress("pages", i + 1, self.steps)  # raises Cancelled after a click on Cancel
        if self.fail:
            raise self.fail
        Path(path).write_bytes(b"%PDF-1.4 fake")
        self.exported.append((path, options))


def make_dialog(qtbot, tmp_path, monkeypatch, fake=None):
    fake = fake or FakeExporter()
    fake.install(monkeypatch)
    dialog = ExportPdfDialog(small_design(), None, tmp_path / "方案.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, fake


def choose(combo, data) -> None:
    """Pick an entry with the keyboard, as a user would."""
    combo.setFocus()
    target = combo.findData(data)
    while combo.currentIndex() != target:
        QTest.keyClick(combo, Qt.Key_Down if combo.currentIndex() < target else Qt.Key_Up)


def test_options_reach_the_exporter_and_the_page_count_follows(qtbot, tmp_path, monkeypatch):
    dialog, fake = make_dialog(qtbot, tmp_path, monkeypatch)
    assert dialog.pages_label.text() == "7 pages"
    choose(dialog.paper, "A3")
    choose(dialog.orientation, "landscape")
    choose(dialog.fit, "tiles")
    QTest.mouseClick(
        dialog.auto_scale, Qt.LeftButton, Qt.NoModifier, QPoint(6, dialog.auto_scale.height() // 2)
    )
    dialog.scale.setFocus()
    QTest.keyClick(dialog.scale, Qt.Key_A, Qt.ControlModifier)
    type_text(dialog.scale, "150")
    QTest.keyClick(dialog.scale, Qt.Key_Tab)  # Enter would press Export at once
    cover = dialog.sections["cover"]
    QTest.mouseClick(cover, Qt.LeftButton, Qt.NoModifier, QPoint(6, cover.height() // 2))
    choose(dialog.language, "en")
    qtbot.waitUntil(
        lambda: (
            dialog.pages_label.text()
            == "13 pages; the chart in a 3 x 2 grid of tiles: 8 pages with the overview"
        ),
        timeout=2000,
    )
    QTest.mouseClick(dialog.export_button, Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted and len(fake.exported) == 1
    path, options = fake.exported[0]
    assert path == tmp_path / "方案.pdf" and path.exists() and dialog.written == path
    from orgdesigner.lockfile import user_display_name

    assert options == {
        "paper": "A3",
        "orientation": "landscape",
        "fit": "tiles",
        "scale": 1.5,
        "sections": ("chart", "legend", "owners", "kpis", "findings", "departments"),
        "lang": "en",
        "author": user_display_name(),
    }


def test_no_sections_or_no_file_disables_export(qtbot, tmp_path, monkeypatch):
    dialog, _ = make_dialog(qtbot, tmp_path, monkeypatch)
    for box in dialog.sections.values():
        box.setChecked(False)
    dialog.update_page_count()
    assert (
        not dialog.export_button.isEnabled()
        and dialog.pages_label.text() == "Choose at least one section."
    )
    dialog.sections["chart"].setChecked(True)
    dialog.path_edit.clear()
    assert not dialog.export_button.isEnabled()


def test_a_failed_export_keeps_the_dialog_open_with_one_line(qtbot, tmp_path, monkeypatch):
    fake = FakeExporter()
    fake.fail = FileProblem(tmp_path / "方案.pdf", "cannot be written: disk full")
    dialog, _ = make_dialog(qtbot, tmp_path, monkeypatch, fake)
    QTest.mouseClick(dialog.export_button, Qt.LeftButton)
    assert dialog.isVisible() and dialog.written is None
    assert dialog.message.text() == "方案.pdf: cannot be written: disk full"


def test_cancel_in_the_progress_dialog_stops_the_export(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(ExportProgress, "SHOW_AFTER", 0.0)
    fake = FakeExporter()
    fake.steps = 50

    original = fake.export

    def slow_export(design, path, options, progress, findings=None):
        def cancelling(stage, done, total):
            if done == 10:  # the user clicks Cancel while pages are written
                button = dialog.findChild(QProgressDialog).findChild(QPushButton)
                QTest.mouseClick(button, Qt.LeftButton)
            progress(stage, done, total)

        original(design, path, options, cancelling)

    fake.export = slow_export
    dialog, _ = make_dialog(qtbot, tmp_path, monkeypatch, fake)
    QTest.mouseClick(dialog.export_button, Qt.LeftButton)
    assert fake.exported == [] and not (tmp_path / "方案.pdf").exists()
    assert "cancelled" in dialog.message.text() and dialog.isVisible()
    assert not any(d.isVisible() for d in dialog.findChildren(QProgressDialog))


def test_real_export_matches_the_preview_and_the_options(qtbot, tmp_path):
    from pypdf import PdfReader

    design = small_design()
    dialog = ExportPdfDialog(design, None, tmp_path / "方案.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.paper, "A3")
    choose(dialog.orientation, "landscape")
    dialog.update_page_count()
    expected = dialog.page_count
    assert expected and dialog.pages_label.text().startswith(f"{expected} pages, A3 landscape")
    preview = dialog.preview.pixmap()
    assert (
        not preview.isNull() and preview.width() > preview.height()
    )  # the chart on landscape paper
    QTest.mouseClick(dialog.export_button, Qt.LeftButton)
    assert dialog.written == tmp_path / "方案.pdf", dialog.message.text()
    reader = PdfReader(str(dialog.written))
    assert len(reader.pages) == expected
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (1191, 842)  # A3 landscape
    text = "".join(page.extract_text() for page in reader.pages)
    for dept in design.departments.values():
        assert dept.name in text


def test_real_tiles_preview_counts_the_chart_pages(qtbot, tmp_path):
    dialog = ExportPdfDialog(small_design(), None, tmp_path / "tiles.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    for name, box in dialog.sections.items():
        box.setChecked(name == "chart")
    choose(dialog.fit, "tiles")
    dialog.auto_scale.setChecked(False)
    dialog.scale.setValue(400)
    dialog.update_page_count()
    text = dialog.pages_label.text()
    assert f"{dialog.page_count} pages with the overview" in text and dialog.page_count > 2
    cols, rows = (int(n) for n in text.split("in a ")[1].split(" grid")[0].split(" x "))
    assert 1 < dialog.page_count <= cols * rows + 1  # non-blank tiles plus the overview
    QTest.mouseClick(dialog.export_button, Qt.LeftButton)
    from pypdf import PdfReader

    assert len(PdfReader(str(dialog.written)).pages) == dialog.page_count


def test_real_chart_book_preview_and_export(qtbot, tmp_path):
    from pypdf import PdfReader

    from benchmarks.generator import generate

    dialog = ExportPdfDialog(generate(400, seed=3), None, tmp_path / "book.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    for name, box in dialog.sections.items():
        box.setChecked(name == "chart")
    choose(dialog.fit, "book")
    dialog.update_page_count()
    text = dialog.pages_label.text()
    assert "the chart as a book of" in text, text
    book, index = (int(n) for n in text.split("book of ")[1].split(" pages and an index of "))
    assert book > 1 and index >= 1 and dialog.page_count == book + index
    assert not dialog.preview.pixmap().isNull()  # the first page of the book
    QTest.mouseClick(dialog.export_button, Qt.LeftButton)
    assert len(PdfReader(str(dialog.written)).pages) == dialog.page_count


def test_a_pptx_name_writes_the_book_as_slides(qtbot, tmp_path):
    pptx = pytest.importorskip("pptx")
    from benchmarks.generator import generate

    from orgdesigner.render import ExportOptions, plan_pages

    design = generate(300, seed=4)
    dialog = ExportPdfDialog(design, None, tmp_path / "deck.pptx")
    qtbot.addWidget(dialog)
    dialog.show()
    choose(dialog.paper, "A4")
    QTest.mouseClick(dialog.export_button, Qt.LeftButton)
    assert dialog.written == tmp_path / "deck.pptx"
    slides = list(pptx.Presentation(str(dialog.written)).slides)
    options = ExportOptions.from_mapping({**dialog.values(), "fit": "book", "sections": ["chart"]})
    book = plan_pages(design, options).sections["chart"][1]
    texts = {
        s.text_frame.text.split("\n")[0] for sl in slides for s in sl.shapes if s.has_text_frame
    }
    assert len(slides) > 1 + book and all(d.name in texts for d in design.departments.values())
