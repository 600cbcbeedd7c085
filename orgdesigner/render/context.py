"""What every section of a proposal needs to know, computed once per export."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from ..design import Design
from ..findings import Finding
from ..fonts import ChartFont
from ..rollups import Rollup
from .book import Book
from .chart import Chart
from .labels import text
from .options import ExportOptions
from .paging import ChartPlan, Frame


@dataclass
class Page:
    """One planned page: drawn later, when the total page count is known."""

    section: str
    header: str
    draw: Callable[[object], None]  # draw(canvas) inside the frame
    outline: list[tuple[str, str, int]] = field(default_factory=list)  # title, key, level
    sheet: Callable[[], object] | None = None  # the page as a render.sheet.Sheet, for printers


@dataclass
class Context:
    design: Design
    options: ExportOptions
    lang: str
    font: ChartFont
    chart: Chart
    plan: ChartPlan
    rollups: dict[str, Rollup]
    findings: list[Finding] | None  # None: validator not available
    date: str
    next_page: int = 1  # number of the first page of the section being planned
    section_page: dict[str, int] = field(default_factory=dict)
    dept_page: Callable[[str], int | None] = lambda _id: None
    targets: set[str] = field(default_factory=set)  # department ids findings link to
    total_pages: int = 0
    book: Book | None = None  # the chart book's page plan (--fit book)

    @property
    def frame(self) -> Frame:
        return self.plan.frame

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)


def today() -> str:
    return date.today().isoformat()


def dest_key(dept_id: str) -> str:
    """The named PDF destination of a department's box on the chart."""
    return f"dept-{dept_id}"
