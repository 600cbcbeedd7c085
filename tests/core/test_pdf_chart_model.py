"""The chart model all three backends draw: labels that fit, lines that are orthogonal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as hs

from orgdesigner.design import Design
from orgdesigner.entities import Department, DeptKind
from orgdesigner.fonts import find_font
from orgdesigner.layout import tidy_layout
from orgdesigner.render import style as st
from orgdesigner.render.chart import build_chart
from orgdesigner.render.wrap import tokens, wrap

from .pdf_helpers import company_design

FONT = find_font()
LONG = [
    "渠道与销售支持组 Channel & Sales Enablement",
    "法务与合规部 Legal and Compliance Department of the Group Holding Company Limited",
    "一个非常非常非常非常非常非常非常非常非常非常非常非常非常长的部门名称",
    "Supercalifragilisticexpialidocious-Department-Without-Any-Spaces-At-All",
    "",
]


def _inner(box) -> tuple[float, float]:
    return box.x, box.x + box.w


def test_labels_never_leave_their_box():
    d = Design("long")
    for i, name in enumerate(LONG):
        for kind in DeptKind:
            d.add_department(
                Department(
                    name=name,
                    kind=kind,
                    leader="Alexander Montgomery-Smith 王",
                    headcount=12345.5,
                    x=i * 300.0,
                    y=list(DeptKind).index(kind) * 100.0,
                )
            )
    chart = build_chart(d, FONT)
    for box in chart.boxes:
        assert box.lines, box.name
        for line in box.lines:
            width = FONT.width(line.text, line.size)
            left = line.x - width / 2 if line.anchor == "middle" else line.x - width
            assert box.x + 4 <= left and left + width <= box.x + box.w - 4, line
            assert box.y + 2 <= line.y - line.size * 0.9 and line.y <= box.y + box.h - 2, line
            assert line.size >= min(st.NAME_MIN, st.CAPTION_SIZE) - 1e-9
        assert any(line.bold for line in box.lines)  # the name


def test_long_names_wrap_and_shrink_but_short_ones_stay_big():
    d = Design("x")
    short = d.add_department(Department(name="市场部")).id
    long = d.add_department(Department(name=LONG[1], x=300)).id
    longer = d.add_department(Department(name=LONG[1] + LONG[2], leader="王丽", x=600)).id
    chart = build_chart(d, FONT)
    assert [l.size for l in chart.by_id[short].lines] == [st.NAME_SIZE]
    long_lines = chart.by_id[long].lines
    assert len(long_lines) == 3
    assert " ".join(l.text for l in long_lines) == LONG[1]
    longer_lines = chart.by_id[longer].lines
    assert longer_lines[0].size < st.NAME_SIZE and longer_lines[-1].text == "王丽"


def test_cjk_wraps_per_character_and_latin_per_word():
    assert tokens("市场部 Sales team") == ["市", "场", "部", " ", "Sales", " ", "team"]
    assert tokens("你好，世界。") == ["你", "好，", "世", "界。"]  # no line starts with punctuation
    lines = wrap("Sales and marketing", FONT.width("Sales and", 10) + 1, 10, FONT.width)
    assert lines == ["Sales and", "marketing"]
    cjk = wrap("市场部品牌组", FONT.width("市场部", 10) + 0.1, 10, FONT.width)
    assert cjk == ["市场部", "品牌组"]


@settings(max_examples=120, deadline=None)
@given(
    text=hs.text(alphabet=hs.sampled_from(list("市场部品牌公关组 abcXYZ-，。()&")), max_size=60),
    width=hs.floats(min_value=12, max_value=300),
)
def test_wrapped_lines_never_exceed_the_width(text, width):
    for line in wrap(text, width, 9, FONT.width):
        assert FONT.width(line, 9) <= width + 1e-6
    assert "".join(wrap(text, width, 9, FONT.width)).replace(" ", "") == text.replace(" ", "")


def test_tidy_layout_boxes_do_not_overlap_and_connectors_are_orthogonal():
    chart = build_chart(company_design(), FONT)
    boxes = chart.boxes
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
            assert apart, (a.name, b.name)
    assert chart.connectors
    for conn in chart.connectors:
        for (x0, y0), (x1, y1) in zip(conn.points, conn.points[1:]):
            assert x0 == x1 or y0 == y1, conn
        parent, child = chart.by_id[conn.parent], chart.by_id[conn.child]
        assert conn.points[0][1] == parent.y + parent.h and conn.points[-1][1] == child.y


def test_compact_stacks_get_a_side_rail_not_lines_through_boxes():
    d = Design("stack")
    root = d.add_department(Department(name="部")).id
    for i in range(5):
        d.add_department(Department(name=f"组{i}", parent=root))
    d.move_departments(tidy_layout(d, compact=True))
    chart = build_chart(d, FONT)
    root_box = chart.by_id[root]
    for conn in chart.connectors:
        xs = {p[0] for p in conn.points[:-1]}
        assert (
            xs == {conn.points[0][0]} and root_box.x < conn.points[0][0] < chart.by_id[conn.child].x
        )


def test_link_kinds_are_told_apart_by_colour_and_dash():
    chart = build_chart(company_design(), FONT)
    styles = {(l.kind, l.color, l.dash) for l in chart.links}
    assert len({s[0] for s in styles}) == 3 and len({(s[1], s[2]) for s in styles}) == 3
    labelled = [l for l in chart.links if l.label]
    assert labelled and all(l.label_w > 0 for l in labelled)


def test_a_never_arranged_design_is_laid_out_for_printing():
    d = Design("pile")
    root = d.add_department(Department(name="A")).id
    for i in range(3):
        d.add_department(Department(name=f"B{i}", parent=root))
    chart = build_chart(d, FONT)
    assert len({(b.x, b.y) for b in chart.boxes}) == 4


def test_staff_units_stand_beside_their_manager_on_the_one_page_chart():
    d = Design("staff", language="zh")
    gm = d.add_department(Department(name="总经理")).id
    staff = [
        d.add_department(Department(name=name, parent=gm, staff=True, x=i)).id
        for i, name in enumerate(("总经理助理", "行政办公室"))
    ]
    line = [
        d.add_department(Department(name=f"事业部{i}", parent=gm, x=9 + i)).id for i in range(3)
    ]
    chart = build_chart(d, FONT, auto_layout=True)
    top = chart.by_id[gm]
    column_bottom = max(chart.by_id[s].y + chart.by_id[s].h for s in staff)
    for unit in staff:
        box = chart.by_id[unit]
        assert top.x + top.w < box.x < top.x + top.w + box.w / 2  # right beside the manager
        assert top.y <= box.y < column_bottom
    assert all(chart.by_id[u].y > column_bottom for u in line)
    by_child = {c.child: c for c in chart.connectors}
    first = by_child[staff[0]].points
    assert first == [(top.x + top.w, top.y + top.h / 2), (chart.by_id[staff[0]].x, first[1][1])]
    assert first[0][1] == first[1][1]  # one short horizontal line
    second = by_child[staff[1]].points
    assert second[0] == first[0] and second[-1][0] == chart.by_id[staff[1]].x
    for unit in line:  # line units hang from the manager's bottom, below the staff column
        points = by_child[unit].points
        assert points[0] == (top.x + top.w / 2, top.y + top.h)
        assert points[1][1] > column_bottom
