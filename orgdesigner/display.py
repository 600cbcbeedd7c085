"""How numbers read on a chart, the same on the canvas, in the PDF, SVG and PNG."""

from __future__ import annotations


def format_number(value: float) -> str:
    """1,000,000 and 12.5, never 1e+06."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def headcount_text(headcount: float, language: str) -> str:
    """The headcount on a box, in the design's language: "12 人" / "12 people"."""
    count = format_number(headcount)
    return f"{count} 人" if language == "zh" else f"{count} people"
