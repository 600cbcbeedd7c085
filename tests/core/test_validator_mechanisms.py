"""The seed's checks that are new in issue 15: a core marketing lead, committees as data,
support per journey stage, KPIs, and the brand/performance budget split.

Each test quotes the seed sentence it checks; each rule has a design that must raise the
finding and one that must not.
"""

from orgdesigner.entities import Kpi
from orgdesigner.findings import Severity
from orgdesigner.validator import validate

from .validator_cases import found, make

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO
COMMITTEE = {"kind": "committee"}
LEAD = [
    ("brand_management",),
    ("marketing_strategy",),
    ("marketing_budget",),
    ("channel_management",),
    ("market_research",),
    ("competitive_intelligence",),
]


# 明确一个对营销整体成果负责的核心部门或岗位是第一步…该部门应拥有以下几项核心权力与责任:
# 制定并执行年度营销战略与计划…统筹市场推广预算…负责主要营销渠道…主导市场调研与竞争情报分析工作.
def lead_design(owners: dict[str, str]):
    departments = [
        ("gm", None, {"kind": "office"}),
        ("mkt", "gm"),
        ("sales", "gm"),
        ("fin", "gm"),
        ("rnd", "gm"),
    ]
    roles = [("brand_management", "mkt", "A")] + [(k, d, "A") for k, d in owners.items()]
    return make(departments, LEAD, roles)


def test_lead_functions_scattered_over_sales_finance_and_rnd_have_no_marketing_lead():
    design = lead_design(
        {
            "marketing_strategy": "sales",
            "marketing_budget": "fin",
            "channel_management": "sales",
            "market_research": "rnd",
            "competitive_intelligence": "mkt",
        }
    )
    assert found(design, "no-marketing-lead") == [
        (
            W,
            (
                "marketing_strategy",
                "marketing_budget",
                "channel_management",
                "market_research",
                "sales",
                "fin",
                "rnd",
            ),
        )
    ]
    message = next(f.message for f in validate(design) if f.rule == "no-marketing-lead")
    assert "核心部门" in message and "营销中枢“mkt”" in message


def test_lead_functions_with_the_hub_are_a_marketing_lead():
    design = lead_design(
        {
            "marketing_strategy": "mkt",
            "marketing_budget": "mkt",
            "channel_management": "sales",
            "market_research": "mkt",
            "competitive_intelligence": "mkt",
        }
    )
    assert found(design, "no-marketing-lead") == []


def test_a_startup_whose_general_managers_office_holds_them_has_a_lead():
    """在初创公司…营销职能往往由创始人、销售负责人…兼任: the GM's office is the lead."""
    owners = {k[0]: "gm" for k in LEAD}
    design = make(
        [("gm", None, {"kind": "office"}), ("sales", "gm", {"kind": "team"})],
        LEAD,
        [(k, d, "A") for k, d in owners.items()],
    )
    assert found(design, "no-marketing-lead") == []


# 设立由市场、销售、产品、研发、客服等部门负责人组成的“市场管理委员会”，定期召开会议，
# 共同审议营销计划、同步产品开发进展、分析销售数据与客户反馈.
def committee_design(members=("mkt", "sales"), mandate=True):
    design = make(
        [("gm", None), ("mkt", "gm"), ("sales", "gm"), ("board", "gm", COMMITTEE)],
        [("marketing_strategy",)],
        [("marketing_strategy", "mkt", "A")]
        + ([("marketing_strategy", "board", "C")] if mandate else []),
        [("board", m, "committee") for m in members],
    )
    return design


def test_a_committee_with_one_member_joins_nobody():
    assert found(committee_design(members=("mkt",)), "committee-members") == [(W, ("board", "mkt"))]


def test_a_bare_committee_is_one_committee_finding_not_also_an_empty_department():
    design = committee_design(members=(), mandate=False)
    rules = [f.rule for f in validate(design) if "board" in f.objects]
    assert rules == ["committee-members", "committee-mandate"]


def test_a_committee_with_two_members_is_fine():
    assert found(committee_design(), "committee-members") == []


def test_a_committee_consulted_on_nothing_has_no_mandate():
    assert found(committee_design(mandate=False), "committee-mandate") == [(I, ("board",))]
    assert found(committee_design(), "committee-mandate") == []


def test_the_mid_size_template_committee_carries_the_seeds_three_duties():
    from orgdesigner.templates import load_template

    design = load_template("mid_large", "zh")
    board = next(d for d in design.departments.values() if d.kind.value == "committee")
    assert board.chair and board.cadence
    assert all(
        duty in board.notes
        for duty in ("审议营销计划", "同步产品开发进展", "分析销售数据与客户反馈")
    )
    consulted = {
        design.functions[f].key
        for f, r in design.roles_of_department(board.id).items()
        if r.value == "C"
    }
    assert {"marketing_strategy", "product_development", "sales", "customer_service"} <= consulted


