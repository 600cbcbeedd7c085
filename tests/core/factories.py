"""Small designs for tests, Chinese names included."""

from __future__ import annotations

from orgdesigner.design import Design
from orgdesigner.entities import Department, DeptKind, Function, Link, LinkKind, Role


def sample_design() -> Design:
    """A small design that uses every field, with Chinese and mixed text."""
    d = Design("市场部结构方案 Plan", language="zh")
    d.description = "按照种子文档: 市场部是中枢协调科室"
    d.author = "王丽"
    d.settings.update({"span_of_control_max": 8, "max_layers": 5, "note": "试用"})
    gm = d.add_department(
        Department(
            name="总经理办公室",
            kind=DeptKind.OFFICE,
            leader="张伟",
            headcount=3,
            budget=1_000_000,
            color="#aa3300",
            x=10,
            y=-20,
            notes="含\n换行",
            code="GM",
        )
    )
    mkt = d.add_department(
        Department(
            name="市场部",
            parent=gm.id,
            leader="Li Na",
            headcount=12.5,
            budget=400_000.25,
            x=-200,
            y=150,
            code="mkt",
        )
    )
    d.add_department(
        Department(name="品牌与公关组", kind=DeptKind.TEAM, parent=mkt.id, headcount=4)
    )
    sales = d.add_department(Department(name="销售部 Sales", parent=gm.id, headcount=30))
    cmt = d.add_department(Department(name="市场管理委员会", kind=DeptKind.COMMITTEE))
    d.add_link(Link(source=mkt.id, target=sales.id, label="联合推广 joint campaigns"))
    d.add_link(Link(source=cmt.id, target=mkt.id, kind=LinkKind.COMMITTEE, directed=True))
    brand = d.add_function(
        Function(name="品牌管理", key="brand_management", description="定位, 视觉识别")
    )
    crm = d.add_function(Function(name="CRM系统运营", category="support", required=False))
    d.set_role(brand.id, mkt.id, Role.A)
    d.set_role(brand.id, sales.id, Role.C)
    d.set_role(crm.id, sales.id, Role.R)
    return d
