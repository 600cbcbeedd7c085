"""Turn spreadsheet cells into department field values, saying what was changed.

Each parser returns the value to use and, when the cell was not usable as
is, a short phrase for the import report; it never raises.
"""

from __future__ import annotations

import math
import re

from ..entities import DEFAULT_COLOR, MAX_COORD, MAX_TEXT, DeptKind

_CURRENCY = re.compile(r"[£$€¥￥\s\u00a0]|RMB|CNY|USD|GBP|EUR|元", re.IGNORECASE)
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d{1,2}$")
_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")

KIND_WORDS: dict[str, DeptKind] = {
    "department": DeptKind.DEPARTMENT,
    "dept": DeptKind.DEPARTMENT,
    "部门": DeptKind.DEPARTMENT,
    "科室": DeptKind.DEPARTMENT,
    "处": DeptKind.DEPARTMENT,
    "directorate": DeptKind.DEPARTMENT,
    "team": DeptKind.TEAM,
    "group": DeptKind.TEAM,
    "subgroup": DeptKind.TEAM,
    "小组": DeptKind.TEAM,
    "组": DeptKind.TEAM,
    "团队": DeptKind.TEAM,
    "unit": DeptKind.TEAM,
    "committee": DeptKind.COMMITTEE,
    "board": DeptKind.COMMITTEE,
    "委员会": DeptKind.COMMITTEE,
    "businessunit": DeptKind.BUSINESS_UNIT,
    "division": DeptKind.BUSINESS_UNIT,
    "bu": DeptKind.BUSINESS_UNIT,
    "事业部": DeptKind.BUSINESS_UNIT,
    "office": DeptKind.OFFICE,
    "办公室": DeptKind.OFFICE,
}


# Leader cells that name no person. UK organograms write Vacant or Eliminated for an empty
# post and N/D ("not disclosed") for a junior holder's withheld name; Chinese HR sheets 空缺.
VACANT_WORDS = frozenset(
    {"vacant", "vacancy", "eliminated", "空缺", "空缺岗位", "空岗", "暂缺", "待招聘"}
)
UNDISCLOSED_WORDS = frozenset({"n/d", "not disclosed", "withheld", "未公开", "不公开"})


def no_leader(leader: str) -> str:
    """ "vacant" or "undisclosed" when a leader cell names no person, else ""."""
    word = clean_text(leader).strip("'\"").rstrip(".").casefold()
    return "vacant" if word in VACANT_WORDS else "undisclosed" if word in UNDISCLOSED_WORDS else ""


def clean_text(cell: str) -> str:
    """Surrounding spaces dropped, line breaks unified (CRLF/CR -> LF)."""
    return cell.replace("\r\n", "\n").replace("\r", "\n").strip()


def clip(text: str, limit: int = MAX_TEXT) -> tuple[str, str | None]:
    if len(text) <= limit:
        return text, None
    return text[: limit - 1] + "…", f"cut to {limit} characters"


def parse_number(
    cell: str, *, allow_negative: bool = False, limit: float = 1e15
) -> tuple[float, str | None]:
    """A number from text like `1,234.5`, `£1 200`, `0.6`, `1,5`; 0 with a phrase when unusable."""
    text = clean_text(cell)
    if not text:
        return 0.0, None
    compact = _CURRENCY.sub("", text)
    note = None
    if _THOUSANDS.match(compact):
        compact = compact.replace(",", "")
    elif _DECIMAL_COMMA.match(compact):
        compact = compact.replace(",", ".")
        note = f"read {text!r} as {compact} (decimal comma)"
    try:
        value = float(compact)
    except ValueError:
        return 0.0, f"{text!r} is not a number: used 0"
    if not math.isfinite(value) or abs(value) > limit:
        return 0.0, f"{text!r} is out of range: used 0"
    if value < 0 and not allow_negative:
        return 0.0, f"{text!r} is negative: used 0"
    return value, note


def parse_kind(cell: str) -> tuple[DeptKind, str | None]:
    text = clean_text(cell)
    if not text:
        return DeptKind.DEPARTMENT, None
    key = re.sub(r"[\s_\-]+", "", text.casefold())
    for kind in DeptKind:
        if key == kind.value.replace("_", ""):
            return kind, None
    if key in KIND_WORDS:
        return KIND_WORDS[key], None
    return DeptKind.DEPARTMENT, f"unknown kind {text!r}: used department"


def parse_color(cell: str) -> tuple[str, str | None]:
    text = clean_text(cell)
    if not text:
        return DEFAULT_COLOR, None
    match = _HEX.match(text)
    if not match:
        return DEFAULT_COLOR, f"colour {text!r} is not #rrggbb: used the default"
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits.lower(), None


def parse_coord(cell: str) -> tuple[float, str | None]:
    return parse_number(cell, allow_negative=True, limit=MAX_COORD)


def format_number(value: float) -> str:
    """Numbers written back to cells: `3` not `3.0`, `0.65` stays `0.65`."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


# ------------------------------------------------------- CSV formula injection
# A spreadsheet program runs a cell that starts with one of these as a formula
# (OWASP "CSV injection"). Our CSV export writes such text cells with a leading
# apostrophe (and doubles one that starts with an apostrophe already), and the
# import of a file with our export's header takes exactly one apostrophe off,
# so names survive the round trip unchanged.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
EXPORT_COLUMNS = (
    "id",
    "parent",
    "name",
    "kind",
    "leader",
    "headcount",
    "budget",
    "color",
    "x",
    "y",
    "notes",
    "staff_unit",  # format 3's staff flag (参谋部门): "yes" or empty
)
EXPORT_TEXT_COLUMNS = frozenset({"id", "parent", "name", "kind", "leader", "color", "notes"})


def is_own_export(header: list[str]) -> bool:
    """Our export's header, also as written before the staff_unit column."""
    return tuple(header) in (EXPORT_COLUMNS, EXPORT_COLUMNS[:-1])


FLAG_YES = frozenset({"yes", "y", "true", "1", "x", "✓", "是", "参谋", "参谋部门", "staff"})
FLAG_NO = frozenset({"", "no", "n", "false", "0", "-", "否"})


def parse_flag(cell: str) -> tuple[bool, str | None]:
    """A yes/no cell (yes, 1, x, 是 ... / empty, no, 0, 否)."""
    word = clean_text(cell).casefold()
    if word in FLAG_YES:
        return True, None
    if word in FLAG_NO:
        return False, None
    return False, "not yes or no"


def neutralise_formula(text: str) -> str:
    """A text cell a spreadsheet will show as text, never run."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore_formula_text(text: str) -> str:
    """The inverse of `neutralise_formula`."""
    return text[1:] if text.startswith("'") else text
