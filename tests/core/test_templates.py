"""The seed's seven organisation templates: complete, valid, bilingual, readable."""

from __future__ import annotations

import importlib.util
import uuid
from pathlib import Path

import pytest

from orgdesigner import templates
from orgdesigner.catalogue import JOURNEY_STAGES
from orgdesigner.entities import LinkKind
from orgdesigner.errors import FileProblem
from orgdesigner.findings import Severity
from orgdesigner.geometry import BOX_H, BOX_W, V_GAP
from orgdesigner.templates import UnknownTemplateError, list_templates, load_template
from orgdesigner.validator import Context, validate

ROOT = Path(__file__).resolve().parents[2]
IDS = [
    "startup",
    "mid_large",
    "tech_product",
    "consulting",
    "retail_fmcg",
    "growth_team",
    "divisional",
]
CASES = [(t, lang) for t in IDS for lang in ("zh", "en")]


def structure(design) -> dict:
    """Everything but the words: what must match between the Chinese and English versions."""
    code = {d.id: d.code for d in design.departments.values()}
    key = {f.id: f.key for f in design.functions.values()}
    return {
        "departments": [
            (d.code, code.get(d.parent), d.kind, d.headcount, d.budget, d.x, d.y, d.color)
            for d in design.departments.values()
        ],
        "functions": [(f.key, f.category, f.required) for f in design.functions.values()],
        "roles": sorted((key[f], code[d], r.value) for f, d, r in design.responsibilities()),
        "links": sorted(
            (code[l.source], code[l.target], l.kind, l.directed) for l in design.links.values()
        ),
        "settings": design.settings,
    }


def test_seven_templates_with_titles_in_both_languages():
    infos = list_templates()
    assert [t.id for t in infos] == IDS
    for info in infos:
        assert info.title_zh and not info.title_zh.isascii()
        assert info.title_en.isascii() and info.description("en") and info.description("zh")
    assert templates.template_info("divisional").title("zh") == "事业部制"


@pytest.mark.parametrize("template_id,language", CASES)
def test_template_loads_and_passes_validation(template_id, language):
    design = load_template(template_id, language)
    design.check_invariants()
    assert design.language == language
    assert design.name == templates.template_info(template_id).title(language)
    findings = validate(design)
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert [f for f in findings if f.severity is Severity.WARNING] == []  # clean by default
    assert findings == []  # not even a hint


@pytest.mark.parametrize("template_id,language", CASES)
def test_every_journey_stage_and_required_function_is_owned_once_per_unit(template_id, language):
    design = load_template(template_id, language)
    ctx = Context(design)
    keys = {f.key for f in design.functions.values()}
    assert set(JOURNEY_STAGES) <= keys and "brand_management" in keys
    for function in design.functions.values():
        if function.required or function.category == "journey":
            owners = design.owners(function.id)
            assert owners and ctx.scoped_owners(function.id) == [], function.name
            units = [ctx.business_unit[o] for o in owners]
            assert len(owners) == 1 or None not in units, function.name  # group owns alone


@pytest.mark.parametrize(
    "template_id,language",
    [(t, lang) for t in ("consulting", "divisional") for lang in ("zh", "en")],
)
def test_business_units_own_their_sales_and_the_group_keeps_brand_strategy_budget(
    template_id, language
):
    """由业务负责人直接带领团队进行客户开发与关系维护; 事业部制下的嵌入式营销团队，让他们更贴近业务前线."""
    design = load_template(template_id, language)
    ctx = Context(design)
    units = [d.id for d in design.departments.values() if d.kind.value == "business_unit"]
    by_key = {f.key: f.id for f in design.functions.values()}
    for key in ("sales", "campaigns", "journey_purchase"):
        covered = sorted(ctx.business_unit[o] for o in design.owners(by_key[key]))
        assert covered == sorted(units), key  # one owner in each unit, none at group level
    for key in ("brand_management", "marketing_strategy", "marketing_budget"):
        (owner,) = design.owners(by_key[key])
        assert ctx.business_unit[owner] is None and owner == ctx.hub, key
    it = by_key["information_technology"]
    (it_owner,) = design.owners(it)
    assert design.find_link(ctx.hub, it_owner, LinkKind.COLLABORATION) is not None


@pytest.mark.parametrize("template_id", IDS)
def test_chinese_and_english_have_the_same_structure(template_id):
    zh, en = load_template(template_id, "zh"), load_template(template_id, "en")
    assert structure(zh) == structure(en)
    zh_names = [d.name for d in zh.departments.values()]
    en_names = [d.name for d in en.departments.values()]
    assert all(not n.isascii() for n in zh_names) and all(n.isascii() for n in en_names)


