"""Budgets: what the sub-units are given must fit in what their parent has."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Severity, make_finding
from .context import Context
from .registry import rule
from .settings import BRAND_BUDGET, PERFORMANCE_BUDGET, amount_setting


def _amount(value: float) -> str:
    if type(value) is float and value.is_integer() and value:
        # The same text as `,.0f` (a whole float formats exactly), in half the time:
        # two per budget finding, 3,000 findings at 10,000 departments.
        return f"{int(value):,}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


@rule("budget-exceeds-parent", zh="下级预算超出上级", en="Sub-unit budgets exceed the parent's")
def budget_exceeds_parent(ctx: Context) -> Iterator[Finding]:
    """The direct sub-units' budgets add up to more than the parent's (budget 0 = not set)."""
    departments = ctx.design.departments
    objects = ctx.scan.budgeted  # parent -> [parent, its sub-units with a budget...]
    zh, warning = ctx.zh, Severity.WARNING
    opening, closing, unnamed = ctx.quotes
    for parent_id, total in ctx.scan.budget_totals.items():
        manager = departments[parent_id]
        own = manager.budget
        if not 0 < own < total:
            continue
        name = f"{opening}{manager.name or unnamed}{closing}"
        yield make_finding(
            "budget-exceeds-parent",
            warning,
            f"{name}下级部门的预算合计 {_amount(total)}，超过其自身预算 {_amount(own)}："
            "请调整预算分配，使下级预算不超过上级。"
            if zh
            else f"The sub-units of {name} have budgets adding up to {_amount(total)}, more than "
            f"its own budget of {_amount(own)}: rebalance so the sub-units fit in the parent's "
            "budget.",
            tuple(objects[parent_id]),
        )


@rule("budget-split", zh="品牌与效果投入失衡", en="Brand or performance budget missing")
def budget_split(ctx: Context) -> Iterator[Finding]:
    """The marketing budget is split into brand and performance spend, and one side is zero.

    既要有关注心智占领的品牌广告投入，也要有能直接带来询盘和成交的效果营销投入…不可偏废.
    Not judged until one side is entered (settings `brand_budget`, `performance_budget`).
    """
    brand = amount_setting(ctx.design, BRAND_BUDGET)
    performance = amount_setting(ctx.design, PERFORMANCE_BUDGET)
    if (brand > 0) == (performance > 0):
        return
    if brand > 0:
        zh_missing, en_missing = (
            "效果营销投入（带来询盘和成交）",
            "performance marketing (enquiries and deals)",
        )
    else:
        zh_missing, en_missing = (
            "品牌广告投入（心智占领）",
            "brand advertising (a place in customers' minds)",
        )
    yield ctx.finding(
        "budget-split",
        Severity.WARNING,
        f"营销预算中{zh_missing}为零（品牌 {_amount(brand)}，效果 {_amount(performance)}）："
        "长期品牌塑造与短期销售转化两者相辅相成，不可偏废，请为两边都安排投入。",
        f"The marketing budget gives nothing to {en_missing} (brand {_amount(brand)}, "
        f"performance {_amount(performance)}): long-term brand building and short-term "
        "conversion support each other; fund both.",
        (),
    )
