"""Odd designs still print: far-away boxes, piles, empty names, random trees with Chinese names."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from PIL import Image
from pypdf import PdfReader

from orgdesigner.design import Design
from orgdesigner.entities import Department, DeptKind, Link, LinkKind
from orgdesigner.formats import write_design
from orgdesigner.render import ExportOptions, export_pdf, plan_pages
from orgdesigner.render.options import ExportOptionError

from .pdf_helpers import pdf_text, squash


def _far_apart() -> Design:
    d = Design("far")
    a = d.add_department(Department(name="近 near", x=0, y=0)).id
    b = d.add_department(Department(name="远 far", x=9_000_000, y=9_000_000)).id
    d.add_link(Link(source=a, target=b, label="很远"))
    return d


def test_a_box_dragged_far_away_prints_small_rather_than_millions_of_tiles(tmp_path):
    path = tmp_path / "far.pdf"
    plan = export_pdf(_far_apart(), path, ExportOptions(sections=("chart",)))
    assert plan.chart_mode == "page" and not plan.readable and plan.page_count == 1
    assert "远far" in squash(pdf_text(path))


def test_asking_for_tiles_of_a_far_away_box_is_a_clear_error():
    with pytest.raises(ExportOptionError, match="tiles at scale"):
        plan_pages(_far_apart(), ExportOptions(fit="tiles", sections=("chart",)))


def test_png_of_a_far_away_box_stays_a_sane_size(tmp_path):
    path = tmp_path / "far.png"
    write_design(_far_apart(), path)
    w, h = Image.open(path).size
    assert w <= 32_000 and h <= 32_000 and w * h <= 40_000_000


def test_a_long_diagonal_link_only_prints_tiles_it_crosses(tmp_path):
    d = Design("diag")
    a = d.add_department(Department(name="A", x=0, y=0)).id
    b = d.add_department(Department(name="B", x=4000, y=4000)).id
    d.add_link(Link(source=a, target=b, kind=LinkKind.DOTTED))
    plan = plan_pages(d, ExportOptions(fit="tiles", scale=1.0, sections=("chart",)))
    cols, rows = plan.tiles
    assert cols * rows > 20
    assert plan.page_count - 1 < cols * rows / 2  # a diagonal, not the whole grid


names = hs.text(
    alphabet=hs.sampled_from(list("市场部品牌组委员会事业办公室 ABCxyz&-·（）")), max_size=40
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=hs.data())
def test_random_designs_export_with_every_name_findable(tmp_path_factory, data):
    n = data.draw(hs.integers(min_value=1, max_value=25))
    d = Design(data.draw(names), language=data.draw(hs.sampled_from(["zh", "en"])))
    ids: list[str] = []
    for i in range(n):
        parent = data.draw(hs.sampled_from([None] + ids)) if ids else None
        name = data.draw(names).strip() or f"部门{i}"
        ids.append(
            d.add_department(
                Department(
                    name=f"{name}{i}",
                    parent=parent,
                    kind=data.draw(hs.sampled_from(list(DeptKind))),
                    leader=data.draw(names),
                    headcount=data.draw(hs.integers(0, 500)),
                    x=data.draw(hs.floats(-3000, 3000)),
                    y=data.draw(hs.floats(-3000, 3000)),
                )
            ).id
        )
    if n > 1:
        for _ in range(data.draw(hs.integers(0, 4))):
            a, b = data.draw(hs.sampled_from(ids)), data.draw(hs.sampled_from(ids))
            if a != b and d.find_link(a, b, LinkKind.COLLABORATION) is None:
                d.add_link(Link(source=a, target=b, label=data.draw(names)))
    options = ExportOptions(
        paper=data.draw(hs.sampled_from(["A4", "A3", "Letter"])),
        fit=data.draw(hs.sampled_from(["auto", "page", "tiles"])),
        sections=("chart", "departments"),
    )
    path = tmp_path_factory.mktemp("random") / "r.pdf"
    plan = export_pdf(d, path, options, findings=[])
    assert len(PdfReader(path).pages) == plan.page_count
    first, count = plan.sections["chart"]
    chart_text = squash(pdf_text(path, first, first + count - 1))
    all_text = squash(pdf_text(path))
    # Content-stream order keeps a wrapped table cell's lines together; pdftotext's
    # layout order may interleave them with the neighbouring columns.
    stream_text = squash("".join(page.extract_text() or "" for page in PdfReader(path).pages))
    boxes = plan.context.chart.boxes
    apart = all(
        a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
    )
    for dept in d.departments.values():
        # the department table has every full name
        assert squash(dept.name) in all_text or squash(dept.name) in stream_text
        if plan.chart_mode == "page" and apart and len(squash(dept.name)) <= 12:
            assert squash(dept.name) in chart_text  # (text of boxes the user piled up interleaves)


def test_a_long_wrapped_name_in_the_department_table_stays_whole(tmp_path):
    d = Design("长名称", language="zh")
    root = d.add_department(Department(name="AAAAAAAxxx业业业业业业业业业业业业业业业业1"))
    for i in range(16):
        d.add_department(Department(name=f"部门{i}", parent=root.id))
    path = tmp_path / "long.pdf"
    export_pdf(d, path, ExportOptions(sections=("chart", "departments")), findings=[])
    stream_text = squash("".join(page.extract_text() or "" for page in PdfReader(path).pages))
    assert squash(root.name) in stream_text or squash(root.name) in squash(pdf_text(path))
