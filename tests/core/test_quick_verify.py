"""A save after a few edits verifies the changed rows only, and still refuses any drift.

The working copy notes every row its connection writes (TEMP triggers); a
save after a verified save compares those rows, the counts and the order
around moved rows with the model. Whatever makes the full comparison fail
must make the quick one fail too: the state machine below checks that after
every step, sabotage included.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from orgdesigner import fileutil, ops, storage
from orgdesigner.document import DesignDocument, SaveFailed
from orgdesigner.entities import Department, Link
from orgdesigner.errors import FileProblem
from orgdesigner.workingcopy import WORKING

from .sharedfiles_support import (  # noqa: F401
    data_dir,
    sample_design,
    shared,
    use_data_dir,
    write_sample,
)


@pytest.fixture
def doc(shared, data_dir):  # noqa: F811
    path = shared / "design.db"
    write_sample(path)
    document = DesignDocument.open(path, heartbeat=False)
    document.save()  # the first save compares every row: the copy is proven equal from here
    yield document
    document.close()


def test_a_save_after_a_verified_save_checks_only_the_noted_rows(doc):
    assert doc.working.pending_changes() is not None
    ops.UpdateDepartment("d3", {"name": "品牌组"}).apply(doc.design)
    ops.AddDepartment(Department(id="n1", name="新部门", parent="d1"), index=0).apply(doc.design)
    changes = doc.working.pending_changes()
    assert changes is not None
    assert set(changes.rows[("departments", doc.design.scenario.id)]) == {"d3", "n1"}
    doc.save()
    assert storage.load(doc.path).snapshot() == doc.design.snapshot()
    after = doc.working.pending_changes()
    assert after is not None and len(after) == 0


def test_the_first_save_and_a_write_by_another_connection_mean_a_full_check(shared, data_dir):  # noqa: F811
    path = shared / "design.db"
    write_sample(path)
    doc = DesignDocument.open(path, heartbeat=False)
    try:
        assert doc.working.pending_changes() is None
        doc.save()
        assert doc.working.pending_changes() is not None
        other = sqlite3.connect(doc.working.folder / WORKING)
        other.execute("UPDATE departments SET leader='别人' WHERE id='d4'")
        other.commit()
        other.close()
        assert doc.working.pending_changes() is None
        before = path.read_bytes()
        with pytest.raises(SaveFailed, match="verification"):
            doc.save()
        assert path.read_bytes() == before
    finally:
        doc.close()


@pytest.mark.parametrize(
    "sabotage",
    [
        "UPDATE departments SET notes='漂移' WHERE id='d5'",
        "DELETE FROM departments WHERE id='d4'",
        "UPDATE departments SET sort_order=-5000 WHERE id='d4'",
        "DELETE FROM responsibilities WHERE function_id='f1'",
        "UPDATE settings SET value='99'",
        "UPDATE links SET label='别的' WHERE id='l1'",
        "INSERT INTO settings VALUES ('0-before', 'k', '1')",  # rows of no scenario
        "INSERT INTO settings VALUES ('~after', 'k', '1')",
    ],
)
def test_a_quick_save_refuses_a_working_copy_out_of_step(doc, sabotage):
    ops.UpdateDepartment("d1", {"leader": "新领导"}).apply(doc.design)
    doc.working.conn.execute(sabotage)  # a bug in a writer would do this
    before = doc.path.read_bytes()
    with pytest.raises(SaveFailed, match="verification"):
        doc.save()
    assert doc.path.read_bytes() == before


def test_a_quick_save_catches_a_damaged_new_file(doc, monkeypatch):
    ops.AddDepartment(Department(id="added", name="数字营销组", parent="d1")).apply(doc.design)
    before = doc.path.read_bytes()
    real = fileutil.write_temp

    def write_then_damage(write, tmp):
        real(write, tmp)
        data = bytearray(tmp.read_bytes())
        at = data.index("数字营销组".encode("utf-8"))
        data[at - 40 : at + 40] = b"\xff" * 80
        tmp.write_bytes(bytes(data))

    monkeypatch.setattr(fileutil, "write_temp", write_then_damage)
    assert doc.working.pending_changes() is not None
    with pytest.raises(SaveFailed):
        doc.save()
    assert doc.path.read_bytes() == before
    monkeypatch.undo()
    doc.save()
    assert storage.load(doc.path).snapshot() == doc.design.snapshot()


SABOTAGE = [
    "UPDATE departments SET name=name || '!' WHERE id=(SELECT id FROM departments LIMIT 1)",
    "DELETE FROM departments WHERE id=(SELECT id FROM departments ORDER BY sort_order DESC LIMIT 1)",
    "UPDATE departments SET sort_order=(SELECT max(sort_order) + 1 FROM departments) "
    "WHERE id=(SELECT id FROM departments ORDER BY sort_order LIMIT 1)",
    "INSERT INTO responsibilities SELECT scenario_id, 'f2', id, 'C' FROM departments "
    "WHERE id NOT IN (SELECT department_id FROM responsibilities WHERE function_id='f2') LIMIT 1",
    "UPDATE departments SET x=x + 1",
]


class QuickVerifyMachine(RuleBasedStateMachine):
    """Edits, saves and sabotage: the quick verification fails exactly when the full one does."""

    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="quick-verify-"))
        self.restore_data_dir = use_data_dir(self.folder / "data")
        self.path = self.folder / "plan.db"
        storage.save(sample_design(departments=8), self.path)
        self.doc = DesignDocument.open(self.path, heartbeat=False)
        self.counter = 0
        self.sabotaged = False

    def _name(self) -> str:
        self.counter += 1
        return f"部门{self.counter}"

    @precondition(lambda self: not self.sabotaged)
    @rule(data=st.data())
    def edit(self, data):
        design = self.doc.design
        ids = list(design.departments)
        dept = data.draw(st.sampled_from(ids))
        kind = data.draw(
            st.sampled_from(["rename", "add", "remove", "move", "parent", "role", "link", "set"])
        )
        if kind == "rename":
            op: ops.Op = ops.UpdateDepartment(dept, {"name": self._name()})
        elif kind == "add":
            index = data.draw(st.integers(0, len(ids)))
            op = ops.AddDepartment(Department(name=self._name(), parent=dept), index=index)
        elif kind == "remove" and len(ids) > 2:
            op = ops.RemoveDepartment(dept)
        elif kind == "move":
            op = ops.MoveDepartments({dept: (float(self.counter), 3.0)})
        elif kind == "parent":
            parent = data.draw(st.sampled_from(ids))
            if parent == dept or dept in design.ancestors(parent):
                return
            op = ops.SetParent(dept, parent)
        elif kind == "role":
            op = ops.SetRole("f2", dept, data.draw(st.sampled_from(["R", "C", None])))
        elif kind == "link":
            other = data.draw(st.sampled_from(ids))
            if other == dept or design.find_link(dept, other, "collaboration") is not None:
                return
            op = ops.AddLink(Link(source=dept, target=other, label="协作"))
        else:
            op = ops.UpdateDesign({"settings.max_span": self.counter})
        try:
            op.apply(design)
        except Exception as exc:  # a refusal of the model is no finding here
            if type(exc).__module__.startswith("orgdesigner"):
                return
            raise

    @precondition(lambda self: not self.sabotaged)
    @rule()
    def save(self):
        self.doc.save()

    @precondition(lambda self: self.doc.working.pending_changes() is not None)
    @rule(which=st.sampled_from(SABOTAGE))
    def sabotage(self, which):
        cursor = self.doc.working.conn.execute(which)
        self.sabotaged = self.sabotaged or cursor.rowcount > 0

    @precondition(lambda self: self.sabotaged)
    @rule()
    def save_is_refused_then_repaired(self):
        before = self.path.read_bytes()
        with pytest.raises(SaveFailed, match="verification|did not pass"):
            self.doc.save()
        assert self.path.read_bytes() == before
        self.doc.working.rebuild()  # the way out Save As takes
        self.sabotaged = False

    @invariant()
    def quick_and_full_agree(self):
        changes = self.doc.working.pending_changes()
        if changes is None:
            return
        out = self.folder / f"check{self.counter}.db"
        self.counter += 1
        self.doc.working.write_complete_copy(out)
        results = []
        for args in ((), (changes,)):
            try:
                storage.verify_file(out, self.doc.scenarios, *args)
                results.append(True)
            except FileProblem:
                results.append(False)
        out.unlink()
        assert results[0] == results[1] == (not self.sabotaged)

    def teardown(self):
        try:
            if not self.sabotaged:
                self.doc.save()
                assert storage.load(self.path).snapshot() == self.doc.design.snapshot()
        finally:
            self.doc.close()
            shutil.rmtree(self.folder, ignore_errors=True)
            self.restore_data_dir()


QuickVerifyMachine.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestQuickVerify = QuickVerifyMachine.TestCase
