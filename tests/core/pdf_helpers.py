"""Designs and PDF inspection helpers for the PDF/SVG/PNG tests."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

from orgdesigner.design import Design
from orgdesigner.entities import Department, DeptKind, Function, Link, LinkKind, Role
from orgdesigner.layout import tidy_layout

HAVE_PDFTOTEXT = shutil.which("pdftotext") is not None
HAVE_QPDF = shutil.which("qpdf") is not None
HAVE_PDFTOPPM = shutil.which("pdftoppm") is not None
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def company_design() -> Design:
    """The seed's mid-size company: a 市场部 hub with four groups, a committee, links, functions."""
    d = Design("中型企业市场体系 Mid-size company", language="zh")
    d.author = "王丽"
    d.description = "市场部是中枢协调科室；每项职能都要有明确的负责部门。"

    def add(
        name: str,
        parent=None,
        kind=DeptKind.DEPARTMENT,
        leader="",
        headcount=0.0,
        budget=0.0,
        color="#4472c4",
    ) -> str:
        return d.add_department(
            Department(
                name=name,
                parent=parent,
                kind=kind,
                leader=leader,
                headcount=headcount,
                budget=budget,
                color=color,
            )
        ).id

    gm = add(
        "总经理办公室",
        kind=DeptKind.OFFICE,
        leader="张伟",
        headcount=4,
        budget=500_000,
        color="#aa3300",
    )
    mkt = add("市场部", gm, leader="王丽", headcount=3, budget=800_000)
    groups = [
        add(n, mkt, DeptKind.TEAM, leader=l, headcount=h, budget=b, color="#70ad47")
        for n, l, h, b in [
            ("战略与策划组", "陈静", 4, 100_000),
            ("品牌与公关组", "Li Na", 5, 300_000),
            ("数字营销组", "赵磊", 6, 250_000),
            ("渠道与销售支持组 Channel & Sales Enablement", "Alexander Montgomery", 7, 150_000),
        ]
    ]
    sales = add("销售部 Sales", gm, leader="刘洋", headcount=30, budget=1_200_000)
    rnd = add(
        "产品研发部",
        gm,
        kind=DeptKind.BUSINESS_UNIT,
        leader="周杰",
        headcount=40,
        budget=2_000_000,
        color="#7030a0",
    )
    service = add("客服部", gm, leader="吴敏", headcount=12)
    add("财务部", gm, leader="郑华", headcount=6)
    add("信息技术部", gm, leader="孙强", headcount=9)
    committee = add("市场管理委员会", kind=DeptKind.COMMITTEE, leader="张伟", color="#ed7d31")
    for member in (mkt, sales, rnd, service):
        d.add_link(Link(source=committee, target=member, kind=LinkKind.COMMITTEE, directed=True))
    d.add_link(Link(source=mkt, target=sales, label="联合推广 joint campaigns"))
    d.add_link(Link(source=groups[2], target=service, kind=LinkKind.DOTTED, label="客户反馈"))
    functions = {}
    for name in ("市场调研", "品牌管理", "渠道管理", "CRM系统运营", "客户服务", "营销预算"):
        functions[name] = d.add_function(Function(name=name)).id
    d.set_role(functions["市场调研"], groups[0], Role.A)
    d.set_role(functions["品牌管理"], groups[1], Role.A)
    d.set_role(functions["品牌管理"], sales, Role.C)
    d.set_role(functions["渠道管理"], groups[3], Role.A)
    d.set_role(functions["渠道管理"], sales, Role.R)
    d.set_role(functions["CRM系统运营"], sales, Role.R)  # no A: ownerless
    d.set_role(functions["客户服务"], service, Role.A)
    d.set_role(functions["客户服务"], sales, Role.A)  # two A: several owners
    # 营销预算: no role at all: ownerless
    d.move_departments(tidy_layout(d))
    return d


