"""Scenarios: several named versions of one organisation in one design file.

A file holds an ordered list of scenarios (the first is 现状 / "As is" by
default). Each scenario is a complete `Design`; copies keep every object's
id, so a department in two scenarios is recognisably the same unit (the
comparison engine matches by id first). File-level facts (design id, name,
description, author, language, created, the save stamp) are shared: the
set keeps them equal on every scenario, and `active` is the one the editor
shows and whose stamp a save writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from .design import Design, build_design, now_iso
from .entities import new_id
from .errors import OrgDesignerError

DEFAULT_NAMES = {"zh": "现状", "en": "As is"}
TARGET_NAMES = {"zh": "目标", "en": "To be"}
MAX_NAME = 200
SHARED_FIELDS = ("id", "name", "description", "author", "language", "created", "modified", "stamp")
_FILE_SCENARIO = re.compile(r"^(.*?\.db)#(.*)$", re.IGNORECASE | re.DOTALL)


class ScenarioError(OrgDesignerError):
    """A scenario name that is missing, taken, empty, or the last one being deleted."""


@dataclass
class ScenarioInfo:
    """A scenario's own identity; stored in the `scenarios` table."""

    id: str = field(default_factory=new_id)
    name: str = ""
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)


def info_of(design: Design) -> ScenarioInfo:
    """The scenario record of a design (a lone design gets one named for its language)."""
    if design.scenario is None:
        design.scenario = ScenarioInfo(name=default_name(design.language))
    return design.scenario


def default_name(language: str) -> str:
    return DEFAULT_NAMES.get(language, DEFAULT_NAMES["zh"])


def split_target(text: str) -> tuple[str, str | None]:
    """'plan.db#方案B' -> ('plan.db', '方案B'); anything else -> (text, None)."""
    found = _FILE_SCENARIO.match(text)
    if found is None:
        return text, None
    return found.group(1), found.group(2)


def check_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ScenarioError("a scenario needs a name", zh="方案需要名称")
    if len(name) > MAX_NAME:
        raise ScenarioError(
            f"a scenario name is longer than {MAX_NAME} characters",
            zh=f"方案名称超过 {MAX_NAME} 个字符",
        )
    return name.strip()


def copy_design(design: Design) -> Design:
    """A deep copy with the same object ids (a new scenario starts as this)."""
    copy = build_design(
        name=design.name,
        language=design.language,
        departments=[d.copy() for d in design.departments.values()],
        links=[link.copy() for link in design.links.values()],
        functions=[f.copy() for f in design.functions.values()],
        roles=list(design.responsibilities()),
        kpis=[k.copy() for k in design.kpis.values()],
    )
    copy.departments = {k: copy.departments[k] for k in design.departments}
    copy.settings = dict(design.settings)
    for name in SHARED_FIELDS:
        setattr(copy, name, getattr(design, name))
    return copy


