"""Crash recovery: unsaved edits of a killed program come back at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from orgdesigner import ops, recovery, storage
from orgdesigner.document import ChangedByOthers, DesignDocument
from orgdesigner.entities import Department
from orgdesigner.lockfile import lock_path

from .sharedfiles_support import data_dir, design_file, shared  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]

EDITOR = textwrap.dedent("""
    import sys, time
    from orgdesigner import ops
    from orgdesigner.document import DesignDocument
    from orgdesigner.entities import Department
    doc = DesignDocument.open(sys.argv[1]) if sys.argv[1] != "-" else DesignDocument.new()
    if sys.argv[2] == "edit":
        ops.AddDepartment(Department(id="unsaved", name="未保存的部门", parent=None)).apply(doc.design)
        if doc.path is not None:
            ops.UpdateDepartment("d2", {"name": "改过的名字"}).apply(doc.design)
            ops.MoveDepartments({"d3": (500.0, -600.5)}).apply(doc.design)
            ops.SetRole("f1", "d1", None).apply(doc.design)
        ops.UpdateDesign({"name": "崩溃前的方案"}).apply(doc.design)
    print("ready", flush=True)
    time.sleep(120)
""")


def _crash(target: str, mode: str = "edit") -> None:
    """Run an editor process that edits without saving, then SIGKILL it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen(
        [sys.executable, "-c", EDITOR, target, mode],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        line = proc.stdout.readline()
        assert line.strip() == "ready", proc.stderr.read()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)


def test_killed_with_unsaved_edits_recover_and_save(design_file):
    before = design_file.read_bytes()
    _crash(str(design_file))
    assert design_file.read_bytes() == before  # nothing was saved
    assert lock_path(design_file).exists()  # the dead process's lock is left behind

    items = recovery.find_recoverable()
    assert len(items) == 1
    item = items[0]
    assert item.source == design_file
    assert item.message.startswith("Unsaved changes to design.db (崩溃前的方案), last edited ")

    doc = DesignDocument.recover(item, heartbeat=False)
    assert doc.state.recovered and doc.state.editable and doc.dirty
    design = doc.design
    assert design.name == "崩溃前的方案"
    assert design.departments["unsaved"].name == "未保存的部门"
    assert design.departments["d2"].name == "改过的名字"
    assert (design.departments["d3"].x, design.departments["d3"].y) == (500.0, -600.5)
    assert design.role("f1", "d1") is None
    doc.save()
    on_disk = storage.load(design_file)
    assert on_disk.snapshot() == design.snapshot()
    assert recovery.find_recoverable() == []  # ours now, and saved
    doc.close()
    assert recovery.find_recoverable() == []
    assert not lock_path(design_file).exists()


def test_recovered_work_goes_through_the_conflict_check(design_file, monkeypatch):
    _crash(str(design_file))
    other = storage.load(design_file)  # a colleague saves after the crash
    other.update_department("d1", name="同事的修改")
    storage.save(other, design_file)
    (item,) = recovery.find_recoverable()
    doc = DesignDocument.recover(item, heartbeat=False)
    with pytest.raises(ChangedByOthers):
        doc.save()
    doc.save_as(design_file.with_name("design-recovered.db"))
    assert storage.load(design_file).departments["d1"].name == "同事的修改"
    assert "unsaved" in storage.load(design_file.with_name("design-recovered.db")).departments
    doc.close()


def test_discard_throws_the_work_away(design_file):
    _crash(str(design_file))
    (item,) = recovery.find_recoverable()
    recovery.discard(item)
    assert recovery.find_recoverable() == []
    assert not item.folder.exists()


def test_untitled_design_is_recovered_too(data_dir, shared):
    _crash("-")
    (item,) = recovery.find_recoverable()
    assert item.source is None
    assert item.message.startswith("Unsaved changes to a new design")
    doc = DesignDocument.recover(item, heartbeat=False)
    assert doc.state.recovered and doc.state.untitled
    assert "unsaved" in doc.design.departments
    doc.save_as(shared / "rescued.db")
    assert "unsaved" in storage.load(shared / "rescued.db").departments
    doc.close()


def test_session_without_unsaved_edits_is_cleaned_silently(design_file, data_dir):
    _crash(str(design_file), mode="open-only")
    assert recovery.find_recoverable() == []
    assert list((data_dir / "sessions").iterdir()) == []


def test_a_running_session_is_not_offered(design_file):
    doc = DesignDocument.open(design_file, heartbeat=False)
    ops.AddDepartment(Department(id="live", name="进行中")).apply(doc.design)
    assert recovery.find_recoverable() == []
    doc.close()


def test_recovery_while_someone_else_edits_is_read_only(design_file, monkeypatch):
    _crash(str(design_file))
    (item,) = recovery.find_recoverable()
    lock_path(design_file).unlink()  # the crashed lock was broken by a colleague ...
    monkeypatch.setenv("ORGDESIGNER_USER_NAME", "Zhang Wei")
    colleague = DesignDocument.open(design_file, heartbeat=False)  # ... who edits it now
    doc = DesignDocument.recover(item, heartbeat=False)
    assert not doc.state.editable and doc.state.recovered
    assert "being edited by Zhang Wei" in doc.state.read_only_reason
    assert "unsaved" in doc.design.departments
    doc.save_as(design_file.with_name("mine.db"))
    assert "unsaved" in storage.load(design_file.with_name("mine.db")).departments
    doc.close()
    colleague.close()


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json",
        "[]",
        '{"session": "x", "source": null, "title": "t", "pid": "not a number"}',
    ],
)
def test_damaged_manifest_is_skipped_not_a_crash(data_dir, content):
    session = data_dir / "sessions" / "abc"
    session.mkdir(parents=True)
    (session / "manifest.json").write_text(content)
    (session / "working.db").write_bytes(b"")
    assert recovery.find_recoverable() == []
    assert (session / "working.db").exists()  # never delete what might be someone's work
