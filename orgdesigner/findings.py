"""What the validator reports: one `Finding` per problem.

The validator (`orgdesigner.validator`) produces them; the editor's findings
dock, the PDF proposal and `validate --json` consume them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


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
