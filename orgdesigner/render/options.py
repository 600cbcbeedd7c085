"""Export options shared by the CLI, the editor's export dialog and the writers.

One dataclass so the dialog and `export --paper ...` cannot drift apart;
`checked()` turns bad values into one readable error line.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib import pagesizes

from ..errors import OrgDesignerError

PAPERS: dict[str, tuple[float, float]] = {  # portrait width, height in points
    "A4": pagesizes.A4,
    "A3": pagesizes.A3,
    "A2": pagesizes.A2,
    "A1": pagesizes.A1,
    "A0": pagesizes.A0,
    "Letter": pagesizes.LETTER,
    "Legal": pagesizes.LEGAL,
    "Tabloid": (792.0, 1224.0),
}
ORIENTATIONS = ("auto", "portrait", "landscape")
FIT_MODES = ("auto", "page", "tiles", "book")
SECTIONS = ("cover", "changes", "chart", "legend", "owners", "kpis", "findings", "departments")
MM = 72.0 / 25.4


class ExportOptionError(OrgDesignerError):
    """An export option out of range (named in the message)."""


@dataclass(frozen=True)
class ExportOptions:
    paper: str = "A4"
    orientation: str = "auto"  # auto: whichever fits the chart better
    fit: str = "auto"  # page: one page; tiles: N x M pages; book: pages by branch; auto
    scale: float | None = None  # tiles: 1 = 100% (a box is 180 pt wide); page: the largest
    sections: tuple[str, ...] = SECTIONS
    lang: str | None = None  # zh or en; default: the design's language
    font: str | None = None  # font file or STSong-Light; default: $ORGDESIGNER_FONT or found
    margin_mm: float = 12.0
    min_font: float = 5.0  # smallest readable chart text in pt (fit -> tiles below this)
    overlap_mm: float = 8.0  # tiles overlap
    auto_layout: bool = False  # tidy layout instead of the arranged positions
    date: str | None = None  # the printed date; default today
    author: str | None = None  # the cover's author when the design names none (the editor's user)
    # `changes` section and change colouring: a compare.Comparison of a base with this design
    comparison: Any = field(default=None, compare=False, repr=False)
    base_label: str = ""  # how the base is named on the page (e.g. plan.db#现状)
    target_label: str = ""

    def checked(self) -> "ExportOptions":
        paper = {k.lower(): k for k in PAPERS}.get(str(self.paper).lower())
        if paper is None:
            raise ExportOptionError(f"unknown paper {self.paper!r}; use one of {', '.join(PAPERS)}")
        if self.orientation not in ORIENTATIONS:
            raise ExportOptionError(f"orientation must be one of {', '.join(ORIENTATIONS)}")
        if self.fit not in FIT_MODES:
            raise ExportOptionError(f"fit must be one of {', '.join(FIT_MODES)}")
        if self.scale is not None and not (0.05 <= self.scale <= 10):
            raise ExportOptionError("scale must be between 0.05 and 10")
        sections = tuple(s.strip() for s in self.sections if s.strip())
        unknown = [s for s in sections if s not in SECTIONS]
        if unknown or not sections:
            raise ExportOptionError(
                f"unknown section {', '.join(unknown) or '(none given)'}; choose from {', '.join(SECTIONS)}"
            )
        if self.lang not in (None, "zh", "en"):
            raise ExportOptionError("lang must be zh or en")
        if not (0 <= self.margin_mm <= 100):
            raise ExportOptionError("margin must be between 0 and 100 mm")
        if not (1 <= self.min_font <= 30):
            raise ExportOptionError("minimum font size must be between 1 and 30 pt")
        if not (0 <= self.overlap_mm <= 50):
            raise ExportOptionError("tile overlap must be between 0 and 50 mm")
        ordered = tuple(
            s for s in SECTIONS if s in sections and (s != "changes" or self.comparison is not None)
        )  # needs a base
        if not ordered:
            raise ExportOptionError("the changes section needs a base design to compare with")
        return replace(self, paper=paper, sections=ordered)

    @classmethod
    def from_mapping(cls, values: dict) -> "ExportOptions":
        """From CLI/dialog values; None means 'default'; sections may be 'a,b,c'."""
        known = {k: v for k, v in values.items() if k in cls.__dataclass_fields__ and v is not None}
        if isinstance(known.get("sections"), str):
            known["sections"] = tuple(known["sections"].split(","))
        return cls(**known).checked()


def page_size(paper: str, orientation: str) -> tuple[float, float]:
    w, h = PAPERS[paper]
    return (max(w, h), min(w, h)) if orientation == "landscape" else (min(w, h), max(w, h))
