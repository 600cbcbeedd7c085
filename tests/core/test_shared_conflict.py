"""Changed-by-others: a save never silently overwrites a colleague's save."""

from __future__ import annotations

import os

import pytest

from orgdesigner import ops, storage
from orgdesigner.document import ChangedByOthers, DesignDocument, LockedByOther
from orgdesigner.entities import Department
from orgdesigner.lockfile import lock_path

from .sharedfiles_support import data_dir, design_file, shared  # noqa: F401


def _two_sessions(design_file):
    """A opens; its lock is lost (a sync tool, a broken lock); B opens and edits too."""
    a = DesignDocument.open(design_file, heartbeat=False, user="Wang Li")
    lock_path(design_file).unlink()
    b = DesignDocument.open(design_file, heartbeat=False, user="Zhang Wei")
    ops.AddDepartment(Department(id="from_a", name="A的部门")).apply(a.design)
    ops.AddDepartment(Department(id="from_b", name="B的部门")).apply(b.design)
    return a, b


def test_second_saver_gets_changed_by_others_and_save_as_keeps_both(design_file, monkeypatch):
    a, b = _two_sessions(design_file)
    monkeypatch.setenv("ORGDESIGNER_USER_NAME", "Zhang Wei")
    b.save()
    saved_by_b = design_file.read_bytes()
    with pytest.raises(ChangedByOthers) as caught:
        a.save()
    message = str(caught.value)
    assert message.startswith("design.db was changed by Zhang Wei at ")
    assert "since you opened it" in message and "another name" in message
    assert design_file.read_bytes() == saved_by_b

    a.save_as(design_file.with_name("design-wang.db"))
    theirs = storage.load(design_file)
    mine = storage.load(design_file.with_name("design-wang.db"))
    assert "from_b" in theirs.departments and "from_a" not in theirs.departments
    assert "from_a" in mine.departments and "from_b" not in mine.departments
    for design in (theirs, mine):
        design.check_invariants()
    a.close()
    b.close()


def test_overwrite_anyway_is_explicit_and_respects_a_live_lock(design_file):
    a, b = _two_sessions(design_file)
    b.save()
    with pytest.raises(ChangedByOthers):
        a.save()
    with pytest.raises(LockedByOther):  # B still edits it: never overwrite under a live lock
        a.save(overwrite=True)
    b.close()
    a.save(overwrite=True)
    assert "from_a" in storage.load(design_file).departments
    a.close()


def test_changed_while_we_held_the_lock(design_file):
    doc = DesignDocument.open(design_file, heartbeat=False)
    other = storage.load(design_file)  # someone writes with another tool, ignoring the lock
    other.update_department("d1", name="外部修改")
    storage.save(other, design_file)
    ops.UpdateDepartment("d2", {"name": "我的修改"}).apply(doc.design)
    with pytest.raises(ChangedByOthers):
        doc.save()
    assert storage.load(design_file).departments["d1"].name == "外部修改"
    doc.close()


def test_mtime_is_not_the_conflict_token(design_file):
    """Same size and mtime, different bytes: still detected (shares round mtimes)."""
    doc = DesignDocument.open(design_file, heartbeat=False)
    stat = design_file.stat()
    other = storage.load(design_file)
    other.update_department("d1", name="同样大小")
    storage.save(other, design_file)
    os.utime(design_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert design_file.stat().st_size == stat.st_size
    with pytest.raises(ChangedByOthers):
        doc.save()
    doc.close()


def test_deleted_file_is_not_silently_recreated(design_file):
    doc = DesignDocument.open(design_file, heartbeat=False)
    design_file.unlink()
    with pytest.raises(ChangedByOthers, match="moved or deleted"):
        doc.save()
    assert not design_file.exists()
    doc.save(overwrite=True)
    assert storage.load(design_file).snapshot() == doc.design.snapshot()
    doc.close()


def test_own_saves_do_not_count_as_changes(design_file):
    doc = DesignDocument.open(design_file, heartbeat=False)
    for i in range(3):
        ops.UpdateDepartment("d1", {"notes": str(i)}).apply(doc.design)
        doc.save()
    assert storage.load(design_file).departments["d1"].notes == "2"
    doc.close()
