"""`export -o deck.pptx`: one slide per chart-book page with editable shapes, native tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.generator import generate
from orgdesigner.render import ExportOptions, plan_pages
from orgdesigner.render.pptx_deck import export_pptx

from .pdf_helpers import WQY, company_design

pptx = pytest.importorskip("pptx")
ROOT = Path(__file__).resolve().parents[2]


def runs(slide):
    for shape in slide.shapes:
        if shape.has_text_frame:
            for para in shape.text_frame.paragraphs:
                yield from para.runs


def shape_texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


@pytest.mark.parametrize(
    "make", [company_design, lambda: generate(300, seed=4)], ids=["company", "random"]
)
def test_slides_follow_the_book_and_carry_every_name(make, tmp_path):
    design = make()
    out = tmp_path / "deck.pptx"
    deck = export_pptx(design, out, ExportOptions(paper="A4"))
    book = plan_pages(design, ExportOptions(paper="A4", fit="book", sections=("chart",))).sections[
        "chart"
    ][1]
    prs = pptx.Presentation(str(out))
    slides = list(prs.slides)
    assert deck.index_slides >= 1
    assert len(slides) == deck.slides == 1 + book + deck.index_slides + deck.table_slides
    assert slides[0].shapes.title.text == design.name
    fonts = {r.font.name for s in slides[1 : 1 + book] for r in runs(s)}
    assert fonts == {"WenQuanYi Zen Hei"} or not WQY.exists()  # the PDF's font
    chart_slides = slides[1 : 1 + book]
    texts = [t for s in chart_slides for t in shape_texts(s)]
    for dept in design.departments.values():
        assert any(t.startswith(dept.name + "\n") or t == dept.name for t in texts), dept.name
    for slide in chart_slides:
        for shape in slide.shapes:  # editable shapes on the slide, not a picture
            assert shape.shape_type != pptx.enum.shapes.MSO_SHAPE_TYPE.PICTURE
            if shape.__class__.__name__ == "Connector":  # its frame is turned: check its path
                for x, y in connector_path(shape):
                    assert 0 <= x <= prs.slide_width + 1 and 0 <= y <= prs.slide_height + 1
                continue
            assert 0 <= shape.left and shape.left + shape.width <= prs.slide_width + 1
            assert 0 <= shape.top and shape.top + shape.height <= prs.slide_height + 1
    connectors = [
        s
        for s in chart_slides[0].shapes
        if s.shape_type == pptx.enum.shapes.MSO_SHAPE_TYPE.LINE
        or s.__class__.__name__ == "Connector"
    ]
    assert connectors
    tables = [
        s for slide in slides[1 + book + deck.index_slides :] for s in slide.shapes if s.has_table
    ]
    assert len(tables) == deck.table_slides
    owner_cells = {tables[0].table.cell(r, 0).text for r in range(1, len(tables[0].table.rows))}
    assert owner_cells <= {f.name for f in design.functions.values()}


def test_cli_writes_a_deck(tmp_path):
    src, out = tmp_path / "plan.db", tmp_path / "deck.pptx"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [sys.executable, "-m", "orgdesigner", "new", "-o", str(src), "--template", "retail_fmcg"],
        check=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    done = subprocess.run(
        [sys.executable, "-m", "orgdesigner", "export", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "张幻灯片" in done.stdout  # the template is Chinese: so is the summary
    assert len(pptx.Presentation(str(out)).slides) >= 3


# ---------------------------------------------------------------- connectors and the index
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
CORNER = 1.0 * 12700  # a connector may touch a box's edge, never cross its inside


def glued(conn) -> tuple[int | None, int | None]:
    """The shape ids a connector's begin and end are glued to (None: a free end)."""
    found = []
    for tag in ("stCxn", "endCxn"):
        hits = conn._element.xpath(f"./p:nvCxnSpPr/p:cNvCxnSpPr/a:{tag}")
        found.append(int(hits[0].get("id")) if hits else None)
    return found[0], found[1]


