"""Write the seven starter templates of the seed to `resources/templates/` (a dev tool).

Run from the repository root: `python tools/make_templates.py`. The rows are
data in `tools/templates.toml` (one line per unit and link, both languages
side by side, so the Chinese and English files cannot drift apart); the
validator thresholds come from `orgdesigner.validator.DEFAULTS`. The JSON files
written are the shipped data; the program loads them with `jsonform` and never
imports this script.
"""

from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orgdesigner import jsonform  # noqa: E402
from orgdesigner.catalogue import load_catalogue  # noqa: E402
from orgdesigner.design import Design  # noqa: E402
from orgdesigner.entities import Department, DeptKind, Function, Link, LinkKind  # noqa: E402
from orgdesigner.layout import tidy_layout  # noqa: E402
from orgdesigner.validator import DEFAULTS  # noqa: E402

OUT = ROOT / "resources" / "templates"
SOURCE = ROOT / "tools" / "templates.toml"
COLORS = {
    "department": "#4472c4",
    "team": "#5b9bd5",
    "committee": "#ed7d31",
    "business_unit": "#8064a2",
    "office": "#595959",
}


def load_specs(source: Path = SOURCE) -> list[dict[str, Any]]:
    """The template rows (tools/templates.toml: one readable line per unit and link)."""
    with source.open("rb") as handle:
        return list(tomllib.load(handle)["template"])


def build(spec: dict[str, Any], language: str) -> Design:
    """The template as a design in `language`; department ids are the unit codes."""
    design = Design(spec["title"][language], language=language)
    design.description = spec["description"][language]
    # Thresholds are the validator's defaults, written into the file so users see them.
    design.settings = asdict(DEFAULTS)
    for unit in spec["units"]:
        design.add_department(
            Department(
                id=unit["code"],
                code=unit["code"],
                parent=unit["parent"] or None,
                kind=DeptKind(unit["kind"]),
                name=unit["name"][language],
                leader=unit["leader"][language],
                headcount=unit["headcount"],
                budget=unit["budget"],
                color=COLORS[unit["kind"]],
            )
        )
    for entry in load_catalogue().entries:
        if entry.key not in spec["omit"]:
            function = entry.to_function(language)
            design.add_function(
                Function(
                    id=entry.key,
                    key=entry.key,
                    name=function.name,
                    category=function.category,
                    required=function.required,
                    description=function.description,
                )
            )
    roles: dict[str, list[str]] = dict(spec["roles"])
    default = spec.get("default_owner")
    for function_id in design.functions:
        if function_id not in roles:
            if default is None:
                raise SystemExit(f"{spec['id']}: nobody owns {function_id}")
            roles[function_id] = [f"{default} A"]
    for key, holders in roles.items():
        for holder in holders:
            dept, role = holder.split()
            design.set_role(key, dept, role)
    for link in spec["links"]:
        design.add_link(
            Link(
                source=link["source"],
                target=link["target"],
                kind=LinkKind(link["kind"]),
                label=link["label"][language],
            )
        )
    for code, committee in spec.get("committees", {}).items():
        design.update_department(
            code,
            chair=committee["chair"][language],
            cadence=committee["cadence"][language],
            notes=committee["notes"][language],
        )
    if "budget_split" in spec:
        split = spec["budget_split"]
        design.settings.update(
            {"brand_budget": split["brand"], "performance_budget": split["performance"]}
        )
    _add_posts(design)
    _add_kpis(design, language)
    design.move_departments(tidy_layout(design))
    return design


def _add_posts(design: Design) -> None:
    """Each journey stage names its responsible post: the leader of the owning unit."""
    for function_id, function in design.functions.items():
        owners = design.owners(function_id)
        if function.category == "journey" and owners:
            design.update_function(function_id, post=design.departments[owners[0]].leader)


def _add_kpis(design: Design, language: str) -> None:
    """The catalogue's KPIs, owned by the owner of the first function each measures and
    shared with the owners of the others (考核指标…跨部门)."""
    ids = {f.key: f_id for f_id, f in design.functions.items()}
    for entry in load_catalogue().kpis:
        kpi = entry.to_kpi(language, ids)
        owners = list(dict.fromkeys(o for f in kpi.functions for o in design.owners(f)))
        if not owners:
            continue
        kpi.id, kpi.owner, kpi.shared = entry.key, owners[0], tuple(owners[1:])
        design.add_kpi(kpi)


def document(design: Design) -> dict:
    """The JSON text form without per-copy identity (design id, dates, link ids)."""
    doc = json.loads(jsonform.dumps(design))
    for key in ("id", "created"):
        doc.pop(key, None)
    for link in doc["links"]:
        link.pop("id", None)
    for items, defaults in (
        ("departments", {"chair": "", "cadence": "", "vacant": False, "staff": False}),
        ("functions", {"post": ""}),
    ):
        for item in doc[items]:  # left out when empty: the templates read like tables
            for name, default in defaults.items():
                if item.get(name) == default:
                    del item[name]
    return doc


def format_doc(doc: dict) -> str:
    """JSON with one object per line in each list, so a template reads (and diffs) like a table."""
    lines = ["{"]
    items = list(doc.items())
    for i, (key, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if isinstance(value, list) and value:
            lines.append(f" {json.dumps(key)}: [")
            for j, item in enumerate(value):
                tail = "," if j < len(value) - 1 else ""
                lines.append(f"  {json.dumps(item, ensure_ascii=False)}{tail}")
            lines.append(f" ]{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    index = []
    specs = load_specs()
    for spec in specs:
        for language in ("zh", "en"):
            path = OUT / f"{spec['id']}.{language}.json"
            text = format_doc(document(build(spec, language)))
            path.write_text(text + "\n", encoding="utf-8")
        index.append(
            {
                "id": spec["id"],
                "title_zh": spec["title"]["zh"],
                "title_en": spec["title"]["en"],
                "description_zh": spec["description"]["zh"],
                "description_en": spec["description"]["en"],
            }
        )
    (OUT / "index.json").write_text(
        json.dumps(
            {"format": "org-designer-templates", "version": 1, "templates": index},
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(specs)} templates to {OUT}")


if __name__ == "__main__":
    main()
