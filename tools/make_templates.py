"""Write the seven starter templates of the seed to `resources/templates/` (a dev tool).

Run from the repository root: `python tools/make_templates.py`. The JSON files
it writes are the shipped data; the program loads them with `jsonform` and
never imports this script. Each template is described once here with both
languages side by side, so the Chinese and English files cannot drift apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orgdesigner import jsonform  # noqa: E402
from orgdesigner.catalogue import load_catalogue  # noqa: E402
from orgdesigner.design import Design  # noqa: E402
from orgdesigner.entities import Department, DeptKind, Function, Link, LinkKind  # noqa: E402
from orgdesigner.layout import tidy_layout  # noqa: E402

OUT = ROOT / "resources" / "templates"
COLORS = {"department": "#4472c4", "team": "#5b9bd5", "committee": "#ed7d31",
          "business_unit": "#8064a2", "office": "#595959"}
RETAIL_ONLY = ("category_management", "trade_marketing")

# Department rows: code, parent, kind, name zh, name en, leader zh, leader en, headcount, budget.
# Budgets are in 10,000 CNY (万元); 0 means not set.
# Roles: function key -> [(department code, role)], the A first.
# Links: source, target, kind, label zh, label en.

GM = ("gm", None, "office", "总经理办公室", "General Manager's Office", "总经理", "General manager")

TEMPLATES: list[dict] = [
    {
        "id": "startup",
        "title": ("初创公司", "Startup"),
        "description": (
            "没有独立的市场部：营销职能由创始人和总经理办公室兼任，销售、产品、客服、财务以小组形式直接向总经理汇报。",
            "No separate marketing department: the founder and the general manager's office carry the "
            "marketing functions; sales, product, service and finance are small groups reporting to the GM."),
        "omit": RETAIL_ONLY,
        "departments": [
            ("gm", None, "office", "总经理办公室", "General Manager's Office", "创始人兼总经理",
             "Founder and general manager", 3, 200),
            ("sales", "gm", "team", "销售组", "Sales Group", "销售负责人", "Head of sales", 4, 60),
            ("product", "gm", "team", "产品研发组", "Product & R&D Group", "技术合伙人",
             "Technical co-founder", 8, 80),
            ("service", "gm", "team", "运营与客服组", "Operations & Service Group", "运营负责人",
             "Head of operations", 3, 30),
            ("finance", "gm", "team", "财务行政组", "Finance & Admin Group", "财务主管",
             "Finance lead", 2, 10),
        ],
        "roles": {
            "sales": [("sales", "A")],
            "product_development": [("product", "A")],
            "customer_service": [("service", "A")],
            "financial_management": [("finance", "A"), ("gm", "C")],
            "information_technology": [("product", "A")],
            "channel_management": [("gm", "A"), ("sales", "R")],
            "sales_enablement": [("gm", "A"), ("sales", "R")],
            "social_media": [("gm", "A"), ("service", "R")],
            "content_marketing": [("gm", "A"), ("service", "R")],
            "crm_operations": [("gm", "A"), ("service", "R")],
            "product_launch": [("gm", "A"), ("product", "R")],
            "marketing_budget": [("gm", "A"), ("finance", "C")],
            # 明确哪个部门、哪个岗位是主要责任人，需要提供什么样的支持
            "journey_purchase": [("sales", "A"), ("gm", "R")],
            "journey_repurchase": [("service", "A"), ("sales", "R")],
            "journey_referral": [("gm", "A"), ("service", "R")],
        },
        "default_owner": "gm",
        "links": [
            ("sales", "service", "collaboration", "客户反馈", "customer feedback"),
        ],
    },
    {
        "id": "mid_large",
        "title": ("中大型企业（市场部中枢）", "Mid-size or large company (marketing hub)"),
        "description": (
            "市场部作为中枢协调科室，下设战略与策划组、品牌与公关组、数字营销组、渠道与销售支持组；"
            "市场管理委员会把市场、销售、产品研发和客服的负责人连在一起，市场部与财务部、信息技术部直接协作。",
            "The marketing department is the coordinating hub with four groups (strategy & planning, "
            "brand & PR, digital marketing, channel & sales support); a marketing management committee "
            "joins the heads of marketing, sales, product R&D and customer service, and marketing works "
            "directly with finance and IT."),
        "omit": RETAIL_ONLY,
        "departments": [
            GM + (4, 0),
            ("mkt", "gm", "department", "市场部", "Marketing Department", "市场总监",
             "Marketing director", 3, 500),
            ("mkt_strategy", "mkt", "team", "战略与策划组", "Strategy & Planning Group", "组长",
             "Group lead", 5, 120),
            ("mkt_brand", "mkt", "team", "品牌与公关组", "Brand & PR Group", "组长", "Group lead",
             5, 150),
            ("mkt_digital", "mkt", "team", "数字营销组", "Digital Marketing Group", "组长",
             "Group lead", 8, 150),
            ("mkt_channel", "mkt", "team", "渠道与销售支持组", "Channel & Sales Support Group",
             "组长", "Group lead", 6, 80),
            # The committee sits between the hub and the partners it joins.
            ("committee", "gm", "committee", "市场管理委员会", "Marketing Management Committee",
             "总经理（主任）", "General manager (chair)", 0, 0),
            ("sales", "gm", "department", "销售部", "Sales Department", "销售总监", "Sales director",
             30, 0),
            ("rnd", "gm", "department", "产品研发部", "Product R&D Department", "研发总监",
             "R&D director", 40, 0),
            ("cs", "gm", "department", "客服部", "Customer Service Department", "客服经理",
             "Customer service manager", 15, 0),
            ("finance", "gm", "department", "财务部", "Finance Department", "财务总监",
             "Finance director", 6, 0),
            ("it", "gm", "department", "信息技术部", "IT Department", "信息技术经理", "IT manager",
             8, 0),
        ],
        "roles": {
            "marketing_strategy": [("mkt_strategy", "A"), ("mkt", "C"), ("committee", "C")],
            "market_research": [("mkt_strategy", "A"), ("sales", "C"), ("cs", "C")],
            "competitive_intelligence": [("mkt_strategy", "A"), ("sales", "C"), ("rnd", "C")],
            "campaigns": [("mkt_strategy", "A"), ("mkt_digital", "R")],
            "consumer_insight": [("mkt_strategy", "A"), ("cs", "C")],
            "product_launch": [("mkt_strategy", "A"), ("rnd", "R"), ("sales", "C")],
            "brand_management": [("mkt_brand", "A")],
            "pr_media": [("mkt_brand", "A")],
            "seo": [("mkt_digital", "A")],
            "social_media": [("mkt_digital", "A")],
            "content_marketing": [("mkt_digital", "A"), ("mkt_brand", "C")],
            "marketing_analytics": [("mkt_digital", "A")],
            "martech_stack": [("mkt_digital", "A"), ("it", "R")],
            "growth": [("mkt_digital", "A")],
            "crm_operations": [("mkt_digital", "A"), ("it", "R"), ("sales", "I"), ("cs", "I")],
            "channel_management": [("mkt_channel", "A"), ("sales", "C")],
            "sales_enablement": [("mkt_channel", "A"), ("sales", "C")],
            "marketing_budget": [("mkt", "A"), ("finance", "C")],
            "marketing_training": [("mkt", "A")],
            "sales": [("sales", "A"), ("committee", "C")],
            "product_development": [("rnd", "A"), ("mkt_strategy", "C"), ("committee", "C")],
            "customer_service": [("cs", "A"), ("committee", "C")],
            "financial_management": [("finance", "A")],
            "information_technology": [("it", "A")],
            "journey_awareness": [("mkt_brand", "A")],
            "journey_consideration": [("mkt_digital", "A")],
            "journey_purchase": [("sales", "A"), ("mkt_channel", "R")],
            "journey_repurchase": [("cs", "A"), ("mkt_digital", "R")],
            "journey_referral": [("cs", "A"), ("mkt_brand", "R")],
        },
        # 委员会定期召开会议，共同审议营销计划、同步产品开发进展、分析销售数据与客户反馈.
        "committees": {
            "committee": ("总经理", "General manager", "每月一次", "Monthly",
                          "职责：共同审议营销计划；同步产品开发进展；分析销售数据与客户反馈。",
                          "Mandate: review the marketing plan together; keep product development "
                          "in step; analyse sales data and customer feedback."),
        },
        "budget_split": (300, 200),
        "links": [
            ("committee", "mkt", "committee", "委员", "member"),
            ("committee", "sales", "committee", "委员", "member"),
            ("committee", "rnd", "committee", "委员", "member"),
            ("committee", "cs", "committee", "委员", "member"),
            ("mkt", "finance", "collaboration", "营销预算规划", "marketing budget planning"),
            ("mkt", "it", "collaboration", "营销技术栈", "martech stack"),
        ],
    },
    {
        "id": "tech_product",
        "title": ("科技产品公司（产品市场部）", "Technology product company (product marketing)"),
        "description": (
            "营销与产品管理深度结合，形成产品市场部，专注于产品上市、用户增长和生态建设。",
            "Marketing joined with product management in a product marketing department focused on "
            "launches, growth and the ecosystem."),
        "omit": RETAIL_ONLY,
        "departments": [
            GM + (3, 0),
            ("pmm", "gm", "department", "产品市场部", "Product Marketing Department",
             "产品市场总监", "Head of product marketing", 3, 400),
            ("pmm_launch", "pmm", "team", "产品营销组", "Product Marketing Group", "组长",
             "Group lead", 5, 120),
            ("pmm_growth", "pmm", "team", "用户增长组", "Growth Group", "组长", "Group lead", 6, 180),
            ("pmm_brand", "pmm", "team", "品牌与内容组", "Brand & Content Group", "组长",
             "Group lead", 4, 100),
            ("rnd", "gm", "department", "研发部", "R&D Department", "技术总监", "CTO", 60, 0),
            ("sales", "gm", "department", "销售部", "Sales Department", "销售总监", "Sales director",
             20, 0),
            ("cs", "gm", "department", "客户成功部", "Customer Success Department",
             "客户成功经理", "Customer success manager", 10, 0),
            ("finance", "gm", "department", "财务部", "Finance Department", "财务总监",
             "Finance director", 4, 0),
        ],
        "roles": {
            "marketing_strategy": [("pmm", "A")],
            "marketing_budget": [("pmm", "A"), ("finance", "C")],
            "marketing_training": [("pmm", "A")],
            "product_launch": [("pmm_launch", "A"), ("rnd", "R"), ("sales", "C")],
            "market_research": [("pmm_launch", "A")],
            "competitive_intelligence": [("pmm_launch", "A"), ("sales", "C")],
            "consumer_insight": [("pmm_launch", "A"), ("cs", "C")],
            "sales_enablement": [("pmm_launch", "A"), ("sales", "C")],
            "growth": [("pmm_growth", "A"), ("rnd", "R")],
            "seo": [("pmm_growth", "A")],
            "social_media": [("pmm_growth", "A")],
            "marketing_analytics": [("pmm_growth", "A")],
            "crm_operations": [("pmm_growth", "A"), ("cs", "R")],
            "martech_stack": [("pmm_growth", "A"), ("rnd", "R")],
            "brand_management": [("pmm_brand", "A")],
            "pr_media": [("pmm_brand", "A")],
            "content_marketing": [("pmm_brand", "A")],
            "campaigns": [("pmm_brand", "A")],
            "channel_management": [("sales", "A"), ("pmm_launch", "C")],
            "sales": [("sales", "A")],
            "product_development": [("rnd", "A"), ("pmm_launch", "C")],
            "information_technology": [("rnd", "A")],
            "customer_service": [("cs", "A")],
            "financial_management": [("finance", "A")],
            "journey_awareness": [("pmm_brand", "A")],
            "journey_consideration": [("pmm_launch", "A")],
            "journey_purchase": [("sales", "A"), ("pmm_launch", "R")],
            "journey_repurchase": [("cs", "A"), ("pmm_growth", "R")],
            "journey_referral": [("pmm_growth", "A"), ("cs", "R")],
        },
        "links": [
            ("pmm", "rnd", "collaboration", "产品路线图与上市", "roadmap and launches"),
            ("pmm", "sales", "collaboration", "销售支持", "sales enablement"),
            ("pmm", "cs", "collaboration", "用户反馈", "user feedback"),
            ("pmm", "finance", "collaboration", "营销预算", "marketing budget"),
        ],
    },
    {
        "id": "consulting",
        "title": ("项目型咨询/服务公司", "Project-based consulting or services firm"),
        "description": (
            "营销分散在各个业务单元中，由业务负责人直接带领团队进行客户开发与关系维护，各事业部负责自己的销售与推广；"
            "品牌与市场部只集中负责品牌、战略、预算和营销基础能力。",
            "Marketing is spread across the business units, whose heads lead client development and "
            "relationships and own their unit's sales and campaigns; a small brand & marketing "
            "department keeps the brand, strategy, budget and shared marketing capabilities central."),
        "omit": RETAIL_ONLY,
        "departments": [
            GM + (4, 0),
            ("mkt", "gm", "department", "品牌与市场部", "Brand & Marketing Department", "市场总监",
             "Marketing director", 6, 0),
            ("bu_mgmt", "gm", "business_unit", "管理咨询事业部", "Management Consulting Unit",
             "事业部总经理", "Unit head", 40, 0),
            ("bu_digital", "gm", "business_unit", "数字化咨询事业部", "Digital Consulting Unit",
             "事业部总经理", "Unit head", 35, 0),
            ("bu_delivery", "gm", "business_unit", "实施与运维事业部",
             "Implementation & Support Unit", "事业部总经理", "Unit head", 50, 0),
            ("finance", "gm", "department", "财务部", "Finance Department", "财务总监",
             "Finance director", 5, 0),
            ("it", "gm", "department", "信息技术部", "IT Department", "信息技术经理", "IT manager",
             4, 0),
        ],
        "roles": {
            # 由业务负责人直接带领团队进行客户开发与关系维护: each unit owns its own sales.
            "sales": [("bu_mgmt", "A"), ("bu_digital", "A"), ("bu_delivery", "A")],
            "channel_management": [("bu_mgmt", "A"), ("bu_digital", "A"), ("bu_delivery", "A")],
            "sales_enablement": [("mkt", "A"), ("bu_mgmt", "C"), ("bu_digital", "C"),
                                 ("bu_delivery", "C")],
            "brand_management": [("mkt", "A")],
            "pr_media": [("mkt", "A")],
            "marketing_strategy": [("mkt", "A"), ("bu_mgmt", "C"), ("bu_digital", "C"),
                                   ("bu_delivery", "C")],
            "marketing_budget": [("mkt", "A"), ("finance", "C")],
            "marketing_training": [("mkt", "A")],
            "content_marketing": [("mkt", "A"), ("bu_mgmt", "R")],
            "seo": [("mkt", "A")],
            "social_media": [("mkt", "A")],
            "marketing_analytics": [("mkt", "A")],
            "martech_stack": [("mkt", "A"), ("it", "R")],
            "campaigns": [("bu_mgmt", "A"), ("bu_digital", "A"), ("bu_delivery", "A"),
                          ("mkt", "C")],
            "competitive_intelligence": [("mkt", "A"), ("bu_mgmt", "C")],
            "market_research": [("bu_mgmt", "A"), ("mkt", "C")],
            "consumer_insight": [("bu_mgmt", "A")],
            "product_development": [("bu_digital", "A")],
            "product_launch": [("bu_digital", "A"), ("mkt", "R")],
            "growth": [("bu_digital", "A")],
            "customer_service": [("bu_delivery", "A")],
            "crm_operations": [("bu_delivery", "A"), ("bu_mgmt", "R"), ("bu_digital", "R")],
            "financial_management": [("finance", "A")],
            "information_technology": [("it", "A")],
            "journey_awareness": [("mkt", "A")],
            "journey_consideration": [("bu_mgmt", "A")],
            "journey_purchase": [("bu_mgmt", "A"), ("bu_digital", "A"), ("bu_delivery", "A"),
                                 ("mkt", "R")],
            "journey_repurchase": [("bu_delivery", "A"), ("mkt", "C")],
            "journey_referral": [("bu_delivery", "A"), ("mkt", "R")],
        },
        "links": [
            ("mkt", "bu_mgmt", "collaboration", "行业洞察与思想领导力", "insight and thought leadership"),
            ("mkt", "bu_digital", "collaboration", "解决方案上市", "solution launches"),
            ("mkt", "bu_delivery", "collaboration", "客户案例与口碑", "case studies and referrals"),
            ("mkt", "finance", "collaboration", "营销预算", "marketing budget"),
            ("mkt", "it", "collaboration", "营销技术栈", "martech stack"),
        ],
    },
    {
        "id": "retail_fmcg",
        "title": ("零售/快消企业", "Retail or FMCG company"),
        "description": (
            "营销部门权力较大，下设品类管理、贸易营销、消费者洞察等高度专业化的分支，以及品牌传播与数字营销。",
            "A powerful marketing department with specialised branches for category management, "
            "trade marketing and consumer insight, plus brand communications and digital marketing."),
        "omit": (),
        "departments": [
            GM + (4, 0),
            ("mkt", "gm", "department", "市场部", "Marketing Department", "首席营销官",
             "Chief marketing officer", 4, 1000),
            ("mkt_category", "mkt", "team", "品类管理组", "Category Management Group", "组长",
             "Group lead", 8, 150),
            ("mkt_trade", "mkt", "team", "贸易营销组", "Trade Marketing Group", "组长", "Group lead",
             10, 300),
            ("mkt_insight", "mkt", "team", "消费者洞察组", "Consumer Insight Group", "组长",
             "Group lead", 5, 100),
            ("mkt_brand", "mkt", "team", "品牌传播组", "Brand Communications Group", "组长",
             "Group lead", 6, 250),
            ("mkt_digital", "mkt", "team", "数字营销组", "Digital Marketing Group", "组长",
             "Group lead", 8, 150),
            ("sales", "gm", "department", "销售部", "Sales Department", "销售总监", "Sales director",
             80, 0),
            ("rnd", "gm", "department", "产品研发部", "Product R&D Department", "研发总监",
             "R&D director", 25, 0),
            ("cs", "gm", "department", "客服中心", "Customer Service Centre", "客服经理",
             "Customer service manager", 30, 0),
            ("finance", "gm", "department", "财务部", "Finance Department", "财务总监",
             "Finance director", 8, 0),
            ("it", "gm", "department", "信息技术部", "IT Department", "信息技术经理", "IT manager",
             10, 0),
        ],
        "roles": {
            "marketing_strategy": [("mkt", "A")],
            "marketing_budget": [("mkt", "A"), ("finance", "C")],
            "marketing_training": [("mkt", "A")],
            "category_management": [("mkt_category", "A"), ("sales", "C")],
            "product_launch": [("mkt_category", "A"), ("rnd", "R")],
            "competitive_intelligence": [("mkt_category", "A")],
            "trade_marketing": [("mkt_trade", "A"), ("sales", "R")],
            "channel_management": [("mkt_trade", "A"), ("sales", "R")],
            "sales_enablement": [("mkt_trade", "A"), ("sales", "C")],
            "campaigns": [("mkt_trade", "A"), ("mkt_brand", "C")],
            "consumer_insight": [("mkt_insight", "A"), ("cs", "C")],
            "market_research": [("mkt_insight", "A")],
            "marketing_analytics": [("mkt_insight", "A")],
            "brand_management": [("mkt_brand", "A")],
            "pr_media": [("mkt_brand", "A")],
            "content_marketing": [("mkt_brand", "A")],
            "seo": [("mkt_digital", "A")],
            "social_media": [("mkt_digital", "A")],
            "crm_operations": [("mkt_digital", "A"), ("cs", "R")],
            "growth": [("mkt_digital", "A")],
            "martech_stack": [("mkt_digital", "A"), ("it", "R")],
            "sales": [("sales", "A")],
            "product_development": [("rnd", "A"), ("mkt_insight", "C")],
            "customer_service": [("cs", "A")],
            "financial_management": [("finance", "A")],
            "information_technology": [("it", "A")],
            "journey_awareness": [("mkt_brand", "A")],
            "journey_consideration": [("mkt_insight", "A")],
            "journey_purchase": [("mkt_trade", "A"), ("sales", "R")],
            "journey_repurchase": [("mkt_digital", "A"), ("cs", "R")],
            "journey_referral": [("mkt_digital", "A"), ("cs", "R")],
        },
        "links": [
            ("mkt", "sales", "collaboration", "渠道与促销协同", "channels and promotions"),
            ("mkt", "rnd", "collaboration", "新品开发", "new products"),
            ("mkt", "cs", "collaboration", "消费者反馈", "consumer feedback"),
            ("mkt", "finance", "collaboration", "营销预算", "marketing budget"),
            ("mkt", "it", "collaboration", "营销技术栈", "martech stack"),
        ],
    },
    {
        "id": "growth_team",
        "title": ("增长团队", "Growth team"),
        "description": (
            "融合产品、技术、市场和数据的增长团队（数字营销中心），打破部门墙，专注于用户获取、激活、留存和变现；"
            "市场部保留品牌、战略与预算。",
            "A growth team (digital marketing centre) joining product, technology, marketing and data "
            "across department walls, focused on acquisition, activation, retention and monetisation; "
            "the marketing department keeps brand, strategy and budget."),
        "omit": RETAIL_ONLY,
        "departments": [
            GM + (3, 0),
            ("mkt", "gm", "department", "市场部", "Marketing Department", "市场总监",
             "Marketing director", 10, 300),
            ("growth", "gm", "department", "增长团队", "Growth Team", "增长负责人", "Head of growth",
             12, 250),
            ("product", "gm", "department", "产品部", "Product Department", "产品总监",
             "Product director", 15, 0),
            ("tech", "gm", "department", "技术与数据部", "Technology & Data Department",
             "技术总监", "CTO", 40, 0),
            ("sales", "gm", "department", "销售部", "Sales Department", "销售总监", "Sales director",
             20, 0),
            ("cs", "gm", "department", "客服部", "Customer Service Department", "客服经理",
             "Customer service manager", 12, 0),
            ("finance", "gm", "department", "财务部", "Finance Department", "财务总监",
             "Finance director", 5, 0),
        ],
        "roles": {
            "brand_management": [("mkt", "A")],
            "pr_media": [("mkt", "A")],
            "marketing_strategy": [("mkt", "A"), ("growth", "C")],
            "marketing_budget": [("mkt", "A"), ("finance", "C"), ("growth", "C")],
            "marketing_training": [("mkt", "A")],
            "market_research": [("mkt", "A")],
            "competitive_intelligence": [("mkt", "A")],
            "campaigns": [("mkt", "A"), ("growth", "R")],
            "consumer_insight": [("mkt", "A"), ("growth", "C")],
            "product_launch": [("mkt", "A"), ("product", "R")],
            "growth": [("growth", "A"), ("product", "R"), ("tech", "R")],
            "seo": [("growth", "A")],
            "social_media": [("growth", "A")],
            "content_marketing": [("growth", "A"), ("mkt", "C")],
            "marketing_analytics": [("growth", "A"), ("tech", "R")],
            "crm_operations": [("growth", "A"), ("cs", "R")],
            "martech_stack": [("growth", "A"), ("tech", "R")],
            "channel_management": [("sales", "A"), ("mkt", "C")],
            "sales_enablement": [("sales", "A"), ("mkt", "R")],
            "sales": [("sales", "A")],
            "product_development": [("product", "A"), ("tech", "R")],
            "information_technology": [("tech", "A")],
            "customer_service": [("cs", "A")],
            "financial_management": [("finance", "A")],
            "journey_awareness": [("mkt", "A")],
            "journey_consideration": [("growth", "A")],
            "journey_purchase": [("sales", "A"), ("growth", "R")],
            "journey_repurchase": [("growth", "A"), ("cs", "R")],
            "journey_referral": [("growth", "A"), ("cs", "R")],
        },
        "links": [
            ("growth", "product", "collaboration", "增长实验", "growth experiments"),
            ("growth", "tech", "collaboration", "数据与自动化", "data and automation"),
            ("growth", "mkt", "collaboration", "品牌与增长协同", "brand and growth"),
            ("mkt", "product", "collaboration", "产品上市", "product launches"),
            ("mkt", "sales", "collaboration", "销售支持", "sales enablement"),
            ("mkt", "cs", "collaboration", "客户反馈", "customer feedback"),
            ("mkt", "finance", "collaboration", "营销预算", "marketing budget"),
            ("mkt", "tech", "collaboration", "营销技术栈与数据", "martech stack and data"),
        ],
    },
    {
        "id": "divisional",
        "title": ("事业部制", "Divisional organisation"),
        "description": (
            "事业部制下，各事业部设嵌入式营销团队，贴近业务前线；集团品牌与市场部集中管理品牌、战略与预算。",
            "Business units with embedded marketing teams close to the front line; a group brand & "
            "marketing department keeps brand, strategy and budget central."),
        "omit": RETAIL_ONLY,
        "departments": [
            ("gm", None, "office", "集团总部", "Group Headquarters", "集团总裁", "Group president",
             5, 0),
            ("mkt", "gm", "department", "集团品牌与市场部", "Group Brand & Marketing",
             "集团市场总监", "Group marketing director", 10, 0),
            ("rnd", "gm", "department", "集团研发中心", "Group R&D Centre", "研发总监",
             "R&D director", 50, 0),
            ("cs", "gm", "department", "客户服务中心", "Customer Service Centre", "客服经理",
             "Customer service manager", 25, 0),
            ("finance", "gm", "department", "财务部", "Finance Department", "财务总监",
             "Finance director", 8, 0),
            ("it", "gm", "department", "信息技术部", "IT Department", "信息技术经理", "IT manager",
             12, 0),
            ("bu_consumer", "gm", "business_unit", "消费品事业部", "Consumer Products Division",
             "事业部总经理", "Division head", 2, 0),
            ("bu_consumer_mkt", "bu_consumer", "team", "消费品营销团队",
             "Consumer Marketing Team", "营销经理", "Marketing manager", 8, 0),
            ("bu_consumer_sales", "bu_consumer", "team", "消费品销售团队", "Consumer Sales Team",
             "销售经理", "Sales manager", 30, 0),
            ("bu_business", "gm", "business_unit", "企业解决方案事业部",
             "Business Solutions Division", "事业部总经理", "Division head", 2, 0),
            ("bu_business_mkt", "bu_business", "team", "解决方案营销团队",
             "Solutions Marketing Team", "营销经理", "Marketing manager", 6, 0),
            ("bu_business_sales", "bu_business", "team", "解决方案销售团队",
             "Solutions Sales Team", "销售经理", "Sales manager", 20, 0),
        ],
        "roles": {
            "brand_management": [("mkt", "A"), ("bu_consumer_mkt", "I"), ("bu_business_mkt", "I")],
            "pr_media": [("mkt", "A")],
            "marketing_strategy": [("mkt", "A"), ("bu_consumer", "C"), ("bu_business", "C")],
            "marketing_budget": [("mkt", "A"), ("finance", "C")],
            "marketing_training": [("mkt", "A")],
            "market_research": [("mkt", "A")],
            "competitive_intelligence": [("mkt", "A")],
            "consumer_insight": [("mkt", "A"), ("bu_consumer_mkt", "C")],
            "seo": [("mkt", "A")],
            "marketing_analytics": [("mkt", "A")],
            "martech_stack": [("mkt", "A"), ("it", "R")],
            "social_media": [("bu_consumer_mkt", "A")],
            "content_marketing": [("bu_consumer_mkt", "A"), ("bu_business_mkt", "R")],
            "growth": [("bu_consumer_mkt", "A")],
            # 事业部制下的嵌入式营销团队: each unit runs its own front-line marketing and sales.
            "campaigns": [("bu_consumer_mkt", "A"), ("bu_business_mkt", "A")],
            "channel_management": [("bu_consumer_mkt", "A"), ("bu_business_mkt", "A"),
                                   ("bu_consumer_sales", "R"), ("bu_business_sales", "R")],
            "sales_enablement": [("bu_business_mkt", "A"), ("bu_consumer_mkt", "R")],
            "crm_operations": [("bu_business_mkt", "A"), ("cs", "R")],
            "product_launch": [("bu_business_mkt", "A"), ("rnd", "R"), ("bu_consumer_mkt", "R")],
            "sales": [("bu_consumer_sales", "A"), ("bu_business_sales", "A")],
            "product_development": [("rnd", "A")],
            "customer_service": [("cs", "A")],
            "financial_management": [("finance", "A")],
            "information_technology": [("it", "A")],
            "journey_awareness": [("mkt", "A")],
            "journey_consideration": [("bu_business_mkt", "A"), ("bu_consumer_mkt", "R")],
            "journey_purchase": [("bu_consumer_sales", "A"), ("bu_business_sales", "A"),
                                 ("bu_consumer_mkt", "R"), ("bu_business_mkt", "R")],
            "journey_repurchase": [("cs", "A"), ("mkt", "C")],
            "journey_referral": [("bu_consumer_mkt", "A"), ("cs", "R")],
        },
        "links": [
            ("mkt", "bu_consumer_mkt", "collaboration", "品牌规范", "brand standards"),
            ("mkt", "bu_business_mkt", "collaboration", "品牌规范", "brand standards"),
            ("mkt", "rnd", "collaboration", "产品上市", "product launches"),
            ("mkt", "cs", "collaboration", "客户反馈", "customer feedback"),
            ("mkt", "finance", "collaboration", "营销预算", "marketing budget"),
            ("mkt", "it", "collaboration", "营销技术栈", "martech stack"),
        ],
    },
]


def build(spec: dict, language: str) -> Design:
    """The template as a design in `language`; department ids are the codes above."""
    zh = language == "zh"
    design = Design(spec["title"][0 if zh else 1], language=language)
    design.description = spec["description"][0 if zh else 1]
    design.settings = {"span_of_control_max": 8, "max_layers": 6}
    for code, parent, kind, name_zh, name_en, lead_zh, lead_en, head, budget in spec["departments"]:
        design.add_department(Department(
            id=code, code=code, parent=parent, kind=DeptKind(kind), name=name_zh if zh else name_en,
            leader=lead_zh if zh else lead_en, headcount=head, budget=budget, color=COLORS[kind]))
    catalogue = load_catalogue()
    for entry in catalogue.entries:
        if entry.key not in spec["omit"]:
            function = entry.to_function(language)
            design.add_function(Function(id=entry.key, key=entry.key, name=function.name,
                                         category=function.category, required=function.required,
                                         description=function.description))
    roles = dict(spec["roles"])
    default = spec.get("default_owner")
    for function_id in design.functions:
        if function_id not in roles:
            if default is None:
                raise SystemExit(f"{spec['id']}: nobody owns {function_id}")
            roles[function_id] = [(default, "A")]
    for key, holders in roles.items():
        for dept, role in holders:
            design.set_role(key, dept, role)
    for source, target, kind, label_zh, label_en in spec["links"]:
        design.add_link(Link(source=source, target=target, kind=LinkKind(kind),
                             label=label_zh if zh else label_en))
    for code, (chair_zh, chair_en, cadence_zh, cadence_en, notes_zh, notes_en) in spec.get(
            "committees", {}).items():
        design.update_department(code, chair=chair_zh if zh else chair_en,
                                 cadence=cadence_zh if zh else cadence_en,
                                 notes=notes_zh if zh else notes_en)
    if "budget_split" in spec:
        brand, performance = spec["budget_split"]
        design.settings.update({"brand_budget": brand, "performance_budget": performance})
    _add_posts(design)
    _add_kpis(design, language)
    design.move_departments(tidy_layout(design))
    return design


def _add_posts(design: Design) -> None:
    """Each journey stage names its responsible post: the leader of the owning unit."""
    for function_id, function in design.functions.items():
        owners = design.owners(function_id)
        if function.category == "journey" and owners:
            design.update_function(function_id, post=design.departments[owners[0]].leader)


def _add_kpis(design: Design, language: str) -> None:
    """The catalogue's KPIs, owned by the owner of the first function each measures and
    shared with the owners of the others (考核指标…跨部门)."""
    ids = {f.key: f_id for f_id, f in design.functions.items()}
    for entry in load_catalogue().kpis:
        kpi = entry.to_kpi(language, ids)
        owners = list(dict.fromkeys(o for f in kpi.functions for o in design.owners(f)))
        if not owners:
            continue
        kpi.id, kpi.owner, kpi.shared = entry.key, owners[0], tuple(owners[1:])
        design.add_kpi(kpi)


def document(design: Design) -> dict:
    """The JSON text form without per-copy identity (design id, dates, link ids)."""
    doc = json.loads(jsonform.dumps(design))
    for key in ("id", "created"):
        doc.pop(key, None)
    for link in doc["links"]:
        link.pop("id", None)
    for items, defaults in (("departments", {"chair": "", "cadence": "", "vacant": False}),
                            ("functions", {"post": ""})):
        for item in doc[items]:  # left out when empty: the templates read like tables
            for name, default in defaults.items():
                if item.get(name) == default:
                    del item[name]
    return doc


def format_doc(doc: dict) -> str:
    """JSON with one object per line in each list, so a template reads (and diffs) like a table."""
    lines = ["{"]
    items = list(doc.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(value, list) and value:
            lines.append(f" {json.dumps(key)}: [")
            for j, item in enumerate(value):
                tail = "," if j < len(value) - 1 else ""
                lines.append(f"  {json.dumps(item, ensure_ascii=False)}{tail}")
            lines.append(f" ]{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    index = []
    for spec in TEMPLATES:
        for language in ("zh", "en"):
            path = OUT / f"{spec['id']}.{language}.json"
            text = format_doc(document(build(spec, language)))
            path.write_text(text + "\n", encoding="utf-8")
        index.append({"id": spec["id"], "title_zh": spec["title"][0], "title_en": spec["title"][1],
                      "description_zh": spec["description"][0],
                      "description_en": spec["description"][1]})
    (OUT / "index.json").write_text(
        json.dumps({"format": "org-designer-templates", "version": 1, "templates": index},
                   ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(TEMPLATES)} templates to {OUT}")


if __name__ == "__main__":
    main()
