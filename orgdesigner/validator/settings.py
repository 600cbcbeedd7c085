"""Validator thresholds: defaults, overridden per design in `design.settings`.

A bad value in a file (text, zero, negative) falls back to the default
rather than stopping validation; `thresholds()` never raises.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..design import Design

SPAN_OF_CONTROL_MAX = "span_of_control_max"
MAX_LAYERS = "max_layers"


@dataclass(frozen=True)
class Thresholds:
    span_of_control_max: int = 8  # direct reports a leader can manage well
    max_layers: int = 6  # reporting layers from the top, the top included


DEFAULTS = Thresholds()


def _positive_int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if value != value or value < 1 or value > 1_000_000 or int(value) != value:
        return None
    return int(value)


def thresholds(design: Design) -> Thresholds:
    """The design's thresholds; a missing or unusable setting takes its default."""
    values = {}
    for f in fields(Thresholds):
        chosen = _positive_int(design.settings.get(f.name))
        values[f.name] = chosen if chosen is not None else getattr(DEFAULTS, f.name)
    return Thresholds(**values)


DISABLED_RULES = "disabled_rules"  # comma-separated rule ids the user switched off


def disabled_rules(design: Design) -> set[str]:
    """Rule ids switched off for this design (settings hold scalars, hence one text)."""
    value = design.settings.get(DISABLED_RULES)
    if not isinstance(value, str):
        return set()
    return {part.strip() for part in value.split(",") if part.strip()}


# The marketing budget's split (品牌广告投入 / 效果营销投入), amounts in the design's currency.
BRAND_BUDGET = "brand_budget"
PERFORMANCE_BUDGET = "performance_budget"


def amount_setting(design: Design, key: str) -> float:
    """A non-negative amount setting; missing or unusable is 0."""
    value = design.settings.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0.0
    if value != value or value < 0 or value > 1e15:
        return 0.0
    return float(value)
