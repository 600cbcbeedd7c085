"""Who owns each function: 管理真空 (no owner) and 推诿扯皮 (several owners)."""

from __future__ import annotations

from typing import Iterator

from ..catalogue import is_journey_stage
from ..entities import Role
from ..findings import Finding, Severity
from .context import Context
from .registry import rule


@rule("ownerless-function", zh="管理真空", en="Function without owner")
def ownerless_function(ctx: Context) -> Iterator[Finding]:
    """A function no department holds role A for (error if required, info if optional)."""
    for function_id, function in ctx.design.functions.items():
        if is_journey_stage(function) or ctx.owners[function_id]:
            continue
        name = ctx.func(function_id)
        if function.required:
            yield ctx.finding(
                "ownerless-function", Severity.ERROR,
                f"职能{name}没有责任部门（管理真空）：请指定一个部门担任负责（A）。",
                f"No department owns the function {name} (a management vacuum): "
                "make one department accountable (A) for it.",
                (function_id,))
        else:
            yield ctx.finding(
                "ownerless-function", Severity.INFO,
                f"可选职能{name}没有责任部门：如需要，请指定一个部门担任负责（A），否则可删除该职能。",
                f"The optional function {name} has no owner: make one department accountable (A) "
                "for it if you need it, or delete it.",
                (function_id,))


@rule("multiple-owners", zh="推诿扯皮", en="Function with several owners")
def multiple_owners(ctx: Context) -> Iterator[Finding]:
    """A function with more than one department holding role A."""
    for function_id, owners in ctx.owners.items():
        if len(owners) < 2:
            continue
        name = ctx.func(function_id)
        yield ctx.finding(
            "multiple-owners", Severity.WARNING,
            f"职能{name}有 {len(owners)} 个负责部门（{ctx.depts(owners)}），容易推诿扯皮："
            "请只保留一个负责（A），其余改为执行（R）或咨询（C）。",
            f"The function {name} has {len(owners)} owners ({ctx.depts(owners)}), which invites "
            "buck-passing: keep one accountable (A) and make the others responsible (R) or "
            "consulted (C).",
            (function_id, *owners))


@rule("unowned-journey-stage", zh="客户旅程阶段无人负责", en="Journey stage without owner")
def unowned_journey_stage(ctx: Context) -> Iterator[Finding]:
    """A customer-journey stage (category journey) with no department holding role A."""
    for function_id, function in ctx.design.functions.items():
        if not is_journey_stage(function) or ctx.owners[function_id]:
            continue
        name = ctx.func(function_id)
        yield ctx.finding(
            "unowned-journey-stage", Severity.ERROR,
            f"客户旅程阶段{name}没有主要责任部门：请指定一个部门担任负责（A），"
            "让认知、考虑、购买、复购、推荐每个环节都有人负责。",
            f"The customer-journey stage {name} has no responsible department: make one "
            "department accountable (A), so that every stage from awareness to referral has an owner.",
            (function_id,))


@rule("responsibility-without-owner", zh="有执行无负责", en="Involvement without an owner")
def responsibility_without_owner(ctx: Context) -> Iterator[Finding]:
    """Departments are R, C or I for a function but nobody is A."""
    for function_id, roles in ctx.roles.items():
        if not roles or ctx.owners[function_id]:
            continue
        involved = list(roles)
        doers = [d for d, r in roles.items() if r is Role.R]
        name = ctx.func(function_id)
        if len(doers) == 1:
            hint_zh = f"请让{ctx.dept(doers[0])}担任负责（A）"
            hint_en = f"make {ctx.dept(doers[0])} accountable (A)"
        elif doers:
            hint_zh = f"请让{ctx.depts(doers)}之一担任负责（A）"
            hint_en = f"make one of {ctx.depts(doers)} accountable (A)"
        else:
            hint_zh, hint_en = "请指定一个负责（A）部门", "make one department accountable (A)"
        yield ctx.finding(
            "responsibility-without-owner", Severity.WARNING,
            f"职能{name}有参与部门（{ctx.depts(involved)}）却没有负责部门：{hint_zh}。",
            f"Departments take part in the function {name} ({ctx.depts(involved)}) but none is "
            f"accountable for it: {hint_en}.",
            (function_id, *involved))
