"""The tidy layout's output pinned: every coordinate, bit for bit, and the order of the result.

Speed work on `orgdesigner.layout` must not move a single box. `tests/data/layout_golden.json.gz`
holds the output recorded before that work (Buchheim on node objects) for random forests with
staff units, position ties, compact stacks and both orientations, whole forests and branches,
and the benchmark generator's design; department ids are written as positions ("12": the 13th
department) so the file stays small and independent of uuids. Floats go through JSON's
round-trip `repr`, so equal means equal to the last bit.

Rewrite the fixture only for an intended change of layout:
`PYTHONPATH=. python -m tests.core.test_layout_golden --write`.
"""

from __future__ import annotations

import gc
import gzip
import json
import random
import sys
from pathlib import Path
from typing import Iterator

import pytest

from orgdesigner.design import Design, build_design
from orgdesigner.entities import Department
from orgdesigner.gcpause import gc_paused
from orgdesigner.layout import tidy_layout

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "layout_golden.json.gz"


def staffed_forest(n: int, seed: int) -> Design:
    """Random forest: a few roots, bushy and chain-like parts, staff flags (some managers with
    more than a column holds, some staff with units of their own), x/y ties in sibling order."""
    rng = random.Random(seed)
    depts: list[Department] = []
    for i in range(n):
        if i == 0 or rng.random() < 0.01:
            parent = None
        elif rng.random() < 0.3:
            parent = depts[i - 1].id  # chains
        else:
            parent = depts[int(rng.random() ** 2 * i)].id  # bushy near the top
        depts.append(
            Department(
                name=f"部门{i}",
                parent=parent,
                staff=rng.random() < 0.15,
                x=float(rng.randrange(6)) * 10.5,  # ties: sibling order decides
                y=float(rng.randrange(4)) * 3.25,
            )
        )
    return build_design(departments=depts)


def _cases() -> Iterator[tuple[str, Design, dict[str, object]]]:
    from benchmarks.generator import generate

    for seed, n in ((1, 300), (2, 700), (3, 60)):
        design = staffed_forest(n, seed)
        ids = list(design.departments)
        inner = [d for d in ids if design.departments[d].parent is not None]
        branch = max(inner, key=lambda d: len(design.descendants(d)))  # a big branch
        for orientation in ("top-down", "left-right"):
            for compact, compact_min in ((False, 4), (True, 4), (True, 2), (True, 0)):
                options = {"orientation": orientation, "compact": compact}
                if compact_min != 4:
                    options["compact_min"] = compact_min
                yield f"forest{seed}-{orientation}-{compact}-{compact_min}", design, options
            yield (
                f"forest{seed}-{orientation}-branch",
                design,
                {
                    "orientation": orientation,
                    "root": branch,
                },
            )
            yield (
                f"forest{seed}-{orientation}-root",
                design,
                {
                    "orientation": orientation,
                    "root": ids[0],
                    "compact": True,
                },
            )
    generated = generate(3000, seed=5)
    yield "generated-3000", generated, {}
    yield "generated-3000-compact", generated, {"compact": True}
    yield "generated-3000-left-right", generated, {"orientation": "left-right"}


def record(design: Design, options: dict[str, object]) -> list[list[object]]:
    """The layout as [department position, x, y] in the order of the returned dict."""
    where = {dept_id: i for i, dept_id in enumerate(design.departments)}
    return [[where[k], x, y] for k, (x, y) in tidy_layout(design, **options).items()]  # type: ignore[arg-type]


def recorded() -> dict[str, list[list[object]]]:
    return {name: record(design, options) for name, design, options in _cases()}


@pytest.fixture(scope="module")
def golden() -> dict[str, list[list[object]]]:
    return json.loads(gzip.decompress(GOLDEN.read_bytes()))


def test_every_case_is_recorded(golden):
    assert sorted(golden) == sorted(name for name, _design, _options in _cases())


@pytest.mark.parametrize("case", list(_cases()), ids=lambda case: case[0])
def test_layout_is_unchanged(golden, case):
    name, design, options = case
    expected = golden[name]
    got = record(design, options)
    assert len(got) == len(expected)
    for i, (g, e) in enumerate(zip(got, expected)):
        assert json.dumps(g) == json.dumps(e), f"box {i} of {name}"  # (-0.0 too)


def test_layout_leaves_no_reference_cycles():
    """`tidy_layout` pauses the cyclic collector, which is right only if it makes no garbage
    the collector would have to find: node objects linked both ways did (a third of a layout)."""
    design = staffed_forest(300, 4)
    gc.collect()
    with gc_paused():
        tidy_layout(design, compact=True)
        tidy_layout(design, orientation="left-right", root=list(design.departments)[0])
        assert gc.collect() == 0


if __name__ == "__main__" and "--write" in sys.argv:
    data = json.dumps(recorded(), separators=(",", ":")).encode()
    GOLDEN.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"wrote {GOLDEN} ({GOLDEN.stat().st_size:,} bytes)")
