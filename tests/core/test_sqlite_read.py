"""Reading a current design file with sqlite3 alone (issue #17: `info` and `validate`
without SQLAlchemy) gives the design that was saved, every field, and the rows
SQLAlchemy's `select` gives, in the same order; the schema text the read path checks
files against is exactly what SQLAlchemy's schema creates."""

from __future__ import annotations

import sqlite3
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select
from sqlalchemy.pool import StaticPool

from orgdesigner import schema, schema_sql, storage, untrusted
from orgdesigner.design import Design, build_design
from orgdesigner.entities import Department, DeptKind, Function, Kpi, Link, LinkKind, Role
from orgdesigner.scenarios import ScenarioSet, copy_design

from .factories import sample_design


def _master(conn: sqlite3.Connection) -> list[tuple]:
    return conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"
    ).fetchall()


def test_the_schema_text_is_what_sqlalchemy_creates():
    """If this fails, `schema.py` changed: paste the printed statements into `schema_sql.py`."""
    made = sqlite3.connect(":memory:")
    engine = create_engine("sqlite://", creator=lambda: made, poolclass=StaticPool)
    with engine.begin() as conn:
        schema.metadata.create_all(conn)
    ours = sqlite3.connect(":memory:")
    for statement in schema_sql.STATEMENTS:
        ours.execute(statement)
    wanted = [row[3] for row in _master(made) if row[3]]
    assert _master(ours) == _master(made), "STATEMENTS = " + repr(tuple(wanted))
    assert schema_sql.COLUMNS == {
        name: tuple(c.name for c in table.columns) for name, table in schema.metadata.tables.items()
    }
    assert schema_sql.TABLE_NAMES == schema.TABLE_NAMES


TEXT = st.text(
    alphabet=string.ascii_letters + " ,;\"'\n\t|" + "市场部品牌渠道组委员会总经理办公室𠀋é",
    max_size=10,
)
NAME = TEXT.map(str.strip).filter(bool)


@st.composite
def designs(draw) -> Design:
    """A design using every kind of object and every department field."""
    depts: list[Department] = []
    for i in range(draw(st.integers(1, 12))):
        depts.append(
            Department(
                code=draw(st.sampled_from(["", f"D{i}", f"部门{i}"])),
                name=draw(NAME),
                parent=draw(st.sampled_from([None] + [d.id for d in depts])),
                kind=draw(st.sampled_from(list(DeptKind))),
                leader=draw(TEXT),
                notes=draw(TEXT),
                headcount=draw(st.sampled_from([0, 1, 0.5, 2.25, 1e6])),
                budget=draw(st.sampled_from([0, 10, 1234567.89])),
                color=draw(st.sampled_from(["#4a90d9", "#aa3300", "#00FF00"])),
                x=draw(st.floats(-1e6, 1e6)),
                y=draw(st.floats(-1e6, 1e6)),
                chair=draw(TEXT),
                cadence=draw(TEXT),
                vacant=draw(st.booleans()),
                staff=draw(st.booleans()),
            )
        )
    ids = [d.id for d in depts]
    links: list[Link] = []
    pairs = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]  # one link a pair
    for a, b in draw(st.lists(st.sampled_from(pairs), unique=True, max_size=6)) if pairs else []:
        links.append(
            Link(
                source=a,
                target=b,
                kind=draw(st.sampled_from(list(LinkKind))),
                label=draw(TEXT),
                directed=draw(st.booleans()),
            )
        )
    functions = [
        Function(
            name=draw(NAME),
            key=draw(st.sampled_from(["", f"k{i}"])),
            category=draw(st.sampled_from(["", "support", "品牌"])),
            required=draw(st.booleans()),
            description=draw(TEXT),
            post=draw(TEXT),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    design = build_design(name=draw(NAME), departments=depts, links=links, functions=functions)
    design.description, design.author = draw(TEXT), draw(TEXT)
    design.settings.update({"span_of_control_max": draw(st.integers(1, 20)), "note": draw(TEXT)})
    for function in functions:
        for dept_id in draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)):
            design.set_role(function.id, dept_id, draw(st.sampled_from(list(Role))))
    for _ in range(draw(st.integers(0, 2))):
        design.add_kpi(
            Kpi(
                name=draw(NAME),
                unit=draw(st.sampled_from(["", "%", "万元"])),
                owner=draw(st.sampled_from([None, *ids])),
                shared=tuple(draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))),
                functions=tuple(
                    draw(
                        st.lists(
                            st.sampled_from([f.id for f in functions]), unique=True, max_size=2
                        )
                    )
                    if functions
                    else ()
                ),
                description=draw(TEXT),
            )
        )
    return design


def _saved_twice(design: Design) -> ScenarioSet:
    """The design and an edited copy as two scenarios (rows of both in each table)."""
    scenarios = ScenarioSet.single(design)
    other = scenarios.add(copy_design(design), "方案二")
    first = next(iter(other.departments.values()))
    other.update_department(first.id, name="改名 renamed", staff=not first.staff)
    return scenarios


def _same_as_sqlalchemy_reads(path: Path) -> None:
    """Each table's rows as the sqlite3 reader gets them == as SQLAlchemy's `select` does."""
    conn = untrusted.open_checked(path)
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    try:
        with engine.connect() as sa:
            for name, table in schema.metadata.tables.items():
                order = "sort_order" in table.c and name not in storage.KPI_LINK_TABLES
                query = select(table).order_by(table.c.sort_order) if order else select(table)
                clause = f" ORDER BY {name}.sort_order" if order else ""
                found = [tuple(r) for r in storage._select(conn, name, clause)]
                assert found == [tuple(r) for r in sa.execute(query)], name
    finally:
        engine.dispose(close=False)
        conn.close()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(design=designs())
def test_a_saved_design_reads_back_field_for_field(tmp_path_factory, design):
    path = tmp_path_factory.mktemp("read") / "design.db"
    scenarios = _saved_twice(design)
    storage.save(scenarios, path)
    back = storage.load_scenarios(path)
    assert back.names() == scenarios.names()
    for saved, read in zip(scenarios, back):
        assert read.snapshot() == saved.snapshot()
        assert read.stamp == scenarios.stamp and read.modified == scenarios.modified
        read.check_invariants()
    _same_as_sqlalchemy_reads(path)


def test_the_sample_design_with_staff_and_chinese_reads_back(tmp_path):
    design = sample_design()
    legal = design.add_department(
        Department(name="法务部 Legal", staff=True, vacant=True, chair="王丽", cadence="每月")
    )
    path = tmp_path / "sample.db"
    storage.save(design, path)
    read = storage.load(path)
    assert read.snapshot() == design.snapshot()
    assert read.departments[legal.id].staff and read.departments[legal.id].vacant
    _same_as_sqlalchemy_reads(path)