def wide_design(n: int = 60, depth: int = 3) -> Design:
    """A regular tree too big for one readable page: n leaves under a few levels."""
    d = Design("Wide 宽组织", language="en")
    root = d.add_department(Department(name="集团 Group")).id
    parents = [root]
    for level in range(1, depth):
        parents = [
            d.add_department(Department(name=f"分部 {level}-{i}", parent=p)).id
            for i, p in enumerate(parents * 3)
        ]
    for i in range(n):
        d.add_department(
            Department(name=f"小组 {i}", parent=parents[i % len(parents)], headcount=i % 7 + 1)
        )
    d.move_departments(tidy_layout(d))
    return d


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """All text of the PDF (or of pages first..last), via pdftotext when installed, else pypdf."""
    if HAVE_PDFTOTEXT:
        args = ["pdftotext", "-enc", "UTF-8"]
        if first:
            args += ["-f", str(first)]
        if last:
            args += ["-l", str(last)]
        return subprocess.run(
            args + [str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    reader = PdfReader(path)
    pages = reader.pages[(first or 1) - 1 : last]
    return "\n".join(p.extract_text() for p in pages)


def squash(text: str) -> str:
    """Text without whitespace: wrapped names are compared as one string."""
    return re.sub(r"\s+", "", text)


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def _mul(a, b):
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def drawn_points_outside(path: Path, tolerance: float = 0.5) -> list[tuple[int, str, float, float]]:
    """Path and text-origin points that land outside the page box (CTM and text matrix tracked)."""
    bad = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        box = page.mediabox
        x0, y0, x1, y1 = float(box.left), float(box.bottom), float(box.right), float(box.top)
        ctm = [1, 0, 0, 1, 0, 0]
        stack = []
        tm = [1, 0, 0, 1, 0, 0]
        tlm = [1, 0, 0, 1, 0, 0]
        leading = 0.0

        def check(x: float, y: float, op: str) -> None:
            px = x * ctm[0] + y * ctm[2] + ctm[4]
            py = x * ctm[1] + y * ctm[3] + ctm[5]
            if not (
                x0 - tolerance <= px <= x1 + tolerance and y0 - tolerance <= py <= y1 + tolerance
            ):
                bad.append((number, op, px, py))

        contents = page.get_contents()
        if contents is None:
            continue
        for operands, op in contents.operations:
            op = op.decode() if isinstance(op, bytes) else op
            vals = [
                float(v)
                for v in operands
                if isinstance(v, (int, float)) or hasattr(v, "as_numeric")
            ]
            if op == "q":
                stack.append(list(ctm))
            elif op == "Q":
                ctm = stack.pop()
            elif op == "cm":
                ctm = _mul(vals, ctm)
            elif op in ("m", "l"):
                check(vals[0], vals[1], op)
            elif op == "c":
                for i in range(0, 6, 2):
                    check(vals[i], vals[i + 1], op)
            elif op == "re":
                x, y, w, h = vals
                check(x, y, op)
                check(x + w, y + h, op)
            elif op == "BT":
                tm = [1, 0, 0, 1, 0, 0]
                tlm = list(tm)
            elif op == "Tm":
                tm = list(vals)
                tlm = list(vals)
            elif op in ("Td", "TD"):
                tlm = _mul([1, 0, 0, 1, vals[0], vals[1]], tlm)
                tm = list(tlm)
                if op == "TD":
                    leading = -vals[1]
            elif op == "TL":
                leading = vals[0]
            elif op == "T*":
                tlm = _mul([1, 0, 0, 1, 0, -leading], tlm)
                tm = list(tlm)
            elif op in ("Tj", "TJ", "'", '"'):
                check(tm[4], tm[5], op)
    return bad


def text_boxes_outside(path: Path) -> list[str]:
    """Words whose bounding box (pdftotext -bbox) is not inside their page."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    bad = []
    width = height = 0.0
    for line in out.splitlines():
        page = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if page:
            width, height = float(page.group(1)), float(page.group(2))
            continue
        word = re.search(
            r'xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*)</word>', line
        )
        if word:
            a, b, c, e = (float(word.group(i)) for i in range(1, 5))
            if a < -0.5 or b < -0.5 or c > width + 0.5 or e > height + 0.5:
                bad.append(f"{word.group(5)} at {a:.1f},{b:.1f}-{c:.1f},{e:.1f}")
    return bad


def text_objects_starting_stroked(path: Path) -> list[int]:
    """Pages where a text object starts with a non-zero render mode left over from earlier text.

    Names are drawn semi-bold (render mode 2, fill + stroke); that state must not leak into
    later text such as legend labels, which would come out smeared in the stroke colour.
    """
    bad = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        mode, stack = 0, []
        for operands, op in page.get_contents().operations:
            if op == b"q":
                stack.append(mode)
            elif op == b"Q":
                mode = stack.pop()
            elif op == b"Tr":
                mode = int(operands[0])
            elif op == b"BT" and mode != 0:
                bad.append(number)
    return bad
