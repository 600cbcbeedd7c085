"""Ownership rules: 管理真空 (no owner), 推诿扯皮 (several owners), journey stages, R/C/I without A."""

from orgdesigner.findings import Severity
from orgdesigner.validator import validate

from .validator_cases import found, make

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO


def test_required_function_without_owner_is_an_error():
    design = make([("mkt", None)], [("brand",)])
    assert found(design, "ownerless-function") == [(E, ("brand",))]
    message = next(f.message for f in validate(design) if f.rule == "ownerless-function")
    assert "职能brand" in message and "管理真空" in message


def test_optional_function_without_owner_is_info():
    design = make([("mkt", None)], [("trade", "marketing", False)])
    assert found(design, "ownerless-function") == [(I, ("trade",))]


def test_owned_function_is_not_ownerless():
    design = make([("mkt", None)], [("brand",)], [("brand", "mkt", "A")])
    assert found(design, "ownerless-function") == []


def test_journey_stage_is_reported_by_its_own_rule_only():
    design = make([("mkt", None)], [("awareness", "journey")])
    assert found(design, "ownerless-function") == []
    assert found(design, "unowned-journey-stage") == [(E, ("awareness",))]


def test_owned_journey_stage_passes():
    design = make([("mkt", None)], [("awareness", "journey")], [("awareness", "mkt", "A")])
    assert found(design, "unowned-journey-stage") == []


def test_two_owners_are_reported_with_both_departments():
    design = make(
        [("mkt", None), ("sales", None)], [("crm",)], [("crm", "mkt", "A"), ("crm", "sales", "A")]
    )
    assert found(design, "multiple-owners") == [(W, ("crm", "mkt", "sales"))]
    message = next(f.message for f in validate(design) if f.rule == "multiple-owners")
    assert "推诿扯皮" in message and "“mkt”" in message and "“sales”" in message


def test_one_owner_and_a_doer_is_not_multiple_owners():
    design = make(
        [("mkt", None), ("sales", None)], [("crm",)], [("crm", "mkt", "A"), ("crm", "sales", "R")]
    )
    assert found(design, "multiple-owners") == []


def test_roles_without_an_owner_are_one_vacuum_finding_naming_the_departments_involved():
    design = make(
        [("mkt", None), ("sales", None), ("cs", None)],
        [("crm",)],
        [("crm", "sales", "R"), ("crm", "cs", "C")],
    )
    findings = [f for f in validate(design) if "crm" in f.objects]
    assert [(f.rule, f.severity, f.objects) for f in findings] == [
        ("ownerless-function", E, ("crm", "sales", "cs"))
    ]
    assert "“sales”" in findings[0].message  # the doer is suggested as the owner


def test_a_journey_stage_with_helpers_but_no_owner_is_one_finding():
    design = make(
        [("mkt", None), ("sales", None)],
        [("journey_purchase", "journey")],
        [("journey_purchase", "sales", "R")],
    )
    findings = [f for f in validate(design) if "journey_purchase" in f.objects]
    assert [(f.rule, f.objects) for f in findings] == [
        ("unowned-journey-stage", ("journey_purchase", "sales"))
    ]


def test_a_catalogue_stage_stays_a_stage_when_its_category_is_changed():
    design = make([("mkt", None)], [("journey_referral", "marketing")])
    assert found(design, "unowned-journey-stage") == [(E, ("journey_referral",))]
    assert found(design, "ownerless-function") == []
