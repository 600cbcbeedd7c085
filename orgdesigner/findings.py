"""What the validator reports: one `Finding` per problem.

The validator (`orgdesigner.validator`) produces them; the editor's findings
dock, the PDF proposal and `validate --json` consume them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


# Worst first. Keyed by the plain text: a Severity (a str Enum) finds its entry too, without
# Enum's attribute machinery (sorting and badging 55,000 findings at 100,000 departments).
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self]


@dataclass(frozen=True)
class Finding:
    rule: str  # rule id, e.g. "ownerless-function"
    severity: Severity
    message: str  # in the design's language: what is wrong and what to do
    objects: tuple[str, ...] = field(default_factory=tuple)  # ids of departments/functions/links

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "objects": list(self.objects),
        }


_new = object.__new__


def make_finding(rule: str, severity: Severity, message: str, objects: tuple[str, ...]) -> Finding:
    """`Finding(rule, severity, message, objects)`, equal to it in every way, made without the
    frozen dataclass's `object.__setattr__` per field: that was a third of the cost of a
    finding, and the validator makes 6,000 at 10,000 departments, 55,000 at 100,000."""
    finding = _new(Finding)
    values = finding.__dict__
    values["rule"] = rule
    values["severity"] = severity
    values["message"] = message
    values["objects"] = objects
    return finding
