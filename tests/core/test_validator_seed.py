"""The validator says what the seed says (issue 15): each test quotes the sentence it checks.

Every rule or fix has a small design that must raise the finding and one that must not.
"""

import json

from orgdesigner import jsonform
from orgdesigner.findings import Severity
from orgdesigner.validator import validate

from .validator_cases import found, make

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

BU = {"kind": "business_unit"}
TEAM = {"kind": "team"}


def divisions(extra_roles=(), extra_departments=()):
    """A group with two business units, each with its own marketing team."""
    departments = [
        ("hq", None),
        ("bu1", "hq", BU),
        ("bu1_mkt", "bu1", TEAM),
        ("bu2", "hq", BU),
        ("bu2_mkt", "bu2", TEAM),
        *extra_departments,
    ]
    return make(departments, [("campaigns",)], list(extra_roles))


# 事业部制下的嵌入式营销团队，让他们更贴近业务前线; 由业务负责人直接带领团队进行客户开发与关系维护.
def test_owners_in_different_business_units_are_per_unit_owners_not_rivals():
    design = divisions([("campaigns", "bu1_mkt", "A"), ("campaigns", "bu2_mkt", "A")])
    assert found(design, "multiple-owners") == []


def test_two_owners_inside_one_business_unit_are_still_rivals_and_the_unit_is_named():
    design = divisions([("campaigns", "bu1_mkt", "A"), ("campaigns", "bu1", "A")])
    assert found(design, "multiple-owners") == [(W, ("campaigns", "bu1_mkt", "bu1"))]
    message = next(f.message for f in validate(design) if f.rule == "multiple-owners")
    assert "在“bu1”内" in message


def test_a_group_owner_beside_a_unit_owner_is_still_buck_passing():
    design = divisions([("campaigns", "hq", "A"), ("campaigns", "bu2_mkt", "A")])
    assert found(design, "multiple-owners") == [(W, ("campaigns", "hq", "bu2_mkt"))]
    message = next(
        f.message for f in validate(design, language="en") if f.rule == "multiple-owners"
    )
    assert '"bu2_mkt" ("bu2")' in message  # which unit the owner covers


# 市场部中的品牌管理团队应作为品牌标准的制定者和守护者.
def growth_and_marketing(brand_owner="mkt"):
    """A growth team owning five marketing functions, 市场部 three (brand among them)."""
    functions = [
        ("brand_management",),
        ("strategy",),
        ("budget",),
        ("seo",),
        ("social",),
        ("content",),
        ("analytics",),
        ("growth",),
        ("sales", "sales", False),
    ]
    roles = [
        ("brand_management", brand_owner, "A"),
        ("strategy", "mkt", "A"),
        ("budget", "mkt", "A"),
        ("seo", "growth", "A"),
        ("social", "growth", "A"),
        ("content", "growth", "A"),
        ("analytics", "growth", "A"),
        ("growth", "growth", "A"),
        ("sales", "sales", "A"),
    ]
    return make(
        [("gm", None), ("mkt", "gm"), ("growth", "gm"), ("sales", "gm")],
        functions,
        roles,
        [("growth", "sales")],
    )


def test_the_hub_is_the_brand_owner_even_when_a_growth_team_owns_more():
    design = growth_and_marketing()
    assert found(design, "brand-decentralised") == []
    assert found(design, "hub-silo") == [(W, ("mkt", "sales"))]  # the hub is named, not growth


def test_without_a_brand_owner_the_hub_falls_back_to_the_most_functions():
    design = growth_and_marketing()
    design.set_role("brand_management", "mkt", None)
    assert found(design, "hub-silo") == []  # growth, linked to sales, is the hub


# 营销技术栈…需要市场部与信息技术部紧密合作; 需要与信息技术部门、数据分析部门无缝协作.
def it_design(links=(), category="it"):
    return make(
        [("gm", None), ("mkt", "gm"), ("it", "gm")],
        [("brand_management",), ("systems", category, False)],
        [("brand_management", "mkt", "A"), ("systems", "it", "A")],
        list(links),
    )


