"""Structure rules: one top, span of control, layers, leaders, empty boxes."""

from orgdesigner.findings import Severity
from orgdesigner.validator import validate

from .validator_cases import found, make

W, I = Severity.WARNING, Severity.INFO


def test_two_roots_are_reported_together():
    design = make([("gm", None), ("mkt", "gm"), ("board", None)], links=[("board", "mkt")])
    assert found(design, "multiple-roots") == [(W, ("gm", "board"))]


def test_one_root_passes():
    assert found(make([("gm", None), ("mkt", "gm")]), "multiple-roots") == []


def test_span_above_the_setting():
    design = make(
        [("gm", None), ("a", "gm"), ("b", "gm"), ("c", "gm")], settings={"span_of_control_max": 2}
    )
    assert found(design, "span-of-control") == [(W, ("gm",))]
    message = next(f.message for f in validate(design) if f.rule == "span-of-control")
    assert "3 个直接下级" in message and "上限 2" in message


def test_span_at_the_setting_passes():
    design = make([("gm", None), ("a", "gm"), ("b", "gm")], settings={"span_of_control_max": 2})
    assert found(design, "span-of-control") == []


def test_span_default_is_eight():
    nine = make([("gm", None)] + [(f"d{i}", "gm") for i in range(9)])
    eight = make([("gm", None)] + [(f"d{i}", "gm") for i in range(8)])
    assert found(nine, "span-of-control") == [(W, ("gm",))]
    assert found(eight, "span-of-control") == []


def test_layers_beyond_the_setting_are_reported_once_per_branch():
    chain = [("l1", None), ("l2", "l1"), ("l3", "l2"), ("l4", "l3"), ("x3", "l2")]
    design = make(chain, settings={"max_layers": 2})
    assert sorted(found(design, "too-many-layers")) == [(W, ("l3",)), (W, ("x3",))]


def test_layers_within_the_setting_pass():
    design = make([("l1", None), ("l2", "l1")], settings={"max_layers": 2})
    assert found(design, "too-many-layers") == []


def test_department_without_leader():
    design = make([("gm", None), ("mkt", "gm", {"leader": "  "})])
    assert found(design, "no-leader") == [(I, ("mkt",))]


def test_department_with_leader_passes():
    assert found(make([("gm", None, {"leader": "张伟"})]), "no-leader") == []


def test_empty_department():
    design = make([("gm", None), ("ghost", "gm", {"headcount": 0})])
    assert found(design, "empty-department") == [(W, ("ghost",))]
    message = next(f.message for f in validate(design) if f.rule == "empty-department")
    assert "“ghost”" in message


def test_people_a_role_sub_units_or_committee_members_make_a_department_not_empty():
    design = make(
        [
            ("gm", None, {"headcount": 0}),
            ("people", "gm"),
            ("owner", "gm", {"headcount": 0}),
            ("board", "gm", {"headcount": 0, "kind": "committee"}),
        ],
        [("crm",)],
        [("crm", "owner", "I")],
        [("board", "people", "committee")],
    )
    assert found(design, "empty-department") == []
