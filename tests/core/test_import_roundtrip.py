"""design -> CSV/xlsx -> design keeps names, parents and every field (Chinese included)."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.csvexport import COLUMNS, write_csv, write_xlsx
from orgdesigner.design import build_design
from orgdesigner.entities import Department, DeptKind
from orgdesigner.formats import read_design, write_design
from orgdesigner.importing import import_table
from orgdesigner.importing.values import no_leader

from .import_helpers import assert_tree

FIELDS = ("name", "kind", "leader", "headcount", "budget", "color", "x", "y", "notes", "staff")


def sample_design():
    hub = Department(
        code="mkt",
        name="市场部",
        leader="王丽",
        headcount=12.5,
        budget=3_000_000,
        color="#aa3300",
        notes="品牌、渠道\n第二行, with \"quotes\" and 'apostrophes'",
    )
    kids = [
        Department(
            code="mkt-01", name="战略与策划组", kind=DeptKind.TEAM, parent=hub.id, headcount=3
        ),
        Department(
            code="brand",
            name="品牌与公关组",
            kind=DeptKind.TEAM,
            parent=hub.id,
            leader="李雷",
            headcount=0.6,
            staff=True,
        ),
        Department(code="007", name="=SUM(A1)", parent=hub.id, notes="looks like a formula"),
    ]
    committee = Department(
        code="c1", name="市场管理委员会", kind=DeptKind.COMMITTEE, x=-120.5, y=40
    )
    bu = Department(name="华东事业部", kind=DeptKind.BUSINESS_UNIT, parent=committee.id)  # no code
    return build_design(name="方案", departments=[hub, *kids, committee, bu])


def assert_same_departments(a, b):
    assert len(a.departments) == len(b.departments)
    key_a = {d.id: (d.code or d.id) for d in a.departments.values()}
    key_b = {d.id: (d.code or d.id) for d in b.departments.values()}
    rows_a = {
        key_a[d.id]: (key_a.get(d.parent), *(getattr(d, f) for f in FIELDS))
        for d in a.departments.values()
    }
    rows_b = {
        key_b[d.id]: (key_b.get(d.parent), *(getattr(d, f) for f in FIELDS))
        for d in b.departments.values()
    }
    assert rows_a == rows_b


@pytest.mark.parametrize("writer,suffix", [(write_csv, ".csv"), (write_xlsx, ".xlsx")])
def test_round_trip_keeps_everything(tmp_path, writer, suffix):
    design = sample_design()
    path = tmp_path / f"out{suffix}"
    writer(design, path)
    back, report = import_table(path)
    assert_tree(back)
    assert_same_departments(design, back)
    assert [p for p in report.problems if p.severity == "warning"] == []
    assert back.language == "zh"
    # A department with no code keeps its identity through its UUID.
    bu = next(d for d in design.departments.values() if d.name == "华东事业部")
    assert bu.id in back.departments


def test_csv_is_excel_friendly(tmp_path):
    path = tmp_path / "out.csv"
    write_csv(sample_design(), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert "市场部" in text and "\r\n" in text


def test_export_then_import_through_the_format_registry(tmp_path):
    design = sample_design()
    write_design(design, tmp_path / "a.csv")
    assert_same_departments(design, read_design(tmp_path / "a.csv"))
    write_design(design, tmp_path / "a.xlsx")
    assert_same_departments(design, read_design(tmp_path / "a.xlsx"))


TEXT = st.text(
    alphabet=string.ascii_letters + string.digits + " ,;\"'\n\t|=#" + "市场部品牌渠道组委员会",
    max_size=12,
).map(str.strip)
NAME = TEXT.filter(bool)
# A leader cell saying Vacant or Withheld names no person on import, by design (UK organograms).
LEADER = TEXT.filter(lambda text: not no_leader(text))


@st.composite
def designs(draw):
    count = draw(st.integers(1, 15))
    depts = []
    for i in range(count):
        parent = draw(st.sampled_from([None] + [d.id for d in depts]))
        depts.append(
            Department(
                code=draw(st.sampled_from(["", f"D{i}", f"0{i}", f"部门{i}", f"x {i}"])),
                name=draw(NAME),
                parent=parent,
                kind=draw(st.sampled_from(list(DeptKind))),
                leader=draw(LEADER),
                notes=draw(TEXT),
                headcount=draw(st.sampled_from([0, 1, 0.5, 2.25, 1e6])),
                budget=draw(st.sampled_from([0, 10, 1234567.89])),
                x=draw(st.sampled_from([0, -5.5, 100])),
                y=draw(st.sampled_from([0, 7])),
                staff=draw(st.booleans()),
            )
        )
    return build_design(name="随机", departments=depts)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(design=designs())
def test_random_designs_round_trip_through_csv(tmp_path, design):
    path = tmp_path / "random.csv"
    write_csv(design, path)
    back, _ = import_table(path)
    assert_tree(back)
    assert_same_departments(design, back)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(design=designs())
def test_random_designs_round_trip_through_xlsx(tmp_path, design):
    path = tmp_path / "random.xlsx"
    write_xlsx(design, path)
    back, _ = import_table(path)
    assert_tree(back)
    assert_same_departments(design, back)
