"""The working copy follows every edit, so a save after one edit is a page copy."""

from __future__ import annotations

import random

import pytest

from orgdesigner import ops, storage
from orgdesigner.document import DesignDocument
from orgdesigner.entities import Department, Function, Kpi, Link, Role
from orgdesigner.errors import ModelError
from orgdesigner.workingcopy import data_dir as user_data_dir

from .sharedfiles_support import data_dir, sample_design, shared, write_sample  # noqa: F401


def _random_op(design, rng: random.Random, n: int) -> ops.Op:
    depts = list(design.departments)
    funcs = list(design.functions)
    choice = rng.randrange(15)
    if choice == 0 or not depts:
        parent = rng.choice(depts) if depts and rng.random() < 0.7 else None
        return ops.AddDepartment(Department(id=f"n{n}", name=f"新{n}", parent=parent))
    if choice == 1:
        return ops.RemoveDepartment(rng.choice(depts), reparent_to_parent=rng.random() < 0.5)
    if choice == 2:
        return ops.UpdateDepartment(
            rng.choice(depts),
            {"name": f"名{n}", "headcount": n, "color": "#AA00cc", "notes": "备注"},
        )
    if choice == 3:
        return ops.MoveDepartments(
            {
                d: (rng.uniform(-1e3, 1e3), rng.uniform(-1e3, 1e3))
                for d in rng.sample(depts, min(3, len(depts)))
            }
        )
    if choice == 4:
        return ops.SetParent(rng.choice(depts), rng.choice(depts + [None]))
    if choice == 5 and len(depts) > 1:
        a, b = rng.sample(depts, 2)
        return ops.AddLink(Link(id=f"k{n}", source=a, target=b, label=f"链{n}"))
    if choice == 6 and design.links:
        return ops.RemoveLink(rng.choice(list(design.links)))
    if choice == 7:
        return ops.AddFunction(Function(id=f"f{n}", name=f"职能{n}"))
    if choice == 8 and funcs:
        return ops.SetRole(rng.choice(funcs), rng.choice(depts), rng.choice(list(Role) + [None]))
    if choice == 9 and funcs:
        return ops.RemoveFunction(rng.choice(funcs))
    if choice == 10:
        return ops.UpdateDesign({"name": f"方案{n}", "settings.max_span": n, "description": "说明"})
    if choice == 11 and design.links:
        return ops.UpdateLink(rng.choice(list(design.links)), {"label": f"改{n}", "directed": True})
    if choice == 12:
        return ops.AddKpi(
            Kpi(
                id=f"kpi{n}",
                name=f"指标{n}",
                unit="%",
                owner=rng.choice(depts),
                shared=tuple(rng.sample(depts, min(2, len(depts)))),
                functions=tuple(rng.sample(funcs, min(2, len(funcs)))),
            )
        )
    if choice == 13 and design.kpis:
        kpi = rng.choice(list(design.kpis))
        if rng.random() < 0.5:
            return ops.RemoveKpi(kpi)
        return ops.UpdateKpi(
            kpi, {"name": f"改{n}", "functions": tuple(funcs[:1]), "shared": tuple(depts[-1:])}
        )
    if choice == 14:
        return ops.UpdateDepartment(
            rng.choice(depts), {"chair": f"主任{n}", "cadence": "每月", "vacant": n % 2 == 0}
        )
    return ops.UpdateDesign({"author": f"作者{n}"})


@pytest.mark.parametrize("seed", range(8))
def test_working_copy_equals_the_model_after_random_edits_and_undo(
    shared, data_dir, tmp_path, seed
):
    path = shared / "design.db"
    write_sample(path)
    doc = DesignDocument.open(path, heartbeat=False)
    rng = random.Random(seed)
    undo: list[ops.Op] = []
    for n in range(60):
        if undo and rng.random() < 0.3:
            undo.pop().apply(doc.design)  # undo restores at the old index
        else:
            try:
                undo.append(_random_op(doc.design, rng, n).apply(doc.design))
            except ModelError:
                pass  # refused edits (cycles, duplicates) change nothing
        if n % 20 == 19:
            copy = tmp_path / f"check{n}.db"
            doc.working.write_complete_copy(copy)
            assert storage.load(copy).snapshot() == doc.design.snapshot()
    assert not doc.problem
    doc.save()  # verification compares the saved file with the model
    assert storage.load(path).snapshot() == doc.design.snapshot()
    doc.close()


def test_working_copy_lives_in_the_data_dir_and_goes_away_on_close(shared, data_dir):
    path = shared / "design.db"
    write_sample(path)
    doc = DesignDocument.open(path, heartbeat=False)
    assert user_data_dir() == data_dir
    assert doc.working.folder.parent == data_dir / "sessions"
    assert (doc.working.folder / "manifest.json").exists()
    assert sorted(p.name for p in shared.iterdir()) == [".~lock.design.db#", "design.db"]
    doc.close()
    assert list((data_dir / "sessions").iterdir()) == []


def test_dirty_flag_follows_edits_and_saves(shared, data_dir):
    path = shared / "design.db"
    write_sample(path)
    doc = DesignDocument.open(path, heartbeat=False)
    assert not doc.dirty
    ops.UpdateDepartment("d1", {"leader": "李雷"}).apply(doc.design)
    assert doc.dirty and doc.working.manifest.dirty
    doc.save()
    assert not doc.dirty
    doc.close()


def test_large_design_save_after_one_edit(shared, data_dir):
    path = shared / "big.db"
    design = sample_design(departments=2000)
    storage.save(design, path)
    doc = DesignDocument.open(path, heartbeat=False)
    ops.UpdateDepartment("d1500", {"name": "改名"}).apply(doc.design)
    doc.save()
    assert storage.load(path).departments["d1500"].name == "改名"
    doc.close()


def test_unusable_data_folder_is_a_clear_error_and_no_lock_is_left(shared, data_dir):
    from orgdesigner.errors import FileProblem
    from orgdesigner.lockfile import lock_path

    path = shared / "design.db"
    write_sample(path)
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    data_dir.write_text("a file where the data folder should be")
    with pytest.raises(FileProblem, match="no working copy can be made"):
        DesignDocument.open(path, heartbeat=False)
    assert not lock_path(path).exists()
