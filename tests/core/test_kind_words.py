"""One table of kind words: every kind named in both languages, the renderer reads the same words."""

from __future__ import annotations

from orgdesigner.entities import DeptKind, LinkKind
from orgdesigner.kind_words import LINK_KIND_WORDS, UNIT_KIND_WORDS, link_kind_word, unit_kind_word
from orgdesigner.render.labels import text


def test_every_kind_has_both_languages():
    assert set(UNIT_KIND_WORDS) == set(DeptKind) and set(LINK_KIND_WORDS) == set(LinkKind)
    for words in [*UNIT_KIND_WORDS.values(), *LINK_KIND_WORDS.values()]:
        assert set(words) == {"zh", "en"} and all(words.values())


def test_renderer_uses_the_table():
    for kind in DeptKind:
        for lang in ("zh", "en"):
            assert text(kind.value, lang) == unit_kind_word(kind, lang)
    assert text("link:committee", "zh") == link_kind_word(LinkKind.COMMITTEE, "zh") == "委员会成员"
    assert unit_kind_word(DeptKind.TEAM, "fr") == "Team"
