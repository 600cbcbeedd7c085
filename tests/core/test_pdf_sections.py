"""The proposal's sections: owner matrix, findings, department totals, metadata, bookmarks, links."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from orgdesigner.findings import Finding, Severity
from orgdesigner.render import ExportOptions, export_pdf

from .pdf_helpers import company_design, pdf_text, squash


def _section_text(path, plan, section: str) -> str:
    first, count = plan.sections[section]
    return pdf_text(path, first, first + count - 1)


def _findings(design) -> list[Finding]:
    by_name = {d.name: d.id for d in design.departments.values()}
    fn = {f.name: f.id for f in design.functions.values()}
    return [
        Finding(
            "ownerless-function",
            Severity.ERROR,
            "职能“营销预算”没有负责部门 (A)",
            (fn["营销预算"],),
        ),
        Finding(
            "several-owners",
            Severity.WARNING,
            "客户服务 has two owners: 客服部 and 销售部 Sales",
            (fn["客户服务"], by_name["客服部"], by_name["销售部 Sales"]),
        ),
        Finding("no-leader", Severity.INFO, "财务部 needs a named leader", (by_name["财务部"],)),
    ]


@pytest.fixture(scope="module")
def proposal(tmp_path_factory):
    design = company_design()
    findings = _findings(design)
    path = tmp_path_factory.mktemp("sections") / "proposal.pdf"
    plan = export_pdf(design, path, ExportOptions(paper="A3", date="2026-03-04"), findings=findings)
    return design, findings, path, plan


def test_owner_matrix_marks_ownerless_and_doubly_owned_functions(proposal):
    design, _, path, plan = proposal
    text = squash(_section_text(path, plan, "owners"))
    for function in design.functions.values():
        assert squash(function.name) in text
    assert text.count("无负责部门") == 2  # CRM系统运营 (only R) and 营销预算 (nothing)
    assert "多个负责部门" in text  # 客户服务 has two A
    assert "战略与策划组" in text  # owners are named


def test_owner_matrix_highlights_the_ownerless_row_in_red(proposal):
    _, _, path, plan = proposal
    first, _ = plan.sections["owners"]
    content = PdfReader(path).pages[first - 1].get_contents().get_data().decode("latin-1")
    assert ".972549 .815686 .815686 rg" in content  # RED_FILL #f8d0d0 as a fill colour


def test_owner_matrix_in_english_says_no_owner(tmp_path):
    path = tmp_path / "en.pdf"
    plan = export_pdf(company_design(), path, ExportOptions(lang="en", sections=("owners",)))
    assert pdf_text(path).count("NO OWNER") == 2 and plan.page_count == 1


def test_findings_section_lists_every_finding_with_a_link_to_the_chart(proposal):
    design, findings, path, plan = proposal
    text = squash(_section_text(path, plan, "findings"))
    for finding in findings:
        assert squash(finding.message) in text
        assert finding.rule in text
    chart_first, chart_count = plan.sections["chart"]
    reader = PdfReader(path)
    first, _ = plan.sections["findings"]
    links = [a.get_object() for a in reader.pages[first - 1].get("/Annots", [])]
    page_numbers = {
        page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, start=1)
    }
    targets = [page_numbers[a["/Dest"][0].idnum] for a in links if "/Dest" in a]
    assert len(targets) == 2  # two findings name a department
    for target in targets:
        assert chart_first <= target < chart_first + chart_count
        assert f"见第{target}页" in text
    # the link lands on the page that shows the department's box
    by_name = {d.name: d.id for d in design.departments.values()}
    assert plan.context.dept_page(by_name["财务部"]) in targets
    assert "财务部" in pdf_text(path, targets[-1], targets[-1])


def test_findings_come_from_the_validator_by_default(tmp_path, monkeypatch):
    import types

    design = company_design()
    expected = _findings(design)
    fake = types.ModuleType("orgdesigner.validator")
    fake.validate = lambda d, language=None: expected if d is design else []
    monkeypatch.setitem(__import__("sys").modules, "orgdesigner.validator", fake)
    path = tmp_path / "v.pdf"
    plan = export_pdf(design, path, ExportOptions(sections=("findings",)))
    text = squash(pdf_text(path))
    assert all(squash(f.message) in text for f in expected) and plan.page_count == 1


def test_findings_match_the_real_validator_when_it_is_there(tmp_path):
    validator = pytest.importorskip("orgdesigner.validator")
    design = company_design()
    findings = list(validator.validate(design, language="zh"))
    assert findings  # the company design has ownerless functions
    path = tmp_path / "real.pdf"
    export_pdf(design, path, ExportOptions(lang="zh", sections=("findings",)))
    text = squash(pdf_text(path))
    for finding in findings:
        assert squash(finding.rule) in text
        assert squash(finding.message)[:30] in text


def test_findings_section_says_so_when_the_validator_is_missing(tmp_path, monkeypatch):
    from orgdesigner.render import proposal as proposal_module

    monkeypatch.setattr(proposal_module, "load_findings", lambda design, language=None: None)
    path = tmp_path / "none.pdf"
    export_pdf(company_design(), path, ExportOptions(lang="en", sections=("findings",)))
    assert "Validator not available" in pdf_text(path)


def test_department_table_shows_subtree_totals(proposal):
    design, _, path, plan = proposal
    text = _section_text(path, plan, "departments")
    # 市场部: 3 own + 4+5+6+7 in its groups = 25 staff; budget 800,000 + 800,000 = 1,600,000.
    assert "25" in text and "1,600,000" in text
    # the whole company: every headcount once
    total = sum(d.headcount for d in design.departments.values())
    assert f"{total:,.0f}" in text
    for dept in design.departments.values():
        assert squash(dept.leader) in squash(text)


def test_cover_has_title_block_and_every_page_says_page_x_of_y(proposal):
    design, _, path, plan = proposal
    cover = pdf_text(path, 1, 1)
    assert "王丽" in cover and "2026-03-04" in cover and "目录" in cover
    for number in range(1, plan.page_count + 1):
        assert squash(f"第 {number} 页，共 {plan.page_count} 页") in squash(
            pdf_text(path, number, number)
        )


def test_metadata_and_one_bookmark_per_section(proposal):
    design, _, path, plan = proposal
    reader = PdfReader(path)
    meta = reader.metadata
    assert design.name in meta.title and meta.author == "王丽" and "组织结构方案" in meta.subject
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == [
        "封面",
        "组织结构图",
        "图例",
        "职能责任矩阵",
        "考核指标",
        "诊断发现",
        "部门一览",
    ]
    for item, section in zip([i for i in reader.outline if not isinstance(i, list)], plan.sections):
        assert reader.get_destination_page_number(item) + 1 == plan.sections[section][0]


def test_only_the_chosen_sections_are_printed(tmp_path):
    path = tmp_path / "two.pdf"
    plan = export_pdf(company_design(), path, ExportOptions(sections=("legend", "owners")))
    assert list(plan.sections) == ["legend", "owners"] and plan.page_count == 2
    text = pdf_text(path)
    assert "图例" in text and "部门一览" not in text


def test_legend_names_kinds_lines_and_roles(tmp_path):
    path = tmp_path / "legend.pdf"
    export_pdf(company_design(), path, ExportOptions(lang="en", sections=("legend",)))
    text = pdf_text(path)
    for words in (
        "Committee",
        "Business unit",
        "Office",
        "Team",
        "Collaboration",
        "Committee membership",
        "Dotted-line reporting",
        "Reporting line",
        "accountable",
    ):
        assert words in text


def test_the_kpi_table_lists_owner_sharing_and_what_each_kpi_measures(tmp_path):
    """考核指标…客户生命周期价值、客户满意度、跨部门项目成功率; 预算…与清晰的业绩指标挂钩."""
    from orgdesigner.templates import load_template

    design = load_template("mid_large", "zh")
    path = tmp_path / "kpis.pdf"
    export_pdf(design, path, ExportOptions(sections=("kpis",)))
    text = pdf_text(path)
    assert "考核指标" in text and "客户生命周期价值" in text and "万元" in text
    assert "负责部门" in text and "共同承担" in text and "客服部" in text
    assert "尚无指标的职能" not in text  # the template measures every required function
    kpi = next(iter(design.kpis))
    design.update_kpi(kpi, owner=None, functions=())
    export_pdf(design, path, ExportOptions(sections=("kpis",), lang="en"))
    text = pdf_text(path)
    assert "NO OWNER" in text and "Not measured yet" in text


def test_per_unit_owners_are_named_with_their_unit_and_not_flagged(tmp_path):
    """事业部制下的嵌入式营销团队: the owner matrix names the unit each owner covers."""
    from orgdesigner.templates import load_template

    path = tmp_path / "owners.pdf"
    export_pdf(
        load_template("divisional", "en"), path, ExportOptions(sections=("owners",), lang="en")
    )
    text = " ".join(pdf_text(path).split())
    assert "(for Consumer Products Division)" in text
    assert "several owners" not in text
