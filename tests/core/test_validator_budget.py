"""Budget rule: the sub-units' budgets must fit in the parent's."""

from orgdesigner.findings import Severity
from orgdesigner.validator import validate

from .validator_cases import found, make


def test_children_above_parent():
    design = make(
        [
            ("mkt", None, {"budget": 100}),
            ("a", "mkt", {"budget": 60}),
            ("b", "mkt", {"budget": 50}),
            ("c", "mkt"),
        ]
    )
    assert found(design, "budget-exceeds-parent") == [(Severity.WARNING, ("mkt", "a", "b"))]
    message = next(f.message for f in validate(design) if f.rule == "budget-exceeds-parent")
    assert "110" in message and "100" in message


def test_children_within_parent_pass():
    design = make(
        [("mkt", None, {"budget": 100}), ("a", "mkt", {"budget": 60}), ("b", "mkt", {"budget": 40})]
    )
    assert found(design, "budget-exceeds-parent") == []


def test_parent_without_budget_is_not_judged():
    design = make([("mkt", None), ("a", "mkt", {"budget": 60})])
    assert found(design, "budget-exceeds-parent") == []


def test_only_direct_children_count():
    design = make(
        [
            ("gm", None, {"budget": 100}),
            ("mkt", "gm", {"budget": 100}),
            ("a", "mkt", {"budget": 100}),
        ]
    )
    assert found(design, "budget-exceeds-parent") == []
