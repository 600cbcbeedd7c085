"""State machine: an editor's undo stack on a live repository design while someone else
edits the same objects. A refused undo or redo (the repository or the model refuses it)
drops that step, so the stack never holds a step that no longer fits the design: every
later undo/redo applies cleanly (pytest-qt fails the test on an exception inside Qt's
undo/redo), and both editors converge with the server."""

from __future__ import annotations

import os
import random
import uuid
from types import SimpleNamespace

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from orgdesigner import entities, ops
from orgdesigner.entities import Department
from orgdesigner.repository import RepoRef, pull, push
from orgdesigner.repository.live import LiveSession
from tests.core.factories import sample_design
from tests.core.repository.test_repo_live import content, settle

from ui.context import EditorContext


def test_undo_stack_stays_in_step_with_a_live_design(qapp, repo_url, monkeypatch):
    ids = random.Random()  # seeded ids: each example replays with the same ones
    monkeypatch.setattr(
        entities, "uuid", SimpleNamespace(uuid4=lambda: uuid.UUID(int=ids.getrandbits(128)))
    )

    class UndoWhileOthersEdit(RuleBasedStateMachine):
        @initialize()
        def start(self):
            ids.seed(0)
            self.ref = RepoRef(repo_url, f"undo-{uuid.uuid4().hex[:8]}")
            push(sample_design(), self.ref)
            self.mine = LiveSession.open(self.ref, user="甲")
            self.theirs = LiveSession.open(self.ref, user="乙")
            self.ctx = EditorContext.create(self.mine.design)
            self.refusals: list[str] = []
            self.ctx.bridge.refused.connect(self.refusals.append)

        def _pick(self, data, design):
            return data.draw(st.sampled_from(sorted(design.departments)))

        # --------------------------------------------------- 甲, through the editor
        @rule(data=st.data(), leader=st.sampled_from(["甲", "乙", "丙"]))
        def my_leader(self, data, leader):
            dept = self._pick(data, self.mine.design)
            self.ctx.apply(ops.UpdateDepartment(dept, {"leader": leader}))

        @rule(data=st.data())
        def my_child(self, data):
            dept = self._pick(data, self.mine.design)
            self.ctx.apply(ops.AddDepartment(Department(name="新", parent=dept)))

        @rule(data=st.data())
        def my_removal(self, data):
            if len(self.mine.design.departments) > 3:
                self.ctx.apply(ops.RemoveDepartment(self._pick(data, self.mine.design)))

        @precondition(lambda self: self.ctx.undo_stack.canUndo())
        @rule()
        def undo(self):
            stack = self.ctx.undo_stack
            count, index, seen = stack.count(), stack.index(), self._refused()
            stack.undo()
            if self._refused() > seen:  # dropped: the steps after it are still redoable
                assert stack.count() == count - 1 and stack.index() == index - 1
            else:
                assert stack.count() == count and stack.index() == index - 1

        @precondition(lambda self: self.ctx.undo_stack.canRedo())
        @rule()
        def redo(self):
            stack = self.ctx.undo_stack
            count, index, seen = stack.count(), stack.index(), self._refused()
            stack.redo()
            if self._refused() > seen:
                assert stack.count() == count - 1 and stack.index() == index
            else:
                assert stack.count() == count and stack.index() == index + 1

        def _refused(self) -> int:
            return len(self.mine.conflicts) + len(self.refusals)

        # ---------------------------------------------------- 乙, the same objects
        @rule(data=st.data(), leader=st.sampled_from(["甲", "乙", "丙"]))
        def their_leader(self, data, leader):
            dept = self._pick(data, self.theirs.design)
            ops.UpdateDepartment(dept, {"leader": leader}).apply(self.theirs.design)

        @rule(data=st.data())
        def their_removal(self, data):
            if len(self.theirs.design.departments) > 3:
                ops.RemoveDepartment(self._pick(data, self.theirs.design)).apply(self.theirs.design)

        @rule()
        def exchange(self):
            settle(self.mine, self.theirs)
            assert content(self.mine.design) == content(self.theirs.design)

        @invariant()
        def consistent(self):
            self.mine.design.check_invariants()
            assert not self.mine.pending and not self.theirs.pending

        def teardown(self):
            settle(self.mine, self.theirs)
            final = content(pull(self.ref))
            assert content(self.mine.design) == content(self.theirs.design) == final
            self.mine.close()
            self.theirs.close()

    run_state_machine_as_test(
        UndoWhileOthersEdit,
        settings=settings(
            max_examples=int(os.environ.get("ORGDESIGNER_SM_EXAMPLES", "10")),
            stateful_step_count=int(os.environ.get("ORGDESIGNER_SM_STEPS", "12")),
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
