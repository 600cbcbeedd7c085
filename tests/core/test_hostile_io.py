"""Issue 19, items 11 and 15: full disks and I/O errors on every write path; export permissions.

Faults are injected into the real OS calls (os.write, os.fsync, os.replace)
and, for SQLite's own writes, into the file writer with the SQLite error a
full disk gives. Every CLI write path must end with exit 2 and one line,
leave no partial target and no temp file, and keep an existing target as it
was; the editor's document keeps the edits and the shared file.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat

import pytest

from orgdesigner import ops, safesave, storage, workingcopy
from orgdesigner.design import Design
from orgdesigner.document import DesignDocument, SaveFailed
from orgdesigner.entities import Department
from orgdesigner.errors import FileProblem

from .hostile_support import digest, one_line_error, run
from .sharedfiles_support import data_dir, design_file, sample_design, shared  # noqa: F401

ERRNOS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EIO: "the disk or network reported an input/output error",
    errno.EROFS: "the folder is on a read-only drive",
    errno.EACCES: "permission denied (the folder or file is read-only for you)",
}
CALLS = ("write", "fsync", "replace")
SUFFIXES = (".json", ".csv", ".xlsx", ".svg", ".pptx", ".db")


def _inject(monkeypatch, call: str, code: int) -> None:
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, call, fail)


def _sqlite_full(*args, **kwargs):
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = 13  # SQLITE_FULL
    raise error


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "in.db"
    storage.save(sample_design(), path)
    return path


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", "-journal")))


def _fail_export(capsys, monkeypatch, source, target, call, code, *extra):
    if call == "write" and target.suffix == ".db":  # SQLite writes the file itself
        monkeypatch.setattr(storage, "write_file", _sqlite_full)
        code = errno.ENOSPC
    else:
        _inject(monkeypatch, call, code)
    try:
        result = run(capsys, "export", source, "-o", target, *extra)
    finally:
        monkeypatch.undo()
    return result, code


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("code", sorted(ERRNOS))
def test_export_json_under_every_errno_is_exit_2(capsys, monkeypatch, source, tmp_path, call, code):
    target = tmp_path / "out.json"
    (exit_code, _, err), code = _fail_export(capsys, monkeypatch, source, target, call, code)
    assert exit_code == 2
    one_line_error(err, f"out.json: could not be written: {ERRNOS[code]}; nothing was changed")
    assert not target.exists() and _leftovers(tmp_path) == []


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_every_export_format_on_a_full_disk(capsys, monkeypatch, source, tmp_path, call, suffix):
    target = tmp_path / f"out{suffix}"
    target.write_bytes(b"the previous version")
    before, source_before = digest(target), digest(source)
    (exit_code, _, err), code = _fail_export(
        capsys, monkeypatch, source, target, call, errno.ENOSPC, "--force"
    )
    assert exit_code == 2, err
    one_line_error(err, f"out{suffix}: could not be written: the disk is full; nothing was changed")
    assert digest(target) == before and _leftovers(tmp_path) == []
    assert digest(source) == source_before


@pytest.mark.parametrize("call", CALLS)
def test_new_and_import_on_a_full_disk(capsys, monkeypatch, tmp_path, call):
    src = tmp_path / "org.csv"
    src.write_text("id,parent,name\nhq,,总部\n", encoding="utf-8")
    before = digest(src)
    for argv in (
        ["new", "-o", tmp_path / "new.db"],
        ["import", src, "-o", tmp_path / "new.db"],
        ["import", src, "-o", tmp_path / "ok.db", "--report", tmp_path / "r.json"],
    ):
        if call == "write" and argv[0] == "new":
            monkeypatch.setattr(storage, "write_file", _sqlite_full)
        elif call == "write" and "--report" not in argv:
            monkeypatch.setattr(storage, "write_file", _sqlite_full)
        else:
            _inject(monkeypatch, call, errno.ENOSPC)
        try:
            code, _, err = run(capsys, *argv)
        finally:
            monkeypatch.undo()
        assert code == 2, (argv, err)
        one_line_error(err, "could not be written: the disk is full")
        assert not (tmp_path / "new.db").exists() and not (tmp_path / "r.json").exists()
        assert _leftovers(tmp_path) == []
    assert digest(src) == before


# ------------------------------------------------------------ the editor's document
def _edit(doc) -> None:
    ops.AddDepartment(Department(id="added", name="数字营销组", parent="d1")).apply(doc.design)


@pytest.mark.parametrize("call", ("fsync", "replace"))
@pytest.mark.parametrize("code", sorted(ERRNOS))
def test_document_save_under_every_errno(design_file, monkeypatch, call, code):
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        before = digest(design_file)
        _edit(doc)
        _inject(monkeypatch, call, code)
        with pytest.raises(SaveFailed) as caught:
            doc.save()
        monkeypatch.undo()
        assert str(caught.value) == (
            f"could not save design.db: {ERRNOS[code]}. The file on disk "
            "is unchanged and your changes are kept; retry or use Save As"
        )
        assert digest(design_file) == before and doc.dirty
        doc.save()  # retry once the disk has room
        assert "added" in storage.load(design_file).departments
    finally:
        doc.close()


def test_document_save_when_sqlite_finds_the_disk_full(design_file, monkeypatch):
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        before = digest(design_file)
        _edit(doc)
        doc.working.problem = "x"  # the model writer path (SQLite writes the temp file)
        monkeypatch.setattr(storage, "write_file", _sqlite_full)
        with pytest.raises(SaveFailed, match="could not save design.db: the disk is full"):
            doc.save()
        assert digest(design_file) == before
    finally:
        monkeypatch.undo()
        doc.close()


def test_a_failed_backup_is_reported_and_does_not_block_the_save(design_file, monkeypatch):
    doc = DesignDocument.open(design_file, heartbeat=False)
    try:
        _edit(doc)

        def full(target):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(safesave, "take_backup", full)
        doc.save()
        assert "added" in storage.load(design_file).departments
        assert not doc.dirty
        assert doc.save_note == (
            "no backup of the previous version of design.db could be kept "
            "(the disk is full); the file itself was saved"
        )
        monkeypatch.undo()
        ops.UpdateDepartment("d2", {"notes": "again"}).apply(doc.design)
        doc.save()
        assert doc.save_note == ""
    finally:
        doc.close()


@pytest.mark.parametrize("where", ["working copy", "manifest"])
def test_a_full_data_folder_makes_opening_say_so(design_file, data_dir, monkeypatch, where):
    before = digest(design_file)
    if where == "working copy":
        monkeypatch.setattr(storage, "copy_checked_file", _sqlite_full)
    else:
        _inject(monkeypatch, "write", errno.ENOSPC)
    with pytest.raises(FileProblem) as caught:
        DesignDocument.open(design_file, heartbeat=False)
    monkeypatch.undo()
    assert str(caught.value) == (
        f"design.db: cannot be opened: no working copy can be made in {data_dir} (the disk is full)"
    )
    assert digest(design_file) == before
    assert sorted(p.name for p in design_file.parent.iterdir()) == ["design.db"]  # no lock left


def test_new_document_on_a_full_data_folder(data_dir, monkeypatch):
    monkeypatch.setattr(workingcopy.storage, "write_file", _sqlite_full)
    with pytest.raises(
        FileProblem, match=r"no working copy can be made in .* \(the disk is full\)"
    ):
        DesignDocument.new(Design("x"))


# ------------------------------------------------------------ 15. export permissions
@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
@pytest.mark.parametrize(
    "suffix", (".json", ".csv", ".xlsx", ".svg", ".png", ".pdf", ".pptx", ".db")
)
def test_exports_follow_the_umask_and_keep_the_mode_they_replace(capsys, source, tmp_path, suffix):
    target = tmp_path / f"out{suffix}"
    old = os.umask(0o022)
    try:
        code, _, err = run(capsys, "export", source, "-o", target)
    finally:
        os.umask(old)
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o664)  # a group-writable proposal on a shared folder stays so
    code, _, err = run(capsys, "export", source, "-o", target, "--force")
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
