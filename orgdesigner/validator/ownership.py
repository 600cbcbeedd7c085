"""Who owns each function: 管理真空 (no owner) and 推诿扯皮 (several owners).

One finding per problem: a function with no owner gets one finding whether or not
departments take part in it (the departments that do are named as candidates).
"""

from __future__ import annotations

from typing import Iterator

from ..catalogue import BRAND_MANAGEMENT, is_journey_stage
from ..entities import Role
from ..findings import Finding, Severity
from .context import Context
from .registry import rule


def _helpers(ctx: Context, function_id: str) -> tuple[str, str, tuple[str, ...]]:
    """What to add to a vacuum finding when departments take part (R, C, I) without an owner."""
    roles = ctx.roles[function_id]
    if not roles:
        return "", "", ()
    involved = list(roles)
    doers = [d for d, r in roles.items() if r is Role.R]
    if len(doers) == 1:
        hint_zh = f"可让{ctx.dept(doers[0])}担任负责（A）"
        hint_en = f"make {ctx.dept(doers[0])} accountable (A)"
    elif doers:
        hint_zh = f"可让{ctx.depts(doers)}之一担任负责（A）"
        hint_en = f"make one of {ctx.depts(doers)} accountable (A)"
    else:
        hint_zh, hint_en = "请指定其中一个担任负责（A）", "make one of them accountable (A)"
    return (
        f"参与部门（{ctx.depts(involved)}）都不是负责部门，{hint_zh}。",
        f" Departments take part ({ctx.depts(involved)}) but none is accountable: {hint_en}.",
        tuple(involved),
    )


@rule("ownerless-function", zh="管理真空", en="Function without owner")
def ownerless_function(ctx: Context) -> Iterator[Finding]:
    """A function no department holds role A for (error if required, info if optional)."""
    for function_id, function in ctx.design.functions.items():
        if is_journey_stage(function) or ctx.owners[function_id]:
            continue
        name = ctx.func(function_id)
        more_zh, more_en, involved = _helpers(ctx, function_id)
        if function.required:
            yield ctx.finding(
                "ownerless-function",
                Severity.ERROR,
                f"职能{name}没有责任部门（管理真空）：请指定一个部门担任负责（A）。{more_zh}",
                f"No department owns the function {name} (a management vacuum): "
                f"make one department accountable (A) for it.{more_en}",
                (function_id, *involved),
            )
        else:
            yield ctx.finding(
                "ownerless-function",
                Severity.INFO,
                f"可选职能{name}没有责任部门：如需要，请指定一个部门担任负责（A），否则可删除该职能。{more_zh}",
                f"The optional function {name} has no owner: make one department accountable (A) "
                f"for it if you need it, or delete it.{more_en}",
                (function_id, *involved),
            )


@rule("multiple-owners", zh="推诿扯皮", en="Function with several owners")
def multiple_owners(ctx: Context) -> Iterator[Finding]:
    """More than one owner of a function in one scope: the group, or one business unit.

    Owners in different business units each cover their own unit (事业部制下的嵌入式营销团队;
    业务负责人直接带领团队进行客户开发): they are not rivals. Brand management is
    `brand-decentralised`'s (one finding per problem).
    """
    for function_id, function in ctx.design.functions.items():
        if function.key == BRAND_MANAGEMENT:
            continue
        for owners in ctx.scoped_owners(function_id):
            name = ctx.func(function_id)
            scopes = {ctx.business_unit[o] for o in owners}
            unit = next(iter(scopes)) if len(scopes) == 1 else None
            where_zh = f"在{ctx.dept(unit)}内" if unit else ""
            where_en = f" within {ctx.dept(unit)}" if unit else ""
            listed = ctx.owners_with_units(owners)
            yield ctx.finding(
                "multiple-owners",
                Severity.WARNING,
                f"职能{name}{where_zh}有 {len(owners)} 个负责部门（{listed}），容易推诿扯皮："
                "请只保留一个负责（A），其余改为执行（R）或咨询（C）。",
                f"The function {name} has {len(owners)} owners{where_en} ({listed}), which invites "
                "buck-passing: keep one accountable (A) and make the others responsible (R) or "
                "consulted (C).",
                (function_id, *owners),
            )


@rule("unowned-journey-stage", zh="客户旅程阶段无人负责", en="Journey stage without owner")
def unowned_journey_stage(ctx: Context) -> Iterator[Finding]:
    """A customer-journey stage (category journey) with no department holding role A."""
    for function_id, function in ctx.design.functions.items():
        if not is_journey_stage(function) or ctx.owners[function_id]:
            continue
        name = ctx.func(function_id)
        more_zh, more_en, involved = _helpers(ctx, function_id)
        yield ctx.finding(
            "unowned-journey-stage",
            Severity.ERROR,
            f"客户旅程阶段{name}没有主要责任部门：请指定一个部门担任负责（A），"
            f"让认知、考虑、购买、复购、推荐每个环节都有人负责。{more_zh}",
            f"The customer-journey stage {name} has no responsible department: make one "
            "department accountable (A), so that every stage from awareness to referral has an "
            f"owner.{more_en}",
            (function_id, *involved),
        )
