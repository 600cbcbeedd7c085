"""The chart as SVG and PNG: same model as the PDF, names as text in SVG, a real picture in PNG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from orgdesigner import storage
from orgdesigner.cli import main
from orgdesigner.formats import write_design
from orgdesigner.render.options import ExportOptions

from .pdf_helpers import company_design

SVG = "{http://www.w3.org/2000/svg}"


def test_svg_has_every_name_as_text_and_parses(tmp_path):
    design = company_design()
    path = tmp_path / "chart.svg"
    write_design(design, path)
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}text")).replace(" ", "")
    for dept in design.departments.values():
        assert dept.name.replace(" ", "") in texts
    assert "联合推广" in texts
    groups = [g for g in root.iter(f"{SVG}g") if g.get("id", "").startswith("d-")]
    assert len(groups) == len(design.departments)
    links = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "links")
    dashes = {path.get("stroke-dasharray") for path in links.iter(f"{SVG}path")}
    assert len(dashes) == 3  # collaboration, committee, dotted


def test_svg_escapes_markup_in_names(tmp_path):
    from orgdesigner.design import Design
    from orgdesigner.entities import Department

    d = Design("<x>")
    d.add_department(Department(name='R&D <"core">'))
    path = tmp_path / "x.svg"
    write_design(d, path)
    root = ET.parse(path).getroot()
    assert 'R&D <"core">' in [t.text for t in root.iter(f"{SVG}text")]


def test_png_decodes_and_shows_the_chart(tmp_path):
    path = tmp_path / "chart.png"
    write_design(company_design(), path)
    image = Image.open(path)
    image.verify()
    image = Image.open(path).convert("RGB")
    w, h = image.size
    assert w > 1000 and h > 200
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours and len(colours) > 50  # anti-aliased text and fills, not a blank sheet
    white = max(colours)[1]
    assert white == (255, 255, 255)
    # the box fill of 市场部 (#4472c4 tinted) is there
    from orgdesigner.render.style import hex_rgb, tint

    assert any(c == hex_rgb(tint("#4472c4")) for _, c in colours)


def test_png_scale_sets_the_image_size(tmp_path):
    small, big = tmp_path / "s.png", tmp_path / "b.png"
    write_design(company_design(), small, options=ExportOptions(scale=0.5))
    write_design(company_design(), big, options=ExportOptions(scale=1.0))
    (ws, hs), (wb, hb) = Image.open(small).size, Image.open(big).size
    assert abs(ws * 2 - wb) <= 2 and abs(hs * 2 - hb) <= 2


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_cli_exports_svg_and_png(tmp_path, capsys, suffix):
    source = tmp_path / "plan.db"
    storage.save(company_design(), source)
    out = tmp_path / f"chart{suffix}"
    assert main(["export", str(source), "-o", str(out), "--auto-layout"]) == 0
    assert out.stat().st_size > 1000
    assert f"-> {out}" in capsys.readouterr().out


@pytest.mark.parametrize("fit", ["page", "tiles"])
def test_export_dialog_preview_shows_the_chart_and_the_tile_grid(fit):
    from orgdesigner.render import plan_pages
    from orgdesigner.render.png import plan_preview

    plan = plan_pages(company_design(), ExportOptions(fit=fit, sections=("chart",)))
    image = plan_preview(plan, max_px=600).convert("RGB")
    assert max(image.size) <= 600 and min(image.size) > 50
    colours = dict((c, n) for n, c in image.getcolors(maxcolors=1 << 20))
    assert (255, 255, 255) in colours and len(colours) > 20
    grid_red = colours.get((0xC0, 0x39, 0x2B), 0)
    assert (grid_red > 100) == (fit == "tiles")


# ------------------------------------------------------- links the router could not draw
def svg_link_paths(root) -> int:
    links = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "links")
    return len(list(links.iter(f"{SVG}path")))


def svg_note(root) -> list[str]:
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "unrouted-links"]
    return [t.text or "" for g in groups for t in g.iter(f"{SVG}text")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_svg_lists_the_links_it_could_not_draw_under_the_chart(tmp_path, lang):
    """Like the PDF's table: a link with no route around the boxes is named, never dropped."""
    from .test_routing import walled_design

    design, _ = walled_design()
    path = tmp_path / "walled.svg"
    write_design(design, path, options=ExportOptions(lang=lang))
    root = ET.parse(path).getroot()
    assert svg_link_paths(root) == 0  # not drawn through the walls
    heading = "未画出的关系" if lang == "zh" else "Links not drawn"
    kind = "协作" if lang == "zh" else "collaboration"
    note = svg_note(root)
    assert len(note) == 2 and note[0].startswith(heading)
    assert note[1].startswith("里 — 外 · 走不出去") and kind in note[1].lower()
    # the list is inside the picture, below every box
    _, vy, vw, vh = map(float, root.get("viewBox").split())
    boxes_bottom = max(
        float(r.get("y")) + float(r.get("height"))
        for g in root.iter(f"{SVG}g")
        if g.get("id", "").startswith("d-")
        for r in g.iter(f"{SVG}rect")
    )
    ys = [
        float(t.get("y"))
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "unrouted-links"
        for t in g
    ]
    assert all(boxes_bottom < y < vy + vh for y in ys)


def test_svg_of_a_fully_routed_chart_draws_every_link_and_lists_none(tmp_path):
    design = company_design()
    path = tmp_path / "chart.svg"
    write_design(design, path)
    root = ET.parse(path).getroot()
    assert svg_link_paths(root) == len(design.links)
    assert svg_note(root) == []


@pytest.mark.parametrize("scale", [1.0, 0.05])
def test_png_lists_the_links_it_could_not_draw_under_the_chart(tmp_path, scale):
    """Under the chart, readable even when the chart itself is scaled down to a thumbnail."""
    from orgdesigner.fonts import find_font
    from orgdesigner.render.chart import build_chart
    from orgdesigner.render.png import chart_image

    from .test_routing import walled_design

    design, _ = walled_design()
    path = tmp_path / "walled.png"
    write_design(design, path, options=ExportOptions(scale=scale))
    image = Image.open(path).convert("L")
    bare = chart_image(build_chart(design, find_font(None)), find_font(None), scale=scale)
    assert image.size[1] > bare.size[1] + 2 * 11  # two lines of at least 11 px under the chart
    below = image.crop((0, bare.size[1], image.size[0], image.size[1]))
    dark = sum(below.histogram()[:128])
    assert dark > 200  # the heading and the line naming 里 — 外 are drawn there
