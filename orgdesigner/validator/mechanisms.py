"""Collaboration as data: committees with members and a mandate, support for each journey
stage, and KPIs (考核指标) that measure what the organisation must do."""

from __future__ import annotations

from typing import Iterator

from ..catalogue import is_journey_stage
from ..entities import Role
from ..findings import Finding, Severity
from .context import Context
from .registry import rule

# Stages where the seed expects cross-department work (购买、复购、推荐).
SUPPORTED_STAGES = ("journey_purchase", "journey_repurchase", "journey_referral")


@rule("committee-members", zh="委员会成员不足", en="Committee with too few members")
def committee_members(ctx: Context) -> Iterator[Finding]:
    """A committee linked to fewer than two member units: it joins nobody."""
    design = ctx.design
    for dept_id in ctx.committees:
        members = {
            link.target if link.source == dept_id else link.source
            for link in design.links_of(dept_id)
        }
        if len(members) >= 2:
            continue
        name = ctx.dept(dept_id)
        yield ctx.finding(
            "committee-members",
            Severity.WARNING,
            f"委员会{name}只有 {len(members)} 个成员部门：委员会应由市场、销售、产品、研发、客服等"
            "部门负责人组成，请用委员会连线连上至少两个成员部门。",
            f"The committee {name} has {len(members)} member unit(s): a committee joins the heads "
            "of marketing, sales, product, R&D, customer service and so on; link at least two "
            "member units to it with committee links.",
            (dept_id, *sorted(members)),
        )


@rule("committee-mandate", zh="委员会职责不明", en="Committee without a mandate")
def committee_mandate(ctx: Context) -> Iterator[Finding]:
    """A committee consulted on no function: it has no mandate (no C/R/A role at all)."""
    for dept_id in ctx.committees:
        if ctx.roles_per_department.get(dept_id):
            continue
        name = ctx.dept(dept_id)
        yield ctx.finding(
            "committee-mandate",
            Severity.INFO,
            f"委员会{name}没有职责范围：请在职能与负责部门表中把它设为要咨询（C）的职能，"
            "例如共同审议营销计划、同步产品开发进展、分析销售数据与客户反馈；并填写主任与开会周期。",
            f"The committee {name} has no mandate: in the functions & owners table make it "
            "consulted (C) on the functions it reviews, such as the marketing plan, product "
            "development progress, sales data and customer feedback; and enter its chair and "
            "how often it meets.",
            (dept_id,),
        )


@rule(
    "journey-stage-without-support", zh="客户旅程阶段缺少支持", en="Journey stage without support"
)
def journey_stage_without_support(ctx: Context) -> Iterator[Finding]:
    """Purchase, repurchase or referral owned by one unit with no other unit supporting it (R/C)."""
    design = ctx.design
    for function_id, function in design.functions.items():
        if function.key not in SUPPORTED_STAGES:
            continue
        owners = ctx.owners[function_id]
        if not owners:
            continue
        owner_units = {ctx.unit[o] for o in owners}
        helpers = [
            d
            for d, r in ctx.roles[function_id].items()
            if r in (Role.R, Role.C) and ctx.unit[d] not in owner_units
        ]
        if helpers:
            continue
        name = ctx.func(function_id)
        yield ctx.finding(
            "journey-stage-without-support",
            Severity.INFO,
            f"客户旅程阶段{name}只有{ctx.depts(owners)}负责，没有其他部门提供支持：请明确需要哪些部门"
            "提供什么样的支持（执行 R 或咨询 C），并填写主要责任岗位。",
            f"The customer-journey stage {name} rests on {ctx.depts(owners)} alone: say which "
            "other departments support it and how (responsible R or consulted C), and name the "
            "responsible post.",
            (function_id, *owners),
        )


@rule("function-without-kpi", zh="职能缺少考核指标", en="Function without a KPI")
def function_without_kpi(ctx: Context) -> Iterator[Finding]:
    """A required function or journey stage no KPI measures (one finding if there are no KPIs)."""
    design = ctx.design
    measured = {f for kpi in design.kpis.values() for f in kpi.functions}
    missing = [
        f
        for f, function in design.functions.items()
        if (function.required or is_journey_stage(function)) and f not in measured
    ]
    if not missing:
        return
    if not design.kpis:
        yield ctx.finding(
            "function-without-kpi",
            Severity.INFO,
            "方案还没有考核指标：请为职能和客户旅程阶段设定指标，例如客户生命周期价值、客户满意度、"
            "跨部门项目成功率，让预算与清晰的业绩指标挂钩。",
            "The design has no KPIs yet: give the functions and journey stages measures such as "
            "customer lifetime value, customer satisfaction and cross-department project success, "
            "so that budgets are tied to clear performance measures.",
            (),
        )
        return
    for function_id in missing:
        name = ctx.func(function_id)
        yield ctx.finding(
            "function-without-kpi",
            Severity.INFO,
            f"职能{name}没有考核指标：请设定一个衡量它的指标（或把它加入已有指标）。",
            f"No KPI measures the function {name}: add a KPI for it (or add it to an existing one).",
            (function_id,),
        )


@rule("kpi-without-owner", zh="考核指标无人负责", en="KPI without an owner")
def kpi_without_owner(ctx: Context) -> Iterator[Finding]:
    """A KPI, shared or not, that no department owns."""
    for kpi in ctx.design.kpis.values():
        if kpi.owner is not None:
            continue
        name = ctx.quote(kpi.name)
        if kpi.shared:
            zh = (
                f"考核指标{name}由{ctx.depts(list(kpi.shared))}共同承担，却没有负责部门："
                "共担的指标也需要一个负责部门，请指定一个。"
            )
            en = (
                f"The KPI {name} is shared by {ctx.depts(list(kpi.shared))} but owned by no one: "
                "a shared KPI still needs one owning department; choose one."
            )
        else:
            zh = f"考核指标{name}没有负责部门：请指定一个部门对它负责。"
            en = f"The KPI {name} has no owning department: choose one to answer for it."
        yield ctx.finding("kpi-without-owner", Severity.WARNING, zh, en, (kpi.id, *kpi.shared))
