"""The rule registry: a rule is one function `check(ctx) -> Iterable[Finding]`.

Adding a rule is one decorated function (in the module of its family) plus
its test; `validate()` runs every registered rule in registration order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..findings import Finding
from .context import Context

Check = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    check: Check
    summary: str  # one line: what the rule looks for (from the docstring)


RULES: dict[str, Rule] = {}


def rule(rule_id: str) -> Callable[[Check], Check]:
    """Register `check` under `rule_id` (ids are unique)."""

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"validator rule {rule_id!r} is registered twice")
        summary = (check.__doc__ or "").strip().splitlines()[0] if check.__doc__ else ""
        RULES[rule_id] = Rule(rule_id, check, summary)
        return check

    return register
