"""Crash timing on the save path: the edit is in the working copy before it counts as done,
our own save is recognised on recovery, our own temp files of killed saves are swept."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from orgdesigner import events as ev, fileutil, ops, recovery, storage
from orgdesigner.document import ChangedByOthers, DesignDocument
from orgdesigner.entities import Department
from orgdesigner.lockfile import lock_path
from orgdesigner.workingcopy import MANIFEST, Manifest

from .sharedfiles_support import data_dir, design_file, shared  # noqa: F401


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait(timeout=30)
    return proc.pid


def _crash(doc: DesignDocument) -> recovery.RecoveryItem:
    """The process dies: its working copy stays; the lock goes (as on SIGTERM)."""
    doc.working.conn.close()
    doc.lock.release()
    doc.lock = None
    folder = doc.working.folder
    return recovery.RecoveryItem(folder, Manifest.read(folder / MANIFEST))


def test_the_recovery_record_says_unsaved_before_the_edit_is_written(design_file):
    doc = DesignDocument.open(design_file, heartbeat=False)
    doc.save()
    assert not Manifest.read(doc.working.folder / MANIFEST).dirty
    seen = []
    write = doc.working._handlers[ev.DepartmentChanged]

    def killed_here(event):  # what a kill at this instant would leave on disk
        seen.append(Manifest.read(doc.working.folder / MANIFEST).dirty)
        write(event)

    doc.working._handlers[ev.DepartmentChanged] = killed_here
    ops.UpdateDepartment("d2", {"name": "保存后的第一个修改"}).apply(doc.design)
    assert seen == [True]  # a kill before the row is written still offers recovery
    doc.close()


def test_a_kill_after_the_file_was_replaced_is_recognised_as_our_own_save(design_file, monkeypatch):
    doc = DesignDocument.open(design_file, heartbeat=False)
    ops.AddDepartment(Department(id="new", name="新部门", parent="d1")).apply(doc.design)
    monkeypatch.setattr(doc.working, "saved", lambda *args: None)  # killed right after the replace
    doc.save()
    saved = storage.load(design_file)
    assert "new" in saved.departments
    item = _crash(doc)
    recovered = DesignDocument.recover(item, heartbeat=False)
    try:
        ops.UpdateDepartment("new", {"leader": "赵六"}).apply(recovered.design)
        recovered.save()  # not "changed by someone since you opened it": it was our save
        assert storage.load(design_file).departments["new"].leader == "赵六"
        assert storage.load(design_file).stamp.save_generation == saved.stamp.save_generation + 1
    finally:
        recovered.close()


def test_a_colleagues_save_after_the_crash_is_still_a_conflict(design_file):
    doc = DesignDocument.open(design_file, heartbeat=False)
    ops.AddDepartment(Department(id="new", name="新部门")).apply(doc.design)
    item = _crash(doc)
    other = storage.load(design_file)
    other.update_department("d1", name="同事的修改")
    storage.save(other, design_file)
    recovered = DesignDocument.recover(item, heartbeat=False)
    try:
        with pytest.raises(ChangedByOthers):
            recovered.save()
    finally:
        recovered.close()


def test_our_own_temp_files_of_killed_saves_are_swept_at_open_and_before_each_save(design_file):
    host, pid = fileutil.temp_owner_tag().split("-")
    folder = design_file.parent
    dead = folder / f".design.db.0123456789ab.{host}-{_dead_pid()}.tmp"
    dead_journal = folder / f".design.db.0123456789ab.{host}-{_dead_pid()}.tmp-journal"
    live_other_host = folder / f".design.db.ba9876543210.0000beef-{os.getpid()}.tmp"
    for leftover in (dead, dead_journal, live_other_host):
        leftover.write_bytes(b"partial")
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        assert not dead.exists() and not dead_journal.exists()
        assert live_other_host.exists()  # someone else's, and fresh: not ours to judge
        mine = folder / f".design.db.cafecafecafe.{host}-{pid}.tmp"  # a save of ours killed earlier
        mine.write_bytes(b"partial")
        ops.UpdateDepartment("d2", {"name": "改"}).apply(doc.design)
        doc.save()
        assert not mine.exists()
        assert sorted(p.name for p in folder.iterdir()) == sorted(
            ["design.db", lock_path(design_file).name, live_other_host.name]
        )
    finally:
        doc.close()


def test_save_as_is_a_way_out_when_the_working_copy_drifted(design_file, tmp_path):
    """Should the working copy ever differ from the model, Save fails its verification
    (the file stays as it was) and Save As still writes the design as the model holds it."""
    import sqlite3

    from orgdesigner.document import SaveFailed
    from orgdesigner.workingcopy import WORKING

    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        ops.UpdateDepartment("d2", {"name": "屏幕上的名字"}).apply(doc.design)
        conn = sqlite3.connect(doc.working.folder / WORKING)  # a drift, whatever its cause
        conn.execute("UPDATE departments SET name='漂移' WHERE id='d2'")
        conn.commit()
        conn.close()
        before = design_file.read_bytes()
        with pytest.raises(SaveFailed, match="verification"):
            doc.save()
        assert design_file.read_bytes() == before
        other = design_file.with_name("design-2.db")
        doc.save_as(other)
        assert storage.load(other).snapshot() == doc.design.snapshot()
        ops.UpdateDepartment("d3", {"leader": "之后的修改"}).apply(doc.design)
        doc.save()  # and saving works again from then on
        assert storage.load(other).snapshot() == doc.design.snapshot()
    finally:
        doc.close()
