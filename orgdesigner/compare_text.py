"""Words for a comparison: kind headings, total labels and one line per change (zh/en).

Shared by `compare` on the command line and the PDF `changes` section.
"""

from __future__ import annotations

from typing import Any

from .compare import Change, Comparison
from .display import format_number

# One palette for the PDF, the chart book and the editor's Compare view.
CHANGE_FILLS = {"added": "#c6efce", "moved": "#ffe699", "changed": "#d6e4f5", "removed": "#eeeeee"}
CHANGE_BORDERS = {
    "added": "#38a169",
    "moved": "#d69e2e",
    "changed": "#4a7bc8",
    "removed": "#8a8a8a",
}

HEADINGS = {
    "added": ("新增部门", "Departments added"),
    "removed": ("撤销部门", "Departments removed"),
    "merged": ("合并部门", "Departments merged"),
    "renamed": ("更名部门", "Departments renamed"),
    "moved": ("调整汇报关系", "Departments moved (new manager)"),
    "changed": ("属性变化", "Fields changed"),
    "link-added": ("新增协作关系", "Links added"),
    "link-removed": ("取消协作关系", "Links removed"),
    "link-changed": ("协作关系变化", "Links changed"),
    "function-added": ("新增职能", "Functions added"),
    "function-removed": ("删除职能", "Functions removed"),
    "owner-changed": ("职能负责部门变化", "Function owner changed"),
    "ownerless": ("职能失去负责部门（管理真空）", "Functions left without an owner"),
    "role-changed": ("RACI 角色变化", "RACI roles changed"),
}
TOTAL_LABELS = {
    "departments": ("部门数", "Departments"),
    "headcount": ("人数", "Headcount"),
    "budget": ("预算", "Budget"),
    "layers": ("层级", "Layers"),
    "widest_span": ("最大管理幅度", "Widest span"),
    "errors": ("错误", "Errors"),
    "warnings": ("警告", "Warnings"),
}
KIND_WORDS = {
    "department": ("部门", "department"),
    "team": ("小组", "team"),
    "committee": ("委员会", "committee"),
    "business_unit": ("事业部", "business unit"),
    "office": ("办公室", "office"),
}
FIELD_LABELS = {
    "kind": ("类型", "kind"),
    "leader": ("负责人", "leader"),
    "headcount": ("人数", "headcount"),
    "budget": ("预算", "budget"),
    "staff": ("参谋部门", "staff unit"),
}
YES_NO = {True: ("是", "yes"), False: ("否", "no")}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "zh" else pair[1]


def heading(kind: str, language: str) -> str:
    return _pick(HEADINGS[kind], language)


def total_label(key: str, language: str) -> str:
    return _pick(TOTAL_LABELS.get(key, (key, key)), language)


def _value(value: Any, language: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict):
        return ", ".join(
            f"{_pick(FIELD_LABELS.get(k, (k, k)), language)} {_field_value(k, v, language)}"
            for k, v in value.items()
        )
    return str(value)


def _field_value(key: str, value: Any, language: str) -> str:
    if key == "kind" and value in KIND_WORDS:
        return _pick(KIND_WORDS[value], language)
    if isinstance(value, bool):
        return _pick(YES_NO[value], language)
    return str(value)


def describe(change: Change, language: str) -> str:
    """'市场部: 总经理办公室 → 营销中心' — the name, then what it was and what it is."""
    if change.kind == "added":
        if change.after is None:
            return change.name
        return (
            f"{change.name}（上级：{change.after}）"
            if language == "zh"
            else f"{change.name} (reports to {change.after})"
        )
    if change.kind == "removed":
        return change.name
    if change.kind == "merged":
        return (
            f"{change.name} 并入 {change.after}"
            if language == "zh"
            else f"{change.name} merged into {change.after}"
        )
    if change.kind in ("link-added", "function-added"):
        detail = _value(change.after, language)
    elif change.kind in ("link-removed", "function-removed"):
        detail = _value(change.before, language)
    else:
        detail = f"{_value(change.before, language)} → {_value(change.after, language)}"
    return f"{change.name}：{detail}" if language == "zh" else f"{change.name}: {detail}"


def text_report(result: Comparison, base_label: str, target_label: str, language: str) -> str:
    lines = [f"{base_label} → {target_label}"]
    if not result.changes:
        lines.append("没有变化" if language == "zh" else "no changes")
    for kind, changes in result.by_kind().items():
        lines.append("")
        colon = "：" if language == "zh" else ":"
        count = f"（{len(changes)}）" if language == "zh" else f" ({len(changes)})"
        lines.append(f"{heading(kind, language)}{count}{colon}")
        lines.extend(f"  {describe(c, language)}" for c in changes)
    lines.append("")
    lines.append("合计（前 → 后）：" if language == "zh" else "totals (before → after):")
    for key, pair in result.totals.items():
        colon = "：" if language == "zh" else ": "
        before, after = format_number(pair["from"]), format_number(pair["to"])
        lines.append(f"  {total_label(key, language)}{colon}{before} → {after}")
    for title, found in (
        (("已解决的问题", "findings resolved"), result.resolved),
        (("新出现的问题", "findings introduced"), result.introduced),
    ):
        if found:
            lines.append("")
            lines.append(_pick(title, language) + ("：" if language == "zh" else ":"))
            lines.extend(f"  [{f.rule}] {f.message}" for f in found)
    return "\n".join(lines)
