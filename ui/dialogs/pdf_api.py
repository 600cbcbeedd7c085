"""The PDF exporter as the export dialog sees it: options, page planning, export, progress.

One small adapter, so the dialog does not depend on how the core arranges
its PDF modules; while the exporter is not installed, `available()` is False
and the dialog says so instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from orgdesigner.design import Design

try:
    from orgdesigner import pdf as _pdf
    from orgdesigner.render.options import PAPERS, SECTIONS, ExportOptions
except ImportError:  # pragma: no cover - only before the exporter is installed
    _pdf = None
    ExportOptions = None  # type: ignore[assignment,misc]
    PAPERS = {"A4": (0, 0), "A3": (0, 0), "A2": (0, 0), "A1": (0, 0), "A0": (0, 0),
              "Letter": (0, 0), "Legal": (0, 0), "Tabloid": (0, 0)}
    SECTIONS = ("cover", "chart", "legend", "owners", "findings", "departments")


@dataclass(frozen=True)
class Plan:
    pages: int
    detail: str  # e.g. "3 x 2 tiles + overview"; "" when the chart is one page


def available() -> bool:
    return _pdf is not None


def make_options(values: dict[str, Any]) -> Any:
    """Core options from the dialog's values (raises OrgDesignerError for bad ones)."""
    return ExportOptions.from_mapping(values)


def plan(design: Design, options: Any) -> Plan:
    result = _pdf.plan_pages(design, options)
    pages = int(getattr(result, "pages", result))
    detail = str(getattr(result, "detail", "") or "")
    return Plan(pages, detail)


def export(design: Design, path: Path, options: Any, progress: Callable[..., None]) -> None:
    _pdf.export_pdf(design, path, options, progress=progress)


def fraction(*args: Any) -> float:
    """Progress as 0..1 from `(done, total)` or `(fraction)` callbacks."""
    if len(args) >= 2 and isinstance(args[1], (int, float)) and args[1]:
        value = float(args[0]) / float(args[1])
    elif args and isinstance(args[0], (int, float)):
        value = float(args[0])
    else:
        return 0.0
    return min(1.0, max(0.0, value))