def connector_path(conn) -> list[tuple[float, float]]:
    """The elbow a viewer draws for the connector (DrawingML preset geometry, EMU)."""
    xfrm = conn._element.spPr.xfrm
    ox, oy, w, h = xfrm.off.x, xfrm.off.y, xfrm.ext.cx, xfrm.ext.cy
    geom = conn._element.spPr.prstGeom
    adj = {gd.get("name"): int(gd.get("fmla").split()[1]) / 100000 for gd in geom.iter(f"{A}gd")}
    a1, a2 = adj.get("adj1", 0.5), adj.get("adj2", 0.5)
    local = {
        "bentConnector2": [(0, 0), (w, 0), (w, h)],
        "bentConnector3": [(0, 0), (w * a1, 0), (w * a1, h), (w, h)],
        "bentConnector4": [(0, 0), (w * a1, 0), (w * a1, h * a2), (w, h * a2), (w, h)],
        "curvedConnector3": [(0, 0), (w, h)],  # the ends (the curve stays inside its frame)
    }[geom.get("prst")]
    turned = int(xfrm.get("rot", "0")) == 5400000
    out = []
    for u, v in local:
        a, b = u - w / 2, v - h / 2
        if xfrm.get("flipH") == "1":
            a = -a
        if xfrm.get("flipV") == "1":
            b = -b
        if turned:
            a, b = -b, a
        out.append((ox + w / 2 + a, oy + h / 2 + b))
    return out


def crosses(path, box) -> bool:
    x, y, w, h = box
    for (ax, ay), (bx, by) in zip(path, path[1:]):
        lo_x, hi_x, lo_y, hi_y = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
        if (
            hi_x > x + CORNER
            and lo_x < x + w - CORNER
            and hi_y > y + CORNER
            and lo_y < y + h - CORNER
        ):
            return True
    return False


def test_reporting_lines_are_connectors_glued_to_manager_and_unit(tmp_path):
    design = generate(300, seed=4)
    names = [d.name for d in design.departments.values()]
    assert len(set(names)) == len(names)
    by_name = {d.name: d for d in design.departments.values()}
    out = tmp_path / "deck.pptx"
    deck = export_pptx(design, out, ExportOptions(paper="A4"))
    prs = pptx.Presentation(str(out))
    checked = 0
    for slide in list(prs.slides)[1 : 1 + deck.chart_slides]:
        boxes = {s.shape_id: s for s in slide.shapes if s.has_text_frame and s.text_frame.text}
        unit = {sid: by_name.get(s.text_frame.text.split("\n")[0]) for sid, s in boxes.items()}
        own = {u.id: sid for sid, u in unit.items() if u is not None and "→" not in boxes[sid].text}
        ties = {}
        for conn in (s for s in slide.shapes if s.__class__.__name__ == "Connector"):
            begin, end = glued(conn)
            assert end in unit, "every connector ends on a box"
            if begin is None:
                continue
            elbow = conn._element.spPr.prstGeom.get("prst").startswith("bent")
            if elbow:  # a reporting line (collaboration links are curves)
                ties[end] = begin
            path = connector_path(conn)
            assert any(
                abs(path[0][0] - p[0]) < 2 and abs(path[0][1] - p[1]) < 2
                for p in sites(boxes[begin])
            )
            assert any(
                abs(path[-1][0] - p[0]) < 2 and abs(path[-1][1] - p[1]) < 2
                for p in sites(boxes[end])
            )
            elbow = conn._element.spPr.prstGeom.get("prst").startswith("bent")
            for sid, shape in boxes.items():
                if elbow and sid not in (begin, end) and unit[sid] is not None:
                    rect = (shape.left, shape.top, shape.width, shape.height)
                    assert not crosses(path, rect), (unit[begin].name, unit[end].name, shape.text)
        for sid, dept in unit.items():
            if dept is None or dept.parent is None:
                continue
            if dept.parent in own:  # its manager's box is on this slide: the line is glued to it
                assert ties.get(sid) == own[dept.parent], dept.name
                checked += 1
    assert checked > 100


def sites(shape) -> list[tuple[float, float]]:
    x, y, w, h = shape.left, shape.top, shape.width, shape.height
    return [(x + w / 2, y), (x, y + h / 2), (x + w / 2, y + h), (x + w, y + h / 2)]


