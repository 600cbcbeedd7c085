"""The proposal's `changes` section: summary, change list, owner changes, coloured chart."""

from __future__ import annotations

from pypdf import PdfReader

from orgdesigner.cli import main
from orgdesigner.compare import compare
from orgdesigner.render import ExportOptions
from orgdesigner.compare_text import CHANGE_FILLS
from orgdesigner.render.proposal import plan_pages
from orgdesigner.scenarios import copy_design

from .factories import sample_design
from .pdf_helpers import pdf_text, squash
from .sharedfiles_support import data_dir, shared  # noqa: F401


def test_export_with_compare_has_a_changes_section_with_the_changed_names(shared, data_dir):  # noqa: F811
    path = shared / "growth.db"
    assert main(["new", "-o", str(path), "--template", "startup", "--then", "mid_large"]) == 0
    out = shared / "p.pdf"
    assert (
        main(
            ["export", f"{path}#目标", "-o", str(out), "--compare", f"{path}#现状", "--lang", "en"]
        )
        == 0
    )
    text = squash(pdf_text(out))
    for words in (
        "Changes",
        "Compared:",
        "Change list",
        "Function owner changes",
        "市场部(reportsto总经理办公室)",
        "销售部:销售组→销售部",
        "产品研发组",
        "品牌与公关组",
        "Nofunctionisleftwithoutanowner",
    ):
        assert squash(words) in text, words
    outline = [o.title for o in PdfReader(out).outline if not isinstance(o, list)]
    assert outline[1] == "Changes"


def test_without_a_base_there_is_no_changes_section(shared):  # noqa: F811
    plan = plan_pages(sample_design(), ExportOptions())
    assert "changes" not in plan.sections


def test_ownerless_functions_are_red_and_units_coloured():
    base = sample_design()
    target = copy_design(base)
    mkt = next(d for d in target.departments.values() if d.name == "市场部")
    target.remove_department(mkt.id)
    result = compare(base, target, language="zh")
    plan = plan_pages(
        target, ExportOptions(comparison=result, base_label="A", sections=("changes", "chart"))
    )
    assert plan.sections["changes"][1] >= 3
    chart = plan.context.chart
    ghost = chart.by_id.get("removed:" + mkt.id) or next(
        b for b in chart.boxes if b.id.endswith(mkt.id)
    )
    assert ghost.dashed and ghost.fill == CHANGE_FILLS["removed"]
    moved = next(c.object for c in result.of_kind("moved"))
    assert chart.by_id[moved].fill == CHANGE_FILLS["moved"]


def test_compare_is_refused_for_other_outputs(shared, data_dir, capsys):  # noqa: F811
    path = shared / "g.db"
    assert main(["new", "-o", str(path), "--template", "startup", "--then", "mid_large"]) == 0
    assert (
        main(["export", f"{path}#目标", "-o", str(shared / "x.svg"), "--compare", f"{path}#现状"])
        == 2
    )
    assert "only applies to a .pdf" in capsys.readouterr().err
    assert not (shared / "x.svg").exists()


def test_the_chart_book_uses_the_same_change_colouring():
    from orgdesigner.render.book_pages import first_page_chart
    from orgdesigner.scenarios import map_onto
    from orgdesigner.templates import load_template

    base = load_template("startup")
    target = map_onto(base, load_template("mid_large"))
    result = compare(base, target)
    plan = plan_pages(
        target, ExportOptions(comparison=result, fit="book", sections=("changes", "chart"))
    )
    chart, _ = first_page_chart(plan.context)
    added = next(c.object for c in result.of_kind("added") if c.object in chart.by_id)
    assert chart.by_id[added].fill == CHANGE_FILLS["added"]
