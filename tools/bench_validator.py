"""Time the validator on a random 10,000-department design (a dev check, asserts nothing).

Run from the repository root: `python tools/bench_validator.py`. Prints the
total and the time of each rule, so a rule that turns quadratic stands out.
The benchmark issue measures this properly; tests never assert on time.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from orgdesigner.catalogue import new_design_with_catalogue  # noqa: E402
from orgdesigner.entities import Department, DeptKind, Link  # noqa: E402
from orgdesigner.validator import RULES, Context, validate  # noqa: E402


def random_design(n: int = 10_000, seed: int = 1):
    rng = random.Random(seed)
    design = new_design_with_catalogue("bench", "zh")
    ids: list[str] = []
    for i in range(n):
        dept = design.add_department(
            Department(
                name=f"部门{i}",
                parent=rng.choice(ids) if ids else None,
                kind=rng.choice(list(DeptKind)),
                headcount=rng.choice([0, 3]),
                budget=rng.choice([0, 10, 100]),
                leader=rng.choice(["", "负责人"]),
            )
        )
        ids.append(dept.id)
    for _ in range(n // 3):
        a, b = rng.sample(ids, 2)
        if design.find_link(a, b, Link().kind) is None:
            design.add_link(Link(source=a, target=b))
    functions = list(design.functions)
    for _ in range(n // 2):
        design.set_role(rng.choice(functions), rng.choice(ids), rng.choice("RACI"))
    return design


def main() -> None:
    design = random_design()
    for _ in range(3):
        start = time.perf_counter()
        findings = validate(design)
        print(f"validate: {time.perf_counter() - start:.3f} s, {len(findings)} findings")
    ctx = Context(design)
    start = time.perf_counter()
    _ = ctx.roles, ctx.owners, ctx.unit, ctx.depth, ctx.hub, ctx.roles_per_department
    print(f"  indexes: {time.perf_counter() - start:.4f} s")
    for rule_id, rule in RULES.items():
        start = time.perf_counter()
        list(rule.check(ctx))
        print(f"  {rule_id}: {time.perf_counter() - start:.4f} s")


if __name__ == "__main__":
    main()
