"""The default function catalogue (`resources/catalogue.json`), in Chinese or English.

The catalogue is data, not code: each entry has a stable `key` that designs
keep in `Function.key`, so the validator recognises "brand management" or the
journey stages whatever the user renamed them to, in either language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .design import Design, check_language
from .entities import Function, Kpi, new_id
from .errors import FileProblem, InvalidValueError
from .package_data import RESOURCES, read_resource_text

CATALOGUE_PATH = RESOURCES / "catalogue.json"

# Category names the validator relies on.
MARKETING = "marketing"
JOURNEY = "journey"
# The hub's partners (seed): sales, product/R&D, service, finance, and IT and data
# (营销技术栈…需要市场部与信息技术部紧密合作; 需要与信息技术部门、数据分析部门无缝协作).
PARTNER_CATEGORIES = ("sales", "product", "service", "finance", "it", "data")

# Catalogue keys the validator relies on.
BRAND_MANAGEMENT = "brand_management"
JOURNEY_STAGES = (
    "journey_awareness",
    "journey_consideration",
    "journey_purchase",
    "journey_repurchase",
    "journey_referral",
)


def is_journey_stage(function: Function) -> bool:
    """A customer-journey stage: category `journey`, or a catalogue stage whatever its category."""
    return function.category == JOURNEY or function.key in JOURNEY_STAGES


@dataclass(frozen=True)
class CatalogueEntry:
    key: str
    category: str
    required: bool
    name_zh: str
    name_en: str
    description_zh: str
    description_en: str

    def name(self, language: str) -> str:
        return self.name_zh if language == "zh" else self.name_en

    def description(self, language: str) -> str:
        return self.description_zh if language == "zh" else self.description_en

    def to_function(self, language: str) -> Function:
        """A new design function (fresh id) for this entry, named in `language`."""
        return Function(
            id=new_id(),
            name=self.name(language),
            category=self.category,
            required=self.required,
            description=self.description(language),
            key=self.key,
        )


@dataclass(frozen=True)
class KpiEntry:
    """A KPI the seed names (考核指标…客户生命周期价值、客户满意度、跨部门项目成功率)."""

    key: str
    functions: tuple[str, ...]  # catalogue keys of the functions and stages it measures
    name_zh: str
    name_en: str
    unit_zh: str
    unit_en: str
    description_zh: str
    description_en: str

    def to_kpi(self, language: str, function_ids: dict[str, str]) -> Kpi:
        """A new KPI (fresh id, no owner) measuring those of its functions the design has."""
        zh = language == "zh"
        return Kpi(
            id=new_id(),
            key=self.key,
            name=self.name_zh if zh else self.name_en,
            unit=self.unit_zh if zh else self.unit_en,
            description=self.description_zh if zh else self.description_en,
            functions=tuple(function_ids[k] for k in self.functions if k in function_ids),
        )


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[CatalogueEntry, ...]
    categories: dict[str, dict[str, str]]  # category -> {"zh": ..., "en": ...}
    kpis: tuple[KpiEntry, ...] = ()

    def entry(self, key: str) -> CatalogueEntry:
        for entry in self.entries:
            if entry.key == key:
                return entry
        raise InvalidValueError(f"the function catalogue has no function {key!r}")

    def keys(self) -> list[str]:
        return [e.key for e in self.entries]

    def category_name(self, category: str, language: str) -> str:
        return self.categories.get(category, {}).get(language, category)

    def functions(self, language: str, keys: list[str] | None = None) -> list[Function]:
        """Function objects (fresh ids) in catalogue order, or in the order of `keys`."""
        check_language(language)
        chosen = self.entries if keys is None else [self.entry(k) for k in keys]
        return [e.to_function(language) for e in chosen]


_FIELDS = ("key", "category", "required", "name_zh", "name_en", "description_zh", "description_en")


def parse_catalogue(text: str, source: str | Path = CATALOGUE_PATH) -> Catalogue:
    """Parse catalogue JSON; raise FileProblem naming the entry at fault."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem(source, f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict) or data.get("format") != "org-designer-catalogue":
        raise FileProblem(
            source, 'is not a function catalogue (no "format": "org-designer-catalogue")'
        )
    raw = data.get("functions")
    if not isinstance(raw, list):
        raise FileProblem(source, "functions: must be a list")
    entries: list[CatalogueEntry] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise FileProblem(source, f"functions[{i}]: must be an object")
        for name in _FIELDS:
            value = item.get(name)
            if name == "required":
                ok, kind = isinstance(value, bool), "true or false"
            else:  # descriptions may be empty, keys and names may not
                ok = isinstance(value, str) and (bool(value) or name.startswith("description"))
                kind = "text"
            if not ok:
                raise FileProblem(source, f"functions[{i}].{name}: missing or not {kind}")
        if item["key"] in seen:
            raise FileProblem(source, f"functions[{i}].key: duplicate key {item['key']!r}")
        seen.add(item["key"])
        entries.append(CatalogueEntry(**{name: item[name] for name in _FIELDS}))
    categories = data.get("categories") or {}
    if not isinstance(categories, dict):
        raise FileProblem(source, "categories: must be an object")
    return Catalogue(
        tuple(entries),
        {k: dict(v) for k, v in categories.items()},
        _parse_kpis(data.get("kpis", []), seen, source),
    )


_KPI_TEXT = ("key", "name_zh", "name_en", "unit_zh", "unit_en", "description_zh", "description_en")


def _parse_kpis(raw: object, function_keys: set[str], source: str | Path) -> tuple[KpiEntry, ...]:
    if not isinstance(raw, list):
        raise FileProblem(source, "kpis: must be a list")
    out: list[KpiEntry] = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise FileProblem(source, f"kpis[{i}]: must be an object")
        for name in _KPI_TEXT:
            if not isinstance(item.get(name), str) or not (item[name] or name.startswith("desc")):
                raise FileProblem(source, f"kpis[{i}].{name}: missing or not text")
        functions = item.get("functions")
        if not isinstance(functions, list) or not all(f in function_keys for f in functions):
            raise FileProblem(source, f"kpis[{i}].functions: must list catalogue function keys")
        out.append(KpiEntry(functions=tuple(functions), **{n: item[n] for n in _KPI_TEXT}))
    return tuple(out)


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The shipped catalogue (read once per process)."""
    return parse_catalogue(read_resource_text(CATALOGUE_PATH), CATALOGUE_PATH)


def default_functions(language: str) -> list[Function]:
    """Every catalogue function, named in `language`, with fresh ids."""
    return load_catalogue().functions(language)


def new_design_with_catalogue(name: str = "", language: str = "zh") -> Design:
    """A new design that starts with the whole catalogue (users then add, rename, delete)."""
    check_language(language)
    design = Design(name, language=language)
    for function in default_functions(language):
        design.add_function(function)
    return design
