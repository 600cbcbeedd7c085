"""The validator: pure functions over a design that return findings.

`validate(design)` runs every registered rule (see `registry`) and returns the
findings sorted by severity (errors first), then by rule. Rules live in one
module per family: `ownership`, `marketing`, `mechanisms`, `structure`, `budget`. Every rule
is linear in the size of the design (indexes come from `Context`), so a
10,000-department design validates interactively.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import attrgetter, is_
from typing import Iterable

from ..design import Design
from ..findings import Finding, Severity
from ..gcpause import gc_paused
from ..progress import steps

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
    by_rule: dict[str, list[Finding]] = {rule_id: [] for rule_id in RULES}
    with gc_paused():  # the findings make no reference cycles (see gcpause)
        for rule_id in steps("checking", chosen, len(chosen), every=1):  # a callback may cancel
            by_rule[rule_id].extend(RULES[rule_id].check(ctx))
        findings = _report_order(by_rule.values())
        # Not gc.freeze() + gc.unfreeze() to move the findings to the oldest generation (it
        # saved a young collection over them, a tenth of a run at 100,000): in the editor it
        # made a later collection crash the process (a segfault in tests/ui, gone without it).
    return findings


_SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_severity = attrgetter("severity")


def _report_order(by_rule: Iterable[list[Finding]]) -> list[Finding]:
    """Errors first, then by rule in report order, each rule's findings in its own order:
    a stable sort on (severity, rule), done as buckets with the per-finding steps in C
    (55,000 findings at 100,000 departments). A severity that is no `Severity` is dropped."""
    errors: list[Finding] = []
    buckets: tuple[list[Finding], ...] = (errors, [], [])
    for findings in by_rule:
        left = len(findings)
        if not left:
            continue
        severities = list(map(_severity, findings))
        for bucket, severity in zip(buckets, _SEVERITY_ORDER):
            chosen = list(map(is_, severities, repeat(severity)))
            found = chosen.count(True)
            if found == len(findings):
                bucket.extend(findings)  # (most rules report at one severity)
            elif found:
                bucket.extend(compress(findings, chosen))
            left -= found
            if not left:
                break
    errors.extend(buckets[1])
    errors.extend(buckets[2])
    return errors


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
