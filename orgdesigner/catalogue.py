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
from .entities import Function, new_id
from .errors import FileProblem, InvalidValueError
from .package_data import RESOURCES, read_resource_text

CATALOGUE_PATH = RESOURCES / "catalogue.json"

# Category names the validator relies on.
MARKETING = "marketing"
JOURNEY = "journey"
PARTNER_CATEGORIES = ("sales", "product", "service", "finance")  # the hub's partners (seed)

# Catalogue keys the validator relies on.
BRAND_MANAGEMENT = "brand_management"
JOURNEY_STAGES = ("journey_awareness", "journey_consideration", "journey_purchase",
                  "journey_repurchase", "journey_referral")


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
        return Function(id=new_id(), name=self.name(language), category=self.category,
                        required=self.required, description=self.description(language),
                        key=self.key)


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[CatalogueEntry, ...]
    categories: dict[str, dict[str, str]]  # category -> {"zh": ..., "en": ...}

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
        raise FileProblem(source, 'is not a function catalogue (no "format": "org-designer-catalogue")')
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
    return Catalogue(tuple(entries), {k: dict(v) for k, v in categories.items()})


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
