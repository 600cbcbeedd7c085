"""Printing a design: the chart model and its PDF, SVG and PNG backends (no Qt).

The editor's export dialog calls `plan_pages` for its page-count preview and
`export_pdf(design, path, options, progress=callback)` to write the file; the
callback is an `orgdesigner.progress` one and may raise `progress.Cancelled`.
"""

from .options import ExportOptions, PAPERS, SECTIONS
from .proposal import PagePlan, export_pdf, plan_pages, render_pdf

__all__ = [
    "ExportOptions",
    "PAPERS",
    "SECTIONS",
    "PagePlan",
    "export_pdf",
    "plan_pages",
    "render_pdf",
]
