"""The validator: pure functions over a design that return findings.

`validate(design)` runs every registered rule (see `registry`) and returns the
findings sorted by severity (errors first), then by rule. Rules live in one
module per family: `ownership`, `marketing`, `mechanisms`, `structure`, `budget`. Every rule
is linear in the size of the design (indexes come from `Context`), so a
10,000-department design validates interactively.
"""

from __future__ import annotations

from typing import Iterable

from ..design import Design
from ..findings import Finding, Severity

# Importing the families registers their rules; this order is the report order.
from . import ownership, marketing, mechanisms, structure, budget  # noqa: F401  # isort: skip
from .context import Context
from .registry import RULES, Rule, rule
from .settings import DEFAULTS, Thresholds, disabled_rules, thresholds

__all__ = [
    "validate",
    "RULES",
    "Rule",
    "rule",
    "Context",
    "Thresholds",
    "DEFAULTS",
    "thresholds",
    "disabled_rules",
    "has_errors",
]


def validate(
    design: Design, *, language: str | None = None, rules: Iterable[str] | None = None
) -> list[Finding]:
    """All findings for `design`, errors first; messages in `language` or the design's.

    Runs every rule except those in the design's `disabled_rules` setting, or
    exactly `rules` when given.
    """
    if rules is None:
        off = disabled_rules(design)
        chosen = [rule_id for rule_id in RULES if rule_id not in off]
    else:
        chosen = list(rules)
        unknown = [r for r in chosen if r not in RULES]
        if unknown:
            raise ValueError(f"unknown validator rules: {', '.join(unknown)}")
    ctx = Context(design, language)
    findings: list[Finding] = []
    for rule_id in chosen:
        findings.extend(RULES[rule_id].check(ctx))
    order = {rule_id: i for i, rule_id in enumerate(RULES)}
    findings.sort(key=lambda f: (f.severity.rank, order.get(f.rule, len(order))))
    return findings


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
