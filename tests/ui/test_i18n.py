"""Placeholders are filled in one pass: a name containing "%2" stays as it is."""

from ui.i18n import fill


def test_fill_replaces_each_placeholder_once():
    assert fill("Link: %1 — %2", "A%2", "B") == "Link: A%2 — B"
    assert fill("%1 of %2", 3, 29) == "3 of 29"
    assert fill("%1 and %3", "x") == "x and %3"
