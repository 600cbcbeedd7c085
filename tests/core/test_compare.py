"""The comparison engine: every change an edit makes is reported, and nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.compare import compare, match_departments
from orgdesigner.design import Design
from orgdesigner.entities import Department, Link, Role
from orgdesigner.scenarios import copy_design
from orgdesigner.templates import load_template

from .factories import sample_design

BASE = load_template("mid_large", "zh")


def _kinds(result) -> set[tuple[str, str]]:
    return {(c.kind, c.object) for c in result.changes}


def test_a_design_compared_with_itself_has_no_changes():
    design = load_template("mid_large", "zh")
    result = compare(design, design)
    assert result.changes == []
    assert result.resolved == [] and result.introduced == []
    assert compare(design, copy_design(design)).changes == []


def _apply(design: Design, data) -> set[tuple[str, str]]:
    """Apply random edits to `design`; return what `compare` must report."""
    touched: dict[str, set[str]] = {
        "renamed": set(),
        "moved": set(),
        "changed": set(),
        "added": set(),
        "removed": set(),
        "function": set(),
    }
    steps = data.draw(st.integers(min_value=0, max_value=12))
    for step in range(steps):
        ids = list(design.departments)
        op = data.draw(st.sampled_from(["rename", "move", "headcount", "add", "remove", "owner"]))
        dept_id = data.draw(st.sampled_from(ids))
        if op == "rename":
            design.update_department(dept_id, name=f"新名称 {step}")
            touched["renamed"].add(dept_id)
        elif op == "headcount":
            design.update_department(dept_id, headcount=design.departments[dept_id].headcount + 1)
            touched["changed"].add(dept_id)
        elif op == "move":
            banned = {dept_id, *design.descendants(dept_id)}
            choices = [None] + [d for d in ids if d not in banned]
            design.set_parent(dept_id, data.draw(st.sampled_from(choices)))
            touched["moved"].add(dept_id)
        elif op == "add":
            new = design.add_department(Department(name=f"新部门 {step}", parent=dept_id))
            touched["added"].add(new.id)
        elif op == "remove":
            if (
                design.child_ids(dept_id)
                or design.links_of(dept_id)
                or design.roles_of_department(dept_id)
            ):
                continue
            design.remove_department(dept_id)
            if dept_id in touched["added"]:
                touched["added"].discard(dept_id)
            else:
                touched["removed"].add(dept_id)
        elif op == "owner":
            function_id = data.draw(st.sampled_from(list(design.functions)))
            for owner in design.owners(function_id):
                design.set_role(function_id, owner, Role.R)
            design.set_role(function_id, dept_id, Role.A)
            touched["function"].add(function_id)
    return touched


def _expected(base: Design, edited: Design, touched) -> set[tuple[str, str]]:
    out = {("added", d) for d in touched["added"]} | {("removed", d) for d in touched["removed"]}
    for dept_id in touched["renamed"] - touched["removed"]:
        if dept_id in base.departments and (
            base.departments[dept_id].name != edited.departments[dept_id].name
        ):
            out.add(("renamed", dept_id))
    for dept_id in touched["moved"] - touched["removed"]:
        if dept_id in base.departments and (
            base.departments[dept_id].parent != edited.departments[dept_id].parent
        ):
            out.add(("moved", dept_id))
    for dept_id in touched["changed"] - touched["removed"]:
        if dept_id in base.departments and (
            base.departments[dept_id].headcount != edited.departments[dept_id].headcount
        ):
            out.add(("changed", dept_id))
    for function_id in touched["function"]:
        if set(base.owners(function_id)) != set(edited.owners(function_id)):
            out.add(("owner-changed", function_id))
        if base.roles_of_function(function_id) != edited.roles_of_function(function_id):
            out.add(("role-changed", function_id))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_edit_is_reported_and_nothing_else(data):
    base = copy_design(BASE)
    edited = copy_design(BASE)
    touched = _apply(edited, data)
    result = compare(base, edited, findings=False)
    assert _kinds(result) == _expected(base, edited, touched)
    assert all(
        c.matched_by == "id" for c in result.changes if c.kind in ("renamed", "moved", "changed")
    )
    backwards = compare(edited, base, findings=False)
    # a unit added above moved ones reads, backwards, as merged into their old manager
    assert {c.object for c in backwards.of_kind("removed", "merged")} == {
        c.object for c in result.of_kind("added")
    }
    assert {c.object for c in backwards.of_kind("added")} == {
        c.object for c in result.of_kind("removed")
    }
    assert {c.object for c in backwards.of_kind("renamed")} == {
        c.object for c in result.of_kind("renamed")
    }


def _imported_pair() -> tuple[Design, Design]:
    """Two independent imports of one organisation: fresh ids, the same codes."""

    def build(extra: bool) -> Design:
        design = Design("plan")
        gm = design.add_department(Department(name="总经理办公室", code="GM"))
        mkt = design.add_department(Department(name="市场部", code="MKT", parent=gm.id))
        design.add_department(Department(name="品牌组", parent=mkt.id))  # no code: by name
        sales = design.add_department(
            Department(
                name="销售部" if not extra else "销售中心", code="SAL", parent=gm.id, headcount=30
            )
        )
        design.add_link(Link(source=mkt.id, target=sales.id, label="联合推广"))
        if extra:
            design.add_department(Department(name="增长团队", code="GRO", parent=mkt.id))
        return design

    return build(False), build(True)


def test_independent_imports_match_by_code_then_by_name():
    old, new = _imported_pair()
    matches, how = match_departments(old, new)
    assert len(matches) == 4
    assert sorted(how.values()) == ["code", "code", "code", "name"]
    result = compare(old, new, findings=False)
    assert [(c.kind, c.name, c.matched_by) for c in result.changes] == [
        ("added", "增长团队", ""),
        ("renamed", "销售中心", "code"),
    ]
    assert result.of_kind("renamed")[0].before == "销售部"
    assert result.totals["departments"] == {"from": 4, "to": 5}


def test_merge_owner_loss_and_findings_are_reported():
    base = sample_design()
    target = copy_design(base)
    mkt = next(d for d in target.departments.values() if d.name == "市场部")
    team = target.child_ids(mkt.id)[0]
    target.remove_department(mkt.id)  # its team moves up to the general manager's office
    result = compare(base, target)
    kinds = _kinds(result)
    assert ("merged", mkt.id) in kinds
    assert ("moved", team) in kinds
    brand = next(f for f in target.functions.values() if f.key == "brand_management")
    assert ("ownerless", brand.id) in kinds
    assert any(f.rule == "ownerless-function" and brand.id in f.objects for f in result.introduced)
    merged = result.of_kind("merged")[0]
    assert merged.after == "总经理办公室"
    assert result.to_json("a", "b")["changes"][0].keys() == {
        "kind",
        "object",
        "name",
        "from",
        "to",
        "matched_by",
    }


def test_link_changes():
    base = sample_design()
    target = copy_design(base)
    first, second = list(target.links)
    target.update_link(first, label="新标签")
    target.remove_link(second)
    result = compare(base, target, findings=False)
    assert {(c.kind, c.object) for c in result.changes} == {
        ("link-changed", first),
        ("link-removed", second),
    }


def test_two_imports_of_a_real_organogram_match_by_code():
    """Two independent imports of one UK organogram (fresh ids each time): nothing changes;
    a post dropped from the second file is reported removed and its reports moved."""

    import pytest

    from orgdesigner.importing import import_table

    from .import_helpers import DATA, DWP

    if not DATA.is_dir():
        pytest.skip("../shared/data is not beside the checkout")
    first, _ = import_table(DWP)
    second, _ = import_table(DWP)
    assert not set(first.departments) & set(second.departments)  # fresh ids
    result = compare(first, second, findings=False)
    assert result.changes == []
    assert {result.matched_by[t] for t in result.matches.values()} == {"code"}
    leaf = next(
        d
        for d in second.departments.values()
        if d.parent is not None
        and not second.child_ids(d.id)
        and not second.links_of(d.id)
        and not second.roles_of_department(d.id)
    )
    second.remove_department(leaf.id)
    removed = compare(first, second, findings=False).of_kind("removed")
    assert [c.name for c in removed] == [leaf.name]


def test_known_base_findings_give_the_same_result():
    from orgdesigner.validator import validate

    base = sample_design()
    target = copy_design(base)
    mkt = next(d for d in target.departments.values() if d.name == "市场部")
    target.remove_department(mkt.id)
    full = compare(base, target)
    known = compare(base, target, base_findings=validate(base))
    assert known.resolved == full.resolved and known.introduced == full.introduced
    assert known.totals == full.totals and known.changes == full.changes
