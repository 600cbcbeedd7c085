"""The shape of the reporting tree: one top, manageable spans and layers, real units.

(Reporting cycles cannot exist: the model refuses them on every edit and load.)
"""

from __future__ import annotations

from typing import Iterator

from ..entities import DeptKind, LinkKind
from ..findings import Finding, Severity, make_finding
from .context import Context
from .registry import rule


@rule("multiple-roots", zh="多个最高层", en="Several tops")
def multiple_roots(ctx: Context) -> Iterator[Finding]:
    """More than one department reports to no one (committees are not tops).

    A committee (委员会) joins department heads without a reporting line of its own,
    and a unit tied to nothing but committees is reported by other rules, not as a top.
    """
    design = ctx.design
    roots = [r for r in design.child_ids(None) if not _committee_only(design, r)]
    if len(roots) < 2:
        return
    yield ctx.finding(
        "multiple-roots",
        Severity.WARNING,
        f"有 {len(roots)} 个最高层部门（{ctx.depts(roots)}）：组织应只有一个顶点，"
        "请让它们向同一个负责人或总经理办公室汇报。",
        f"{len(roots)} departments report to no one ({ctx.depts(roots)}): an organisation "
        "should have one top; let them report to one head or general manager's office.",
        roots,
    )


def _committee_only(design, dept_id: str) -> bool:
    """A committee, or a unit with no sub-units whose only ties are committee memberships."""
    dept = design.departments[dept_id]
    if dept.kind is DeptKind.COMMITTEE:
        return True
    links = design.links_of(dept_id)
    if design.child_ids(dept_id) or not links:
        return False
    departments = design.departments
    return all(
        link.kind is LinkKind.COMMITTEE
        or departments[link.source].kind is DeptKind.COMMITTEE
        or departments[link.target].kind is DeptKind.COMMITTEE
        for link in links
    )


@rule("span-of-control", zh="管理幅度过大", en="Span of control too wide")
def span_of_control(ctx: Context) -> Iterator[Finding]:
    """More direct reports than the `span_of_control_max` setting."""
    limit = ctx.thresholds.span_of_control_max
    spans = ctx.child_counts
    wide = {dept_id for dept_id, span in spans.items() if span > limit}
    if not wide:
        return
    zh, warning = ctx.zh, Severity.WARNING
    opening, closing, unnamed = ctx.quotes
    departments = ctx.design.departments
    for dept_id in filter(wide.__contains__, departments):  # (in design order)
        span = spans[dept_id]
        name = f"{opening}{departments[dept_id].name or unnamed}{closing}"
        yield make_finding(
            "span-of-control",
            warning,
            f"{name}有 {span} 个直接下级，超过管理幅度上限 {limit}：请增设中间层或把相近的小组合并。"
            if zh
            else f"{name} has {span} direct reports, more than the span-of-control limit of "
            f"{limit}: add a layer in between or merge similar groups.",
            (dept_id,),
        )


def _first_too_deep(design, limit: int) -> list[str]:
    """The departments at layer `limit + 1`, in the order of `Context.depth` (parent first,
    siblings in order), without walking the layers below them.

    Layer by layer: in a tree, the depth-first order of one layer's departments is its
    left-to-right order, which is the order of their parents' layer, child by child.
    """
    child_ids = design.child_ids
    layer = child_ids(None)
    for _ in range(limit):
        if not layer:
            break  # (the limit may be far below the design's bottom)
        layer = [kid for dept_id in layer for kid in child_ids(dept_id)]
    return layer


@rule("too-many-layers", zh="层级过多", en="Too many layers")
def too_many_layers(ctx: Context) -> Iterator[Finding]:
    """Departments deeper than the `max_layers` setting (reported at the first layer too deep)."""
    limit = ctx.thresholds.max_layers
    depth = limit + 1
    zh, warning = ctx.zh, Severity.WARNING
    opening, closing, unnamed = ctx.quotes
    departments = ctx.design.departments
    for dept_id in _first_too_deep(ctx.design, limit):
        name = f"{opening}{departments[dept_id].name or unnamed}{closing}"
        yield make_finding(
            "too-many-layers",
            warning,
            f"{name}位于第 {depth} 层，超过层级上限 {limit}：层级过多会拖慢决策，请压缩汇报层级。"
            if zh
            else f"{name} sits at layer {depth}, deeper than the limit of {limit} layers: long "
            "chains slow decisions down, flatten the reporting lines.",
            (dept_id,),
        )


@rule("no-leader", zh="没有负责人", en="No leader")
def no_leader(ctx: Context) -> Iterator[Finding]:
    """A department whose leader field is empty, or whose leading post is marked vacant."""
    zh, info = ctx.zh, Severity.INFO
    opening, closing, unnamed = ctx.quotes
    departments = ctx.design.departments
    for dept_id in ctx.scan.no_leader:  # vacant or without a leader, in design order
        dept = departments[dept_id]
        name = f"{opening}{dept.name or unnamed}{closing}"
        if dept.vacant:
            yield make_finding(
                "no-leader",
                info,
                f"{name}的负责人岗位空缺：请尽快任命负责人，明确责任主体。"
                if zh
                else f"The leading post of {name} is vacant: appoint a leader so it is clear who "
                "answers for it.",
                (dept_id,),
            )
            continue
        yield make_finding(
            "no-leader",
            info,
            f"{name}没有负责人：请填写负责人（姓名或岗位），明确责任主体。"
            if zh
            else f"{name} has no leader: enter a leader (a name or a post) so it is clear who "
            "answers for it.",
            (dept_id,),
        )


@rule("empty-department", zh="空部门", en="Empty department")
def empty_department(ctx: Context) -> Iterator[Finding]:
    """No function, no headcount, no sub-units; committees are judged by the committee rules.

    A committee has no staff of its own: its members and mandate are what
    `committee-members` and `committee-mandate` look at (one finding per problem).
    """
    roles = ctx.roles_per_department
    spans = ctx.child_counts
    warning, zh = Severity.WARNING, ctx.zh
    opening, closing, unnamed = ctx.quotes
    departments = ctx.design.departments
    for dept_id in ctx.scan.unstaffed:  # no headcount, not a committee, in design order
        if roles.get(dept_id) or dept_id in spans:
            continue
        name = f"{opening}{departments[dept_id].name or unnamed}{closing}"
        yield make_finding(
            "empty-department",
            warning,
            f"{name}没有任何职能，也没有编制人数：请为它分配职能和人员，或删除它。"
            if zh
            else f"{name} has no function and no headcount: give it functions and people, or "
            "remove it.",
            (dept_id,),
        )
