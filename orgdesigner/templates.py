"""The seed's seven organisation forms as starter designs (`resources/templates/`).

Each template is a JSON text form file per language (`<id>.zh.json`,
`<id>.en.json`), loaded through `jsonform`, so a template is exactly what a
user could have exported. `index.json` gives the order and the titles. A
loaded template is a new design: fresh design, department, function and link
ids every time (the template's own ids stay as department codes and function keys).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import jsonform
from .design import Design, LANGUAGES, now_iso
from .errors import FileProblem, OrgDesignerError
from .package_data import RESOURCES, read_resource_text

TEMPLATES_DIR = RESOURCES / "templates"
INDEX_PATH = TEMPLATES_DIR / "index.json"


class UnknownTemplateError(OrgDesignerError):
    """A template id that is not shipped."""


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str

    def title(self, language: str) -> str:
        return self.title_zh if language == "zh" else self.title_en

    def description(self, language: str) -> str:
        return self.description_zh if language == "zh" else self.description_en


@lru_cache(maxsize=1)
def list_templates() -> tuple[TemplateInfo, ...]:
    """The shipped templates, in the order the seed describes them."""
    try:
        data = json.loads(read_resource_text(INDEX_PATH))
        return tuple(
            TemplateInfo(**{k: item[k] for k in TemplateInfo.__dataclass_fields__})
            for item in data["templates"]
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise FileProblem(INDEX_PATH, f"is not a valid template index ({exc})") from None


def template_ids() -> list[str]:
    return [t.id for t in list_templates()]


def template_info(template_id: str) -> TemplateInfo:
    for info in list_templates():
        if info.id == template_id:
            return info
    raise UnknownTemplateError(
        f"there is no template {template_id!r} (known: {', '.join(template_ids())})"
    )


def template_path(template_id: str, language: str) -> Path:
    template_info(template_id)
    if language not in LANGUAGES:
        raise UnknownTemplateError(f"templates exist in {', '.join(LANGUAGES)}, not {language!r}")
    return TEMPLATES_DIR / f"{template_id}.{language}.json"


def load_template(template_id: str, language: str = "zh") -> Design:
    """A new design built from the template, in `language`, with fresh ids."""
    design = jsonform.read(template_path(template_id, language))
    design.created = design.modified = now_iso()
    return design