def test_the_hub_without_a_tie_to_it_is_a_silo():
    assert found(it_design(), "hub-silo") == [(W, ("mkt", "it"))]
    assert found(it_design(category="data"), "hub-silo") == [(W, ("mkt", "it"))]


def test_the_hub_tied_to_it_is_not_a_silo():
    assert found(it_design([("mkt", "it")]), "hub-silo") == []


# A function given by its catalogue key takes the catalogue's category (issue 15, wrong #4).
def test_a_catalogue_key_without_a_category_takes_the_catalogue_category():
    doc = {
        "format": "org-designer",
        "version": 1,
        "departments": [{"id": "mkt", "name": "市场部"}, {"id": "sales", "name": "销售部"}],
        "functions": [
            {"id": "brand_management", "name": "品牌管理"},
            {"id": "sales", "name": "销售"},
            {"id": "own", "name": "自定义"},
            {"id": "cs", "key": "customer_service", "name": "客服"},
            {"id": "fin", "key": "financial_management", "name": "财务", "category": "marketing"},
        ],
        "responsibilities": [
            {"function": "brand_management", "department": "mkt", "role": "A"},
            {"function": "sales", "department": "sales", "role": "A"},
        ],
    }
    design = jsonform.loads(json.dumps(doc))
    categories = {f.name: f.category for f in design.functions.values()}
    assert categories == {
        "品牌管理": "marketing",
        "销售": "sales",
        "自定义": "marketing",
        "客服": "service",
        "财务": "marketing",
    }  # a given category wins
    code = {d.id: d.code for d in design.departments.values()}
    assert [tuple(code.get(o) for o in objects) for _, objects in found(design, "hub-silo")] == [
        ("mkt", "sales")
    ]


# 设立由市场、销售、产品、研发、客服等部门负责人组成的“市场管理委员会”: a committee is not a top.
def test_a_committee_without_a_reporting_line_is_not_a_second_top():
    design = make(
        [("gm", None), ("mkt", "gm"), ("sales", "gm"), ("board", None, {"kind": "committee"})],
        links=[("board", "mkt", "committee"), ("board", "sales", "committee")],
    )
    assert found(design, "multiple-roots") == []


def test_a_unit_tied_only_to_a_committee_is_not_a_second_top_but_a_real_one_is():
    committee_only = make(
        [("gm", None), ("mkt", "gm"), ("board", "gm", {"kind": "committee"}), ("advisor", None)],
        links=[("board", "advisor", "committee")],
    )
    assert found(committee_only, "multiple-roots") == []
    two_tops = make([("gm", None), ("mkt", "gm"), ("other", None), ("x", "other")])
    assert found(two_tops, "multiple-roots") == [(W, ("gm", "other"))]


# 品牌作为企业最核心的无形资产，必须进行集中统一的管理: one finding for a split brand.
def test_a_brand_with_two_owners_is_reported_once():
    design = make(
        [("gm", None), ("mkt", "gm"), ("sales", "gm")],
        [("brand_management",)],
        [("brand_management", "mkt", "A"), ("brand_management", "sales", "A")],
    )
    rules = [f.rule for f in validate(design) if "brand_management" in f.objects]
    assert rules == ["brand-decentralised"]


def test_a_brand_owned_per_business_unit_is_still_split():
    design = divisions(extra_departments=())
    design.add_function(
        type(design.functions["campaigns"])(
            id="brand_management", key="brand_management", name="品牌管理"
        )
    )
    design.set_role("brand_management", "bu1_mkt", "A")
    design.set_role("brand_management", "bu2_mkt", "A")
    assert found(design, "brand-decentralised") == [(W, ("brand_management", "bu1_mkt", "bu2_mkt"))]


def test_brand_advice_names_only_units_that_exist():
    # A startup: no 市场部; the general manager's office is the hub.
    design = make(
        [("总经理办公室", None, {"kind": "office"}), ("销售组", "总经理办公室", TEAM)],
        [("brand_management",), ("seo",)],
        [
            ("brand_management", "总经理办公室", "A"),
            ("brand_management", "销售组", "A"),
            ("seo", "总经理办公室", "A"),
        ],
    )
    zh = next(f.message for f in validate(design, language="zh") if f.rule == "brand-decentralised")
    en = next(f.message for f in validate(design, language="en") if f.rule == "brand-decentralised")
    assert "市场部" not in zh and "“总经理办公室”" in zh
    assert '"总经理办公室"' in en


