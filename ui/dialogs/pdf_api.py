"""The PDF exporter as the export dialog sees it: options, page planning, export, progress.

One small adapter over `orgdesigner.render`, so the dialog does not depend
on how the core arranges its PDF modules.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from orgdesigner.design import Design
from orgdesigner.errors import OrgDesignerError
from orgdesigner.render.png import plan_preview

from orgdesigner import render as _render
from orgdesigner.progress import Callback, Cancelled  # noqa: F401 - the dialog catches it here
from orgdesigner.render import PAPERS, SECTIONS, ExportOptions  # noqa: F401 - the dialog reads them here


@dataclass(frozen=True)
class Plan:
    pages: int
    tiles: tuple[int, int] = (1, 1)  # tile grid across, down (1, 1: fitted on one page)
    chart_pages: int = 0  # pages of the chart section (blank tiles are left out)
    paper: str = ""  # e.g. "A3 landscape"
    min_text: float | None = None  # the smallest name on paper (pt) when it is too small to read
    missing_glyphs: str = ""  # characters of names the chosen font cannot show
    raw: Any = field(default=None, compare=False, repr=False)  # the core's PagePlan
    book_pages: tuple[int, int] | None = None  # chart book: its pages, its index's pages


def make_options(values: dict[str, Any]) -> Any:
    """Core options from the dialog's values (raises OrgDesignerError for bad ones)."""
    return ExportOptions.from_mapping(values)


def plan(design: Design, options: Any, findings: list | None = None) -> Plan:
    """Lay the proposal out without drawing it, for the page-count preview."""
    result = _render.plan_pages(design, options, findings=findings)
    tiles = tuple(result.tiles) if result.chart_mode == "tiles" else (1, 1)
    chart_pages = result.sections.get("chart", (0, 0))[1]
    unreadable = "chart" in result.sections and not result.readable
    book = None
    if result.chart_mode == "book" and "chart" in result.sections:
        book = (chart_pages, result.sections.get("index", (0, 0))[1])
    return Plan(
        result.page_count,
        tiles,
        chart_pages,
        f"{options.paper} {result.orientation}",
        result.min_text if unreadable else None,
        result.missing_glyphs,
        result,
        book,
    )


def preview_png(plan: Plan, max_px: int) -> bytes | None:
    """A picture of the chart on the page (or of the tile grid) as PNG bytes; None if unavailable."""
    if plan.raw is None or "chart" not in plan.raw.sections:
        return None
    try:
        image = plan_preview(plan.raw, max_px=max_px)
    except OrgDesignerError:
        return None
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def export(
    design: Design,
    path: Path,
    options: Any,
    progress: Callback,
    findings: list | None = None,
) -> None:
    """Write the PDF atomically; `progress` may raise Cancelled (then nothing is written)."""
    _render.export_pdf(design, path, options, progress=progress, findings=findings)


def export_slides(design: Design, path: Path, options: Any, progress: Callback) -> None:
    """Write the PowerPoint deck (one slide per chart-book page, index, tables) atomically;
    `progress` may raise Cancelled (then nothing is written)."""
    from orgdesigner.render.pptx_deck import export_pptx

    export_pptx(design, path, options, progress=progress)
