"""Marketing-hub rules: brand held centrally, the hub tied to its partners, no floating boxes."""

from orgdesigner.findings import Severity
from orgdesigner.validator import validate

from .validator_cases import found, make

W, I = Severity.WARNING, Severity.INFO

MARKETING = [("brand_management",), ("seo",), ("content",)]
PARTNERS = [
    ("sales", "sales", False),
    ("rnd", "product", False),
    ("service", "service", False),
    ("finance", "finance", False),
]


def hub_design(links=(), extra_departments=(), brand_owner="mkt", extra_roles=()):
    """mkt owns the marketing functions; sales/rnd/cs/fin own their partner functions."""
    departments = [
        ("gm", None),
        ("mkt", "gm"),
        ("sales", "gm"),
        ("rnd", "gm"),
        ("cs", "gm"),
        ("fin", "gm"),
        *extra_departments,
    ]
    roles = [
        ("brand_management", brand_owner, "A"),
        ("seo", "mkt", "A"),
        ("content", "mkt", "A"),
        ("sales", "sales", "A"),
        ("rnd", "rnd", "A"),
        ("service", "cs", "A"),
        ("finance", "fin", "A"),
        *extra_roles,
    ]
    return make(departments, MARKETING + PARTNERS, roles, list(links))


ALL_PARTNER_LINKS = [("mkt", "sales"), ("mkt", "rnd"), ("mkt", "cs"), ("mkt", "fin")]


def test_brand_split_between_two_owners():
    design = hub_design(ALL_PARTNER_LINKS, extra_roles=[("brand_management", "sales", "A")])
    assert found(design, "brand-decentralised") == [(W, ("brand_management", "mkt", "sales"))]


def test_brand_owned_by_a_group_inside_the_hub_is_central():
    design = hub_design(
        ALL_PARTNER_LINKS, [("mkt_brand", "mkt", {"kind": "team"})], brand_owner="mkt_brand"
    )
    assert found(design, "brand-decentralised") == []


def test_hub_without_links_is_a_silo_towards_each_partner():
    design = hub_design()
    assert found(design, "hub-silo") == [
        (W, ("mkt", "sales")),
        (W, ("mkt", "rnd")),
        (W, ("mkt", "cs")),
        (W, ("mkt", "fin")),
    ]
    message = next(f.message for f in validate(design) if f.rule == "hub-silo")
    assert "职能割裂" in message and "“mkt”" in message and "“sales”" in message


def test_hub_linked_to_every_partner_passes():
    assert found(hub_design(ALL_PARTNER_LINKS), "hub-silo") == []


def test_a_shared_committee_counts_as_collaboration():
    committee = [("board", "gm", {"kind": "committee"})]
    links = [
        ("board", "mkt", "committee"),
        ("board", "sales", "committee"),
        ("board", "rnd", "committee"),
        ("board", "cs", "committee"),
        ("mkt", "fin"),
    ]
    assert found(hub_design(links, committee), "hub-silo") == []


def test_a_link_from_a_hub_group_counts_for_the_hub():
    groups = [("mkt_channel", "mkt", {"kind": "team"})]
    links = [("mkt_channel", "sales"), ("mkt", "rnd"), ("mkt", "cs"), ("mkt", "fin")]
    assert found(hub_design(links, groups), "hub-silo") == []


def test_the_hub_is_the_unit_owning_most_marketing_functions():
    # sales owns one marketing function, mkt two (and brand): mkt is the hub, and its
    # missing tie to sales is reported; sales, not being the hub, is not.
    design = make(
        [("mkt", None), ("sales", None)],
        MARKETING + [("deals", "sales")],
        [
            ("brand_management", "mkt", "A"),
            ("seo", "mkt", "A"),
            ("content", "sales", "A"),
            ("deals", "sales", "A"),
        ],
    )
    assert found(design, "hub-silo") == [(W, ("mkt", "sales"))]


def test_no_hub_without_owned_marketing_functions():
    design = make([("a", None), ("b", None)], [("sales", "sales")], [("sales", "b", "A")])
    assert found(design, "hub-silo") == []


def test_a_lone_box_is_isolated():
    design = make([("gm", None), ("mkt", "gm"), ("lost", None)])
    assert found(design, "isolated-department") == [(I, ("lost",))]


def test_a_linked_root_or_a_single_department_is_not_isolated():
    assert (
        found(
            make([("gm", None), ("mkt", "gm"), ("x", None)], links=[("x", "mkt")]),
            "isolated-department",
        )
        == []
    )
    assert found(make([("only", None)]), "isolated-department") == []


def test_the_hub_among_brand_owners_owns_most_marketing_then_comes_first_in_the_design():
    from orgdesigner.validator import Context

    departments = [("gm", None), ("early", "gm"), ("late", "gm")]
    tied = [("brand_management", "late", "A"), ("brand_management", "early", "A")]
    assert Context(make(departments, MARKETING, tied)).hub == "early"
    more = [*tied, ("seo", "late", "A")]
    assert Context(make(departments, MARKETING, more)).hub == "late"
    nobody = [("seo", "late", "A"), ("content", "early", "A")]  # no brand owner: most, then first
    assert Context(make(departments, MARKETING, nobody)).hub == "early"
