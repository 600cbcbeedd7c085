"""Random edit sequences through the editor's one entry point always save, and undo exactly.

A hypothesis state machine opens a shared design file through `DesignDocument`
(the API the editor uses), applies random operations through
`EditorContext.apply` (the UI's one edit entry point, with its QUndoStack),
batches included, interleaves undo and redo, saves at random moments and
sometimes crashes and recovers. After every step the private working copy
holds the design's rows in the design's order; after every save the file
read back equals the design, order included; undoing everything gives back
the design that was opened.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import event, settings, strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtWidgets import QApplication

from orgdesigner import ops, recovery, storage
from orgdesigner.design import Design
from orgdesigner.document import DesignDocument
from orgdesigner.entities import Department, Function, Kpi, Link, LinkKind, Role
from orgdesigner.templates import load_template
from orgdesigner.workingcopy import MANIFEST, WORKING, Manifest
from ui.context import EditorContext

names = st.text(st.sampled_from("市场部销售客服财务ABC xyz"), min_size=1, max_size=8)
WITNESS: Counter = Counter()
BATCH_DELETE_UNDO_SAVE = "delete in a batch, undo it, save"


def content(design: Design) -> dict:
    """What must survive a save: every field, every order (sibling order included)."""
    return {
        **design.snapshot(),
        "tree": list(design.iter_parent_first()),
        "owners": {f: sorted(design.owners(f)) for f in design.functions},
    }


def working_rows(path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        return {
            t: [r[0] for r in conn.execute(f"SELECT id FROM {t} ORDER BY sort_order")]
            for t in ("departments", "links", "functions", "kpis")
        }
    finally:
        conn.close()


def _is_batch_delete(op: ops.Op) -> bool:
    return (
        isinstance(op, ops.Batch)
        and sum(
            isinstance(o, (ops.RemoveDepartment, ops.RemoveLink, ops.RemoveFunction, ops.RemoveKpi))
            for o in op.ops
        )
        >= 2
    )


class EditMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.app = QApplication.instance() or QApplication([])
        self.tmp = Path(tempfile.mkdtemp(prefix="edit-machine-"))
        self.old_data_dir = os.environ.get("ORGDESIGNER_DATA_DIR")
        os.environ["ORGDESIGNER_DATA_DIR"] = str(self.tmp / "userdata")
        self.path = self.tmp / "plan.db"
        storage.save(load_template("mid_large", "zh"), self.path)
        self._open(DesignDocument.open(self.path, heartbeat=False))
        self.undid_batch_delete = False

    def _open(self, doc: DesignDocument) -> None:
        self.doc = doc
        self.ctx = EditorContext.create(doc.design)
        self.opened = content(doc.design)

    @property
    def design(self) -> Design:
        return self.doc.design

    def _apply(self, op: ops.Op) -> None:
        before = content(self.design)
        index = self.ctx.undo_stack.index()
        reason = self.ctx.apply(op, op.text)
        if reason is not None:  # refused: nothing changed, nothing pushed
            assert content(self.design) == before, reason
            assert self.ctx.undo_stack.index() == index
        else:
            assert self.ctx.undo_stack.index() == index + 1

    def _dept(self, data) -> str:
        return data.draw(st.sampled_from(list(self.design.departments)))

    # ------------------------------------------------------------- edits
    @rule(name=names, data=st.data())
    def add_department(self, name, data):
        parent = data.draw(st.none() | st.sampled_from(list(self.design.departments) or [None]))
        self._apply(ops.AddDepartment(Department(name=name, parent=parent)))

    @precondition(lambda self: self.design.departments)
    @rule(data=st.data(), up=st.booleans())
    def delete_one(self, data, up):
        self._apply(ops.RemoveDepartment(self._dept(data), up))

    @precondition(lambda self: len(self.design.departments) >= 3)
    @rule(data=st.data())
    def delete_several_with_links(self, data):
        """What Delete does with a selection: its loose links first, then the departments."""
        depts = data.draw(
            st.lists(
                st.sampled_from(list(self.design.departments)), min_size=2, max_size=4, unique=True
            )
        )
        links = [
            l.id
            for l in self.design.links.values()
            if l.source not in depts and l.target not in depts
        ][:2]
        self._apply(
            ops.Batch(
                [ops.RemoveLink(l) for l in links] + [ops.RemoveDepartment(d) for d in depts],
                "Delete",
            )
        )

    @precondition(lambda self: self.design.departments)
    @rule(data=st.data())
    def reparent(self, data):
        parent = data.draw(st.none() | st.sampled_from(list(self.design.departments)))
        chosen = data.draw(
            st.lists(
                st.sampled_from(list(self.design.departments)), min_size=1, max_size=2, unique=True
            )
        )
        self._apply(ops.Batch([ops.SetParent(d, parent) for d in chosen], "Change reporting line"))

    @precondition(lambda self: self.design.departments)
    @rule(data=st.data(), name=names)
    def rename(self, data, name):
        self._apply(ops.UpdateDepartment(self._dept(data), {"name": name}))

    @precondition(lambda self: self.design.departments)
    @rule(data=st.data(), x=st.integers(-2000, 2000), y=st.integers(-2000, 2000))
    def move(self, data, x, y):
        self._apply(ops.MoveDepartments({self._dept(data): (float(x), float(y))}))

    @precondition(lambda self: len(self.design.departments) >= 2)
    @rule(data=st.data(), kind=st.sampled_from(list(LinkKind)))
    def link(self, data, kind):
        self._apply(ops.AddLink(Link(source=self._dept(data), target=self._dept(data), kind=kind)))

    @precondition(lambda self: self.design.links)
    @rule(data=st.data())
    def unlink_several(self, data):
        chosen = data.draw(
            st.lists(st.sampled_from(list(self.design.links)), min_size=1, max_size=3, unique=True)
        )
        self._apply(ops.Batch([ops.RemoveLink(l) for l in chosen], "Delete links"))

    @precondition(lambda self: self.design.links)
    @rule(data=st.data(), kind=st.sampled_from(list(LinkKind)))
    def set_link_kinds(self, data, kind):
        """The link properties: several selected links set to one kind (may be refused)."""
        chosen = data.draw(
            st.lists(st.sampled_from(list(self.design.links)), min_size=1, max_size=3, unique=True)
        )
        self._apply(ops.Batch([ops.UpdateLink(l, {"kind": kind}) for l in chosen], "Edit link"))

    @precondition(lambda self: self.design.functions and self.design.departments)
    @rule(data=st.data(), role=st.none() | st.sampled_from(list(Role)))
    def set_role(self, data, role):
        function = data.draw(st.sampled_from(list(self.design.functions)))
        self._apply(ops.SetRole(function, self._dept(data), role))

    @rule(name=names)
    def add_function(self, name):
        self._apply(ops.AddFunction(Function(name=name, category="custom")))

    @precondition(lambda self: len(self.design.functions) >= 2)
    @rule(data=st.data())
    def delete_functions(self, data):
        chosen = data.draw(
            st.lists(
                st.sampled_from(list(self.design.functions)), min_size=2, max_size=3, unique=True
            )
        )
        self._apply(ops.Batch([ops.RemoveFunction(f) for f in chosen], "Delete functions"))

    @precondition(lambda self: self.design.departments and self.design.functions)
    @rule(data=st.data(), name=names)
    def add_kpi(self, data, name):
        function = data.draw(st.sampled_from(list(self.design.functions)))
        self._apply(
            ops.AddKpi(
                Kpi(
                    name=name,
                    unit="%",
                    owner=self._dept(data),
                    shared=(self._dept(data),),
                    functions=(function,),
                )
            )
        )

    @precondition(lambda self: len(self.design.kpis) >= 2)
    @rule(data=st.data())
    def delete_kpis(self, data):
        chosen = data.draw(
            st.lists(st.sampled_from(list(self.design.kpis)), min_size=2, max_size=3, unique=True)
        )
        self._apply(ops.Batch([ops.RemoveKpi(k) for k in chosen], "Delete KPIs"))

    # ------------------------------------------------------------ history
    def _undo(self) -> None:
        stack = self.ctx.undo_stack
        if _is_batch_delete(stack.command(stack.index() - 1).op):
            self.undid_batch_delete = True
        stack.undo()

    @precondition(lambda self: self.ctx.undo_stack.canUndo())
    @rule(times=st.integers(1, 3))
    def undo(self, times):
        for _ in range(times):
            if self.ctx.undo_stack.canUndo():
                self._undo()

    @precondition(lambda self: self.ctx.undo_stack.canRedo())
    @rule()
    def redo(self):
        self.ctx.undo_stack.redo()

    # -------------------------------------------------------------- files
    @rule()
    def save(self):
        self.doc.save()  # never refused: the working copy mirrors the model
        assert not self.doc.dirty
        assert content(storage.load(self.path)) == content(self.design)
        if self.undid_batch_delete:
            event(BATCH_DELETE_UNDO_SAVE)
            WITNESS[BATCH_DELETE_UNDO_SAVE] += 1

    @rule()
    def crash_and_recover(self):
        """The program dies (the lock goes, as on SIGTERM); the next start recovers the work."""
        before = content(self.design)
        folder = self.doc.working.folder
        self.doc.working.conn.close()
        self.doc.lock.release()
        self.doc.lock = None
        self.ctx.bridge.detach()
        item = recovery.RecoveryItem(folder, Manifest.read(folder / MANIFEST))
        if not item.manifest.dirty:  # nothing unsaved: the next start would just open the file
            shutil.rmtree(folder)
            self._open(DesignDocument.open(self.path, heartbeat=False))
        else:
            self._open(DesignDocument.recover(item, heartbeat=False))
        assert content(self.design) == before

    # ---------------------------------------------------------- checking
    @invariant()
    def working_copy_mirrors_the_model(self):
        self.design.check_invariants()
        rows = working_rows(self.doc.working.folder / WORKING)
        assert rows == {
            "departments": list(self.design.departments),
            "links": list(self.design.links),
            "functions": list(self.design.functions),
            "kpis": list(self.design.kpis),
        }
        assert not self.doc.problem

    def teardown(self):
        try:
            while self.ctx.undo_stack.canUndo():
                self._undo()
            assert content(self.design) == self.opened
            self.save()
            assert content(storage.load(self.path)) == self.opened
        finally:
            self.ctx.bridge.detach()
            self.doc.close()
            if self.old_data_dir is None:
                os.environ.pop("ORGDESIGNER_DATA_DIR", None)
            else:
                os.environ["ORGDESIGNER_DATA_DIR"] = self.old_data_dir
            shutil.rmtree(self.tmp, ignore_errors=True)


def test_random_edits_save_and_undo_exactly():
    WITNESS.clear()
    run_state_machine_as_test(
        EditMachine,
        settings=settings(
            max_examples=int(os.environ.get("EDIT_MACHINE_EXAMPLES", "50")),
            stateful_step_count=30,
            deadline=None,
        ),
    )
    # The sequence of the bug report must have been exercised, not just hoped for.
    assert WITNESS[BATCH_DELETE_UNDO_SAVE] > 0
