"""Opening a design reports its progress and can be cancelled, leaving nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.generator import generate
from orgdesigner import progress, storage
from orgdesigner.document import DesignDocument
from orgdesigner.lockfile import lock_path
from orgdesigner.workingcopy import sessions_dir

from .sharedfiles_support import data_dir, shared  # noqa: F401

SIZE = 1_200


@pytest.fixture
def big_file(shared, data_dir) -> Path:
    path = shared / "big.db"
    storage.save(generate(SIZE, seed=7, functions=10), path)
    return path


def _sessions() -> list[Path]:
    folder = sessions_dir()
    return sorted(folder.iterdir()) if folder.exists() else []


def test_open_reports_every_stage_in_order(big_file):
    seen: list[tuple[str, int, int]] = []
    doc = DesignDocument.open(big_file, heartbeat=False, progress=lambda *s: seen.append(s))
    try:
        assert len(doc.design.departments) == SIZE
    finally:
        doc.close()
    stages = [stage for stage, _done, _total in seen]
    first = {stage: stages.index(stage) for stage in set(stages)}
    assert sorted(first, key=first.get) == ["read", "departments", "working_copy"]
    departments = [(done, total) for stage, done, total in seen if stage == "departments"]
    assert departments[0] == (0, SIZE) and departments[-1] == (SIZE, SIZE)
    assert len(departments) > 2  # reported along the way, not only at both ends
    dones = [done for done, _ in departments]
    assert dones == sorted(dones)


@pytest.mark.parametrize("stage", ["read", "departments", "working_copy"])
def test_cancel_leaves_no_lock_no_working_copy_and_the_file_unchanged(big_file, stage):
    before = big_file.read_bytes()

    def cancel_in_stage(name: str, done: int, total: int) -> None:
        if name == stage and done > 0:
            raise progress.Cancelled()

    with pytest.raises(progress.Cancelled):
        DesignDocument.open(big_file, heartbeat=False, progress=cancel_in_stage)
    assert not lock_path(big_file).exists()
    assert _sessions() == []
    assert big_file.read_bytes() == before
    doc = DesignDocument.open(big_file, heartbeat=False)  # nothing left that blocks a real open
    try:
        assert doc.state.editable
    finally:
        doc.close()


def test_cancel_of_a_copy_leaves_no_working_copy(big_file):
    def cancel(name: str, done: int, total: int) -> None:
        if name == "departments" and done > 0:
            raise progress.Cancelled()

    with pytest.raises(progress.Cancelled):
        DesignDocument.open_copy(big_file, progress=cancel)
    assert _sessions() == []


def test_without_a_callback_nothing_is_reported_and_nothing_changes(big_file):
    outside: list[tuple] = []
    with progress.reporting(lambda *s: outside.append(s)):
        pass
    doc = DesignDocument.open(big_file, heartbeat=False)
    doc.close()
    assert outside == []
    assert list(progress.steps("x", iter(range(5)), 5)) == [0, 1, 2, 3, 4]


def test_steps_reports_start_every_n_and_end():
    seen: list[tuple[str, int, int]] = []
    with progress.reporting(lambda *s: seen.append(s)):
        assert list(progress.steps("chart", range(7), 7, every=3)) == list(range(7))
        progress.step("chart", 7, 7)
    assert seen == [("chart", 0, 7), ("chart", 3, 7), ("chart", 6, 7), ("chart", 7, 7)] + [
        ("chart", 7, 7)
    ]
