"""The PDF file itself: structurally valid, written atomically, renderable; the CLI export."""

from __future__ import annotations

import hashlib
import subprocess

import pytest
from pypdf import PdfReader

from orgdesigner import storage
from orgdesigner.cli import main
from orgdesigner.render import ExportOptions, export_pdf

from .pdf_helpers import HAVE_PDFTOPPM, HAVE_QPDF, company_design, pdf_text, squash, wide_design


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("structure")
    out = []
    for name, design, options in [
        ("fit", company_design(), ExportOptions(paper="A2")),
        ("tiles", wide_design(40), ExportOptions(fit="tiles", scale=1.0)),
        (
            "empty",
            __import__("orgdesigner.design", fromlist=["Design"]).Design("空方案"),
            ExportOptions(),
        ),
    ]:
        path = folder / f"{name}.pdf"
        export_pdf(design, path, options)
        out.append(path)
    return out


@pytest.mark.skipif(not HAVE_QPDF, reason="qpdf not installed")
def test_qpdf_check_passes(pdfs):
    for path in pdfs:
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No syntax or stream encoding errors" in result.stdout


def test_pypdf_reads_every_page_in_strict_mode(pdfs):
    for path in pdfs:
        reader = PdfReader(path, strict=True)
        assert len(reader.pages) >= 1
        for page in reader.pages:
            page.extract_text()
            assert page.get_contents() is not None


@pytest.mark.skipif(not HAVE_PDFTOPPM, reason="pdftoppm (poppler-utils) not installed")
def test_a_template_chart_page_renders_to_a_picture_with_ink(tmp_path):
    from PIL import Image

    from orgdesigner.templates import load_template

    path = tmp_path / "mid_large.pdf"
    plan = export_pdf(load_template("mid_large", "zh"), path, ExportOptions(paper="A3", fit="page"))
    page, _ = plan.sections["chart"]
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-f",
            str(page),
            "-l",
            str(page),
            "-png",
            str(path),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    histogram = image.histogram()
    ink = sum(histogram[:200]) / sum(histogram)
    assert 0.01 < ink < 0.5  # boxes and text, but not a black page


def test_every_template_exports_in_both_languages(tmp_path):
    from orgdesigner.templates import list_templates, load_template

    for info in list_templates():
        for lang in ("zh", "en"):
            design = load_template(info.id, lang)
            path = tmp_path / f"{info.id}-{lang}.pdf"
            plan = export_pdf(design, path, ExportOptions(lang=lang))
            assert len(PdfReader(path).pages) == plan.page_count
            text = squash(pdf_text(path))
            assert all(squash(d.name) in text for d in design.departments.values()), info.id


def test_a_fixed_date_gives_a_byte_identical_file(tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    design = company_design()
    export_pdf(design, a, ExportOptions(date="2026-01-01"))
    export_pdf(design, b, ExportOptions(date="2026-01-01"))
    assert a.read_bytes() == b.read_bytes()


def test_cli_export_pdf_with_options_leaves_the_design_file_unchanged(tmp_path, capsys):
    source = tmp_path / "plan.db"
    storage.save(company_design(), source)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    out = tmp_path / "plan.pdf"
    code = main(
        [
            "export",
            str(source),
            "-o",
            str(out),
            "--paper",
            "a3",
            "--orientation",
            "portrait",
            "--fit",
            "tiles",
            "--scale",
            "0.8",
            "--sections",
            "chart,owners",
            "--lang",
            "en",
        ]
    )
    assert code == 0
    said = capsys.readouterr().out
    assert "A3 portrait" in said and "tiles" in said
    reader = PdfReader(out)
    assert all(round(float(p.mediabox.width)) == 842 for p in reader.pages)
    assert "Function ownership matrix" in pdf_text(out)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    assert main(["export", str(source), "-o", str(out)]) == 2  # exists: needs --force
    assert "already exists" in capsys.readouterr().err


def test_cli_rejects_bad_export_options_in_one_line(tmp_path, capsys):
    source = tmp_path / "plan.db"
    storage.save(company_design(), source)
    assert (
        main(["export", str(source), "-o", str(tmp_path / "x.pdf"), "--sections", "chart,gantt"])
        == 2
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "gantt" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(source), "-o", str(tmp_path / "x.pdf"), "--paper", "B5"])
    assert exit_info.value.code == 2


def test_auto_layout_option_rearranges_the_chart(tmp_path):
    design = company_design()
    for dept in list(design.departments)[1:]:
        design.move_departments({dept: (5000.0, 5000.0)})  # a pile in one corner
    messy = export_pdf(design, tmp_path / "m.pdf", ExportOptions(sections=("chart",), paper="A2"))
    tidy = export_pdf(
        design, tmp_path / "t.pdf", ExportOptions(sections=("chart",), paper="A2", auto_layout=True)
    )
    assert tidy.chart_scale != messy.chart_scale
    assert squash("市场管理委员会") in squash(pdf_text(tmp_path / "t.pdf"))
