"""The chart as SVG: the same model as the PDF chart, written as plain XML.

Text stays text (searchable, selectable); the font family names the CJK
fonts we look for, since an SVG viewer uses its own fonts.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..design import Design
from ..fileutil import atomic_write_text
from ..fonts import find_font
from ..progress import step
from ..routing import rounded
from . import style as st
from .chart import Box, Chart, build_chart
from .options import ExportOptions
from .unrouted import NOTE_SIZE, UnroutedNote, unrouted_note

FONT_FAMILY = (
    "'WenQuanYi Zen Hei', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', SimSun, "
    "'Noto Sans CJK SC', 'Droid Sans Fallback', sans-serif"
)
MARGIN = 20.0


def _f(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _points(points) -> str:
    return " ".join(f"{_f(a)},{_f(b)}" for a, b in points)


def _shape(box: Box) -> str:
    x, y, w, h = box.x, box.y, box.w, box.h
    if box.shape == "round":
        return (
            f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" rx="{_f(box.corner)}"'
        )
    if box.shape == "octagon":
        pts = [(x + px, y + py) for px, py in st.outline("octagon", box.corner, w, h)]
        return f'<polygon points="{_points(pts)}"'
    return f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}"'


def chart_svg(
    chart: Chart, *, scale: float = 1.0, title: str = "", note: UnroutedNote | None = None
) -> str:
    """The whole chart as an SVG document (scene units in the viewBox; `scale` sets its size);
    `note` lists under the chart the links it could not draw around the boxes."""
    x0, y0, x1, y1 = chart.bounds
    vx, vy = x0 - MARGIN, y0 - MARGIN
    vw, vh = (x1 - x0) + 2 * MARGIN, (y1 - y0) + 2 * MARGIN
    if note is not None:
        vw = max(vw, note.width + 2 * MARGIN)
        vh += note.height
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_f(vw * scale)}" height="{_f(vh * scale)}" '
        f'viewBox="{_f(vx)} {_f(vy)} {_f(vw)} {_f(vh)}" font-family="{FONT_FAMILY}">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{_f(vx)}" y="{_f(vy)}" width="{_f(vw)}" height="{_f(vh)}" fill="{st.PAPER}"/>',
    ]
    if chart.connectors:
        d = " ".join(
            "M" + " L".join(f"{_f(x)},{_f(y)}" for x, y in c.points) for c in chart.connectors
        )
        out.append(
            f'<path d="{d}" fill="none" stroke="{st.CONNECTOR}" stroke-width="{st.CONNECTOR_W}" '
            'stroke-linejoin="round"/>'
        )
    out.append('<g class="links" fill="none">')
    for link in chart.links:
        dash = ",".join(_f(v) for v in link.dash)
        if link.route:
            d = " ".join(
                f"{op}{_f(p[0])},{_f(p[1])}"
                if op != "Q"
                else f"Q{_f(p[0])},{_f(p[1])} {_f(q[0])},{_f(q[1])}"
                for op, p, *rest in rounded(link.route)
                for q in (rest[0] if rest else p,)
            )
        else:
            (ax, ay), (qx, qy), (bx, by) = link.start, link.control, link.end
            d = f"M{_f(ax)},{_f(ay)} Q{_f(qx)},{_f(qy)} {_f(bx)},{_f(by)}"
        out.append(
            f'<path d="{d}" stroke="{link.color}" '
            f'stroke-width="{st.LINK_W}" stroke-dasharray="{dash}"/>'
        )
        if link.directed:
            out.append(f'<polygon points="{_points(link.arrow())}" fill="{link.color}"/>')
    out.append("</g>")
    out.append('<g class="departments">')
    for box in chart.boxes:
        dash = ' stroke-dasharray="%s"' % ",".join(_f(v) for v in st.BOX_DASH) if box.dashed else ""
        shape = _shape(box)
        out.append(
            f'<g id={quoteattr("d-" + box.id)}>{shape} fill="{box.fill}" stroke="{st.BORDER}" '
            f'stroke-width="{_f(box.border_w)}"{dash}/>'
        )
        out.append(f'<polygon points="{_points(box.band)}" fill="{box.color}"/>')
        for line in box.lines:
            weight = ' font-weight="bold"' if line.bold else ""
            anchor = "end" if line.anchor == "end" else "middle"
            out.append(
                f'<text x="{_f(line.x)}" y="{_f(line.y)}" font-size="{_f(line.size)}"{weight} '
                f'text-anchor="{anchor}" fill="{line.color}">{escape(line.text)}</text>'
            )
        out.append("</g>")
    out.append("</g>")
    labelled = [l for l in chart.links if l.label]
    if labelled:
        out.append('<g class="link-labels">')
        for link in labelled:
            cx, cy = link.label_at
            size = link.label_size
            out.append(
                f'<rect x="{_f(cx - link.label_w / 2 - 3)}" y="{_f(cy - size * 0.75)}" '
                f'width="{_f(link.label_w + 6)}" height="{_f(size * 1.5)}" rx="4" '
                f'fill="{st.PAPER}"/>'
            )
            out.append(
                f'<text x="{_f(cx)}" y="{_f(cy + size * 0.35)}" font-size="{_f(size)}" '
                f'text-anchor="middle" fill="{link.label_color}">{escape(link.label)}</text>'
            )
        out.append("</g>")
    if note is not None:
        out.append('<g class="unrouted-links">')
        for words, x, y, bold in note.baselines(x0, y1):
            weight = ' font-weight="bold"' if bold else ""
            out.append(
                f'<text x="{_f(x)}" y="{_f(y)}" font-size="{_f(NOTE_SIZE)}"{weight} '
                f'fill="{st.TEXT}">{escape(words)}</text>'
            )
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def export_svg(design: Design, path: str | Path, options: ExportOptions | None = None) -> None:
    options = (options or ExportOptions()).checked()
    font = find_font(options.font)
    step("plan", 0, 1)  # a progress callback (orgdesigner.progress) may cancel between stages
    chart = build_chart(design, font, auto_layout=options.auto_layout, lang=options.lang)
    note = unrouted_note(design, chart, font, options.lang or design.language)
    step("pages", 0, 1)
    text = chart_svg(chart, scale=options.scale or 1.0, title=design.name, note=note)
    step("saving", 0, 1)
    atomic_write_text(Path(path), text)
