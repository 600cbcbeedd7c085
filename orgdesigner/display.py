"""How numbers read on a chart, the same on the canvas, in the PDF, SVG and PNG."""

from __future__ import annotations


def format_number(value: float) -> str:
    """1,000,000 and 12.5, never 1e+06."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def headcount_text(headcount: float, language: str) -> str:
    """The headcount on a box, in the design's language: "12 人" / "12 people"."""
    count = format_number(headcount)
    return f"{count} 人" if language == "zh" else f"{count} people"


# Names a new object gets before the user types one: chart content, so in the design's
# language (a Chinese design gets 新部门 even when the editor's menus are English).
_DEFAULT_NAMES = {
    "department": {"zh": "新部门", "en": "New department"},
    "function": {"zh": "新职能", "en": "New function"},
    "kpi": {"zh": "新指标", "en": "New KPI"},
}


def default_name(kind: str, language: str) -> str:
    """The placeholder name of a new "department", "function" or "kpi" in the design's language."""
    names = _DEFAULT_NAMES[kind]
    return names.get(language, names["en"])