def test_links_on_one_slide_are_dashed_connectors_between_their_units(tmp_path):
    design = company_design()
    out = tmp_path / "deck.pptx"
    deck = export_pptx(design, out, ExportOptions(paper="A3"))
    assert deck.chart_slides == 1
    slide = pptx.Presentation(str(out)).slides[1]
    name_of = {
        s.shape_id: s.text_frame.text.split("\n")[0] for s in slide.shapes if s.has_text_frame
    }
    dashed = set()
    for conn in (s for s in slide.shapes if s.__class__.__name__ == "Connector"):
        if conn._element.xpath(".//a:prstDash"):
            begin, end = glued(conn)
            dashed.add(frozenset((name_of[begin], name_of[end])))
    names = design.departments
    expected = {
        frozenset((names[k.source].name, names[k.target].name)) for k in design.links.values()
    }
    assert expected and dashed == expected


def test_index_slides_list_every_unit_with_its_slide_and_link_to_it(tmp_path):
    design = generate(300, seed=4)
    out = tmp_path / "deck.pptx"
    deck = export_pptx(design, out, ExportOptions(paper="A4"))
    prs = pptx.Presentation(str(out))
    slides = list(prs.slides)
    chart = slides[1 : 1 + deck.chart_slides]
    own_slide = {}
    for number, slide in enumerate(chart, start=2):
        for text in shape_texts(slide):
            if "→" not in text:
                own_slide[text.split("\n")[0]] = number
    index = slides[1 + deck.chart_slides : 1 + deck.chart_slides + deck.index_slides]
    assert "部门索引" in shape_texts(index[0])[0]
    listed = {}
    for slide in index:
        for shape in slide.shapes:
            for para in shape.text_frame.paragraphs[
                : None if len(shape.text_frame.paragraphs) > 1 else 0
            ]:
                name, number = para.runs[0].text, int(para.runs[1].text)
                rel = para.runs[1]._r.rPr.hlinkClick.get(
                    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
                )
                assert slide.part.rels[rel].target_part is slides[number - 1].part
                listed[name] = number
    assert listed == {d.name: own_slide[d.name] for d in design.departments.values()}


def test_every_slide_has_its_title_in_the_title_placeholder(tmp_path):
    """PowerPoint's outline, screen readers and themes read a slide's title from its title
    placeholder: every kind of slide puts its title there, not in a free text box."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    design = generate(300, seed=4)
    out = tmp_path / "deck.pptx"
    options = ExportOptions(paper="A4")
    deck = export_pptx(design, out, options)
    book = plan_pages(design, ExportOptions(paper="A4", fit="book", sections=("chart",)))
    pages = book.context.book.pages
    names = design.departments
    prs = pptx.Presentation(str(out))
    slides = list(prs.slides)
    expected = [design.name]
    for page in pages:
        roots = " · ".join(names[r].name for r in page.roots[:3])
        expected.append(f"组织结构图 · {roots}" + (" …" if len(page.roots) > 3 else ""))
    expected += ["部门索引"] + [f"部门索引 ({n})" for n in range(2, deck.index_slides + 1)]
    owners = max(1, -(-len(design.functions) // 14))
    expected += ["职能责任矩阵"] + [f"职能责任矩阵 ({n})" for n in range(2, owners + 1)]
    expected += ["诊断发现"] + [f"诊断发现 ({n})" for n in range(2, deck.table_slides - owners + 1)]
    assert len(expected) == len(slides)
    for slide, title in zip(slides, expected):
        placeholder = slide.shapes.title
        assert placeholder is not None and placeholder.is_placeholder
        assert placeholder.placeholder_format.type in (
            PP_PLACEHOLDER.TITLE,
            PP_PLACEHOLDER.CENTER_TITLE,
        )
        assert placeholder.text_frame.text == title
        assert 0 <= placeholder.left and placeholder.left + placeholder.width <= prs.slide_width
        assert 0 <= placeholder.top and placeholder.top + placeholder.height <= prs.slide_height
        others = [s.text_frame.text for s in slide.shapes if s.has_text_frame and s != placeholder]
        assert title not in others  # not a second, free copy of the title
