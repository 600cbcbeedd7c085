"""The marketing hub and its ties: brand held centrally, no silos (职能割裂).

The hub is the unit owning brand management (a department with its sub-groups,
see `Context.hub`). Two units are connected when a collaboration
link joins them, when both sit on one committee (a committee department linked
to each), or when one reports directly to the other.
"""

from __future__ import annotations

from typing import Iterator

from ..catalogue import BRAND_MANAGEMENT, PARTNER_CATEGORIES, load_catalogue
from ..entities import DeptKind
from ..findings import Finding, Severity
from .context import Context
from .registry import rule


@rule("brand-decentralised", zh="品牌未集中管理", en="Brand not managed centrally")
def brand_decentralised(ctx: Context) -> Iterator[Finding]:
    """Brand management owned by several departments (business units included).

    品牌作为企业最核心的无形资产，必须进行集中统一的管理: per-unit ownership does
    not apply to brand. The hub is anchored on the brand owner, so a single owner
    is the hub by definition.
    """
    for function_id, function in ctx.design.functions.items():
        if function.key != BRAND_MANAGEMENT:
            continue
        owners = ctx.owners[function_id]
        if len(owners) < 2:
            continue
        name = ctx.func(function_id)
        hub = ctx.hub
        keeper_zh = f"营销中枢{ctx.dept(hub)}（或其品牌小组）" if hub else "其中一个部门"
        keeper_en = (
            f"the marketing hub {ctx.dept(hub)} (or its brand group)" if hub else "one of them"
        )
        yield ctx.finding(
            "brand-decentralised",
            Severity.WARNING,
            f"{name}分散在 {len(owners)} 个部门（{ctx.owners_with_units(owners)}）：品牌是企业最核心的"
            f"无形资产，必须集中统一管理，请由{keeper_zh}单独负责，作为品牌标准的制定者和守护者，"
            "防止品牌形象撕裂。",
            f"{name} is split across {len(owners)} departments ({ctx.owners_with_units(owners)}): "
            f"the brand is the company's core intangible asset and must be managed in one place; let "
            f"{keeper_en} own it alone, as the keeper of the brand standard, so the brand does not "
            "fall apart.",
            (function_id, *owners),
        )


def _connected_units(ctx: Context, hub: str) -> set[str]:
    """Units tied to the hub by a link, a shared committee or a direct reporting line.

    Walks out from the hub's own departments (the hub and its groups: a subtree under it)
    and the committees it sits on, never over all the links or departments.
    """
    design, unit = ctx.design, ctx.unit
    departments = design.departments
    members = [hub]  # the departments whose unit is the hub
    for member in members:  # (grows while it is read: breadth first)
        members.extend(kid for kid in design.child_ids(member) if unit[kid] == hub)
    connected = {hub}
    for member in members:
        for link in design.links_of(member):
            connected.add(unit[link.source])
            connected.add(unit[link.target])
    # A committee is a unit of its own and no other department's unit: its links are its ties.
    committee = DeptKind.COMMITTEE
    committees = [u for u in connected if u != hub and departments[u].kind is committee]
    for unit_id in committees:
        for link in design.links_of(unit_id):
            connected.add(unit[link.source])
            connected.add(unit[link.target])
    # Reporting lines: the hub's departments reach their managers' and sub-units' units.
    for member in members:
        parent = departments[member].parent
        if parent is not None:
            connected.add(unit[parent])
        connected.update(unit[kid] for kid in design.child_ids(member))
    return connected


@rule("hub-silo", zh="职能割裂", en="Marketing hub in a silo")
def hub_silo(ctx: Context) -> Iterator[Finding]:
    """The marketing hub has no tie to the owners of sales, product/R&D, service, finance, IT or data."""
    hub = ctx.hub
    if hub is None:
        return
    partners: dict[str, list[str]] = {}
    for function_id, function in ctx.design.functions.items():
        if function.category in PARTNER_CATEGORIES:
            for owner in ctx.owners[function_id]:
                if ctx.unit[owner] != hub:
                    partners.setdefault(function.category, []).append(owner)
    if not partners:
        return
    connected = _connected_units(ctx, hub)
    # The hub tied to a business unit (or its embedded marketing team) reaches the
    # unit's own sales and service teams through it (事业部制下的嵌入式营销团队).
    reached_units = {ctx.business_unit[u] for u in connected} - {None}
    catalogue = load_catalogue()
    for category in PARTNER_CATEGORIES:
        owners = list(dict.fromkeys(partners.get(category, ())))
        if not owners or any(
            ctx.unit[o] in connected or ctx.business_unit[o] in reached_units for o in owners
        ):
            continue
        zh_cat = catalogue.category_name(category, "zh")
        en_cat = catalogue.category_name(category, "en").lower()
        yield ctx.finding(
            "hub-silo",
            Severity.WARNING,
            f"营销中枢{ctx.dept(hub)}与{zh_cat}职能的负责部门{ctx.depts(owners)}之间没有协作关系"
            "（职能割裂）：请添加协作连线，或让双方加入同一个委员会（例如设立市场管理委员会）。",
            f"The marketing hub {ctx.dept(hub)} has no collaboration with {ctx.depts(owners)}, "
            f"which owns the {en_cat} functions (a silo): add a collaboration link, or put both "
            "on one committee (for example, set up a marketing management committee).",
            (hub, *owners),
        )


