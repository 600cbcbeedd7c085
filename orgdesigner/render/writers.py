"""The `.pdf`, `.svg`, `.png` and `.pptx` writers registered in `orgdesigner.formats`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..design import Design
from .options import ExportOptions


def write_chart(design: Design, path: Path, options: ExportOptions | None = None) -> Any:
    """Write by suffix; return the PDF's PagePlan (None for SVG/PNG)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from .proposal import export_pdf

        return export_pdf(design, path, options)
    if suffix == ".pptx":
        from .pptx_deck import export_pptx

        return export_pptx(design, path, options)
    if suffix == ".svg":
        from .svg import export_svg

        return export_svg(design, path, options)
    from .png import export_png

    return export_png(design, path, options)
