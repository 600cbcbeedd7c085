"""The validator's fast paths give exactly what the plain code gives.

`make_finding` skips the frozen dataclass's `__init__`, and the budget rule's
`_amount` formats whole floats through `int`; both must be indistinguishable
from the straightforward versions (the golden test pins whole designs, these
pin the edges: -0.0, huge floats, big ints, fractions).
"""

from __future__ import annotations

import copy
import json
import pickle

from hypothesis import given, settings, strategies as st

from orgdesigner.findings import Finding, Severity, make_finding
from orgdesigner.validator.budget import _amount


def _plain_amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


@settings(deadline=None)  # (timing varies on a loaded machine)
@given(st.floats(allow_nan=False, allow_infinity=False) | st.integers(-(10**20), 10**20))
def test_amount_is_the_plain_format(value):
    assert _amount(value) == _plain_amount(value)


def test_amount_edges():
    for value in (0.0, -0.0, 1.0, 1e15, 1e300, 2.0**53 + 2, 10**17 + 1, 0.5, 1234.565):
        assert _amount(value) == _plain_amount(value)


@settings(deadline=None)  # (timing varies on a loaded machine)
@given(
    st.text(max_size=20),
    st.sampled_from(list(Severity)),
    st.text(max_size=50),
    st.lists(st.text(max_size=8), max_size=4).map(tuple),
)
def test_make_finding_is_a_finding(rule, severity, message, objects):
    fast, plain = (
        make_finding(rule, severity, message, objects),
        Finding(rule, severity, message, objects),
    )
    assert type(fast) is Finding
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert fast.to_json() == plain.to_json()
    assert pickle.loads(pickle.dumps(fast)) == plain and copy.copy(fast) == plain


@settings(deadline=None)  # (timing varies on a loaded machine)
@given(
    st.lists(
        st.builds(
            make_finding,
            st.text(max_size=12),
            st.sampled_from(list(Severity)),
            st.text(max_size=40),
            st.lists(st.text(max_size=6), max_size=3).map(tuple),
        ),
        max_size=4,
    )
)
def test_validate_json_is_what_json_dumps_writes(findings):
    from orgdesigner.commands.validate import findings_json

    expected = json.dumps(
        {"findings": [f.to_json() for f in findings]}, ensure_ascii=False, indent=2
    )
    assert findings_json(findings) == expected


def test_validate_leaves_no_reference_cycles():
    """`validate` pauses the cyclic collector while it builds findings, which is right only if
    nothing it makes needs the collector to be freed."""
    import gc

    from orgdesigner.gcpause import gc_paused
    from orgdesigner.validator import validate

    from .test_validator_golden import mixed_design

    design = mixed_design(300, seed=3)
    gc.collect()
    with gc_paused():
        assert validate(design, language="zh") and validate(design, language="en")
        assert gc.collect() == 0