@rule("isolated-department", zh="孤立部门", en="Isolated department")
def isolated_department(ctx: Context) -> Iterator[Finding]:
    """A department with no reporting line and no link at all (a box floating alone)."""
    design = ctx.design
    if len(design.departments) < 2:
        return
    linked: set[str] = set()
    for link in design.links.values():
        linked.add(link.source)
        linked.add(link.target)
    for dept_id in ctx.scan.tops:  # (in design order)
        if dept_id not in linked and not design.child_ids(dept_id):
            name = ctx.dept(dept_id)
            yield ctx.finding(
                "isolated-department",
                Severity.INFO,
                f"部门{name}不向任何部门汇报，没有下级部门，也没有协作关系：请把它放进组织结构，"
                "或连到与它协作的部门。",
                f"The department {name} reports to no one, has no sub-units and no links: place it "
                "in the structure or link it to the departments it works with.",
                (dept_id,),
            )


# The core marketing department's powers (该部门应拥有以下几项核心权力与责任): strategy and
# plan, the budget, the main channels, research and competitive intelligence.
LEAD_FUNCTIONS = (
    "marketing_strategy",
    "marketing_budget",
    "channel_management",
    "market_research",
    "competitive_intelligence",
)


@rule("no-marketing-lead", zh="缺少核心营销部门", en="No core marketing lead")
def no_marketing_lead(ctx: Context) -> Iterator[Finding]:
    """The lead functions (strategy, budget, channels, research, intelligence) sit mostly outside the hub.

    Owners inside business units run their own unit and do not count against the hub.
    """
    design, hub = ctx.design, ctx.hub
    by_key = {f.key: f_id for f_id, f in design.functions.items() if f.key in LEAD_FUNCTIONS}
    inside, outside = [], []
    owners_outside: list[str] = []
    for key in LEAD_FUNCTIONS:
        function_id = by_key.get(key)
        if function_id is None:
            continue
        group_owners = [o for o in ctx.owners[function_id] if ctx.business_unit[o] is None]
        if not group_owners:
            continue
        if hub is not None and any(ctx.unit[o] == hub for o in group_owners):
            inside.append(function_id)
        else:
            outside.append(function_id)
            owners_outside.extend(group_owners)
    owners_outside = list(dict.fromkeys(owners_outside))
    if len(outside) < 2 or len(outside) <= len(inside):
        return
    if hub is None and len({ctx.unit[o] for o in owners_outside}) < 2:
        return  # one unit holds them all: that unit is the lead
    names = ("、" if ctx.language == "zh" else ", ").join(ctx.func(f) for f in outside)
    hub_zh = (
        f"营销中枢{ctx.dept(hub)}" if hub else "一个核心营销部门（初创公司可由总经理办公室担任）"
    )
    hub_en = (
        f"the marketing hub {ctx.dept(hub)}"
        if hub
        else ("one core marketing department (in a start-up, the general manager's office)")
    )
    yield ctx.finding(
        "no-marketing-lead",
        Severity.WARNING,
        f"{names}分散在{ctx.depts(owners_outside)}：明确一个对营销整体成果负责的核心部门是第一步，"
        f"营销战略与计划、营销预算、主要渠道、市场调研与竞争情报应由{hub_zh}统一负责，"
        "作为营销职能在组织中的家。",
        f"{names} are spread over {ctx.depts(owners_outside)}: the first step is one core "
        "department accountable for marketing as a whole; strategy and plan, the budget, the "
        f"main channels, research and competitive intelligence belong with {hub_en}, the home "
        "of marketing in the organisation.",
        (*outside, *owners_outside),
    )
