"""Issue 19 in the editor: a save on a full disk always shows the dialog; a failed backup warns."""

from __future__ import annotations

import errno
import hashlib
import os

import pytest
from PySide6.QtCore import Qt

from orgdesigner import safesave, storage
from ui import edits
from tests.ui.editor_fixtures import sample_design
from tests.ui.window_fixtures import dialogs, private_data_dir, window  # noqa: F401

REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EIO: "the disk or network reported an input/output error",
    errno.EROFS: "the folder is on a read-only drive",
    errno.EACCES: "permission denied (the folder or file is read-only for you)",
}


@pytest.fixture
def design_file(tmp_path):
    path = tmp_path / "share" / "design.db"
    path.parent.mkdir()
    storage.save(sample_design(), path)
    return path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("call", ["write", "fsync", "replace"])
@pytest.mark.parametrize("code", sorted(REASONS))
def test_save_on_a_failing_disk_shows_the_dialog(
    window, design_file, dialogs, monkeypatch, capfd, call, code
):
    assert window.documents.open_file(design_file)
    before = _digest(design_file)
    edits.rename(window.ctx, "mkt", "改过的市场部")
    real = getattr(os, call)
    if (
        call == "write"
    ):  # the working copy's pages are copied by SQLite: fail the check read instead
        from orgdesigner import fileutil

        def fail_write(write, tmp):
            write(tmp)
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(fileutil, "write_temp", fail_write)
    else:
        monkeypatch.setattr(
            os, call, lambda *a, **k: (_ for _ in ()).throw(OSError(code, os.strerror(code)))
        )
    assert window.documents.save() is False
    monkeypatch.setattr(os, call, real)
    monkeypatch.undo()
    assert dialogs, "no dialog was shown"
    title, text, buttons = dialogs[-1]
    assert title == "Cannot save"
    assert text == (
        f"could not save design.db: {REASONS[code]}. The file on disk is unchanged and "
        "your changes are kept; retry or use Save As"
    )
    assert buttons == ["Retry", "Save As...", "Cancel"]
    assert _digest(design_file) == before
    assert window.isWindowModified()
    assert "Traceback" not in capfd.readouterr().err
    assert window.documents.save()
    assert storage.load(design_file).departments["mkt"].name == "改过的市场部"


def test_a_failed_backup_saves_and_warns_in_the_banner(window, design_file, dialogs, monkeypatch):
    assert window.documents.open_file(design_file)
    edits.rename(window.ctx, "mkt", "改过的市场部")

    def full(target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safesave, "take_backup", full)
    assert window.documents.save()
    assert dialogs == []
    assert storage.load(design_file).departments["mkt"].name == "改过的市场部"
    assert not window.isWindowModified()
    assert not window.banner.isHidden()
    assert window.banner.text() == (
        "Warning: no backup of the previous version of design.db could "
        "be kept (the disk is full); the file itself was saved"
    )


# ------------------------------------------------------------ 5. deep reporting chains
def test_the_outline_of_a_100k_level_chain_builds_lazily_and_tears_down_without_recursion(qtbot):
    from orgdesigner.design import build_design
    from orgdesigner.entities import Department
    from tests.core.sharedfiles_support import hang_guard
    from ui.docks.outline import REVEAL_DEPTH

    from .dock_fixtures import make_editor

    n = 100_000
    design = build_design(
        departments=[
            Department(id=f"d{i}", name=f"层级{i}", parent=f"d{i - 1}" if i else None)
            for i in range(n)
        ]
    )
    with hang_guard(60):
        ed = make_editor(qtbot, design)
        outline = ed.outline
        assert len(outline.items) <= 4  # the root, its child and one level ahead
        ed.ctx.selection.set(["d300"])  # within reach: unfolded down to it
        assert [i.data(0, Qt.UserRole + 1) for i in outline.tree.selectedItems()] == ["d300"]
        ed.ctx.selection.set([f"d{n - 1}"])  # 100,000 levels down: not unfolded, no crash
        assert outline.tree.selectedItems() == []
        assert len(outline.items) < REVEAL_DEPTH + 10
        outline.set_context(None)  # what closing the design does
        assert outline.tree.topLevelItemCount() == 0 and outline.items == {}


def _check_lazy_outline(outline, design) -> None:
    """Every built item sits under its department's parent; every filled item has all its children."""
    from ui.docks.outline import ID_ROLE

    tree = outline.tree
    assert [
        tree.topLevelItem(i).data(0, ID_ROLE) for i in range(tree.topLevelItemCount())
    ] == design.child_ids(None)
    for dept_id, item in outline.items.items():
        assert item.treeWidget() is tree, dept_id
        parent = item.parent()
        assert (parent.data(0, ID_ROLE) if parent is not None else None) == design.departments[
            dept_id
        ].parent
        assert item.text(0) == design.departments[dept_id].name
    for dept_id in outline._filled:
        item = outline.items[dept_id]
        assert [
            item.child(i).data(0, ID_ROLE) for i in range(item.childCount())
        ] == design.child_ids(dept_id)


def test_the_lazy_outline_follows_every_edit_and_undo(qtbot):
    import random

    from orgdesigner.design import build_design
    from orgdesigner.entities import Department
    from orgdesigner.errors import ModelError
    from orgdesigner.ops import AddDepartment, RemoveDepartment, SetParent, UpdateDepartment

    from .dock_fixtures import make_editor

    rng = random.Random(19)
    departments = [Department(id="d0", name="总部")]
    for i in range(1, 80):  # long chains and bushes: most of it unbuilt at first
        parent = f"d{i - 1}" if i % 3 else f"d{rng.randrange(i)}"
        departments.append(Department(id=f"d{i}", name=f"部门{i}", parent=parent))
    ed = make_editor(qtbot, build_design(departments=departments))
    design, outline = ed.ctx.design, ed.outline
    _check_lazy_outline(outline, design)
    for step in range(120):
        ids = list(design.departments)
        kind = rng.choice(["add", "remove", "parent", "rename", "undo", "select", "expand"])
        try:
            if kind == "add":
                ed.ctx.apply(
                    AddDepartment(
                        Department(id=f"n{step}", name=f"新{step}", parent=rng.choice(ids + [None]))
                    )
                )
            elif kind == "remove" and len(ids) > 5:
                ed.ctx.apply(RemoveDepartment(rng.choice(ids)))
            elif kind == "parent":
                ed.ctx.apply(SetParent(rng.choice(ids), rng.choice(ids + [None])))
            elif kind == "rename":
                ed.ctx.apply(UpdateDepartment(rng.choice(ids), {"name": f"改{step}"}))
            elif kind == "undo":
                ed.ctx.undo_stack.undo()
            elif kind == "select":
                ed.ctx.selection.set(rng.sample(ids, 2))
            else:
                built = list(outline.items.values())
                rng.choice(built).setExpanded(True)
        except ModelError:
            pass  # a refused edit (a cycle): nothing changed
        qtbot.wait(1)
        _check_lazy_outline(outline, design)
