"""The validator pauses the garbage collector and always leaves it as it found it."""

import gc

import pytest

from orgdesigner.gcpause import gc_paused
from orgdesigner.validator import RULES, rule, validate

from .validator_cases import make


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_nested_pauses_switch_the_collector_back_on_only_at_the_outermost_end(collector_on):
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off(collector_on):
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_validate_pauses_the_collector_and_restores_it_when_a_rule_fails(collector_on):
    seen = []

    @rule("test-gc-state")
    def gc_state(ctx):
        """Records whether the collector runs, then fails (test only)."""
        seen.append(gc.isenabled())
        raise RuntimeError("broken rule")
        yield

    try:
        with pytest.raises(RuntimeError):
            validate(make([("gm", None)]), rules=["test-gc-state"])
    finally:
        del RULES["test-gc-state"]
    assert seen == [False]
    assert gc.isenabled()
