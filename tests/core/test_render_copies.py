"""Copies made field by field for speed (no `dataclasses.replace`) keep every field."""

from __future__ import annotations


def test_moved_box_copies_every_field() -> None:
    """`moved_box` builds the copy field by field: a field added to Box or TextLine must be copied."""
    from dataclasses import fields, replace

    from orgdesigner.entities import DeptKind
    from orgdesigner.render.book_pages import moved_box
    from orgdesigner.render.chart import Box, TextLine

    line = TextLine("市场部", 9.0, 50.0, 30.0, "#111111", True, "end")
    box = Box(
        "d1", "市场部", 10.0, 20.0, 160.0, 64.0, DeptKind.TEAM, "octagon", 6.0, True, 1.5,
        [(10.0, 20.0), (170.0, 20.0), (170.0, 26.0)], "#336699", "#ffffff", [line],
    )  # fmt: skip
    moved = moved_box(box, 110.0, 220.0)
    expected = replace(
        box,
        x=110.0,
        y=220.0,
        band=[(110.0, 220.0), (270.0, 220.0), (270.0, 226.0)],
        lines=[replace(line, x=150.0, y=230.0)],
    )
    for f in fields(Box):
        assert getattr(moved, f.name) == getattr(expected, f.name), f.name
    assert moved.lines[0] is not line and box.lines[0] == line


def test_link_piece_copies_every_field() -> None:
    """`LinkLine.piece` builds the copy field by field: a field added to LinkLine must be copied."""
    from dataclasses import fields, replace

    from orgdesigner.entities import LinkKind
    from orgdesigner.render.chart import LinkLine

    kind = next(iter(LinkKind))
    link = LinkLine(
        "l1", kind, "#123456", (3.0, 2.0), (0.0, 0.0), (100.0, 50.0), (50.0, 0.0), True,
        "协作", (50.0, 10.0), 30.0, "#000011", [(0.0, 0.0), (100.0, 0.0), (100.0, 50.0)], 7.0,
    )  # fmt: skip
    piece = link.piece([(0.0, 0.0), (60.0, 0.0)], False)
    expected = replace(link, route=[(0.0, 0.0), (60.0, 0.0)], directed=False)
    for f in fields(LinkLine):
        assert getattr(piece, f.name) == getattr(expected, f.name), f.name
