"""The words for unit kinds and link kinds, in both languages: one table for every view.

The canvas, the properties panels and the PDF/SVG/PNG renderer all name a
kind from here, so "小组" on a box, in the kind menu and in the PDF legend is
the same word. Plain data: importing it pulls in neither Qt nor ReportLab.
"""

from __future__ import annotations

from .entities import DeptKind, LinkKind

UNIT_KIND_WORDS: dict[DeptKind, dict[str, str]] = {
    DeptKind.DEPARTMENT: {"zh": "部门", "en": "Department"},
    DeptKind.TEAM: {"zh": "小组", "en": "Team"},
    DeptKind.COMMITTEE: {"zh": "委员会", "en": "Committee"},
    DeptKind.BUSINESS_UNIT: {"zh": "事业部", "en": "Business unit"},
    DeptKind.OFFICE: {"zh": "办公室", "en": "Office"},
}

LINK_KIND_WORDS: dict[LinkKind, dict[str, str]] = {
    LinkKind.COLLABORATION: {"zh": "协作关系", "en": "Collaboration"},
    LinkKind.COMMITTEE: {"zh": "委员会成员", "en": "Committee membership"},
    LinkKind.DOTTED: {"zh": "虚线汇报", "en": "Dotted-line reporting"},
}


def unit_kind_word(kind: DeptKind, language: str) -> str:
    """The kind's name in `language` (zh or en; anything else reads English)."""
    words = UNIT_KIND_WORDS[DeptKind(kind)]
    return words.get(language, words["en"])


def link_kind_word(kind: LinkKind, language: str) -> str:
    words = LINK_KIND_WORDS[LinkKind(kind)]
    return words.get(language, words["en"])
