"""The validator's output pinned: every template and a seeded mixed 2,000-unit design.

Speed work on the validator must not change a single finding (rule, severity,
message text, objects, order). `tests/data/validator_golden.json.gz` holds the
output recorded before that work; object ids are written as positions ("d12":
the 13th department) so the file stays small and independent of uuids.

Rewrite the fixture only for an intended change of output:
`PYTHONPATH=. python -m tests.core.test_validator_golden --write`.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from unittest import mock

import pytest

from orgdesigner.catalogue import default_functions
from orgdesigner.design import Design
from orgdesigner.entities import Department, DeptKind, Kpi, Link, LinkKind, Role
from orgdesigner.templates import load_template, template_ids
from orgdesigner.validator import validate

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "validator_golden.json.gz"
LANGUAGES = ("zh", "en")


@contextmanager
def _seeded_uuids(seed: int) -> Iterator[None]:
    """Reproducible ids: some rules order objects by id (committee members)."""
    rng = random.Random(seed)
    with mock.patch.object(uuid, "uuid4", lambda: uuid.UUID(int=rng.getrandbits(128), version=4)):
        yield


def mixed_design(n: int = 2000, seed: int = 7) -> Design:
    """The benchmark's random design plus what it lacks: catalogue functions with keys,
    committees, vacant posts, KPIs, thresholds and a one-sided budget split."""
    from benchmarks.generator import generate

    with _seeded_uuids(seed):
        design = generate(n, seed=seed)
        rng = random.Random(seed)
        ids = list(design.departments)
        for function in default_functions("zh"):
            design.add_function(function)
            alone = function.key == "journey_purchase"  # a stage without support
            if function.key == "journey_referral" or (rng.random() < 0.15 and not alone):
                continue  # ownerless
            owners = 1 if alone else 1 + (rng.random() < 0.3) + (rng.random() < 0.2)
            helpers = 0 if alone else 3
            for j, dept_id in enumerate(rng.sample(ids, owners + helpers)):
                role = Role.A if j < owners else rng.choice([Role.R, Role.C, Role.I])
                design.set_role(function.id, dept_id, role)
        for dept_id in rng.sample(ids[1:], 12):
            design.update_department(dept_id, kind=DeptKind.COMMITTEE)
            for member in rng.sample(ids, rng.randint(0, 3)):
                if member != dept_id and not design.find_link(dept_id, member, LinkKind.COMMITTEE):
                    design.add_link(Link(source=dept_id, target=member, kind=LinkKind.COMMITTEE))
        for dept_id in rng.sample(ids, 40):
            design.update_department(dept_id, vacant=True)
        for dept_id in rng.sample(ids, 60):
            design.update_department(dept_id, leader="  ", headcount=0)
        for i in range(3):
            design.add_department(Department(name=f"孤岛{i} Island {i}", leader="X", headcount=1))
        functions = list(design.functions)
        for i in range(15):
            design.add_kpi(
                Kpi(
                    name=f"指标{i} KPI {i}",
                    owner=rng.choice(ids) if rng.random() < 0.5 else None,
                    shared=tuple(rng.sample(ids, rng.randint(0, 7))),
                    functions=tuple(rng.sample(functions, rng.randint(0, 4))),
                )
            )
        design.settings.update(
            {"span_of_control_max": 6, "max_layers": 5, "brand_budget": 1234567.5}
        )
    return design


def _designs() -> Iterator[tuple[str, Design]]:
    for template_id in template_ids():
        for language in LANGUAGES:
            yield f"{template_id}.{language}", load_template(template_id, language)
    yield "mixed-2000", mixed_design()


def _positions(design: Design) -> dict[str, str]:
    out: dict[str, str] = {}
    for prefix, ids in (
        ("d", design.departments),
        ("f", design.functions),
        ("l", design.links),
        ("k", design.kpis),
    ):
        out.update((object_id, f"{prefix}{i}") for i, object_id in enumerate(ids))
    return out


def record(design: Design, language: str) -> list[list[object]]:
    """The validator's findings as plain data, ids replaced by positions."""
    where = _positions(design)
    return [
        [f.rule, f.severity.value, f.message, [where.get(o, o) for o in f.objects]]
        for f in validate(design, language=language)
    ]


def recorded() -> dict[str, list[list[object]]]:
    return {
        f"{name}/{language}": record(design, language)
        for name, design in _designs()
        for language in LANGUAGES
    }


@pytest.fixture(scope="module")
def golden() -> dict[str, list[list[object]]]:
    return json.loads(gzip.decompress(GOLDEN.read_bytes()))


def test_every_case_is_recorded(golden):
    assert sorted(golden) == sorted(recorded())


@pytest.mark.parametrize("name_design", list(_designs()), ids=lambda nd: nd[0])
@pytest.mark.parametrize("language", LANGUAGES)
def test_findings_are_unchanged(golden, name_design, language):
    name, design = name_design
    expected = golden[f"{name}/{language}"]
    got = record(design, language)
    assert len(got) == len(expected)
    for i, (g, e) in enumerate(zip(got, expected)):
        assert g == e, f"finding {i} of {name}/{language}"


def test_the_mixed_design_fires_every_rule(golden):
    """The pin is only as good as its coverage: the recorded output exercises every rule."""
    from orgdesigner.validator import RULES

    fired = {finding[0] for key, findings in golden.items() for finding in findings}
    assert fired == set(RULES)


if __name__ == "__main__" and "--write" in sys.argv:
    data = json.dumps(recorded(), ensure_ascii=False, separators=(",", ":")).encode()
    GOLDEN.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"wrote {GOLDEN} ({GOLDEN.stat().st_size:,} bytes)")
