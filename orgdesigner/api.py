"""The small public API for scripts: `from orgdesigner import open_design, validate, ...`.

Each function imports what it needs when called, so `import orgdesigner`
stays cheap (no SQLAlchemy, pydantic or ReportLab until you use them).
Errors are `orgdesigner.errors.OrgDesignerError` with a one-line message.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .design import Design
    from .findings import Finding
    from .importing import ImportOptions, ImportReport
    from .render.options import ExportOptions
    from .render.proposal import PagePlan


def open_design(path: str | Path) -> Design:
    """Read a design from `.db`, `.json`, `.csv`, `.tsv` or `.xlsx` (never locks, never writes)."""
    from .formats import read_design

    return read_design(path)


def save_design(design: Design, path: str | Path) -> None:
    """Write `design` to a `.db` or `.json` file, or export `.csv`/`.xlsx`/`.svg`/`.png`."""
    from .formats import write_design

    write_design(design, path)


def validate(design: Design, language: str | None = None) -> list[Finding]:
    """The validator's findings, errors first; messages in `language` (zh/en) or the design's."""
    from .validator import validate as run

    return run(design, language=language)


def export_pdf(
    design: Design, path: str | Path, options: ExportOptions | None = None, **settings: Any
) -> PagePlan:
    """Write the PDF structure proposal; `settings` are `ExportOptions` fields (paper="A3" ...)."""
    from dataclasses import replace

    from .render.options import ExportOptions
    from .render.proposal import export_pdf as write

    if settings:
        options = replace(options or ExportOptions(), **settings)
    return write(design, Path(path), options)


def import_table(
    path: str | Path, mapping: dict[str, str] | None = None, options: ImportOptions | None = None
) -> tuple[Design, ImportReport]:
    """A design from a CSV/Excel file plus the report of every repair (see README)."""
    from .importing import import_table as read

    return read(path, mapping, options)
