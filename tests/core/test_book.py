"""The chart book (`--fit book`): pages by branch, continuation stubs, packing, the index.

Page counts are counted, never timed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generator import generate
from orgdesigner.design import Design
from orgdesigner.entities import Department, Link
from orgdesigner.geometry import BOX_H, BOX_W
from orgdesigner.render import ExportOptions, export_pdf, plan_pages
from orgdesigner.render.book import Book, is_staff, plan_book
from orgdesigner.render.book_index import sort_key_function

from .import_helpers import FEDERAL
from .pdf_helpers import HAVE_PDFTOTEXT, company_design, pdf_text, squash, wide_design

ROOT = Path(__file__).resolve().parents[2]
A4_PORTRAIT_AREA = (
    527.2 / 0.625,
    709.4 / 0.625,
)  # the chart area of an A4 page at the readable scale


def check_book(design: Design, book: Book) -> None:
    """Every unit once as its own box; every stub points at a page with that unit on top."""
    own: dict[str, int] = {}
    W, H = book.area
    for number, page in enumerate(book.pages):
        assert page.boxes, f"page {number} is empty"
        for box in page.boxes:
            assert -0.01 <= box.x and box.x + BOX_W <= W + 0.01, (number, box)
            assert -0.01 <= box.y and box.y + BOX_H <= H + 0.01, (number, box)
            if box.stub:
                target = book.page_of[box.id]
                assert target != number
                assert box.id in book.pages[target].roots, "a continuation must start with its unit"
            else:
                assert box.id not in own, f"{design.departments[box.id].name} printed twice"
                own[box.id] = number
        rects = sorted((b.x, b.y) for b in page.boxes)
        for (ax, ay), (bx, by) in zip(rects, rects[1:]):  # neighbours in x order never overlap
            assert not (bx - ax < BOX_W - 0.01 and abs(by - ay) < BOX_H - 0.01), (
                number,
                ax,
                ay,
                bx,
                by,
            )
    assert set(own) == set(design.departments)


def overlapping_boxes(book: Book) -> list:
    bad = []
    for number, page in enumerate(book.pages):
        boxes = sorted(page.boxes, key=lambda b: b.x)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                if b.x >= a.x + BOX_W - 0.01:
                    break
                if abs(a.y - b.y) < BOX_H - 0.01:
                    bad.append((number, a.id, b.id))
    return bad


def low_pages(book: Book) -> list[int]:
    """Pages under a quarter filled that are not the last page of their run."""
    return [i for i, p in enumerate(book.pages) if p.fill < 0.25 and not p.run_end]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_designs_print_every_unit_once(seed):
    design = generate(1500, seed=seed)
    book = plan_book(design, A4_PORTRAIT_AREA, 0.625)
    check_book(design, book)
    assert not overlapping_boxes(book)
    assert not low_pages(book)


def test_ten_thousand_units_fit_in_600_a4_pages_with_the_index():
    design = generate(10_000)
    plan = plan_pages(design, ExportOptions(paper="A4", fit="book", sections=("chart",)))
    assert plan.chart_mode == "book"
    assert plan.page_count <= 600, plan.summary()
    assert plan.min_text >= 5.0 - 1e-9
    book = plan.context.book
    check_book(design, book)
    assert not low_pages(book)


def federal_like(roots: int = 240, wide: int = 1257, total: int = 2676) -> Design:
    """A flat forest like the US federal hierarchy: many roots, one unit with 1,257 reports."""
    d = Design("Federal-like", language="en")
    tops = [d.add_department(Department(name=f"Agency {i}")).id for i in range(roots)]
    big = d.add_department(Department(name="Department of Everything", parent=tops[0])).id
    for i in range(wide):
        d.add_department(Department(name=f"Office {i}", parent=big))
    i = 0
    while len(d.departments) < total:
        d.add_department(Department(name=f"Bureau {i}", parent=tops[(i * 7) % roots]))
        i += 1
    return d


def test_wide_forest_wraps_into_rows_and_stacks_the_wide_unit():
    design = federal_like()
    plan = plan_pages(design, ExportOptions(paper="A4", fit="book", sections=("chart",)))
    assert plan.page_count <= 160, plan.summary()
    book = plan.context.book
    check_book(design, book)
    assert not low_pages(book)
    top = [p for p in book.pages if p.roots and design.departments[p.roots[0]].parent is None]
    assert sum(len(p.roots) for p in top) == 240
    assert len(top) <= 240 / 5  # the roots share pages, wrapped into rows
    assert any(len({b.y for b in p.boxes if b.id in p.roots}) > 1 for p in top)
    wide_id = next(
        d.id for d in design.departments.values() if d.name == "Department of Everything"
    )
    parts = [p for p in book.pages if p.part is not None and p.roots == [wide_id]]
    assert len(parts) >= 2 and parts[0].part == (1, len(parts))
    columns = {round(b.x) for p in parts for b in p.boxes if b.id != wide_id}
    assert len(columns) >= 3  # stacked lists in several columns, not one endless row


@pytest.mark.skipif(not FEDERAL.exists(), reason="needs ../shared/data/us_federal")
def test_us_federal_hierarchy_in_160_a4_pages():
    from orgdesigner.importing import import_table

    design, _ = import_table(FEDERAL)
    plan = plan_pages(design, ExportOptions(paper="A4", fit="book", sections=("chart",)))
    assert plan.page_count <= 160
    check_book(design, plan.context.book)


def test_small_design_is_one_page_at_full_size():
    plan = plan_pages(company_design(), ExportOptions(paper="A4", fit="book", sections=("chart",)))
    assert plan.sections["chart"] == (1, 1)
    assert plan.chart_scale == 1.0


def test_links_across_pages_are_listed_and_same_page_links_drawn():
    from orgdesigner.render.book_pages import split_links

    design = generate(1500, seed=5)
    book = plan_book(design, A4_PORTRAIT_AREA, 0.625)
    drawn, refs = split_links(design, book)
    for link in design.links.values():
        a, b = book.page_of[link.source], book.page_of[link.target]
        if a == b:
            assert link.id in drawn[a]
        else:
            assert (link.source, link.target, link.id) in refs[a]
            assert (link.target, link.source, link.id) in refs[b]


@pytest.mark.skipif(not HAVE_PDFTOTEXT, reason="needs pdftotext")
def test_every_name_is_in_the_pdf_text_with_references_and_index(tmp_path):
    design = wide_design(n=400, depth=3)
    design.add_link(
        Link(
            source=next(iter(design.departments)),
            target=list(design.departments)[-1],
            label="跨页协作",
        )
    )
    out = tmp_path / "book.pdf"
    plan = export_pdf(
        design, out, ExportOptions(paper="A4", fit="book", sections=("chart",), lang="zh")
    )
    text = squash(pdf_text(out))
    for dept in design.departments.values():
        assert squash(dept.name) in text
    first, count = plan.sections["index"]
    index = squash(pdf_text(out, first, first + count - 1))
    assert "部门索引" in index
    assert all(squash(d.name) in index for d in design.departments.values())
    assert "见第" in text  # continuation tags and back links


def test_index_is_in_pinyin_order():
    key = sort_key_function()
    names = ["市场部", "Brand Team", "财务部", "安全部", "zeta"]
    assert sorted(names, key=key) == ["安全部", "Brand Team", "财务部", "市场部", "zeta"]


def test_cli_writes_a_book(tmp_path):
    src = tmp_path / "plan.db"
    out = tmp_path / "book.pdf"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [sys.executable, "-m", "orgdesigner", "new", "-o", str(src), "--template", "mid_large"],
        check=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    done = subprocess.run(
        [sys.executable, "-m", "orgdesigner", "export", str(src), "-o", str(out), "--fit", "book"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "组织图分册" in done.stdout  # the template is Chinese: so is the summary
    assert out.read_bytes().startswith(b"%PDF")


def test_staff_units_sit_beside_their_manager():
    d = Design("Staff", language="zh")
    gm = d.add_department(Department(name="总经理")).id
    assistant = d.add_department(Department(name="董事长办公室", parent=gm, staff=True)).id
    for i in range(3):
        d.add_department(Department(name=f"事业部 {i}", parent=gm))
    book = plan_book(d, A4_PORTRAIT_AREA, 0.625)
    check_book(d, book)
    boxes = {b.id: b for b in book.pages[0].boxes}
    line = [b for k, b in boxes.items() if k not in (gm, assistant)]
    assert boxes[assistant].y == boxes[gm].y and boxes[assistant].x > boxes[gm].x + BOX_W
    assert all(b.y > boxes[gm].y + BOX_H for b in line)  # the line units in the row below
    assert is_staff(d, assistant)


def test_the_book_follows_the_flag_not_the_name():
    d = Design("Staff", language="zh")
    gm = d.add_department(Department(name="总经理")).id
    named = d.add_department(Department(name="总经理助理", parent=gm)).id  # not marked
    marked = d.add_department(Department(name="战略研究室", parent=gm, staff=True)).id
    for i in range(2):
        d.add_department(Department(name=f"事业部 {i}", parent=gm))
    book = plan_book(d, A4_PORTRAIT_AREA, 0.625)
    boxes = {b.id: b for b in book.pages[0].boxes}
    assert not is_staff(d, named) and is_staff(d, marked)
    assert boxes[marked].y == boxes[gm].y  # beside the manager
    assert boxes[named].y > boxes[gm].y + BOX_H  # in the row of line units
    staff_ties = [t for t in book.pages[0].ties if t.kind == "staff"]
    assert [t.child for t in staff_ties] == [marked]
