"""Seeded generator of realistic org designs for benchmarks.

Shape: span 2-12 with a few very wide nodes (30-60 reports), depth up to 10,
N/5 collaboration links (70% between cousins, 30% anywhere in the organisation), ~60 functions with R/A/C/I responsibilities (a few
left ownerless or with two owners, as real designs are), Chinese and Latin names.
"""

from __future__ import annotations

import random

from orgdesigner.design import Design, build_design
from orgdesigner.entities import Department, DeptKind, Function, Link, LinkKind, Role

REGIONS = ["华东", "华北", "华南", "西南", "东北", "海外", "北京", "上海", "深圳", "成都"]
UNITS = [
    "市场",
    "销售",
    "产品",
    "研发",
    "客服",
    "财务",
    "信息技术",
    "品牌",
    "渠道",
    "数字营销",
    "战略",
    "人力资源",
    "供应链",
    "法务",
    "增长",
]
SUFFIXES = ["部", "中心", "组", "科", "办公室"]
LATIN = ["Sales", "Marketing", "Research", "Support", "Finance", "Platform", "Growth", "Brand"]
KINDS = [DeptKind.DEPARTMENT] * 6 + [DeptKind.TEAM] * 3 + [DeptKind.OFFICE, DeptKind.BUSINESS_UNIT]


def _name(rng: random.Random, i: int) -> str:
    if rng.random() < 0.3:
        return f"{rng.choice(LATIN)} {rng.choice(['Team', 'Unit', 'Group'])} {i}"
    return f"{rng.choice(REGIONS)}{rng.choice(UNITS)}{rng.choice(SUFFIXES)}{i}"


def generate(n: int, seed: int = 42, functions: int = 60) -> Design:
    rng = random.Random(seed)
    depts = [
        Department(
            name="集团总部 Group HQ", kind=DeptKind.OFFICE, leader="张伟", headcount=12, budget=5e7
        )
    ]
    depth = {depts[0].id: 1}
    target = {depts[0].id: 8}
    count = {depts[0].id: 0}
    open_ids = [depts[0].id]
    open_set = {depts[0].id}
    wide: list[str] = []
    for i in range(1, n):
        wide_open = [w for w in wide if w in open_set]
        parent = (
            rng.choice(wide_open) if wide_open and rng.random() < 0.15 else rng.choice(open_ids)
        )
        dept = Department(
            name=_name(rng, i),
            kind=rng.choice(KINDS),
            parent=parent,
            leader=rng.choice(["王丽", "李娜", "Chen Jie", "刘洋", ""]),
            headcount=rng.randint(0, 40),
            budget=rng.randint(0, 2_000_000),
        )
        depts.append(dept)
        depth[dept.id] = depth[parent] + 1
        count[parent] += 1
        count[dept.id] = 0
        target[dept.id] = rng.randint(2, 12)
        if rng.random() < 0.01 and len(wide) < 8:
            target[dept.id] = rng.randint(30, 60)
            wide.append(dept.id)
        if count[parent] >= target[parent]:
            open_ids.remove(parent)
            open_set.discard(parent)
        if depth[dept.id] < 10 or not open_ids:
            open_ids.append(dept.id)
            open_set.add(dept.id)
    ids = [d.id for d in depts]
    parent_of = {d.id: d.parent for d in depts}
    family: dict[str | None, list[str]] = {}  # grandparent -> its grandchildren (cousins)
    for d in depts:
        grand = parent_of.get(d.parent) if d.parent else None
        family.setdefault(grand, []).append(d.id)
    links: list[Link] = []
    seen: set[tuple[str, str]] = set()
    while len(links) < n // 5 and n > 1:
        # Most collaboration is between neighbouring units (cousins under one
        # grandparent); about a third spans the organisation.
        a = rng.choice(ids)
        grand = parent_of.get(parent_of[a]) if parent_of[a] else None
        near = family.get(grand, ())
        b = rng.choice(near) if rng.random() < 0.7 and len(near) > 1 else rng.choice(ids)
        if a == b or (a, b) in seen or (b, a) in seen:
            continue
        seen.add((a, b))
        links.append(
            Link(
                source=a,
                target=b,
                kind=rng.choice(list(LinkKind)),
                label=rng.choice(["", "联合推广", "joint campaigns", "数据共享"]),
            )
        )
    funcs = [
        Function(
            name=f"职能{i} Function {i}", category=rng.choice(["marketing", "support", "journey"])
        )
        for i in range(functions)
    ]
    roles: list[tuple[str, str, Role]] = []
    for f in funcs:
        owners = 0 if rng.random() < 0.05 else (2 if rng.random() < 0.05 else 1)
        chosen = rng.sample(ids, min(len(ids), owners + 4))
        for j, dept_id in enumerate(chosen):
            roles.append(
                (f.id, dept_id, Role.A if j < owners else rng.choice([Role.R, Role.C, Role.I]))
            )
    design = build_design(
        name=f"Benchmark {n}",
        language="zh",
        departments=depts,
        links=links,
        functions=funcs,
        roles=roles,
    )
    from orgdesigner.layout import tidy_layout

    # Compact: leaf-only groups stack in a column, as a printed HR chart would.
    design.move_departments(tidy_layout(design, compact=True))
    return design