# Marketing and sales teams are judged like departments (小组 vs 部门 must not decide a silo).
def test_a_marketing_team_and_a_sales_team_under_the_gm_are_judged_like_departments():
    functions = [("brand_management",), ("sales", "sales", False)]
    roles = [("brand_management", "m", "A"), ("sales", "s", "A")]
    for kind in ("team", "department"):
        design = make(
            [
                ("gm", None, {"kind": "office"}),
                ("m", "gm", {"kind": kind}),
                ("s", "gm", {"kind": kind}),
            ],
            functions,
            roles,
        )
        assert found(design, "hub-silo") == [(W, ("m", "s"))], kind
        linked = make(
            [
                ("gm", None, {"kind": "office"}),
                ("m", "gm", {"kind": kind}),
                ("s", "gm", {"kind": kind}),
            ],
            functions,
            roles,
            [("m", "s")],
        )
        assert found(linked, "hub-silo") == [], kind


def test_a_group_of_the_hub_department_still_counts_as_the_hub():
    design = make(
        [
            ("gm", None, {"kind": "office"}),
            ("mkt", "gm"),
            ("mkt_brand", "mkt", TEAM),
            ("sales", "gm"),
        ],
        [("brand_management",), ("sales", "sales", False)],
        [("brand_management", "mkt_brand", "A"), ("sales", "sales", "A")],
        [("mkt", "sales")],
    )
    assert found(design, "hub-silo") == []


# Messages in zh and en say the same thing: the same findings, naming the same objects.
def test_both_languages_report_the_same_findings_with_the_same_names():
    import re

    from orgdesigner.entities import Kpi

    design = make(
        [
            ("gm", None, {"kind": "office"}),
            ("mkt", "gm"),
            ("sales", "gm"),
            ("lost", None, {"leader": ""}),
            ("board", "gm", {"kind": "committee"}),
            ("bu", "gm", BU),
            ("bu_a", "bu", TEAM),
            ("bu_b", "bu", TEAM),
        ],
        [
            ("brand_management",),
            ("marketing_strategy",),
            ("marketing_budget",),
            ("market_research",),
            ("campaigns",),
            ("sales", "sales", False),
            ("journey_purchase", "journey"),
            ("journey_referral", "journey"),
        ],
        [
            ("brand_management", "mkt", "A"),
            ("brand_management", "sales", "A"),
            ("marketing_strategy", "sales", "A"),
            ("marketing_budget", "gm", "A"),
            ("market_research", "gm", "A"),
            ("campaigns", "bu_a", "A"),
            ("campaigns", "bu_b", "A"),
            ("sales", "sales", "A"),
            ("journey_purchase", "sales", "A"),
            ("journey_referral", "mkt", "R"),
        ],
        [("board", "mkt", "committee")],
        settings={"brand_budget": 100},
    )
    design.add_kpi(Kpi(id="k", name="客户满意度", shared=("mkt",), functions=("campaigns",)))
    zh, en = validate(design, language="zh"), validate(design, language="en")
    assert [(f.rule, f.severity, f.objects) for f in zh] == [
        (f.rule, f.severity, f.objects) for f in en
    ]
    assert {f.rule for f in zh} >= {
        "brand-decentralised",
        "multiple-owners",
        "no-marketing-lead",
        "committee-members",
        "committee-mandate",
        "kpi-without-owner",
        "journey-stage-without-support",
        "unowned-journey-stage",
        "budget-split",
        "no-leader",
        "isolated-department",
    }
    for a, b in zip(zh, en):
        names_zh = set(re.findall(r"“([^”]+)”", a.message))
        names_en = set(re.findall(r'"([^"]+)"', b.message))
        assert names_zh == names_en, (a.rule, a.message, b.message)
