"""The rule registry: a rule is one function `check(ctx) -> Iterable[Finding]`.

Adding a rule is one decorated function (in the module of its family) plus
its test; `validate()` runs every registered rule in registration order.
Each rule has a short title in both languages for lists, the findings panel
and the PDF proposal.
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
    title_zh: str
    title_en: str
    summary: str  # one line: what the rule looks for (from the docstring)

    def title(self, language: str) -> str:
        return self.title_zh if language == "zh" else self.title_en


RULES: dict[str, Rule] = {}


def rule(rule_id: str, *, zh: str = "", en: str = "") -> Callable[[Check], Check]:
    """Register `check` under `rule_id` (ids are unique), titled `zh` / `en`."""

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"validator rule {rule_id!r} is registered twice")
        summary = (check.__doc__ or "").strip().splitlines()[0] if check.__doc__ else ""
        RULES[rule_id] = Rule(rule_id, check, zh or rule_id, en or rule_id, summary)
        return check

    return register