class ScenarioSet:
    """The ordered scenarios of one design file."""

    def __init__(self, designs: list[Design], active: int = 0):
        if not designs:
            raise ScenarioError(
                "a design file holds at least one scenario", zh="设计文件至少要有一个方案"
            )
        self.designs = designs
        for design in designs:
            info_of(design)
        self._active = designs[active]

    @classmethod
    def single(cls, design: Design) -> "ScenarioSet":
        return cls([design])

    # -------------------------------------------------------------- reading
    def __iter__(self) -> Iterator[Design]:
        return iter(self.designs)

    def __len__(self) -> int:
        return len(self.designs)

    def names(self) -> list[str]:
        return [info_of(d).name for d in self.designs]

    def get(self, name: str) -> Design:
        for design in self.designs:
            if info_of(design).name == name:
                return design
        raise ScenarioError(
            f'there is no scenario "{name}" (scenarios: {", ".join(self.names())})',
            zh=f"没有方案“{name}”（现有方案：{'、'.join(self.names())}）",
        )

    @property
    def active(self) -> Design:
        return self._active

    def activate(self, name_or_design: str | Design) -> Design:
        """Make a scenario the one shown; it takes over the file-level fields."""
        design = self.get(name_or_design) if isinstance(name_or_design, str) else name_or_design
        if design is not self._active:
            for field_name in SHARED_FIELDS:
                setattr(design, field_name, getattr(self._active, field_name))
            self._active = design
        return design

    # stamp/modified stand for the file: safesave sets them on whatever it saves
    @property
    def stamp(self):
        return self._active.stamp

    @stamp.setter
    def stamp(self, value) -> None:
        self._active.stamp = value

    @property
    def modified(self) -> str:
        return self._active.modified

    @modified.setter
    def modified(self, value: str) -> None:
        self._active.modified = value

    @property
    def name(self) -> str:
        return self._active.name

    @property
    def language(self) -> str:
        return self._active.language

    # ------------------------------------------------------------- changing
    def _free(self, name: str) -> str:
        name = check_name(name)
        if name in self.names():
            raise ScenarioError(
                f'a scenario named "{name}" already exists', zh=f"方案“{name}”已存在"
            )
        return name

    def add(self, design: Design, name: str) -> Design:
        """Add `design` as a new scenario (last); it shares the file-level fields."""
        name = self._free(name)
        for field_name in SHARED_FIELDS:
            if field_name != "stamp":
                setattr(design, field_name, getattr(self._active, field_name))
        design.stamp = self._active.stamp
        design.scenario = ScenarioInfo(name=name)
        self.designs.append(design)
        return design

    def copy(self, name: str, new_name: str) -> Design:
        """A new scenario `new_name` holding a copy of `name` (same object ids)."""
        source = self.get(name)
        new_name = self._free(new_name)
        copy = copy_design(source)
        for field_name in SHARED_FIELDS:
            setattr(copy, field_name, getattr(self._active, field_name))
        copy.scenario = ScenarioInfo(name=new_name)
        self.designs.insert(self.designs.index(source) + 1, copy)
        return copy

    def rename(self, name: str, new_name: str) -> Design:
        design = self.get(name)
        if check_name(new_name) != name:
            info_of(design).name = self._free(new_name)
            info_of(design).modified = now_iso()
        return design

    def delete(self, name: str) -> Design:
        """Remove a scenario (never the last); the active one moves to a neighbour."""
        design = self.get(name)
        if len(self.designs) == 1:
            raise ScenarioError("the last scenario cannot be deleted", zh="不能删除唯一的方案")
        index = self.designs.index(design)
        if design is self._active:
            self.activate(self.designs[index + 1 if index == 0 else index - 1])
        self.designs.remove(design)
        return design


def map_onto(base: Design, design: Design) -> Design:
    """`design` with the ids of the units and functions it shares with `base`.

    Matching is the comparison engine's (code, then name under the matched
    parent; functions by catalogue key, then name), so a template laid over
    another becomes a scenario whose unchanged units are the same objects.
    """
    from .compare import match_departments, match_functions

    depts = {t: b for b, t in match_departments(base, design)[0].items()}
    functions = {t: b for b, t in match_functions(base, design).items()}
    taken = set(base.departments)

    def dept(dept_id: str) -> str:
        return depts.get(dept_id, dept_id if dept_id not in taken else "new:" + dept_id)

    def parent(dept_id: str | None) -> str | None:
        return None if dept_id is None else dept(dept_id)

    moved = [d.copy() for d in design.departments.values()]
    for d in moved:
        d.id, d.parent = dept(d.id), parent(d.parent)
    links = [link.copy() for link in design.links.values()]
    for link in links:
        link.source, link.target = dept(link.source), dept(link.target)
    fns = [f.copy() for f in design.functions.values()]
    for f in fns:
        f.id = functions.get(f.id, f.id)
    base_kpis = {k.key: k.id for k in base.kpis.values() if k.key}
    kpis = []
    for kpi in design.kpis.values():
        kpi = kpi.copy()
        kpi.id = base_kpis.get(kpi.key, kpi.id) if kpi.key else kpi.id
        kpi.owner = parent(kpi.owner)
        kpi.shared = tuple(dept(d) for d in kpi.shared)
        kpi.functions = tuple(functions.get(f, f) for f in kpi.functions)
        kpis.append(kpi)
    mapped = build_design(
        name=design.name,
        language=design.language,
        departments=moved,
        links=links,
        functions=fns,
        roles=[(functions.get(f, f), dept(d), r) for f, d, r in design.responsibilities()],
        kpis=kpis,
    )
    mapped.departments = {d.id: mapped.departments[d.id] for d in moved}
    mapped.settings = dict(design.settings)
    return mapped
