"""Reporting lines and collaboration links as PowerPoint connectors glued to the box shapes.

A connector whose ends are connected (`begin_connect`/`end_connect`) follows its
boxes when someone moves them in PowerPoint, which is why a deck is worth more
than a picture. python-pptx places a connector's ends but not its bends, so the
elbows are written here: a reporting line leaves the manager's bottom, bends at
the book's bus and enters the unit's top (or, in a stacked column, runs down the
rail into the unit's left side); a staff unit hangs off the manager's right side.
PowerPoint's elbow connectors bend horizontally first, so lines that leave a box
downwards are the same shapes turned by 90 degrees (and mirrored when they go right).
"""

from __future__ import annotations

from typing import Callable

from .book import BookPage, Tie
from .chart import LinkLine

EMU_PER_PT = 12700
TOP, LEFT, BOTTOM, RIGHT = 0, 1, 2, 3  # connection sites of a (rounded) rectangle
QUARTER_TURN = "5400000"  # 90 degrees in 60,000ths of a degree

Point = tuple[float, float]


def _emu(points: float) -> int:
    return int(round(points * EMU_PER_PT))


def _site(shape, site: int) -> Point:
    """A connection site of a shape, in EMU (python-pptx's own convention)."""
    x, y, w, h = shape.left, shape.top, shape.width, shape.height
    return {
        TOP: (x + w / 2, y),
        LEFT: (x, y + h / 2),
        BOTTOM: (x + w / 2, y + h),
        RIGHT: (x + w, y + h / 2),
    }[site]


def _fraction(value: float, start: float, end: float) -> int:
    """Where `value` lies between start and end, in the 1/100,000ths of an adjust value."""
    return 0 if abs(end - start) < 1 else int(round((value - start) / (end - start) * 100000))


def _geometry(conn, preset: str, adjusts: list[int]) -> None:
    from pptx.oxml.ns import qn
    from pptx.oxml.xmlchemy import OxmlElement

    geom = conn._element.spPr.prstGeom
    geom.set("prst", preset)
    av = geom.find(qn("a:avLst"))
    if av is None:
        av = OxmlElement("a:avLst")
        geom.append(av)
    for child in list(av):
        av.remove(child)
    for i, value in enumerate(adjusts, start=1):
        gd = OxmlElement("a:gd")
        gd.set("name", f"adj{i}")
        gd.set("fmla", f"val {value}")
        av.append(gd)


def _turn(conn, start: Point, end: Point) -> None:
    """Turn an elbow connector so it leaves `start` downwards (start above end): the same
    box turned a quarter, mirrored when the end lies to the right."""
    (x1, y1), (x2, y2) = start, end
    w, h = abs(y2 - y1), abs(x2 - x1)
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    xfrm = conn._element.spPr.xfrm
    xfrm.set("rot", QUARTER_TURN)
    for flip in ("flipH", "flipV"):
        if flip in xfrm.attrib:
            del xfrm.attrib[flip]
    if x2 > x1:
        xfrm.set("flipV", "1")
    xfrm.off.x, xfrm.off.y = int(round(cx - w / 2)), int(round(cy - h / 2))
    xfrm.ext.cx, xfrm.ext.cy = int(round(w)), int(round(h))


def _connector(slide, begin, begin_site: int, end, end_site: int, color: str, width: float):
    from pptx.enum.shapes import MSO_CONNECTOR
    from pptx.util import Pt

    from .pptx_deck import _rgb

    conn = slide.shapes.add_connector(MSO_CONNECTOR.ELBOW, 0, 0, 1, 1)
    if begin is not None:
        conn.begin_connect(begin, begin_site)
    conn.end_connect(end, end_site)
    conn.line.color.rgb = _rgb(color)
    conn.line.width = Pt(width)
    return conn


def tie_connectors(
    slide, page: BookPage, shapes: dict[str, object], pt: Callable[[float, float], Point]
) -> int:
    """One glued connector per reporting line on the page; returns how many were added.

    `shapes`: unit id -> its box shape on this slide (own box or stub); `pt`: scene -> points.
    """
    color, width = "#6b7280", 1.0
    added = 0
    for tie in page.ties:
        parent = shapes.get(tie.parent) if tie.parent is not None else None
        child = shapes.get(tie.child)
        if child is None:
            continue
        if tie.kind == "staff" and parent is not None:
            conn = _connector(slide, parent, RIGHT, child, LEFT, color, width)
            (x1, _), (x2, _) = _site(parent, RIGHT), _site(child, LEFT)
            rail = _emu(pt(tie.rail, 0)[0])
            _geometry(conn, "bentConnector3", [_fraction(rail, x1, x2)])
        elif parent is not None:
            _glued_down(slide, tie, parent, child, pt, color, width)
        else:  # a continued page of a wide unit: the rail starts at the top of the page
            _free_down(slide, tie, child, pt, color, width)
        added += 1
    return added


def _glued_down(slide, tie: Tie, parent, child, pt, color: str, width: float) -> None:
    site = TOP if tie.kind == "row" else LEFT
    conn = _connector(slide, parent, BOTTOM, child, site, color, width)
    start, end = _site(parent, BOTTOM), _site(child, site)
    bus = _emu(pt(0, tie.at)[1])
    if tie.kind == "row":
        _geometry(conn, "bentConnector3", [_fraction(bus, start[1], end[1])])
    else:
        rail = _emu(pt(tie.rail, 0)[0])
        adjusts = [_fraction(bus, start[1], end[1]), _fraction(rail, start[0], end[0])]
        _geometry(conn, "bentConnector4", adjusts)
    _turn(conn, start, end)


def _free_down(slide, tie: Tie, child, pt, color: str, width: float) -> None:
    conn = _connector(slide, None, 0, child, LEFT, color, width)
    rx, by = pt(tie.rail, tie.at)
    start, end = (_emu(rx), _emu(by)), _site(child, LEFT)
    conn.begin_x, conn.begin_y = start
    _geometry(conn, "bentConnector2", [])
    _turn(conn, start, end)


def link_connectors(
    slide, lines: list[LinkLine], shapes: dict[str, object], sources: dict[str, tuple[str, str]]
) -> int:
    """Collaboration links between two boxes on the same slide: dashed connectors glued to the
    nearest sides of both boxes (curved, as on the chart). `sources`: link id -> (source
    unit, target unit). Returns how many were added."""
    from pptx.enum.dml import MSO_LINE
    from pptx.enum.shapes import MSO_CONNECTOR
    from pptx.util import Pt

    from .pptx_deck import _rgb

    added = 0
    for line in lines:
        a, b = (shapes.get(end) for end in sources[line.id])
        if a is None or b is None:
            continue
        sa, sb = min(
            ((i, j) for i in range(4) for j in range(4)),
            key=lambda p: _distance(_site(a, p[0]), _site(b, p[1])),
        )
        conn = slide.shapes.add_connector(MSO_CONNECTOR.CURVE, 0, 0, 1, 1)
        conn.begin_connect(a, sa)
        conn.end_connect(b, sb)
        conn.line.color.rgb = _rgb(line.color)
        conn.line.width = Pt(1.0)
        conn.line.dash_style = MSO_LINE.DASH
        if line.directed:
            _arrow(conn)
        added += 1
    return added


def _distance(p: Point, q: Point) -> float:
    return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2


def _arrow(conn) -> None:
    from pptx.oxml.xmlchemy import OxmlElement

    ln = conn.line._get_or_add_ln()
    tail = OxmlElement("a:tailEnd")
    tail.set("type", "triangle")
    ln.append(tail)