# 从客户认知、考虑、购买到复购、推荐的每一个环节，明确哪个部门、哪个岗位是主要责任人，需要提供什么样的支持.
def test_a_purchase_stage_owned_by_sales_alone_has_no_support():
    design = make(
        [("gm", None), ("mkt", "gm"), ("sales", "gm")],
        [("journey_purchase", "journey")],
        [("journey_purchase", "sales", "A")],
    )
    assert found(design, "journey-stage-without-support") == [(I, ("journey_purchase", "sales"))]


def test_a_purchase_stage_supported_by_marketing_is_fine_and_awareness_needs_no_support():
    design = make(
        [("gm", None), ("mkt", "gm"), ("sales", "gm")],
        [("journey_purchase", "journey"), ("journey_awareness", "journey")],
        [
            ("journey_purchase", "sales", "A"),
            ("journey_purchase", "mkt", "R"),
            ("journey_awareness", "mkt", "A"),
        ],
    )
    assert found(design, "journey-stage-without-support") == []


def test_a_stage_names_its_responsible_post():
    design = make([("sales", None)], [("journey_purchase", "journey")])
    design.update_function("journey_purchase", post="大客户经理")
    assert design.functions["journey_purchase"].post == "大客户经理"


# 考核指标也应…转向更综合的客户生命周期价值、客户满意度、跨部门项目成功率等.
def test_a_design_without_kpis_gets_one_hint_not_one_per_function():
    design = make(
        [("mkt", None)], [("brand",), ("seo",)], [("brand", "mkt", "A"), ("seo", "mkt", "A")]
    )
    assert found(design, "function-without-kpi") == [(I, ())]


def test_a_required_function_no_kpi_measures_is_named():
    design = make(
        [("mkt", None)],
        [("brand",), ("seo",), ("extra", "marketing", False)],
        [("brand", "mkt", "A"), ("seo", "mkt", "A")],
    )
    design.add_kpi(Kpi(id="k1", name="品牌认知度", unit="%", owner="mkt", functions=("brand",)))
    assert found(design, "function-without-kpi") == [(I, ("seo",))]  # optional "extra" is not
    design.update_kpi("k1", functions=("brand", "seo"))
    assert found(design, "function-without-kpi") == []


def test_a_shared_kpi_without_an_owner_is_reported():
    design = make([("mkt", None), ("sales", None)], [("brand",)], [("brand", "mkt", "A")])
    design.add_kpi(
        Kpi(id="k1", name="跨部门项目成功率", shared=("mkt", "sales"), functions=("brand",))
    )
    assert found(design, "kpi-without-owner") == [(W, ("k1", "mkt", "sales"))]
    design.update_kpi("k1", owner="mkt")
    assert found(design, "kpi-without-owner") == []


def test_every_template_kpi_comes_from_the_catalogue_and_has_an_owner():
    from orgdesigner.catalogue import load_catalogue
    from orgdesigner.templates import load_template

    keys = {k.key for k in load_catalogue().kpis}
    assert {"customer_lifetime_value", "customer_satisfaction", "cross_department_success"} <= keys
    design = load_template("growth_team", "en")
    assert design.kpis and all(k.key in keys and k.owner for k in design.kpis.values())


# 既要有关注心智占领的品牌广告投入，也要有能直接带来询盘和成交的效果营销投入…两者相辅相成，不可偏废.
def test_a_budget_with_no_performance_side_is_reported():
    design = make([("mkt", None)], settings={"brand_budget": 300, "performance_budget": 0})
    assert found(design, "budget-split") == [(W, ())]
    only_performance = make([("mkt", None)], settings={"performance_budget": 50})
    assert found(only_performance, "budget-split") == [(W, ())]


def test_a_budget_with_both_sides_or_no_split_yet_is_fine():
    assert (
        found(
            make([("mkt", None)], settings={"brand_budget": 300, "performance_budget": 200}),
            "budget-split",
        )
        == []
    )
    assert found(make([("mkt", None)]), "budget-split") == []


# A vacant post (an import's 'Vacant' / '空缺') is a post with no leader.
def test_a_vacant_post_is_reported_as_such():
    design = make([("mkt", None, {"vacant": True})])
    assert found(design, "no-leader") == [(I, ("mkt",))]
    assert "空缺" in next(f.message for f in validate(design) if f.rule == "no-leader")
    assert found(make([("mkt", None)]), "no-leader") == []