def test_each_load_is_a_new_design_with_fresh_uuids():
    first, second = load_template("mid_large", "zh"), load_template("mid_large", "zh")
    assert first.id != second.id
    for a, b in (
        (first.departments, second.departments),
        (first.functions, second.functions),
        (first.links, second.links),
    ):
        assert not set(a) & set(b)
        assert all(str(uuid.UUID(i)) == i for i in a)
    assert structure(first) == structure(second)


@pytest.mark.parametrize("template_id", IDS)
def test_layout_is_a_readable_top_down_tree(template_id):
    design = load_template(template_id, "zh")
    ctx = Context(design)
    boxes = sorted((d.y, d.x) for d in design.departments.values())
    for (y1, x1), (y2, x2) in zip(boxes, boxes[1:]):  # same row: never overlapping
        assert y1 != y2 or x2 - x1 >= BOX_W
    for dept in design.departments.values():
        assert dept.y == (ctx.depth[dept.id] - 1) * (BOX_H + V_GAP)
        kids = design.children(dept.id)
        if kids:  # the parent is centred over its children
            assert dept.x == pytest.approx((min(k.x for k in kids) + max(k.x for k in kids)) / 2)


def names(design, ids) -> set[str]:
    return {design.departments[i].name for i in ids}


def test_mid_large_has_the_hub_its_four_groups_and_the_committee():
    design = load_template("mid_large", "zh")
    by_name = {d.name: d for d in design.departments.values()}
    hub = by_name["市场部"]
    assert Context(design).hub == hub.id
    assert names(design, design.child_ids(hub.id)) == {
        "战略与策划组",
        "品牌与公关组",
        "数字营销组",
        "渠道与销售支持组",
    }
    assert {"销售部", "产品研发部", "客服部", "财务部", "信息技术部"} <= set(by_name)
    committee = by_name["市场管理委员会"]
    members = {
        l.target if l.source == committee.id else l.source for l in design.links_of(committee.id)
    }
    assert names(design, members) == {"市场部", "销售部", "产品研发部", "客服部"}
    brand = next(f for f in design.functions.values() if f.key == "brand_management")
    assert names(design, design.owners(brand.id)) == {"品牌与公关组"}


def owner_names(design) -> dict[str, str]:
    return {
        f.key: design.departments[design.owners(f.id)[0]].name
        for f in design.functions.values()
        if design.owners(f.id)
    }


def test_the_other_forms_follow_the_seed():
    startup = load_template("startup", "zh")
    assert owner_names(startup)["brand_management"] == "总经理办公室"
    assert Context(startup).hub == startup.child_ids(None)[0]
    tech = owner_names(load_template("tech_product", "zh"))
    assert {tech["product_launch"], tech["growth"]} <= {"产品营销组", "用户增长组"}
    consulting = load_template("consulting", "zh")
    units = [d for d in consulting.departments.values() if d.kind.value == "business_unit"]
    assert len(units) == 3 and all(consulting.roles_of_department(u.id) for u in units)
    retail = owner_names(load_template("retail_fmcg", "zh"))
    assert (
        retail["category_management"],
        retail["trade_marketing"],
        retail["consumer_insight"],
    ) == ("品类管理组", "贸易营销组", "消费者洞察组")
    growth = owner_names(load_template("growth_team", "zh"))
    assert growth["growth"] == "增长团队"
    divisional = load_template("divisional", "zh")
    for unit in (d for d in divisional.departments.values() if d.kind.value == "business_unit"):
        teams = divisional.children(unit.id)
        assert any("营销" in t.name and divisional.roles_of_department(t.id) for t in teams)


def test_unknown_template_and_broken_file_are_clear_errors(tmp_path, monkeypatch):
    with pytest.raises(UnknownTemplateError, match="no template 'nope'.*startup"):
        load_template("nope")
    with pytest.raises(UnknownTemplateError, match="not 'fr'"):
        load_template("startup", "fr")
    (tmp_path / "startup.zh.json").write_text(
        '{"format": "org-designer", "departments": 3}', encoding="utf-8"
    )
    monkeypatch.setattr(templates, "TEMPLATES_DIR", tmp_path)
    with pytest.raises(FileProblem, match=r"startup\.zh\.json: departments"):
        load_template("startup", "zh")


def test_shipped_templates_match_their_source_rows():
    """resources/templates/*.json are what tools/make_templates.py makes from tools/templates.toml."""
    spec = importlib.util.spec_from_file_location(
        "make_templates", ROOT / "tools" / "make_templates.py"
    )
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    specs = tool.load_specs()
    assert [s["id"] for s in specs] == [t.id for t in templates.list_templates()]
    for source in specs:
        for language in ("zh", "en"):
            made = tool.format_doc(tool.document(tool.build(source, language))) + "\n"
            shipped = ROOT / "resources" / "templates" / f"{source['id']}.{language}.json"
            assert made == shipped.read_text(encoding="utf-8"), (
                f"{shipped.name}: run tools/make_templates.py"
            )
