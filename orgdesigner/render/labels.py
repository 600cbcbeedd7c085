"""The fixed words of a proposal in Chinese and English (`--lang`)."""

from __future__ import annotations

from ..kind_words import LINK_KIND_WORDS, UNIT_KIND_WORDS

_TEXT: dict[str, dict[str, str]] = {
    "proposal": {"zh": "组织结构方案", "en": "Structure proposal"},
    "cover": {"zh": "封面", "en": "Cover"},
    "changes": {"zh": "方案变化", "en": "Changes"},
    "chart": {"zh": "组织结构图", "en": "Organisation chart"},
    "overview": {"zh": "总览与分页索引", "en": "Overview and page key"},
    "tile": {"zh": "分页", "en": "Tile"},
    "legend": {"zh": "图例", "en": "Legend"},
    "owners": {"zh": "职能责任矩阵", "en": "Function ownership matrix"},
    "findings": {"zh": "诊断发现", "en": "Findings"},
    "kpis": {"zh": "考核指标", "en": "KPIs"},
    "kpi": {"zh": "指标", "en": "KPI"},
    "unit": {"zh": "单位", "en": "Unit"},
    "kpi_owner": {"zh": "负责部门", "en": "Owner"},
    "shared_with": {"zh": "共同承担", "en": "Shared with"},
    "measures": {"zh": "衡量的职能与旅程阶段", "en": "Measures"},
    "not_measured": {"zh": "尚无指标的职能", "en": "Not measured yet"},
    "no_kpis": {"zh": "此方案还没有考核指标。", "en": "This design has no KPIs yet."},
    "for_unit": {"zh": "{name}（{unit}）", "en": "{name} (for {unit})"},
    "departments": {"zh": "部门一览", "en": "Departments"},
    "contents": {"zh": "目录", "en": "Contents"},
    "page_of": {"zh": "第 {x} 页，共 {y} 页", "en": "Page {x} of {y}"},
    "author": {"zh": "作者", "en": "Author"},
    "date": {"zh": "日期", "en": "Date"},
    "version": {"zh": "版本", "en": "Version"},
    "save_n": {"zh": "第 {n} 次保存", "en": "save {n}"},
    "unsaved": {"zh": "未保存", "en": "not saved yet"},
    "counts": {"zh": "规模", "en": "Size"},
    "counts_text": {
        "zh": "{d} 个部门 · {h} 人 · {f} 项职能 · {o} 项无负责部门",
        "en": "{d} departments · {h} staff · {f} functions · {o} without owner",
    },
    "no_departments": {"zh": "此方案还没有部门。", "en": "This design has no departments yet."},
    "no_functions": {"zh": "此方案还没有职能。", "en": "This design has no functions yet."},
    "no_findings": {"zh": "未发现问题。", "en": "No findings."},
    "no_validator": {
        "zh": "诊断不可用（validator not available）。",
        "en": "Validator not available: findings cannot be listed.",
    },
    "readable_warning": {
        "zh": "注意：最小字号 {s:.1f} pt，可能难以阅读；请换用更大纸张或分页打印。",
        "en": "Note: smallest text is {s:.1f} pt; use larger paper or tiles.",
    },
    "kinds": {"zh": "部门类型", "en": "Kinds of unit"},
    "links": {"zh": "关系类型", "en": "Lines"},
    "reporting": {"zh": "汇报关系", "en": "Reporting line"},
    "roles": {"zh": "RACI 角色", "en": "RACI roles"},
    "colours": {"zh": "颜色", "en": "Colours"},
    "function": {"zh": "职能", "en": "Function"},
    "owner": {"zh": "负责部门 (A)", "en": "Owner (A)"},
    "no_owner": {"zh": "无负责部门", "en": "NO OWNER"},
    "several_owners": {"zh": "多个负责部门", "en": "several owners"},
    "severity": {"zh": "级别", "en": "Severity"},
    "rule": {"zh": "规则", "en": "Rule"},
    "message": {"zh": "说明", "en": "Message"},
    "where": {"zh": "位置", "en": "Where"},
    "name": {"zh": "名称", "en": "Name"},
    "kind": {"zh": "类型", "en": "Kind"},
    "leader": {"zh": "负责人", "en": "Leader"},
    "headcount": {"zh": "人数", "en": "Staff"},
    "headcount_total": {"zh": "含下属人数", "en": "Staff incl. below"},
    "budget": {"zh": "预算", "en": "Budget"},
    "budget_total": {"zh": "含下属预算", "en": "Budget incl. below"},
    "total": {"zh": "合计", "en": "Total"},
    "see_page": {"zh": "见第 {p} 页", "en": "p. {p}"},
    "columns": {"zh": "列 {a}–{b}", "en": "columns {a}–{b}"},
    "error": {"zh": "错误", "en": "error"},
    "warning": {"zh": "警告", "en": "warning"},
    "info": {"zh": "提示", "en": "info"},
    # Unit kinds by their value ("team"), link kinds as "link:<value>": the shared table.
    **{kind.value: words for kind, words in UNIT_KIND_WORDS.items()},
    **{f"link:{kind.value}": words for kind, words in LINK_KIND_WORDS.items()},
    "R": {"zh": "R 执行", "en": "R responsible (does the work)"},
    "A": {
        "zh": "A 负责（责任主体，每项职能恰好一个）",
        "en": "A accountable: the owner, exactly one per function",
    },
    "C": {"zh": "C 咨询", "en": "C consulted"},
    "I": {"zh": "I 知会", "en": "I informed"},
    "used_by": {"zh": "{n} 个部门", "en": "{n} departments"},
    "used_by_one": {"zh": "1 个部门", "en": "1 department"},
    "tile_key": {
        "zh": "分页 {t}（{c} 列 × {r} 行，比例 {s:.0%}）",
        "en": "Tile {t} ({c} columns × {r} rows, scale {s:.0%})",
    },
    "continues": {"zh": "接", "en": "continues"},
    "book_refs": {"zh": "与其他页部门的协作关系", "en": "Links to units on other pages"},
    "book_more_refs": {"zh": "……另有 {n} 条", "en": "… and {n} more"},
    "book_index": {"zh": "部门索引", "en": "Index of units"},
    "unrouted": {
        "zh": "未画出的关系（找不到绕开其他方框的路线）",
        "en": "Links not drawn (no route around the other boxes)",
    },
    "link_ends": {"zh": "部门", "en": "Units"},
    "link_label": {"zh": "关系", "en": "Link"},
}


def text(key: str, lang: str, **values: object) -> str:
    entry = _TEXT[key]
    words = entry.get(lang) or entry["en"]
    return words.format(**values) if values else words
