"""Translation helpers: every user-visible string goes through Qt's `translate`.

`pyside6-lupdate` files a `self.tr(...)` call under its class name and a
plain module-level `tr(...)` call under the empty context, so the module
helper below translates in the empty context: what lupdate extracts is what
the app looks up. A plural is `tr("%n page(s)", None, n)` (three arguments,
the form lupdate marks as numerus).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from orgdesigner.entities import DeptKind, LinkKind
from orgdesigner.kind_words import link_kind_word, unit_kind_word


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a module-level string (context "" as lupdate extracts it)."""
    return english_plural(QCoreApplication.translate("", text, disambiguation, n), n)


def english_plural(text: str, n: int) -> str:
    """No translation loaded for a %n string: make the English source read well ("1 page")."""
    if n >= 0:
        text = text.replace("(s)", "" if n == 1 else "s").replace("(es)", "" if n == 1 else "es")
    return text


def ui_language() -> str:
    """ "zh" or "en": the UI's language now (QLocale's default, set with the translation)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def kind_label(kind: DeptKind) -> str:
    """A unit kind as menus, panels and tooltips name it (the core's one bilingual table)."""
    return unit_kind_word(kind, ui_language())


def link_kind_label(kind: LinkKind) -> str:
    """A link kind as menus, panels and tooltips name it (the core's one bilingual table)."""
    return link_kind_word(kind, ui_language())


_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(text: str, *args: object) -> str:
    """Put args into Qt-style %1, %2 ... in one pass.

    Chained `.replace("%1", a).replace("%2", b)` would also replace a "%2"
    inside `a` (a department called "A%2" read as "AB").
    """
    return _PLACEHOLDER.sub(
        lambda m: str(args[int(m.group(1)) - 1]) if int(m.group(1)) <= len(args) else m.group(0),
        text,
    )


def severity_count(severity: str, n: int) -> str:
    """'3 errors' / '1 warning' / '2 notes': one wording for the Findings panel and the status bar."""
    texts = {
        "error": tr("%n error(s)", None, n),
        "warning": tr("%n warning(s)", None, n),
        "info": tr("%n note(s)", None, n),
    }
    return texts[severity]
