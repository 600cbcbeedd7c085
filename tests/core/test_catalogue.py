"""The default function catalogue: bilingual, stable keys, data not code."""

from __future__ import annotations

import json

import pytest

from orgdesigner import ops
from orgdesigner.catalogue import (
    CATALOGUE_PATH,
    JOURNEY_STAGES,
    load_catalogue,
    new_design_with_catalogue,
    parse_catalogue,
)
from orgdesigner.entities import Department
from orgdesigner.errors import FileProblem, InvalidValueError
from orgdesigner.findings import Severity
from orgdesigner.validator import validate

# The 22 functions DESIGN.md (from the seed) lists, by Chinese name.
SEED_FUNCTIONS = [
    "市场调研",
    "竞争情报",
    "营销战略与计划",
    "品牌管理",
    "公关与舆情",
    "市场推广活动",
    "搜索引擎优化",
    "社交媒体运营",
    "内容营销",
    "营销数据分析",
    "渠道管理",
    "销售支持",
    "CRM系统运营",
    "客户服务",
    "营销预算",
    "营销技术栈",
    "用户增长",
    "产品上市",
    "品类管理",
    "贸易营销",
    "消费者洞察",
    "营销人才培养",
]


def test_the_seed_functions_are_all_there_in_both_languages():
    catalogue = load_catalogue()
    by_zh = {e.name_zh: e for e in catalogue.entries}
    assert set(SEED_FUNCTIONS) <= set(by_zh)
    assert by_zh["品牌管理"].key == "brand_management"
    assert by_zh["品牌管理"].name_en == "Brand management"
    for entry in catalogue.entries:
        assert entry.name_en.isascii() and entry.name_en and entry.name_zh
        assert not entry.name_zh.isascii() and entry.description_zh and entry.description_en


def test_the_five_journey_stages_are_journey_functions_in_order():
    catalogue = load_catalogue()
    journey = [e for e in catalogue.entries if e.category == "journey"]
    assert [e.key for e in journey] == list(JOURNEY_STAGES)
    for entry, word in zip(journey, ["认知", "考虑", "购买", "复购", "推荐"]):
        assert word in entry.name_zh and entry.required


def test_keys_are_unique_and_categories_named():
    catalogue = load_catalogue()
    assert len(set(catalogue.keys())) == len(catalogue.entries) == 31
    for entry in catalogue.entries:
        assert catalogue.category_name(entry.category, "zh") != entry.category
        assert catalogue.category_name(entry.category, "en")


def test_functions_in_either_language_with_fresh_ids():
    catalogue = load_catalogue()
    zh, en, again = catalogue.functions("zh"), catalogue.functions("en"), catalogue.functions("zh")
    assert [f.key for f in zh] == [f.key for f in en] == catalogue.keys()
    assert zh[3].name == "品牌管理" and en[3].name == "Brand management"
    assert not {f.id for f in zh} & {f.id for f in again}
    assert [f.name for f in catalogue.functions("en", ["seo", "growth"])] == [
        "Search engine optimisation (SEO)",
        "Growth",
    ]
    with pytest.raises(InvalidValueError):
        catalogue.functions("fr")
    with pytest.raises(InvalidValueError, match="no function 'nope'"):
        catalogue.entry("nope")


def test_the_catalogue_file_is_checked_with_a_clear_message():
    data = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))
    data["functions"][1]["key"] = data["functions"][0]["key"]
    with pytest.raises(FileProblem, match=r"functions\[1\]\.key: duplicate key 'market_research'"):
        parse_catalogue(json.dumps(data), "catalogue.json")
    data["functions"][1]["key"] = "competitive_intelligence"
    del data["functions"][2]["name_en"]
    with pytest.raises(FileProblem, match=r"functions\[2\]\.name_en: missing or not text"):
        parse_catalogue(json.dumps(data), "catalogue.json")
    with pytest.raises(FileProblem, match="not valid JSON"):
        parse_catalogue("{", "catalogue.json")
    with pytest.raises(FileProblem, match="not a function catalogue"):
        parse_catalogue("[]", "catalogue.json")


def test_users_rename_delete_and_mark_functions_optional_per_design():
    design = new_design_with_catalogue("方案", "zh")
    brand = next(f for f in design.functions.values() if f.key == "brand_management")
    trade = next(f for f in design.functions.values() if f.key == "trade_marketing")
    seo = next(f for f in design.functions.values() if f.key == "seo")
    ops.UpdateFunction(brand.id, {"name": "品牌建设"}).apply(design)
    ops.UpdateFunction(seo.id, {"required": False}).apply(design)
    ops.RemoveFunction(trade.id).apply(design)
    mkt = design.add_department(Department(name="市场部", leader="王丽", headcount=3))
    other = design.add_department(Department(name="销售部", leader="李", headcount=3))
    design.set_role(brand.id, other.id, "A")
    for fid in list(design.functions)[:3]:
        design.set_role(fid, mkt.id, "A")
    design.set_role(brand.id, mkt.id, "A")  # brand split over two owners
    findings = {(f.rule, f.objects[0]): f for f in validate(design) if f.objects}
    assert findings[("ownerless-function", seo.id)].severity is Severity.INFO
    assert ("ownerless-function", trade.id) not in findings
    # Renamed, brand management is still recognised by its key.
    assert "品牌建设" in findings[("brand-decentralised", brand.id)].message
