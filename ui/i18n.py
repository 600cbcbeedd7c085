"""Translation helpers: every user-visible string goes through Qt's `translate`."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from orgdesigner.entities import DeptKind, LinkKind
from orgdesigner.kind_words import link_kind_word, unit_kind_word


def ui_language() -> str:
    """The editor's own language, "zh" or "en" (the locale its translations load for)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def kind_label(kind: DeptKind) -> str:
    """A unit kind as menus, panels and tooltips name it (the core's one bilingual table)."""
    return unit_kind_word(kind, ui_language())


def link_kind_label(kind: LinkKind) -> str:
    """A link kind as menus, panels and tooltips name it (the core's one bilingual table)."""
    return link_kind_word(kind, ui_language())


def tr_n(context: str, text: str, n: int) -> str:
    """A `%n` plural through Qt; untranslated English "(s)" becomes the right form."""
    out = QCoreApplication.translate(context, text, None, n)
    if "(s)" in out:  # no translation loaded: make the English source read well
        out = out.replace("(s)", "" if n == 1 else "s")
    return out


_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(text: str, *args: object) -> str:
    """Put args into Qt-style %1, %2 ... in one pass.

    Chained `.replace("%1", a).replace("%2", b)` would also replace a "%2"
    inside `a` (a department called "A%2" read as "AB").
    """
    return _PLACEHOLDER.sub(lambda m: str(args[int(m.group(1)) - 1])
                            if int(m.group(1)) <= len(args) else m.group(0), text)
