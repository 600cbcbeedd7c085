"""Making a working copy (our schema, the file's rows copied in) grows linearly with the design.

Copying a child before its parent once made SQLite scan the whole table for
waiting children at each parent (a deferred reference check with no index on
parent_id): 13 s for 10,000 departments, hours for 100,000. Counted in SQLite
VM steps, not seconds, so the test means the same on any machine.
"""

from __future__ import annotations

from contextlib import contextmanager

from benchmarks.generator import generate
from orgdesigner import storage


def _copy_steps(tmp_path, monkeypatch, size: int) -> int:
    real = storage._new_file
    steps: list[int] = []

    @contextmanager
    def counting(path):
        with real(path) as raw:
            count = [0]

            def tick() -> int:
                count[0] += 1
                return 0  # go on

            raw.set_progress_handler(tick, 100)
            yield raw
            steps.append(count[0])

    source, dest = tmp_path / f"design-{size}.db", tmp_path / f"copy-{size}.db"
    storage.save(generate(size, seed=3), source)
    monkeypatch.setattr(storage, "_new_file", counting)
    storage.copy_rows_into_new_file(source, dest)
    monkeypatch.setattr(storage, "_new_file", real)
    assert storage.load(dest).departments.keys() == storage.load(source).departments.keys()
    return steps[0]


def test_copying_four_times_the_rows_takes_about_four_times_the_steps(tmp_path, monkeypatch):
    small = _copy_steps(tmp_path, monkeypatch, 500)
    big = _copy_steps(tmp_path, monkeypatch, 2000)
    assert big < small * 6, (small, big)  # linear: ~4x; the quadratic copy was ~16x
