"""Chinese text: an embedded TrueType subset when one is found, else the STSong-Light CID font."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from orgdesigner import fonts
from orgdesigner.cli import main
from orgdesigner.render import ExportOptions, export_pdf

from .pdf_helpers import WQY, company_design, pdf_text, squash


def _fonts(path) -> dict[str, dict]:
    """Base font name -> facts, for every font used on any page."""
    out = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            facts = {"subtype": font["/Subtype"], "embedded": False}
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                facts["embedded"] = any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                facts["truetype"] = "/FontFile2" in descriptor
            out[str(font["/BaseFont"])] = facts
    return out


@pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-zenhei not installed")
def test_chinese_names_use_an_embedded_truetype_subset(tmp_path):
    path = tmp_path / "zh.pdf"
    plan = export_pdf(company_design(), path, ExportOptions(font=str(WQY), sections=("chart",)))
    assert plan.font_embedded
    used = _fonts(path)
    assert used and all(f["embedded"] and f.get("truetype") for f in used.values()), used
    assert "市场管理委员会" in squash(pdf_text(path))


@pytest.mark.skipif(
    shutil.which("pdffonts") is None or not WQY.exists(), reason="pdffonts or WQY missing"
)
def test_pdffonts_reports_the_font_embedded_and_subset(tmp_path):
    path = tmp_path / "zh.pdf"
    export_pdf(company_design(), path, ExportOptions(font=str(WQY), sections=("cover",)))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows and all(" yes yes yes " in row for row in rows), out  # emb sub uni


def test_cid_fallback_still_has_the_text(tmp_path):
    path = tmp_path / "cid.pdf"
    plan = export_pdf(company_design(), path, ExportOptions(font="STSong-Light", paper="A2"))
    assert not plan.font_embedded and plan.font == "STSong-Light"
    used = _fonts(path)
    assert "/STSong-Light" in used and not used["/STSong-Light"]["embedded"]
    text = squash(pdf_text(path))
    for dept in company_design().departments.values():
        assert squash(dept.name) in text


def test_without_any_truetype_font_the_search_ends_at_the_cid_font(monkeypatch, tmp_path):
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    monkeypatch.setattr(fonts, "candidate_paths", lambda: [tmp_path / "missing.ttc"])
    font = fonts.find_font()
    assert font.name == fonts.CID_FALLBACK and not font.embedded


def test_the_font_is_a_setting_via_the_environment(monkeypatch):
    monkeypatch.setenv(fonts.ENV_VAR, "STSong-Light")
    assert fonts.find_font().name == "STSong-Light"
    assert fonts.find_font(str(WQY)).path == WQY if WQY.exists() else True  # the option wins


def test_an_unusable_font_setting_is_one_clear_error(tmp_path, capsys):
    design_file = tmp_path / "d.db"
    from orgdesigner import storage

    storage.save(company_design(), design_file)
    missing = tmp_path / "nofont.ttf"
    assert (
        main(["export", str(design_file), "-o", str(tmp_path / "o.pdf"), "--font", str(missing)])
        == 2
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nofont.ttf" in err and "no such file" in err
    bogus = tmp_path / "bogus.ttf"
    bogus.write_bytes(b"not a font at all")
    assert (
        main(["export", str(design_file), "-o", str(tmp_path / "o.pdf"), "--font", str(bogus)]) == 2
    )
    err = capsys.readouterr().err
    assert "bogus.ttf" in err and "TrueType" in err and "Traceback" not in err
    assert not (tmp_path / "o.pdf").exists()


def test_mixed_latin_and_cjk_lines_measure_with_one_font():
    font = fonts.find_font()
    mixed = "销售部 Sales"
    assert font.width(mixed, 10) == pytest.approx(
        font.width("销售部 ", 10) + font.width("Sales", 10)
    )
    assert font.width("市场", 10) > font.width("ab", 10)


@pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-zenhei not installed")
def test_names_the_font_cannot_show_are_reported(tmp_path, capsys):
    from orgdesigner import storage
    from orgdesigner.entities import Department

    design = company_design()
    design.add_department(Department(name="𠀀 rare 😀"))
    plan = export_pdf(design, tmp_path / "g.pdf", ExportOptions(font=str(WQY), sections=("cover",)))
    assert plan.missing_glyphs == "".join(sorted("𠀀😀"))
    storage.save(design, tmp_path / "g.db")
    assert (
        main(["export", str(tmp_path / "g.db"), "-o", str(tmp_path / "g2.pdf"), "--font", str(WQY)])
        == 0
    )
    assert "的字形" in capsys.readouterr().out  # a Chinese design: the summary is Chinese
    assert (
        main(
            [
                "export",
                str(tmp_path / "g.db"),
                "-o",
                str(tmp_path / "g3.pdf"),
                "--font",
                str(WQY),
                "--lang",
                "en",
            ]
        )
        == 0
    )
    assert "no glyph" in capsys.readouterr().out
    clean = export_pdf(
        company_design(), tmp_path / "c.pdf", ExportOptions(font=str(WQY), sections=("cover",))
    )
    assert clean.missing_glyphs == ""
