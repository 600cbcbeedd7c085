"""Every real file in tests/data imports into a valid design with every known problem reported."""

from __future__ import annotations

import csv

import pytest

from orgdesigner.importing import ImportOptions, import_table

from .import_helpers import DATA, DH, DH_JUNIOR, DWP, FEDERAL, HOME_OFFICE, assert_tree, by_code

SENIOR_FILES = [DH, HOME_OFFICE, DWP]
ALL_FILES = sorted(p for p in DATA.rglob("*.csv") if "junior" not in p.name)


def distinct_posts(path) -> int:
    """Posts as a person reads the file: one per id, unless the same id names different posts."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if "Post Unique Reference" in rows[0]:
        return len(
            {
                (r["Post Unique Reference"], r["Reports to Senior Post"], r["Job Title"].strip())
                for r in rows
            }
        )
    return len({r["id"] for r in rows})


def test_every_data_file_is_covered():
    assert {p.name for p in ALL_FILES} == {DH.name, HOME_OFFICE.name, DWP.name, FEDERAL.name}
    # The one other file is the DH junior staff, imported with the DH posts (see below).
    assert {p.name for p in DATA.rglob("*.csv")} - {p.name for p in ALL_FILES} == {DH_JUNIOR.name}


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name[:20])
def test_imports_one_department_per_distinct_post(path):
    design, report = import_table(path)
    assert_tree(design)
    assert len(design.departments) == distinct_posts(path) == report.departments
    # Every row of the file is accounted for, and lands in a department that exists.
    with open(path, encoding="utf-8", newline="") as handle:
        data_rows = sum(1 for _ in csv.reader(handle)) - 1
    assert [o.row for o in report.rows] == list(range(2, data_rows + 2))
    codes = set(by_code(design))
    assert all(o.department in codes for o in report.rows)


def test_home_office_self_report_duplicates_and_apostrophes():
    design, report = import_table(HOME_OFFICE)
    depts = by_code(design)
    [self_parent] = report.by_code("self-parent")
    assert self_parent.ids == ["2UKVI02"] and self_parent.rows == [241]
    assert depts["2UKVI02"].parent is None
    # 2UKBA18 twice with the same content: one department.
    [same] = report.by_code("duplicate-identical")
    assert same.ids == ["2UKBA18"] and same.rows == [82, 86]
    # 1SIIG11 and 2SIIGSEC name two different posts each: both kept, the second suffixed.
    conflicts = {p.ids[0]: p for p in report.by_code("duplicate-conflict")}
    assert set(conflicts) == {"1SIIG11", "2SIIGSEC"}
    assert depts["2SIIGSEC"].name == "Secondment to Leicestershire County Council"
    assert depts["2SIIGSEC#2"].name == "Secondment to Social Finance"
    assert depts["1SIIG11#2"].parent == depts["2IIPG05"].id
    # 'Eliminated' (with a stray apostrophe) is no person: no leader, the post marked vacant.
    assert depts["1SIIG11#2"].leader == "" and depts["1SIIG11#2"].vacant
    # Multi-line text cells survive as text.
    assert any("\n" in d.notes for d in design.departments.values())
    assert report.roots == 2 and report.by_code("forest")[0].ids == ["4PO01", "2UKVI02"]


def test_dwp_id_reuse_cycle_is_reported_and_mended():
    design, report = import_table(DWP)
    depts = by_code(design)
    [cycle] = report.by_code("cycle")
    assert set(cycle.ids) == {"DWP202", "DWP135", "DWP29"}
    assert "DWP135#2" in cycle.action
    # The Permanent Secretary (second DWP135 row) is the single root; nothing is lost.
    assert [d.name for d in design.roots()] == ["Permanent Secretary"]
    assert depts["DWP135#2"].leader == "Robert Devereux"
    assert depts["DWP202"].parent == depts["DWP135#2"].id
    # Everyone reporting to "DWP135" means the Permanent Secretary: the directors general.
    below_top = [d.name for d in design.children(depts["DWP135#2"].id)]
    assert len(below_top) == 8 and "Director General, Strategy" in below_top
    assert depts["DWP135"].name == "Work Services Director, North West"
    # Job shares: one department, both people, FTE summed.
    shares = {p.ids[0] for p in report.by_code("job-share")}
    assert shares == {"DWP179", "DWP184", "DWP108"}
    assert depts["DWP179"].leader == "Emma Lindsell jobshare / Isobel Stephen jobshare"
    assert depts["DWP179"].headcount == pytest.approx(1.25)


def test_federal_register_forest_of_242_roots():
    design, report = import_table(FEDERAL)
    [forest] = report.by_code("forest")
    assert report.roots == len(design.roots()) == 242 == len(forest.ids)
    assert max(len(design.child_ids(d.id)) for d in design.departments.values()) == 33
    assert any("," in d.name for d in design.departments.values())
    assert design.language == "en"


def test_junior_file_alone_is_refused_with_a_hint():
    from orgdesigner.errors import FileProblem

    with pytest.raises(FileProblem, match="looks like aggregated staff rows.*--junior"):
        import_table(DH_JUNIOR)


def test_department_of_health_is_clean_and_takes_its_junior_staff():
    design, report = import_table(DH, options=ImportOptions(junior=DH_JUNIOR))
    assert len(design.roots()) == 1
    warnings = [p for p in report.problems if p.severity == "warning"]
    assert warnings == []
    with open(DH_JUNIOR, encoding="utf-8", newline="") as handle:
        junior = list(csv.DictReader(handle))
    junior_fte = sum(float(r["Number of Posts in FTE"]) for r in junior)
    with open(DH, encoding="utf-8", newline="") as handle:
        senior_fte = sum(float(r["FTE"]) for r in csv.DictReader(handle))
    total = sum(d.headcount for d in design.departments.values())
    assert total == pytest.approx(senior_fte + junior_fte)
    rdd009 = by_code(design)["RDD-009"]
    own = [
        float(r["Number of Posts in FTE"])
        for r in junior
        if r["Reporting Senior Post"] == "RDD-009"
    ]
    assert rdd009.headcount == pytest.approx(1.0 + sum(own))
    assert len([o for o in report.rows if o.source == DH_JUNIOR.name]) == len(junior)


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name[:20])
def test_validator_finds_no_structural_errors(path):
    validator = pytest.importorskip("orgdesigner.validator")
    from orgdesigner.findings import Severity

    design, _ = import_table(path)
    errors = [f for f in validator.validate(design) if f.severity is Severity.ERROR]
    assert errors == [], errors[:3]


def test_validator_sees_the_federal_forest():
    validator = pytest.importorskip("orgdesigner.validator")
    design, _ = import_table(FEDERAL)
    [roots] = [f for f in validator.validate(design) if f.rule == "multiple-roots"]
    assert len(roots.objects) == 242


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name[:20])
def test_pdf_export_of_imported_file_succeeds(path, tmp_path):
    from orgdesigner.formats import WRITERS, write_design

    if ".pdf" not in WRITERS:  # the PDF export lands from its own branch
        pytest.skip("no .pdf writer registered yet")

    design, _ = import_table(path)
    out = tmp_path / "chart.pdf"
    write_design(design, out)
    assert out.read_bytes().startswith(b"%PDF")
