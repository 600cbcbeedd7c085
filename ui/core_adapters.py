"""The validator and the templates, as the editor uses them (one place to adapt them)."""

from __future__ import annotations

from dataclasses import dataclass

from orgdesigner import templates as _templates
from orgdesigner.design import Design
from orgdesigner.errors import OrgDesignerError
from orgdesigner.findings import Finding
from orgdesigner.validator import validate as _validate


def validate(design: Design) -> list[Finding] | None:
    """The validator's findings (None if the validator could not run, e.g. bad settings)."""
    try:
        return list(_validate(design))
    except (OrgDesignerError, ValueError):
        return None


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    title: str
    description: str = ""


def templates(language: str = "zh") -> list[TemplateInfo]:
    """The starter templates with titles in `language`; empty if the index is unreadable."""
    try:
        infos = _templates.list_templates()
    except OrgDesignerError:
        return []
    return [TemplateInfo(t.id, t.title(language), t.description(language)) for t in infos]


def load_template(template_id: str, language: str = "zh") -> Design:
    return _templates.load_template(template_id, language)
