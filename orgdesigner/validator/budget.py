"""Budgets: what the sub-units are given must fit in what their parent has."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity
from .context import Context
from .registry import rule


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


@rule("budget-exceeds-parent", zh="下级预算超出上级", en="Sub-unit budgets exceed the parent's")
def budget_exceeds_parent(ctx: Context) -> Iterator[Finding]:
    """The direct sub-units' budgets add up to more than the parent's (budget 0 = not set)."""
    design = ctx.design
    totals: dict[str, float] = {}
    for dept in design.departments.values():
        if dept.parent is not None and dept.budget > 0:
            totals[dept.parent] = totals.get(dept.parent, 0.0) + dept.budget
    for parent_id, total in totals.items():
        own = design.departments[parent_id].budget
        if own <= 0 or total <= own:
            continue
        kids = [c for c in design.child_ids(parent_id) if design.departments[c].budget > 0]
        name = ctx.dept(parent_id)
        yield ctx.finding(
            "budget-exceeds-parent", Severity.WARNING,
            f"{name}下级部门的预算合计 {_amount(total)}，超过其自身预算 {_amount(own)}："
            "请调整预算分配，使下级预算不超过上级。",
            f"The sub-units of {name} have budgets adding up to {_amount(total)}, more than its own "
            f"budget of {_amount(own)}: rebalance so the sub-units fit in the parent's budget.",
            (parent_id, *kids))
