"""Parts of the core that arrive from other work streams, imported defensively.

The editor runs without them (no findings, no templates); once they are on
main these functions simply start returning real results.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgdesigner.design import Design
from orgdesigner.findings import Finding


def validate(design: Design) -> list[Finding] | None:
    """The validator's findings, or None when the validator is not available."""
    try:
        from orgdesigner.validator import validate as run
    except ImportError:
        return None
    return list(run(design))


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    title: str


def templates(language: str = "zh") -> list[TemplateInfo]:
    """The starter templates (id, title); empty when the templates are not available."""
    try:
        from orgdesigner import templates as module
    except ImportError:
        return []
    for name in ("list_templates", "available", "catalog", "templates"):
        listing = getattr(module, name, None)
        if callable(listing):
            break
    else:
        return []
    try:
        items = listing(language)
    except TypeError:
        items = listing()
    out = []
    for item in items:
        if isinstance(item, tuple):
            out.append(TemplateInfo(str(item[0]), str(item[1])))
        elif isinstance(item, str):
            out.append(TemplateInfo(item, item))
        else:
            tid = getattr(item, "id", None) or getattr(item, "key", "")
            title = getattr(item, "title", None) or getattr(item, "name", tid)
            if isinstance(title, dict):
                title = title.get(language) or next(iter(title.values()))
            out.append(TemplateInfo(str(tid), str(title)))
    return out


def load_template(template_id: str, language: str = "zh") -> Design:
    from orgdesigner import templates as module

    for name in ("load_template", "load", "template_design", "create"):
        loader = getattr(module, name, None)
        if callable(loader):
            try:
                return loader(template_id, language)
            except TypeError:
                return loader(template_id)
    raise ImportError("no template loader")
