"""Scenarios in one design file: format 1 -> 2 migration, copies, the shared-file workflow."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from orgdesigner import schema, schema_sql, storage, untrusted
from orgdesigner.document import DesignDocument
from orgdesigner.entities import Department
from orgdesigner.errors import FileProblem, NewerFormatError
from orgdesigner.recovery import find_recoverable
from orgdesigner.scenarios import ScenarioError, ScenarioSet, copy_design, split_target

from .sharedfiles_support import data_dir, sample_design, shared, use_data_dir  # noqa: F401

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "format1_mid_large.db"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_format1_file_migrates_on_a_copy_and_round_trips(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    before = digest(path)
    assert untrusted.check_header(path) == 1
    scenarios = storage.load_scenarios(path)
    assert digest(path) == before  # the original is untouched
    assert scenarios.names() == ["现状"]
    design = scenarios.active
    assert len(design.departments) == 12 and "市场部" in {
        d.name for d in design.departments.values()
    }
    out = tmp_path / "new.db"
    storage.save(scenarios, out)
    assert untrusted.check_header(out) == schema.FORMAT_VERSION == 3
    again = storage.load_scenarios(out)
    assert again.names() == ["现状"]
    assert again.active.snapshot() == design.snapshot()
    assert digest(path) == before


def test_a_format2_file_is_refused_by_an_older_build(tmp_path, monkeypatch):
    path = tmp_path / "new.db"
    storage.save(sample_design(), path)
    written = schema.FORMAT_VERSION
    monkeypatch.setattr(schema_sql, "FORMAT_VERSION", 1)  # (where the read path finds it)
    with pytest.raises(NewerFormatError) as caught:
        storage.load(path)
    assert str(caught.value) == (
        f"new.db was made by a newer Org Designer (format {written}); "
        "this version reads up to format 1"
    )


def test_scenarios_are_saved_with_their_ids_and_order(tmp_path):
    base = sample_design()
    scenarios = ScenarioSet.single(base)
    target = scenarios.copy("现状", "方案B")
    target.update_department("d3", name="新名称")
    target.remove_department("d5")
    scenarios.rename("现状", "As is")
    path = tmp_path / "two.db"
    storage.save(scenarios, path)
    loaded = storage.load_scenarios(path)
    assert loaded.names() == ["As is", "方案B"]
    b = storage.load(path, "方案B")
    assert b.departments["d3"].name == "新名称" and "d5" not in b.departments
    assert storage.load(path).departments["d3"].name == "部门3"
    assert set(b.departments) < set(storage.load(path).departments)  # same ids
    with pytest.raises(FileProblem, match='no scenario "C"'):
        storage.load(path, "C")
    rows = sqlite3.connect(path).execute("SELECT count(DISTINCT scenario_id) FROM departments")
    assert rows.fetchone()[0] == 2


def test_scenario_names_are_checked():
    scenarios = ScenarioSet.single(sample_design())
    with pytest.raises(ScenarioError):
        scenarios.copy("现状", "现状")
    with pytest.raises(ScenarioError):
        scenarios.copy("现状", "  ")
    with pytest.raises(ScenarioError):
        scenarios.delete("现状")  # not the last one
    scenarios.copy("现状", "B")
    scenarios.delete("现状")
    assert scenarios.names() == ["B"] and scenarios.active.scenario.name == "B"


def test_split_target():
    assert split_target("plan.db#方案B") == ("plan.db", "方案B")
    assert split_target("dir.db/x.json") == ("dir.db/x.json", None)
    assert split_target("a.DB#x#y") == ("a.DB", "x#y")
    assert split_target("plan.db") == ("plan.db", None)


def test_document_copy_switch_edit_save_reopen(shared, data_dir):  # noqa: F811
    path = shared / "plan.db"
    storage.save(sample_design(), path)
    doc = DesignDocument.open(path, heartbeat=False)
    doc.copy_scenario("现状", "方案B")
    doc.switch_scenario("方案B")
    doc.design.update_department("d1", name="市场中心")
    doc.save()
    doc.close()
    assert storage.load(path).departments["d1"].name == "部门1"
    assert storage.load(path, "方案B").departments["d1"].name == "市场中心"


def test_recovery_brings_back_every_scenario(shared, data_dir, monkeypatch):  # noqa: F811
    path = shared / "plan.db"
    storage.save(sample_design(), path)
    doc = DesignDocument.open(path, heartbeat=False)
    doc.copy_scenario("现状", "方案B")
    doc.switch_scenario("方案B")
    doc.design.update_department("d2", headcount=99)
    doc.working.conn.close()  # the program "crashes": nothing is saved, nothing closed
    doc.lock.release()
    monkeypatch.setattr("orgdesigner.recovery.owner_alive", lambda manifest: False)
    (item,) = find_recoverable()
    again = DesignDocument.recover(item, heartbeat=False)
    assert again.scenarios.names() == ["现状", "方案B"]
    assert again.design.scenario.name == "方案B"
    assert again.design.departments["d2"].headcount == 99
    again.save()
    again.close()
    assert storage.load(path, "方案B").departments["d2"].headcount == 99


class ScenarioDocumentMachine(RuleBasedStateMachine):
    """Edits, copies, renames, deletes and switches: the working copy always equals the model."""

    def __init__(self):
        super().__init__()
        import tempfile

        self.folder = Path(tempfile.mkdtemp(prefix="scenario-machine-"))
        self.restore_data_dir = use_data_dir(self.folder / "data")
        self.path = self.folder / "plan.db"
        storage.save(sample_design(), self.path)
        self.doc = DesignDocument.open(self.path, heartbeat=False)
        self.counter = 0

    def _name(self) -> str:
        self.counter += 1
        return f"方案{self.counter}"

    @rule(data=st.data())
    def copy(self, data):
        source = data.draw(st.sampled_from(self.doc.scenarios.names()))
        self.doc.copy_scenario(source, self._name())

    @rule(data=st.data())
    def switch(self, data):
        self.doc.switch_scenario(data.draw(st.sampled_from(self.doc.scenarios.names())))

    @rule(data=st.data())
    def rename(self, data):
        self.doc.rename_scenario(
            data.draw(st.sampled_from(self.doc.scenarios.names())), self._name()
        )

    @precondition(lambda self: len(self.doc.scenarios) > 1)
    @rule(data=st.data())
    def delete(self, data):
        self.doc.delete_scenario(data.draw(st.sampled_from(self.doc.scenarios.names())))

    @rule(data=st.data())
    def edit(self, data):
        design = self.doc.design
        dept_id = data.draw(st.sampled_from(list(design.departments)))
        choice = data.draw(st.sampled_from(["rename", "add", "remove"]))
        if choice == "rename":
            design.update_department(dept_id, name=self._name())
        elif choice == "add":
            design.add_department(Department(name=self._name(), parent=dept_id))
        elif len(design.departments) > 1:
            design.remove_department(dept_id)

    @rule()
    def save(self):
        self.doc.save()

    @invariant()
    def working_copy_equals_the_model(self):
        out = self.folder / f"check{self.counter}.db"
        self.counter += 1
        self.doc.working.write_complete_copy(out)
        storage.verify_file(out, self.doc.scenarios)
        out.unlink()

    def teardown(self):
        self.doc.save()
        saved = storage.load_scenarios(self.path)
        assert saved.names() == self.doc.scenarios.names()
        for mine, theirs in zip(self.doc.scenarios, saved):
            assert mine.snapshot()["departments"] == theirs.snapshot()["departments"]
        self.doc.close()
        shutil.rmtree(self.folder, ignore_errors=True)
        self.restore_data_dir()


ScenarioDocumentMachine.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestScenarioDocument = ScenarioDocumentMachine.TestCase


def test_copy_design_is_deep():
    design = sample_design()
    copy = copy_design(design)
    copy.update_department("d1", name="x")
    assert design.departments["d1"].name == "部门1"
    assert copy.snapshot()["roles"] == design.snapshot()["roles"]


def _format1_copy(tmp_path, *statements: str) -> Path:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE, path)
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def test_a_changed_format1_table_is_refused_after_migrating_the_copy(tmp_path):
    path = _format1_copy(tmp_path, "ALTER TABLE departments ADD COLUMN secret TEXT DEFAULT 'x'")
    before = digest(path)
    with pytest.raises(FileProblem) as caught:
        storage.load(path)
    assert str(caught.value) == (
        "old.db: has a changed table 'departments' (its definition is "
        "not Org Designer's); it was refused and not run"
    )
    assert digest(path) == before


def test_a_format1_trigger_is_refused_before_migrating(tmp_path):
    path = _format1_copy(
        tmp_path, "CREATE TRIGGER t AFTER INSERT ON departments BEGIN DELETE FROM links; END"
    )
    before = digest(path)
    with pytest.raises(FileProblem, match="trigger 't'"):
        storage.load(path)
    assert digest(path) == before


def test_a_file_without_scenarios_or_with_stray_rows_is_refused(tmp_path):
    empty = tmp_path / "empty.db"
    storage.save(sample_design(), empty)
    conn = sqlite3.connect(empty)
    for table in [*schema.SCENARIO_TABLES, "scenarios"]:
        conn.execute(f'DELETE FROM "{table}"')
    conn.commit()
    conn.close()
    with pytest.raises(FileProblem, match="holds no scenario"):
        storage.load(empty)
    stray = tmp_path / "stray.db"
    storage.save(sample_design(), stray)
    conn = sqlite3.connect(stray)
    conn.execute("UPDATE departments SET scenario_id='nowhere' WHERE id='d5'")
    conn.commit()
    conn.close()
    with pytest.raises(FileProblem, match="broken reference"):
        storage.load(stray)


def test_kpis_are_scoped_to_their_scenario(shared, data_dir):  # noqa: F811
    from orgdesigner.templates import load_template

    path = shared / "kpis.db"
    storage.save(load_template("mid_large"), path)
    doc = DesignDocument.open(path, heartbeat=False)
    doc.copy_scenario("现状", "方案B")
    doc.switch_scenario("方案B")
    kpi = next(iter(doc.design.kpis.values()))
    owner = kpi.owner
    other = next(d for d in doc.design.departments if d != owner)
    doc.design.update_kpi(kpi.id, owner=other, shared=())
    doc.design.remove_kpi(list(doc.design.kpis)[-1])
    out = shared / "check.db"
    doc.working.write_complete_copy(out)
    storage.verify_file(out, doc.scenarios)
    doc.save()
    doc.close()
    before, after = storage.load(path), storage.load(path, "方案B")
    assert before.kpis[kpi.id].owner == owner and before.kpis[kpi.id].shared
    assert after.kpis[kpi.id].owner == other and after.kpis[kpi.id].shared == ()
    assert len(after.kpis) == len(before.kpis) - 1 == 8


def test_growth_path_keeps_kpis_of_both_templates():
    from orgdesigner.scenarios import map_onto
    from orgdesigner.templates import load_template

    start = load_template("startup")
    grown = map_onto(start, load_template("mid_large"))
    shared_keys = {k.key for k in start.kpis.values()} & {k.key for k in grown.kpis.values()}
    assert shared_keys  # the same KPI in both: the same id
    by_key = {k.key: k.id for k in start.kpis.values()}
    assert all(k.id == by_key[k.key] for k in grown.kpis.values() if k.key in shared_keys)
    grown.check_invariants()
